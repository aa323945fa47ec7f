"""Item views make their viewport in Python (studio.ui.viewports), set up as Qt's own.

Asking Qt for a viewport it made has Shiboken look the widget's class up among every QWidget
subclass, creating their Python types and enums on the way (once per process); a viewport made
in Python is handed back as it is.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsView, QListView, QTableView

from studio.ui.compare.table import TranslationTable
from studio.ui.gallery.grid import GalleryGrid
from studio.ui.gallery.thumbs import ThumbnailLoader
from studio.ui.marketplace import MarketplacePanel
from studio.ui.preview.image_canvas import ImageCanvas
from studio.ui.queue.view import QueueListView
from studio.ui.viewports import own_viewport

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget


def _facts(viewport: QWidget) -> dict[str, object]:
    return {
        "attributes": {a.name for a in Qt.WidgetAttribute if viewport.testAttribute(a)},
        "name": viewport.objectName(),
        "background": viewport.backgroundRole(),
        "fills": viewport.autoFillBackground(),
        "mouse tracking": viewport.hasMouseTracking(),
        "focus policy": viewport.focusPolicy(),
        "drops": viewport.acceptDrops(),
    }


@pytest.mark.parametrize("kind", [QListView, QTableView, QGraphicsView])
def test_an_own_viewport_is_set_up_as_qts_own(
    qapp: QApplication, kind: type[QAbstractScrollArea]
) -> None:
    theirs, ours = kind(), kind()
    made = own_viewport(ours, name="" if kind is QGraphicsView else "qt_scrollarea_viewport")
    assert ours.viewport() is made
    assert made.focusProxy() is ours
    for view in (theirs, ours):
        view.show()
    qapp.processEvents()
    assert _facts(ours.viewport()) == _facts(theirs.viewport())
    for view in (theirs, ours):
        view.close()


def test_the_studios_item_views_own_their_viewport(qapp: QApplication) -> None:
    loader = ThumbnailLoader()
    marketplace = MarketplacePanel()
    views: list[QAbstractScrollArea] = [
        GalleryGrid(loader),
        QueueListView(),
        marketplace.list,
        TranslationTable(),
        ImageCanvas(),
    ]
    for view in views:
        viewport = view.viewport()
        name = "" if isinstance(view, QGraphicsView) else "qt_scrollarea_viewport"
        assert viewport.objectName() == name
        assert shiboken6.createdByPython(viewport), type(view).__name__


def test_qts_own_viewport_is_not_made_in_python(qapp: QApplication) -> None:
    assert not shiboken6.createdByPython(QListView().viewport())


def test_asking_for_an_own_viewport_makes_no_python_types() -> None:
    """In a fresh process: Qt's viewport makes the lookup create enums; ours makes none."""
    script = (
        "import enum\n"
        "from PySide6.QtWidgets import QApplication, QListView\n"
        "from studio.ui.viewports import own_viewport\n"
        "app = QApplication([])\n"
        "made = []\n"
        "create = enum.EnumType._create_\n"
        "def counted(*args, **kwargs):\n"
        "    made.append(args[1])\n"
        "    return create(*args, **kwargs)\n"
        "enum.EnumType._create_ = counted\n"
        "ours = QListView()\n"
        "own_viewport(ours)\n"
        "ours.viewport()\n"
        "print(len(made))\n"
        "QListView().viewport()\n"
        "print(len(made) > 10)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.stdout.split("\n")[:2] == ["0", "True"], done.stderr
