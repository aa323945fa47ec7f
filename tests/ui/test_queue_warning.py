"""A running row's connection warning: its role, its tooltip line, a legible amber line."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from studio.core.jobs import Job, JobStatus
from studio.ui.queue.delegate import MIN_TEXT_CONTRAST, QueueDelegate, warning_colour
from studio.ui.queue.model import QueueModel, QueueRole
from studio.ui.theme import contrast_ratio
from tests.ui.test_queue_model import START, job_of_each_status

pytestmark = pytest.mark.usefixtures("qapp")

WARNING = "Connection problem — still trying (rate limited by the server)"
ROW_WIDTH = 520


def running_job(warning: str | None) -> Job:
    job = next(j for j in job_of_each_status() if j.status is JobStatus.PROCESSING)
    return replace(job, warning=warning)


def palette_with_base(base: str, text: str) -> QPalette:
    palette = QPalette(QApplication.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    palette.setColor(QPalette.ColorRole.Text, QColor(text))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#808080"))
    return palette


LIGHT = ("#ffffff", "#1a1a1a")
LIGHT_GREY = ("#f0f0f0", "#1a1a1a")
DARK = ("#1e1e1e", "#dcdcdc")


def render_row(job: Job, palette: QPalette) -> QImage:
    """The delegate's painting of one row onto a pixmap filled with the palette's base."""
    model = QueueModel(now=lambda: START)
    model.upsert(job)
    index = model.index(0)
    option = QStyleOptionViewItem()
    option.palette = palette
    option.font = QApplication.font()
    option.fontMetrics = QFontMetrics(option.font)
    option.state = QStyle.StateFlag.State_Enabled
    delegate = QueueDelegate()
    height = delegate.sizeHint(option, index).height()
    option.rect = QRect(0, 0, ROW_WIDTH, height)
    pixmap = QPixmap(ROW_WIDTH, height)
    pixmap.fill(palette.color(QPalette.ColorRole.Base))
    painter = QPainter(pixmap)
    try:
        delegate.paint(painter, option, index)
    finally:
        painter.end()
    return pixmap.toImage()


def count_near(image: QImage, target: QColor, tolerance: int = 40) -> int:
    goal = (target.red(), target.green(), target.blue())
    found = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            rgb = (colour.red(), colour.green(), colour.blue())
            found += all(abs(a - b) <= tolerance for a, b in zip(rgb, goal, strict=True))
    return found


def test_model_gives_the_warning_its_own_role_and_a_tooltip_line() -> None:
    model = QueueModel(now=lambda: START)
    model.upsert(running_job(WARNING))
    index = model.index(0)

    assert index.data(QueueRole.WARNING) == WARNING
    assert index.data(QueueRole.DETAIL) == WARNING
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert isinstance(tooltip, str)
    shown = QTextDocumentFragment.fromHtml(tooltip).toPlainText().splitlines()  # as Qt shows it
    assert f"⚠ {WARNING}" in shown
    assert "Running — Generating…" in shown


def test_a_settled_row_shows_no_stale_warning() -> None:
    model = QueueModel(now=lambda: START)
    done = next(j for j in job_of_each_status() if j.status is JobStatus.SUCCEEDED)
    model.upsert(replace(done, warning=WARNING))
    index = model.index(0)
    assert index.data(QueueRole.WARNING) == ""
    assert WARNING not in index.data(Qt.ItemDataRole.ToolTipRole)


@pytest.mark.parametrize("colours", [LIGHT, LIGHT_GREY, DARK], ids=["light", "grey", "dark"])
def test_warning_amber_is_legible_on_the_base(colours: tuple[str, str]) -> None:
    palette = palette_with_base(*colours)
    base = palette.color(QPalette.ColorRole.Base)
    amber = warning_colour(palette)
    assert contrast_ratio(amber, base) >= MIN_TEXT_CONTRAST
    assert amber.red() > amber.blue() + 60  # still amber, not pushed to grey


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_delegate_paints_the_warning_line_in_amber(colours: tuple[str, str]) -> None:
    palette = palette_with_base(*colours)
    amber = warning_colour(palette)

    warned = render_row(running_job(WARNING), palette)
    calm = render_row(running_job(None), palette)

    assert not warned.isNull() and not calm.isNull()
    assert count_near(warned, amber) > 20
    assert count_near(calm, amber) == 0
