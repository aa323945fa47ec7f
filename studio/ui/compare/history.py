"""Kept comparisons, for the gallery: newest first with a cover (the winner's output, else the
first made), what was compared and whether a winner was marked; opening one reopens it in the
Compare tab as it was. Covers are made and decoded in a worker thread.

Signals of ComparisonsView:
    open_requested(str) — the comparison with this id should be reopened.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Final, Protocol

import shiboken6
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from studio.core.media import DecodedImage, decode_preview, make_thumbnail
from studio.ui.background import spawn_if_running
from studio.ui.i18n.core_words import when_text
from studio.ui.pixels import pixmap_of
from studio.ui.plain import plain_tooltip

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtGui import QShowEvent

    from studio.core.library import ComparisonRecord

COVER: Final = 96
ID_ROLE: Final = Qt.ItemDataRole.UserRole + 1


class ComparisonLibrary(Protocol):
    """The session's side: kept comparisons, read off the GUI thread."""

    async def list_comparisons(self) -> list[ComparisonRecord]: ...


def _cover_pixels(path: Path, kind: str) -> DecodedImage | None:
    """A small cover of an output (blocking: a worker runs it)."""
    try:
        thumbnail = make_thumbnail(path, kind, COVER * 2)
    except Exception:  # a missing or broken file simply has no cover
        return None
    result = decode_preview(thumbnail, (COVER * 2, COVER * 2))
    return result if isinstance(result, DecodedImage) else None


class ComparisonsView(QWidget):
    """See the module docstring."""

    open_requested = Signal(str)

    def __init__(self, library: ComparisonLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._records: list[ComparisonRecord] = []
        self.list = QListWidget(self)
        self.list.setIconSize(QSize(COVER, COVER))
        self.list.setUniformItemSizes(True)
        self.list.setSpacing(2)
        self.count_label = QLabel(self)
        self.open_button = QPushButton(self.tr("Open in Compare"), self)
        self.open_button.setToolTip(self.tr("Reopen the comparison as it was kept (Enter)"))
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.empty_label = QLabel(
            self.tr("No comparisons yet: every comparison you run in the Compare tab is kept "
                    "here, with its winner."), self)  # fmt: skip
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.refresh_button)
        footer.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list, 1)
        layout.addLayout(footer)
        self.list.itemActivated.connect(self._on_item_activated)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.refresh_button.clicked.connect(self.refresh)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Return), self.list)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.setWhatsThis(self.tr("Open the comparison in Compare"))
        shortcut.activated.connect(self._on_open_clicked)
        self._show([])

    def records(self) -> list[ComparisonRecord]:
        return list(self._records)

    def refresh(self) -> None:
        """Read the kept comparisons again (in the background)."""
        spawn_if_running(self.reload(), key=(self, "load"))

    async def reload(self) -> None:
        records = await self._library.list_comparisons()
        if shiboken6.isValid(self):
            self._show(records)

    def select(self, comparison_id: str) -> bool:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == comparison_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def _show(self, records: list[ComparisonRecord]) -> None:
        current = self.list.currentItem()
        kept = current.data(ID_ROLE) if current is not None else None
        self._records = records
        self.list.clear()
        for record in records:
            item = QListWidgetItem(self._describe(record), self.list)
            item.setData(ID_ROLE, record.id)
            item.setToolTip(plain_tooltip("\n".join(record.models)))
            if record.cover is not None:
                spawn_if_running(self._load_cover(record), key=(self, "cover", record.id))
        self.empty_label.setVisible(not records)
        self.list.setVisible(bool(records))
        count = len(records)
        self.count_label.setText(
            self.tr("%n comparisons", "", count) if count != 1 else self.tr("1 comparison")
        )
        if kept is not None:
            self.select(str(kept))
        self._update_buttons()

    def _describe(self, record: ComparisonRecord) -> str:
        when = when_text(record.created_at)
        models = len(set(record.models))
        what = self.tr("%n models", "", models) if models > 1 else self.tr("one model, %n "
                       "columns", "", len(record.models))  # fmt: skip
        rounds = (
            self.tr("%n rounds", "", record.rounds) if record.rounds != 1 else self.tr("1 round")
        )
        winner = self.tr("★ winner marked") if record.winner_local_id else self.tr("no winner yet")
        title = record.title or self.tr("(no prompt)")
        return f"{title}\n{when} · {what} · {rounds} · {winner}"

    async def _load_cover(self, record: ComparisonRecord) -> None:
        assert record.cover is not None
        kind = record.cover_kind.value if record.cover_kind is not None else "image"
        pixels = await asyncio.to_thread(_cover_pixels, record.cover, kind)
        if pixels is not None and shiboken6.isValid(self) and record in self._records:
            row = self._records.index(record)
            if self.list.item(row) is not None:
                self.list.item(row).setIcon(QIcon(pixmap_of(pixels)))

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.list.currentItem() is not None)

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(str(item.data(ID_ROLE)))

    def _on_open_clicked(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.open_requested.emit(str(item.data(ID_ROLE)))

    @override
    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)
