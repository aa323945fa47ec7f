"""'Show request': the exact JSON body plus cURL and Python snippets, the key masked."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.core.api import body_json, curl_snippet, python_snippet


class RequestDialog(QDialog):
    """Non-modal; each tab has a Copy button."""

    def __init__(self, base_url: str, slug: str, body: dict[str, Any], parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Request · {slug}")
        self.resize(720, 460)
        self.tabs = QTabWidget()
        snippets = {
            "JSON body": body_json(body),
            "cURL": curl_snippet(base_url, slug, body),
            "Python (httpx)": python_snippet(base_url, slug, body),
        }
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for title, text in snippets.items():
            self.tabs.addTab(self._snippet_tab(text, mono), title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _snippet_tab(self, text: str, font: QFont) -> QWidget:
        tab = QWidget()
        view = QPlainTextEdit(text)
        view.setReadOnly(True)
        view.setFont(font)
        copy = QPushButton("Copy")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(text))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(copy)
        layout = QVBoxLayout(tab)
        layout.addWidget(view)
        layout.addLayout(row)
        return tab

    def text_of(self, tab: int) -> str:
        page = self.tabs.widget(tab)
        view = page.findChild(QPlainTextEdit) if page is not None else None
        return view.toPlainText() if view is not None else ""
