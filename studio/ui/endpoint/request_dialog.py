"""'Show request': the JSON body plus cURL and Python snippets, the key masked.

Inline media is shortened in the view (``data:image/png;base64,… (4.5 MB)``); Copy on the JSON
tab and "Save body…" give the full body. A body too big for a shell argument is read by the
snippets from ``request.json``, which "Save body…" writes.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.core.api import (
    BODY_FILE,
    body_json,
    body_preview,
    curl_snippet,
    needs_body_file,
    python_snippet,
)
from studio.core.paths import write_atomically
from studio.ui.background import spawn
from studio.ui.file_folders import SAVE, remember_folder, start_folder
from studio.ui.i18n.core_words import size_text
from studio.ui.plain import plain_label

if TYPE_CHECKING:
    from collections.abc import Callable


class RequestDialog(QDialog):
    """Non-modal; each tab has a Copy button, and "Save body…" writes the full JSON body."""

    def __init__(self, base_url: str, slug: str, body: dict[str, Any], parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Request · %1").replace("%1", slug))
        self.resize(720, 460)
        self._full = body_json(body)
        self.file_dialog: QFileDialog | None = None
        self.tabs = QTabWidget()
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        tabs = (
            (self.tr("JSON body"), body_preview(body), self._full),
            (self.tr("cURL"), curl_snippet(base_url, slug, body), None),
            (self.tr("Python (httpx)"), python_snippet(base_url, slug, body), None),
        )
        for title, text, copied in tabs:
            self.tabs.addTab(self._snippet_tab(text, copied or text, mono), title)
        self.note = plain_label(self._note_text() if needs_body_file(body) else "", small=True)
        self.note.setVisible(needs_body_file(body))
        self.status = plain_label(small=True)
        self.save_body = QPushButton(self.tr("Save body…"))
        tip = self.tr("Write the full JSON body to a file (%1 for the snippets)")
        self.save_body.setToolTip(tip.replace("%1", BODY_FILE))
        self.save_body.clicked.connect(self.ask_save_body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_body, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def _note_text(self) -> str:
        text = self.tr(
            "Inline media is shortened here. Copy on the JSON tab and Save body… give the full "
            "body; the cURL and Python snippets read it from %1, which Save body… writes."
        )
        return text.replace("%1", BODY_FILE)

    def _snippet_tab(self, text: str, copied: str, font: QFont) -> QWidget:
        tab = QWidget()
        view = QPlainTextEdit(text)
        view.setReadOnly(True)
        view.setFont(font)
        copy = QPushButton(self.tr("Copy"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(copied))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(copy)
        layout = QVBoxLayout(tab)
        layout.addWidget(view)
        layout.addLayout(row)
        return tab

    def text_of(self, tab: int) -> str:
        """The text a tab shows."""
        page = self.tabs.widget(tab)
        view = page.findChild(QPlainTextEdit) if page is not None else None
        return view.toPlainText() if view is not None else ""

    def ask_save_body(self) -> None:
        """A non-blocking "Save" dialog proposing request.json; the file is written in a thread."""
        dialog = QFileDialog(
            self, self.tr("Save the request body"), str(start_folder(SAVE, "text"))
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("JSON files (*.json)"))
        dialog.setDefaultSuffix("json")
        dialog.selectFile(BODY_FILE)
        dialog.fileSelected.connect(self._on_body_file_chosen)
        dialog.finished.connect(dialog.deleteLater)
        self.file_dialog = dialog
        dialog.open()

    def _on_body_file_chosen(self, chosen: str) -> None:
        remember_folder(SAVE, Path(chosen).parent)
        self.save_body_to(Path(chosen))

    def save_body_to(self, path: Path) -> None:
        """Writes the full body to `path` off the GUI thread; the dialog says how it went."""
        data = self._full.encode("utf-8")
        spawn(self._write(path, data, self._say), key=(self, "save"), on_error=self._say_failed)

    @staticmethod
    async def _write(path: Path, data: bytes, say: Callable[[str], None]) -> None:
        await asyncio.to_thread(write_atomically, path, data)
        say(f"{path.name} ({size_text(len(data))})")

    def _say(self, saved: str) -> None:
        self.status.setText(self.tr("Saved %1").replace("%1", saved))

    def _say_failed(self, error: str) -> None:
        self.status.setText(self.tr("Could not save the body: %1").replace("%1", error))
