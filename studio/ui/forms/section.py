"""A collapsible section (the form's "Advanced") whose header counts the errors hidden inside."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QToolButton, QVBoxLayout, QWidget

from studio.ui.theme import ERROR, app_is_dark, pick


class CollapsibleSection(QWidget):
    """Collapsed by default; `set_error_count(n)` turns the header red with "(n errors)"."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._errors = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self._header = QToolButton()
        self._header.setCheckable(True)
        self._header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._header.setAutoRaise(True)
        self._header.toggled.connect(self._on_header_toggled)
        layout.addWidget(self._header)
        self.content = QFrame()
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(14, 0, 0, 0)
        self.content_layout.setSpacing(12)
        self.content.hide()
        layout.addWidget(self.content)
        self._refresh_header()

    def is_expanded(self) -> bool:
        """Whether the content is shown."""
        return self._header.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        """Opens or closes the section."""
        self._header.setChecked(expanded)

    def set_error_count(self, count: int) -> None:
        """Shows how many fields inside are invalid (0 hides the badge)."""
        self._errors = count
        self._refresh_header()

    def header_text(self) -> str:
        """The header as shown, e.g. "Advanced (2 errors)"."""
        return self._header.text()

    def _on_header_toggled(self, expanded: bool) -> None:
        self.content.setVisible(expanded)
        self._refresh_header()

    def _refresh_header(self) -> None:
        expanded = self._header.isChecked()
        self._header.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        suffix = ""
        if self._errors:
            suffix = f" ({self._errors} error{'s' if self._errors != 1 else ''})"
        self._header.setText(self._title + suffix)
        color = f"color: {pick(ERROR, app_is_dark())};" if self._errors else ""
        self._header.setStyleSheet(f"QToolButton {{ border: none; font-weight: 600; {color} }}")
