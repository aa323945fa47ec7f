"""Paints a marketplace row: capability icon, name in bold, provider · mode underneath.

The style draws each row's ground (hover, selection, focus) as it is painted; what is written on
it is drawn once into a pixmap and copied after that, until the row's text, width, selection,
palette or font changes. Typing a search repaints the list at every key, mostly with rows drawn
at earlier keys.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Final

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem
from typing_extensions import override

from studio.ui.icons import capability_icon
from studio.ui.marketplace.model import CapabilityRole, SubtitleRole

ROW_HEIGHT = 44
_KEPT: Final = 512  # rows' writing kept drawn (a few screens of rows, for a few searches)
_SELECTED: Final = QStyle.StateFlag.State_Selected
_ITEM: Final = QStyle.ControlElement.CE_ItemViewItem
_ELIDE: Final = Qt.TextElideMode.ElideRight
_NAME_FLAGS: Final = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
_SUBTITLE_FLAGS: Final = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
_TEXT: Final = QPalette.ColorRole.Text
_HIGHLIGHTED_TEXT: Final = QPalette.ColorRole.HighlightedText
_PLACEHOLDER_TEXT: Final = QPalette.ColorRole.PlaceholderText


class EndpointDelegate(QStyledItemDelegate):
    """Two-line rows with uniform height (the list uses uniformItemSizes)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._written: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()

    def rows_kept(self) -> int:
        """How many rows' writing is kept drawn."""
        return len(self._written)

    @override
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(200, ROW_HEIGHT)

    @override
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        widget = option.widget
        # Only the row's background, selection and focus come from the style: the view's option
        # has them (initStyleOption would ask the model for ten roles this paint never uses).
        if widget is not None:
            widget.style().drawControl(_ITEM, option, painter, widget)
        rect: QRect = option.rect
        palette: QPalette = option.palette
        font: QFont = option.font
        selected = bool(option.state & _SELECTED)
        name = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        subtitle = str(index.data(SubtitleRole) or "")
        capability = str(index.data(CapabilityRole) or "")
        ratio = painter.device().devicePixelRatioF()
        colours = (
            palette.color(_HIGHLIGHTED_TEXT if selected else _TEXT).rgba(),
            palette.color(_PLACEHOLDER_TEXT).rgba(),
        )
        key = (name, subtitle, capability, selected, rect.size().toTuple(), ratio, colours,
               font.key())  # fmt: skip
        written = self._written.get(key)
        if written is None:
            written = self._write(
                rect.size(), ratio, option, name=name, subtitle=subtitle, capability=capability
            )
            self._written[key] = written
            while len(self._written) > _KEPT:
                self._written.popitem(last=False)
        else:
            self._written.move_to_end(key)
        painter.drawPixmap(rect.topLeft(), written)

    @staticmethod
    def _write(
        size: QSize,
        ratio: float,
        option: QStyleOptionViewItem,
        *,
        name: str,
        subtitle: str,
        capability: str,
    ) -> QPixmap:
        """The icon, the name in bold and the subtitle, on nothing, for a row of this size."""
        written = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
        written.setDevicePixelRatio(ratio)
        written.fill(Qt.GlobalColor.transparent)
        painter = QPainter(written)
        palette: QPalette = option.palette
        selected = bool(option.state & _SELECTED)
        rect = QRect(QPoint(0, 0), size).adjusted(8, 4, -8, -4)
        icon = capability_icon(capability, on_highlight=selected)
        icon.paint(painter, QRect(rect.left(), rect.center().y() - 10, 20, 20))
        text_rect = rect.adjusted(30, 0, 0, 0)
        painter.setPen(palette.color(_HIGHLIGHTED_TEXT if selected else _TEXT))
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        shown = painter.fontMetrics().elidedText(name, _ELIDE, text_rect.width())
        top = text_rect.adjusted(0, 0, 0, -text_rect.height() // 2)
        painter.drawText(top, _NAME_FLAGS, shown)
        painter.setFont(option.font)
        if not selected:
            painter.setPen(palette.color(_PLACEHOLDER_TEXT))
        shown = painter.fontMetrics().elidedText(subtitle, _ELIDE, text_rect.width())
        bottom = text_rect.adjusted(0, text_rect.height() // 2 + 1, 0, 0)
        painter.drawText(bottom, _SUBTITLE_FLAGS, shown)
        painter.end()
        return written
