"""Fixtures shared by the UI tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from studio.ui.preview.video_view import VideoView

if TYPE_CHECKING:
    from collections.abc import Iterator

    from PySide6.QtWidgets import QApplication


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
