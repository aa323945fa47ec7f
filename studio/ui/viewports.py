"""Item views whose viewport is made in Python, so asking for it costs nothing.

A widget made by Qt and first handed to Python as a plain ``QWidget *`` (a scroll area's default
viewport) has no Python object yet. To make one, Shiboken looks for its most derived class among
every QWidget subclass it knows, creating each one's Python type and enums on the way: ~20-25 ms
on this machine, once per process, wherever it first happens (the first ``view.viewport()``).
A viewport made here already has its Python object, so no lookup is ever needed for it. Every
item view whose viewport the studio asks for makes it here (the marketplace list, the queue, the
gallery grid, Compare's translation table), and so does the preview's image canvas (a graphics
view: its first paint during a busy queue paid the lookup, 30 ms): start-up, a first gallery and
a first picture no longer pay it (issue 12).
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QWidget


def own_viewport(view: QAbstractScrollArea, name: str = "qt_scrollarea_viewport") -> QWidget:
    """Give ``view`` a viewport made in Python, set up as Qt sets up a scroll area's own (same
    background and attributes, and name: a QGraphicsView's has none); returns it. Call it
    right after making the view."""
    viewport = QWidget()
    viewport.setObjectName(name)
    view.setViewport(viewport)
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    return viewport
