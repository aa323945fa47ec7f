"""The gallery's filter row: kind, model/endpoint, date range, stars, trash, search, order.

Signals:
    filter_changed(object) — the OutputFilter the controls now describe (search debounced).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QToolButton, QWidget

from studio.core.library import OutputFilter

if TYPE_CHECKING:
    from collections.abc import Callable

SEARCH_DEBOUNCE_MS: Final = 250
SOURCE_CHARACTERS: Final = 24  # the model and endpoint chooser shows this many characters
CAPABILITIES: Final = (
    (str(QT_TRANSLATE_NOOP("FilterBar", "All kinds")), ""),
    (str(QT_TRANSLATE_NOOP("FilterBar", "Images")), "image"),
    (str(QT_TRANSLATE_NOOP("FilterBar", "Videos")), "video"),
    (str(QT_TRANSLATE_NOOP("FilterBar", "Audio")), "audio"),
    (str(QT_TRANSLATE_NOOP("FilterBar", "Text")), "transcribe"),
)
DATE_RANGES: Final = (
    (str(QT_TRANSLATE_NOOP("FilterBar", "Any time")), None),
    (str(QT_TRANSLATE_NOOP("FilterBar", "Today")), 0),
    (str(QT_TRANSLATE_NOOP("FilterBar", "Last 7 days")), 7),
    (str(QT_TRANSLATE_NOOP("FilterBar", "Last 30 days")), 30),
)


def date_from(days: int | None, now: datetime) -> datetime | None:
    """Local midnight today for 0, now minus days otherwise, None for any time."""
    if days is None:
        return None
    if days == 0:
        return now.replace(hour=0, minute=0, second=0, microsecond=0)
    return now - timedelta(days=days)


def is_narrowed(shown: OutputFilter) -> bool:
    """Something besides the trash toggle and the order hides outputs."""
    return shown != OutputFilter(
        include_trashed=shown.include_trashed,
        trash_only=shown.trash_only,
        newest_first=shown.newest_first,
    )


class FilterBar(QWidget):
    """Controls that build an OutputFilter; set_sources() fills the model/endpoint combo."""

    filter_changed = Signal(object)

    def __init__(
        self, parent: QWidget | None = None, *, now: Callable[[], datetime] = datetime.now
    ) -> None:
        super().__init__(parent)
        self._now = now
        self.capability = _combo(CAPABILITIES, self.tr("Kind of output"))
        self.source = _combo(
            ((str(QT_TRANSLATE_NOOP("FilterBar", "All models")), None),),
            self.tr("Model or endpoint"),
        )
        # One width from the start: sized to its items, it widened when the library's models
        # and endpoints came (read in a thread, after the first paint) and moved the whole bar,
        # repainting the panel in the middle of a first scroll (make bench, gallery: 10 ms).
        self.source.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.source.setMinimumContentsLength(SOURCE_CHARACTERS)
        self.source.setMaximumWidth(260)
        self.dates = _combo(DATE_RANGES, self.tr("Created"))
        self.favourites = _toggle(self.tr("★ Starred"), self.tr("Only starred outputs"))
        self.trash = _toggle(self.tr("Trash"), self.tr("Show the trash instead of the gallery"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search prompts…  (Ctrl+G)"))
        self.search.setClearButtonEnabled(True)
        self.order = _combo(
            (
                (str(QT_TRANSLATE_NOOP("FilterBar", "Newest first")), True),
                (str(QT_TRANSLATE_NOOP("FilterBar", "Oldest first")), False),
            ),
            self.tr("Order"),
        )
        self.family = QToolButton()
        self.family.setToolTip(
            self.tr("Only this output and what was made from it: click to show all")
        )
        self.family.hide()
        self.family.clicked.connect(self.clear_made_from)
        self._made_from: int | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)
        self._lay_out()
        for combo in (self.capability, self.source, self.dates, self.order):
            combo.currentIndexChanged.connect(self._emit)
        self.favourites.toggled.connect(self._emit)
        self.trash.toggled.connect(self._emit)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self.flush_search)

    def _lay_out(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for widget in (self.capability, self.source, self.dates, self.favourites, self.trash):
            layout.addWidget(widget)
        layout.addWidget(self.family)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.order)

    def set_sources(self, models: list[str], endpoints: list[str]) -> None:
        """Offer these models and endpoints, keeping the current choice when it still exists."""
        current = self.source.currentData()
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem(self.tr("All models"), None)
        # Plain strings as item data: Qt compares them in findData, unlike Python tuples.
        for model in models:
            self.source.addItem(model, f"model:{model}")
        for endpoint in endpoints:
            self.source.addItem(endpoint, f"endpoint:{endpoint}")
        found = self.source.findData(current)
        self.source.setCurrentIndex(max(found, 0))
        self.source.blockSignals(False)
        if found < 0 and current is not None:
            self._emit()

    def current_filter(self) -> OutputFilter:
        source = self.source.currentData()
        kind, _, name = source.partition(":") if isinstance(source, str) else ("", "", "")
        return OutputFilter(
            capability=self.capability.currentData() or None,
            model=name if kind == "model" else None,
            endpoint=name if kind == "endpoint" else None,
            date_from=date_from(self.dates.currentData(), self._now()),
            favourites_only=self.favourites.isChecked(),
            trash_only=self.trash.isChecked(),
            text=self.search.text().strip(),
            newest_first=bool(self.order.currentData()),
            made_from=self._made_from,
        )

    def set_made_from(self, output_id: int, name: str) -> None:
        """Show only this output and, recursively, what was made from it."""
        self._made_from = output_id
        self.family.setText(self.tr("Made from %1  ✕").replace("%1", name))
        self.family.show()
        self._emit()

    def clear_made_from(self) -> None:
        if self._made_from is not None:
            self._made_from = None
            self.family.hide()
            self._emit()

    def clear_filters(self) -> None:
        """Back to every output (of the gallery or the trash, in the same order): one emit."""
        controls = (self.capability, self.source, self.dates, self.favourites, self.search)
        for control in controls:
            control.blockSignals(True)
        for combo in (self.capability, self.source, self.dates):
            combo.setCurrentIndex(0)
        self.favourites.setChecked(False)
        self.search.clear()
        self._made_from = None
        self.family.hide()
        for control in controls:
            control.blockSignals(False)
        self._debounce.stop()
        self._emit()

    def flush_search(self) -> None:
        """Apply a pending search now (Enter, or tests)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self._emit()

    def _on_search_text_changed(self, _text: str) -> None:
        self._debounce.start()

    def _emit(self) -> None:
        self.filter_changed.emit(self.current_filter())


def _combo(entries: tuple[tuple[str, object], ...], tip: str) -> QComboBox:
    combo = QComboBox()
    combo.setToolTip(tip)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    for label, value in entries:
        combo.addItem(QCoreApplication.translate("FilterBar", label), value)
    return combo


def _toggle(text: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setCheckable(True)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button
