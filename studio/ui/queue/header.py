"""The queue's header: its title and counts, "Clear finished", "Cancel all running" and a ⋯ menu.

On a narrow queue (a 1024-pixel window) the buttons say it shorter ("Clear", "Cancel all"), so
the header never makes the queue wider than the preview below it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QFont, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QToolButton,
    QWidget,
)
from typing_extensions import override


class ShorteningButton(QPushButton):
    """A push button that says ``short`` when there is no room for ``full``."""

    def __init__(self, full: str, short: str, parent: QWidget | None = None) -> None:
        super().__init__(full, parent)
        self._full, self._short = full, short
        self.shortened = False  # the header asks for the short text when room is scarce
        # Maximum, not a push button's Minimum: it may get less than its text, never more.
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

    def _hint_for(self, text: str) -> QSize:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = text
        size = self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, text)
        contents = QStyle.ContentsType.CT_PushButton
        hint = self.style().sizeFromContents(contents, option, size, self)
        # Styles widen a push button to ~80 px; a short word needs less in a narrow header.
        return QSize(min(hint.width(), size.width() + 24), hint.height())

    def full_width(self) -> int:
        return self._hint_for(self._full).width()

    def shorten(self, short: bool) -> None:
        if short != self.shortened:
            self.shortened = short
            self.updateGeometry()

    @override
    def sizeHint(self) -> QSize:
        return self._hint_for(self._short if self.shortened else self._full)

    @override
    def minimumSizeHint(self) -> QSize:
        return self._hint_for(self._short)

    @override
    def resizeEvent(self, e: QResizeEvent) -> None:
        wide = self.width() >= self._hint_for(self._full).width()
        self.setText(self._full if wide else self._short)
        super().resizeEvent(e)


class ElidedLabel(QLabel):
    """A one-line plain label that says ``short`` when its text does not fit, and ends in "…"
    when that does not fit either (its tooltip has the text whole)."""

    short = ""

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        metrics, text = self.fontMetrics(), self.text()
        if self.short and metrics.horizontalAdvance(text) > self.width():
            text = self.short
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, self.width())
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self.contentsRect(), align, text)


class QueueHeader(QWidget):
    """Title, counts and the queue-wide actions; QueueView connects them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Queue"))
        title_font = QFont(self.title.font())
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.count_label = ElidedLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        # Shrinks with the buttons (which shorten) rather than vanishing first.
        self.count_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.count_label.setMinimumWidth(1)  # not 0, which means "use the size hint"
        self.clear_button = ShorteningButton(self.tr("Clear finished"), self.tr("Clear"))
        self.clear_button.setToolTip(
            self.tr("Take every finished row out of the queue (their outputs stay in the gallery)")
        )
        self.cancel_all_button = ShorteningButton(
            self.tr("Cancel all running"), self.tr("Cancel all")
        )
        self.cancel_all_button.setToolTip(
            self.tr("Cancel every task that has not finished yet (Ctrl+Shift+Backspace)")
        )
        self.more_button = QToolButton()
        self.more_button.setText("⋯")
        self.more_button.setToolTip(self.tr("More queue options"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setAutoRaise(True)
        # Actions made here (not by QMenu.addAction(text)): wrappers of Qt-made actions were
        # seen invalidated while the actions lived on.
        self.compact_action = QAction(self.tr("Compact rows"), self)
        self.compact_action.setCheckable(True)
        self.clear_action = QAction(self.tr("Clear finished"), self)
        self.more_menu = QMenu(self.more_button)
        self.more_menu.addActions([self.compact_action, self.clear_action])
        self.more_button.setMenu(self.more_menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.count_label, 1)
        for widget in (self.clear_button, self.cancel_all_button, self.more_button):
            layout.addWidget(widget)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        """Short button words when the full ones would crowd out the counts."""
        buttons = (self.clear_button, self.cancel_all_button)
        layout = self.layout()
        spacing = max(0, layout.spacing()) * 4 if layout is not None else 0
        others = self.title.sizeHint().width() + self.more_button.sizeHint().width() + spacing
        needed = others + self.count_label.sizeHint().width()
        short = event.size().width() < needed + sum(b.full_width() for b in buttons)
        for button in buttons:
            button.shorten(short)
        super().resizeEvent(event)

    def set_counts(self, running: int, total: int, settled: int) -> None:
        text = self.tr("%1 running · %2 total").replace("%1", str(running))
        short = self.tr("%1 of %2 running").replace("%1", str(running))
        self.count_label.short = short.replace("%2", str(total)) if total else ""
        self.count_label.setText(text.replace("%2", str(total)) if total else "")
        self.count_label.setToolTip(self.count_label.text())
        self.cancel_all_button.setEnabled(running > 0)
        self.clear_button.setEnabled(settled > 0)
        self.clear_action.setEnabled(settled > 0)
