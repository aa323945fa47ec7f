"""Paints a marketplace row: capability icon, name in bold, provider · mode underneath."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem
from typing_extensions import override

from studio.ui.icons import capability_icon
from studio.ui.marketplace.model import CapabilityRole, SubtitleRole

ROW_HEIGHT = 44


class EndpointDelegate(QStyledItemDelegate):
    """Two-line rows with uniform height (the list uses uniformItemSizes)."""

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
        painter.save()
        style = option.widget.style() if option.widget else None
        # Only the row's background, selection and focus come from the style: the view's option
        # has them (initStyleOption would ask the model for ten roles this paint never uses).
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        rect = option.rect.adjusted(8, 4, -8, -4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        icon = capability_icon(str(index.data(CapabilityRole) or ""), on_highlight=selected)
        icon.paint(painter, QRect(rect.left(), rect.center().y() - 10, 20, 20))
        text_rect = rect.adjusted(30, 0, 0, 0)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(option.palette.color(group))
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        name = painter.fontMetrics().elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            Qt.TextElideMode.ElideRight,
            text_rect.width(),
        )
        top = text_rect.adjusted(0, 0, 0, -text_rect.height() // 2)
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, name)
        painter.setFont(option.font)
        if not selected:
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        subtitle = painter.fontMetrics().elidedText(
            str(index.data(SubtitleRole) or ""), Qt.TextElideMode.ElideRight, text_rect.width()
        )
        bottom = text_rect.adjusted(0, text_rect.height() // 2 + 1, 0, 0)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, subtitle)
        painter.restore()
