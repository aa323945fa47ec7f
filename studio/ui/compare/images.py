"""Image results that move together: zoom or pan one and every column (and the A/B wipe) shows the
same part of its own picture at the same relative size.

Views are synced in picture-relative terms (the centre as a fraction of the picture, the zoom as
screen pixels per picture width), so pictures of different pixel sizes still line up. Fit and
1:1 apply to each picture on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QPointF, Signal
from PySide6.QtGui import QTransform
from typing_extensions import override

from studio.ui.preview.image_canvas import MAX_ZOOM, MIN_ZOOM, ImageCanvas

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class ViewState:
    """Which part of a picture is shown: centre (fractions of width and height) and zoom (screen
    pixels per whole picture width)."""

    cx: float
    cy: float
    scale: float


class Synced(Protocol):
    """What the hub needs of a view (a column's canvas or the wipe)."""

    @property
    def view_moved(self) -> SignalInstance: ...

    def view_state(self) -> ViewState | None: ...

    def apply_view(self, state: ViewState) -> None: ...

    def fit(self) -> None: ...

    def actual_size(self) -> None: ...

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None: ...


class SyncedCanvas(ImageCanvas):
    """An ImageCanvas that says when the user moved it, and can be moved without saying so.

    Signals: view_moved(object) — the ViewState after a zoom or pan by the user.
    """

    view_moved = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = 0
        self.horizontalScrollBar().valueChanged.connect(self._on_moved)
        self.verticalScrollBar().valueChanged.connect(self._on_moved)
        self.zoom_changed.connect(self._on_moved)

    def view_state(self) -> ViewState | None:
        rect = self.sceneRect()
        if not self.has_image() or rect.width() <= 0 or rect.height() <= 0:
            return None
        centre = self.mapToScene(self.viewport().rect().center())
        scale = self.transform().m11() * rect.width()
        return ViewState(centre.x() / rect.width(), centre.y() / rect.height(), scale)

    def apply_view(self, state: ViewState) -> None:
        rect = self.sceneRect()
        if not self.has_image() or rect.width() <= 0:
            return
        self._quiet += 1
        try:
            scale = min(max(state.scale / rect.width(), MIN_ZOOM), MAX_ZOOM)
            self._fit_mode = False
            self.setTransform(QTransform.fromScale(scale, scale))
            self.centerOn(state.cx * rect.width(), state.cy * rect.height())
        finally:
            self._quiet -= 1
        self.zoom_changed.emit(self.zoom_factor())

    @override
    def fit(self) -> None:
        self._quiet += 1
        try:
            super().fit()
        finally:
            self._quiet -= 1

    @override
    def actual_size(self) -> None:
        self._quiet += 1
        try:
            super().actual_size()
        finally:
            self._quiet -= 1

    def _on_moved(self, *_args: object) -> None:
        if self._quiet:
            return
        state = self.view_state()
        if state is not None:
            self.view_moved.emit(state)


class ViewSync(QObject):
    """Keeps every member showing the same part of its picture (see the module docstring)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._members: list[Synced] = []
        self._moving = False

    def add(self, member: Synced) -> None:
        self._members.append(member)
        member.view_moved.connect(lambda state, m=member: self._on_member_moved(m, state))

    def remove(self, member: Synced) -> None:
        if member in self._members:
            self._members.remove(member)

    def members(self) -> list[Synced]:
        return list(self._members)

    def fit_all(self) -> None:
        for member in self._members:
            member.fit()

    def actual_size_all(self) -> None:
        for member in self._members:
            member.actual_size()

    def zoom_all(self, factor: float) -> None:
        """Zoom the first picture shown, the others follow."""
        leader = next((m for m in self._members if m.view_state() is not None), None)
        if leader is not None:
            leader.zoom_by(factor)

    def _on_member_moved(self, source: Synced, state: ViewState) -> None:
        if self._moving:
            return
        self._moving = True
        try:
            for member in self._members:
                if member is not source:
                    member.apply_view(state)
        finally:
            self._moving = False
