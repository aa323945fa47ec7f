"""Keeps the mouse wheel from changing spin boxes, combos and sliders the user only scrolls past.

Inside a SchemaForm these editors take the wheel only when they have keyboard focus; otherwise the
wheel scrolls the form. The registry guards every editor it creates (so "+ Add" rows and revealed
"Custom…" sizes are covered too).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QSlider, QWidget
from typing_extensions import override

# Set on a SchemaForm: only editors inside one are guarded (a lone field behaves as Qt's default).
FORM_MARKER = "studioSchemaForm"
_GUARDED_TYPES = (QAbstractSpinBox, QComboBox, QSlider)


class WheelGuard(QObject):
    """Event filter: an unfocused editor's wheel event scrolls the enclosing scroll area instead."""

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        if watched.hasFocus() or not _in_schema_form(watched):
            return False
        area = _scroll_area_of(watched)
        if area is not None:
            # Synthetic (non-spontaneous) events do not propagate, so the scroll bar gets it as is.
            QCoreApplication.sendEvent(area.verticalScrollBar(), event)
        event.accept()  # consumed either way: the value must not change
        return True


_GUARD: list[WheelGuard] = []


def _guard() -> WheelGuard:
    """One shared filter object, owned by the application (so it dies with it)."""
    if _GUARD and shiboken6.isValid(_GUARD[0]):
        return _GUARD[0]
    guard = WheelGuard(QCoreApplication.instance())
    _GUARD[:] = [guard]
    return guard


def guard_wheel(root: QWidget) -> None:
    """Guards `root` and every spin box, combo and slider inside it; clicking still focuses them."""
    editors: list[QWidget] = [root, *root.findChildren(QWidget)]
    guard = _guard()
    for editor in editors:
        if isinstance(editor, _GUARDED_TYPES):
            # WheelFocus would let the wheel itself focus the editor and then change it.
            editor.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            editor.installEventFilter(guard)


def _in_schema_form(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent.property(FORM_MARKER):
            return True
        parent = parent.parentWidget()
    return False


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent
