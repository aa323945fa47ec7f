"""Item views whose viewport is made in Python, so asking for it costs nothing.

A widget made by Qt and first handed to Python as a plain ``QWidget *`` (a scroll area's default
viewport) has no Python object yet. To make one, Shiboken looks for its most derived class among
every QWidget subclass it knows, creating each one's Python type and enums on the way: ~20-25 ms
on this machine, once per process, wherever it first happens (the first ``view.viewport()``).
A viewport made here already has its Python object, so no lookup is ever needed for it. Every
item view whose viewport the studio asks for makes it here (the marketplace list, the queue, the
gallery grid, Compare's translation table): start-up and a first gallery no longer pay that
lookup (issue 12).
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QWidget


def own_viewport(view: QAbstractItemView) -> QWidget:
    """Give ``view`` a viewport made in Python, set up as Qt sets up an item view's own (same
    name, background and attributes); returns it. Call it right after making the view."""
    viewport = QWidget()
    viewport.setObjectName("qt_scrollarea_viewport")
    view.setViewport(viewport)
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    return viewport
