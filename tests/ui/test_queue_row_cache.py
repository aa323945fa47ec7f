"""The queue delegate keeps painted rows: an unchanged row is drawn from its pixmap, a row that
changed in any way it shows is painted anew, and the kept pixmaps stay within their budget."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics, QImage, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from studio.core.jobs import Job, JobStatus
from studio.ui.queue import delegate as delegate_module
from studio.ui.queue.delegate import QueueDelegate
from studio.ui.queue.model import QueueModel
from tests.ui.test_queue_model import START, job_of_each_status

pytestmark = pytest.mark.usefixtures("qapp")

WIDTH = 480


def _job(status: JobStatus) -> Job:
    return next(j for j in job_of_each_status() if j.status is status)


class Row:
    """One queue row painted by one delegate onto a pixmap, as the list would paint it."""

    def __init__(self, job: Job) -> None:
        self.model = QueueModel(now=lambda: START)
        self.model.upsert(job)
        self.delegate = QueueDelegate()
        self.state = QStyle.StateFlag.State_Enabled
        self.width = WIDTH

    def paint(self) -> QImage:
        index = self.model.index(0)
        option = QStyleOptionViewItem()
        option.palette = QPalette(QApplication.palette())
        option.font = QApplication.font()
        option.fontMetrics = QFontMetrics(option.font)
        option.state = self.state
        height = self.delegate.sizeHint(option, index).height()
        option.rect = QRect(0, 0, self.width, height)
        pixmap = QPixmap(self.width, height)
        pixmap.fill(option.palette.color(QPalette.ColorRole.Base))
        painter = QPainter(pixmap)
        try:
            self.delegate.paint(painter, option, index)
        finally:
            painter.end()
        return pixmap.toImage()


def test_an_unchanged_row_is_drawn_from_its_kept_pixmap() -> None:
    row = Row(_job(JobStatus.SUCCEEDED))
    first = row.paint()
    again = row.paint()
    assert row.delegate.rows_painted == 1
    assert again == first


def test_a_row_whose_job_changed_is_painted_anew() -> None:
    job = _job(JobStatus.PROCESSING)
    row = Row(job)
    running = row.paint()
    row.model.upsert(replace(job, status=JobStatus.FAILED, error="task failed (code 500)"))
    failed = row.paint()
    assert row.delegate.rows_painted == 2
    assert failed != running


def test_selecting_a_row_paints_it_anew() -> None:
    row = Row(_job(JobStatus.SUCCEEDED))
    plain = row.paint()
    row.state |= QStyle.StateFlag.State_Selected
    selected = row.paint()
    assert row.delegate.rows_painted == 2
    assert selected != plain


def test_compact_rows_are_kept_apart_from_full_ones() -> None:
    row = Row(_job(JobStatus.SUCCEEDED))
    full = row.paint()
    row.delegate.compact = True
    compact = row.paint()
    row.delegate.compact = False
    assert row.paint() == full
    assert compact.height() < full.height()
    assert row.delegate.rows_painted == 2


def test_kept_rows_stay_within_the_pixel_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    job = _job(JobStatus.PROCESSING)
    row = Row(job)
    row.paint()
    one_row = WIDTH * row.paint().height()
    monkeypatch.setattr(delegate_module, "ROW_CACHE_PIXELS", 3 * one_row)
    for n in range(6):
        row.model.upsert(replace(job, warning=f"still trying ({n})"))
        row.paint()
    assert row.delegate.kept_rows() == 3
    row.model.upsert(replace(job, warning="still trying (5)"))  # the newest one is still kept
    painted = row.delegate.rows_painted
    row.paint()
    assert row.delegate.rows_painted == painted


def test_past_the_paint_budget_a_changed_row_shows_its_last_drawing_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    job = _job(JobStatus.PROCESSING)
    row = Row(job)
    running = row.paint()
    row.model.upsert(replace(job, status=JobStatus.FAILED, error="task failed (code 500)"))
    monkeypatch.setattr(delegate_module, "PAINT_BUDGET_S", -1.0)  # spent from the start
    row.delegate.begin_paint()
    late = row.paint()
    assert row.delegate.end_paint() == {job.local_id}
    assert late == running and row.delegate.rows_painted == 1
    monkeypatch.setattr(delegate_module, "PAINT_BUDGET_S", 1.0)  # the next turn's paint
    row.delegate.begin_paint()
    failed = row.paint()
    assert row.delegate.end_paint() == set()
    assert failed != running and row.delegate.rows_painted == 2


def test_past_the_paint_budget_a_row_never_drawn_is_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    row = Row(_job(JobStatus.QUEUED))
    monkeypatch.setattr(delegate_module, "PAINT_BUDGET_S", -1.0)
    row.delegate.begin_paint()
    row.paint()
    assert row.delegate.end_paint() == set()
    assert row.delegate.rows_painted == 1


def test_a_last_drawing_of_another_size_is_not_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    job = _job(JobStatus.PROCESSING)
    row = Row(job)
    row.paint()
    row.model.upsert(replace(job, status=JobStatus.SUCCEEDED))
    monkeypatch.setattr(delegate_module, "PAINT_BUDGET_S", -1.0)
    row.width = WIDTH + 40
    row.delegate.begin_paint()
    row.paint()
    assert row.delegate.end_paint() == set()  # wider now: drawn anew, not stretched
    assert row.delegate.rows_painted == 2
