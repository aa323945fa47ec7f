"""Read-only text preview: transcripts, JSON outputs and a description of unknown files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from studio.ui.preview.text_format import describe_file, format_output_text

if TYPE_CHECKING:
    from studio.ui.preview.item import PreviewItem


class TextView(QPlainTextEdit):
    """Shows an item's text (pretty-printed when JSON) or, without text, a summary of its file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewText")
        self.setReadOnly(True)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

    def show_item(self, item: PreviewItem) -> None:
        self.setPlainText(self.render_item(item))
        self.moveCursor(self.textCursor().MoveOperation.Start)

    def show_message(self, message: str) -> None:
        self.setPlainText(message)

    @staticmethod
    def render_item(item: PreviewItem) -> str:
        if item.text is not None:
            return format_output_text(item.text)
        if item.path is None:
            if item.url:
                return QCoreApplication.translate("TextView", "Not downloaded yet.")
            return QCoreApplication.translate("TextView", "This output has no content.")
        try:
            return describe_file(item.path)
        except OSError as exc:
            text = QCoreApplication.translate("TextView", "Cannot read %1: %2")
            return text.replace("%1", item.path.name).replace("%2", str(exc.strerror or exc))
