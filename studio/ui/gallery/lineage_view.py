"""Made from / Used in: an output's family in the gallery's detail pane, as small thumbnails.

Clicking one selects that output in the gallery.

Signals:
    output_clicked(int) — the output id of the thumbnail clicked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from studio.ui.gallery.placeholders import placeholder_pixmap
from studio.ui.gallery.thumbs import thumb_key
from studio.ui.plain import plain_label, plain_tooltip

if TYPE_CHECKING:
    from studio.core.chain import Lineage, Link
    from studio.ui.gallery.thumbs import ThumbnailLoader

TILE: Final = 56
MAX_TILES: Final = 12


class LineageRow(QWidget):
    """A title and up to MAX_TILES thumbnails (the rest counted)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = plain_label(title, wrap=False)
        self.title.setMinimumWidth(80)
        self.more = QLabel()
        self._tiles = QHBoxLayout()
        self._tiles.setContentsMargins(0, 0, 0, 0)
        self._tiles.setSpacing(4)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.title)
        layout.addLayout(self._tiles)
        layout.addWidget(self.more)
        layout.addStretch(1)
        self.buttons: list[QToolButton] = []

    def add(self, button: QToolButton) -> None:
        self.buttons.append(button)
        self._tiles.addWidget(button)

    def clear(self) -> None:
        for button in self.buttons:
            self._tiles.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        self.more.clear()


class LineageView(QWidget):
    """Two rows of thumbnails; hidden when the output has no family."""

    output_clicked = Signal(int)

    def __init__(self, loader: ThumbnailLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self.made_from = LineageRow(self.tr("Made from"))
        self.used_in = LineageRow(self.tr("Used in"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        layout.addWidget(self.made_from)
        layout.addWidget(self.used_in)
        self._keys: dict[str, list[tuple[QToolButton, str]]] = {}
        loader.thumbnail_ready.connect(self._on_loader_thumbnail_ready)
        self.show_lineage(None)

    def show_lineage(self, lineage: Lineage | None) -> None:
        self._keys.clear()
        for row, links in (
            (self.made_from, lineage.made_from if lineage else ()),
            (self.used_in, lineage.used_in if lineage else ()),
        ):
            row.clear()
            for link in links[:MAX_TILES]:
                row.add(self._tile(link))
            extra = len(links) - MAX_TILES
            row.more.setText(f"+{extra}" if extra > 0 else "")
            row.setVisible(bool(links))
        self.setVisible(bool(lineage and (lineage.made_from or lineage.used_in)))

    def output_ids(self, which: str) -> list[int]:
        """The outputs shown in "made_from" or "used_in" (tests)."""
        row = self.made_from if which == "made_from" else self.used_in
        return [int(button.property("output_id")) for button in row.buttons]

    def _tile(self, link: Link) -> QToolButton:
        source = link.source
        button = QToolButton()
        button.setAutoRaise(True)
        button.setIconSize(QSize(TILE, TILE))
        button.setProperty("output_id", source.output_id)
        at = f" · {link.timestamp_s:.2f} s" if link.timestamp_s is not None else ""
        tip = f"{source.name}\n{link.field}{at}\n{source.prompt[:120]}"
        if source.problem:
            tip += f"\n{source.problem}"
        button.setToolTip(plain_tooltip(tip))
        button.setIcon(placeholder_pixmap(source.kind))
        if source.file is not None and source.problem is None:
            key = thumb_key(source.file)
            found = self._loader.pixmap(key)
            if found is not None:
                button.setIcon(found)
            else:
                self._keys.setdefault(key, []).append((button, source.kind))
                self._loader.request(key, source.file, source.kind)
        button.clicked.connect(lambda: self.output_clicked.emit(source.output_id))
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        return button

    def _on_loader_thumbnail_ready(self, key: str) -> None:
        pixmap = self._loader.pixmap(key)
        for button, _kind in self._keys.pop(key, []):
            if pixmap is not None:
                button.setIcon(pixmap)
