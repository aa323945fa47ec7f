"""The gallery's detail pane: the current output played or zoomable, above its parameters.

The preview (media players and all) is built the first time an output is shown: a gallery
opened only to be scrolled never pays for it.

Signals:
    open_requested(object) — "Open" was pressed for this GalleryItem.
    send_requested(object, object), frames_requested(object), extend_requested(object) — the
        preview's own, passed on (see PreviewPane).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studio.ui.gallery.describe import file_text, input_facts, output_facts
from studio.ui.gallery.facts_view import FactsView, Section
from studio.ui.gallery.lineage_view import LineageView
from studio.ui.gallery.thumbs import ThumbnailLoader
from studio.ui.preview import PreviewItem, PreviewPane

if TYPE_CHECKING:
    from studio.core.library import ComparisonRecord, GalleryItem


def preview_item(item: GalleryItem) -> PreviewItem:
    """What the preview pane needs; with no file on disk, its text says so."""
    text = None
    if item.file is None:
        text = "Not downloaded."
    elif not item.file.is_file():
        text = f"File missing: {item.file}"
    return PreviewItem(
        item.output.kind.value, item.file, url=item.output.remote_url, text=text, prompt=item.prompt
    )


def detail_sections(item: GalleryItem) -> list[Section]:
    output = [*output_facts(item), ("File", file_text(item))]
    return [("Output", output), ("Parameters", input_facts(item, limit=None))]


class DetailPane(QWidget):
    """Shows one GalleryItem: a PreviewPane that never autoplays, then every fact about it."""

    open_requested = Signal(object)
    send_requested = Signal(object, object)
    frames_requested = Signal(object)
    extend_requested = Signal(object)

    def __init__(
        self, loader: ThumbnailLoader | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._item: GalleryItem | None = None
        self.lineage = LineageView(loader or ThumbnailLoader(self))
        self._preview: PreviewPane | None = None
        self.empty_label = QLabel("Select an output to preview it here.")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.preview_stack = QStackedWidget()
        self.preview_stack.addWidget(self.empty_label)
        self.selection_label = QLabel()
        self.comparison_link = QLabel()  # filled by the panel once it finds the comparison
        self.comparison_link.setTextFormat(Qt.TextFormat.RichText)
        self.comparison_link.hide()
        self.open_button = QPushButton("Open")
        self.open_button.setToolTip("Open the file with the system's viewer")
        self.facts = FactsView()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.preview_stack)
        self.splitter.addWidget(self._facts_column())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([420, 280])
        self.splitter.setCollapsible(0, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.show_item(None)
        self.set_selected_count(0)

    def _facts_column(self) -> QWidget:
        column = QWidget()
        header = QHBoxLayout()
        header.setContentsMargins(4, 0, 0, 0)
        header.addWidget(self.selection_label, 1)
        header.addWidget(self.open_button)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.lineage)
        layout.addWidget(self.comparison_link)
        layout.addWidget(self.facts, 1)
        return column

    @property
    def preview(self) -> PreviewPane:
        """The preview of the shown output, built on first use."""
        if self._preview is None:
            preview = PreviewPane(autoplay_video=False)
            preview.send_requested.connect(self.send_requested)
            preview.frames_requested.connect(self.frames_requested)
            preview.extend_requested.connect(self.extend_requested)
            self.preview_stack.addWidget(preview)
            self._preview = preview
        return self._preview

    def item(self) -> GalleryItem | None:
        return self._item

    def show_item(self, item: GalleryItem | None) -> None:
        """Show item (None: nothing); the same output again keeps its playback going."""
        shown = self._item
        self._item = item
        self.open_button.setEnabled(item is not None and item.file is not None)
        if shown is None or item is None or shown.id != item.id:
            self.lineage.show_lineage(None)  # the new one's family comes from a thread
        if item is None:
            if self._preview is not None:
                self._preview.clear()
            self.preview_stack.setCurrentWidget(self.empty_label)
            self.facts.set_sections([])
            return
        self.preview_stack.setCurrentWidget(self.preview)
        wanted = preview_item(item)
        # A refresh or a star re-shows the current output: reloading would restart its video.
        if shown is None or shown.id != item.id or self.preview.current_item() != wanted:
            self.preview.show_outputs([wanted])
        self.facts.set_sections(detail_sections(item))

    def set_comparison_link(self, record: ComparisonRecord | None) -> None:
        """Link to the comparison this output came from (None: it came from none)."""
        if record is None:
            self.comparison_link.hide()
            self.comparison_link.clear()
            return
        title = html.escape(record.title or self.tr("(no prompt)"))
        words = html.escape(self.tr("From a comparison:"))
        marked = f" · {html.escape(self.tr('★ winner'))}" if record.winner_local_id == (
            self._item.local_id if self._item is not None else None) else ""  # fmt: skip
        self.comparison_link.setText(f'{words} <a href="{html.escape(record.id)}">{title}</a>'
                                     f"{marked}")  # fmt: skip
        self.comparison_link.setToolTip(self.tr("Reopen it in the Compare tab"))
        self.comparison_link.show()

    def set_selected_count(self, count: int) -> None:
        """With several outputs selected, say how many; the pane still shows the current one."""
        self.selection_label.setText(f"{count:,} selected" if count > 1 else "")

    def _on_open_button_clicked(self) -> None:
        if self._item is not None:
            self.open_requested.emit(self._item)
