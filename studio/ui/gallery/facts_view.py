"""A read-only name → value table for the gallery's detail pane; every value is plain text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFrameFormat,
    QTextLength,
    QTextOption,
    QTextTableFormat,
)
from PySide6.QtWidgets import QFrame, QTextEdit, QWidget

from studio.ui.theme import follow_theme, readable_on

if TYPE_CHECKING:
    from collections.abc import Sequence

NAME_GAP = 16  # pixels between the longest name and its value
MAX_NAME_WIDTH = 200  # longer names wrap rather than squeeze the values

Rows = list[tuple[str, str]]
Section = tuple[str, Rows]  # heading ("" for none) and its rows


class FactsView(QTextEdit):
    """Sections of name/value rows; long values (prompts, URLs, JSON) wrap, nothing is cut off."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        # URLs and JSON have no spaces; breaking anywhere beats a horizontal scroll bar.
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._rows: Rows = []
        self._sections: list[Section] = []
        # Names carry an explicit colour, which a theme switch would leave in the old palette.
        follow_theme(self._on_theme_changed)

    def _on_theme_changed(self, _dark: bool) -> None:
        if self._sections:
            self.set_sections(self._sections)

    def name_colour(self) -> QColor:
        """The names' colour: the palette's PlaceholderText, readable on its Base colour."""
        palette = QGuiApplication.palette()
        return readable_on(
            palette.color(QPalette.ColorRole.PlaceholderText),
            palette.color(QPalette.ColorRole.Base),
            minimum=3.0,
        )

    def rows(self) -> Rows:
        """Every name/value row shown, across sections, in order."""
        return list(self._rows)

    def value(self, name: str) -> str | None:
        return next((value for key, value in self._rows if key == name), None)

    def set_sections(self, sections: Sequence[Section]) -> None:
        self._sections = list(sections)
        self._rows = [row for _heading, rows in sections for row in rows]
        self.clear()
        lines = [line for heading, rows in sections for line in _lines(heading, rows)]
        if not lines:
            return
        cursor = QTextCursor(self.document())
        # One table for every section, so the value column lines up all the way down.
        table = cursor.insertTable(len(lines), 2, self._table_format())
        name_chars = QTextCharFormat()
        name_chars.setForeground(self.name_colour())
        for row, (name, value) in enumerate(lines):
            if value is None:
                table.mergeCells(row, 0, 1, 2)
                self._insert_heading(table.cellAt(row, 0).firstCursorPosition(), name, row)
                continue
            table.cellAt(row, 0).firstCursorPosition().insertText(name, name_chars)
            table.cellAt(row, 1).firstCursorPosition().insertText(value, QTextCharFormat())
        self.moveCursor(QTextCursor.MoveOperation.Start)

    @staticmethod
    def _insert_heading(cursor: QTextCursor, heading: str, row: int) -> None:
        block = QTextBlockFormat()
        block.setTopMargin(6 if row else 0)
        cursor.setBlockFormat(block)
        chars = QTextCharFormat()
        chars.setFontWeight(QFont.Weight.Bold)
        cursor.insertText(heading, chars)

    def _table_format(self) -> QTextTableFormat:
        names = [name for name, _value in self._rows]
        metrics = self.fontMetrics()
        name_width = max((metrics.horizontalAdvance(name) for name in names), default=0)
        table_format = QTextTableFormat()
        table_format.setBorder(0)
        table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
        table_format.setCellPadding(2)
        table_format.setCellSpacing(0)
        table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        fixed = QTextLength.Type.FixedLength
        table_format.setColumnWidthConstraints(
            [
                QTextLength(fixed, min(name_width + NAME_GAP, MAX_NAME_WIDTH)),
                QTextLength(QTextLength.Type.VariableLength, 0),
            ]
        )
        return table_format


def _lines(heading: str, rows: Rows) -> list[tuple[str, str | None]]:
    """A section as table lines; a heading is a line with no value."""
    head: list[tuple[str, str | None]] = [(heading, None)] if heading and rows else []
    return head + list(rows)
