"""Fixtures shared by the UI tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from studio.ui.preview.image_view import ImageView
from studio.ui.preview.video_view import VideoView
from tests.conftest import wait_until

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot


@pytest.fixture
def restore_theme(qapp: QApplication) -> Iterator[QApplication]:
    """Tests share one QApplication: put its style and palette back as they were."""
    style = qapp.style().name()
    palette = QPalette(qapp.palette())
    explicit = qapp.testAttribute(Qt.ApplicationAttribute.AA_SetPalette)
    yield qapp
    qapp.setProperty("studio_theme", None)
    qapp.styleHints().unsetColorScheme()
    if qapp.style().name() != style:
        qapp.setStyle(style)
    qapp.setPalette(palette if explicit else QPalette())


@pytest.fixture
def video_view(qapp: QApplication) -> Iterator[VideoView]:
    """A shown VideoView, stopped and released after the test."""
    view = VideoView()
    view.resize(400, 260)
    view.show()
    yield view
    view.stop()
    view.close()
    view.deleteLater()


@pytest.fixture
def image_view(qtbot: QtBot) -> ImageView:
    """A shown 400 × 300 ImageView."""
    widget = ImageView()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


async def load_image(view: ImageView, path: Path) -> bool:
    """load() and await the decode (a worker thread): True when the picture is shown, False when
    a message says why not."""
    view.load(path)
    await wait_until(lambda: not view.is_loading())
    return view.canvas.has_image()
