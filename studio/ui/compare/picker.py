"""Top of the Compare panel: capability, 2–4 checkable models, shared settings and the prompt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from studio.core.compare import MAX_MODELS, MIN_MODELS, SharedValues
from studio.ui.plain import plain_tooltip
from studio.ui.theme import WARNING, follow_theme, pick

if TYPE_CHECKING:
    from studio.core.api import Endpoint

CAPABILITIES = (("Images", "image"), ("Videos", "video"), ("Audio", "audio"))
_ASPECTS = {
    "image": ("1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3", "21:9"),
    "video": ("16:9", "9:16", "1:1", "4:3", "3:4"),
}
_DURATIONS = {"video": (4, 5, 6, 8, 10), "audio": (10, 30, 60)}
_SLUG_ROLE = Qt.ItemDataRole.UserRole + 1
TOO_MANY = f"At most {MAX_MODELS} models at a time: untick one first."


def from_text(endpoint: Endpoint) -> bool:
    """Models that start from words alone; edits and image-to-video need an input to compare."""
    mode = endpoint.mode.lower()
    return mode.startswith("text-to-") or mode in ("music-generate", "generate", "")


class ComparePicker(QWidget):
    """Chooses what to compare; the panel reads chosen_slugs() and shared_values().

    Signals:
        compare_requested(): the Compare button or Ctrl+Enter in the prompt.
        choice_changed(): the ticked models changed.
    """

    compare_requested = Signal()
    choice_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._endpoints: list[Endpoint] = []
        self._chosen: list[str] = []  # in the order they were ticked: the columns' order
        self.capability = QComboBox(self)
        for label, value in CAPABILITIES:
            self.capability.addItem(label, value)
        self.models = QListWidget(self)
        self.models.setMinimumWidth(240)
        self.prompt = QPlainTextEdit(self)
        self.prompt.setPlaceholderText("One prompt for every chosen model…")
        self.prompt.installEventFilter(self)  # text boxes eat Ctrl+Enter before shortcuts see it
        self.aspect = QComboBox(self)
        self.duration = QComboBox(self)
        self._aspect_label = QLabel("Aspect ratio", self)
        self._duration_label = QLabel("Duration", self)
        self._dark = False
        self.compare_button = QPushButton("Compare", self)
        self.compare_button.setToolTip("Send the prompt to every ticked model (Ctrl+Enter)")
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self._lay_out()
        self.capability.currentIndexChanged.connect(self._on_capability_changed)
        self.models.itemChanged.connect(self._on_models_item_changed)
        self.compare_button.clicked.connect(self.compare_requested)
        follow_theme(self._restyle)
        self._fill_settings()
        self._update_hint()

    def _lay_out(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.capability)
        left.addWidget(self.models, 1)
        settings = QHBoxLayout()
        for label, combo in (
            (self._aspect_label, self.aspect),
            (self._duration_label, self.duration),
        ):
            label.setBuddy(combo)
            settings.addWidget(label)
            settings.addWidget(combo)
        settings.addStretch(1)
        settings.addWidget(self.compare_button)
        right = QVBoxLayout()
        right.addWidget(self.prompt, 1)
        right.addLayout(settings)
        right.addWidget(self.note)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 2)
        layout.addLayout(right, 5)

    # --- public API ------------------------------------------------------------------------------

    def set_endpoints(self, endpoints: list[Endpoint]) -> None:
        """The catalog; ticks on models still listed are kept."""
        self._endpoints = list(endpoints)
        self._fill_models()

    def current_capability(self) -> str:
        return str(self.capability.currentData())

    def set_capability(self, capability: str) -> None:
        index = self.capability.findData(capability)
        if index >= 0:
            self.capability.setCurrentIndex(index)

    def chosen_slugs(self) -> list[str]:
        return list(self._chosen)

    def endpoint(self, slug: str) -> Endpoint | None:
        return next((e for e in self._endpoints if e.slug == slug), None)

    def set_checked(self, slug: str, checked: bool) -> bool:
        """Tick or untick a listed model as a click would; False when it is not listed."""
        for row in range(self.models.count()):
            item = self.models.item(row)
            if item.data(_SLUG_ROLE) == slug:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return True
        return False

    def shared_values(self) -> SharedValues:
        aspect = None if self.aspect.isHidden() else self.aspect.currentData()
        duration = None if self.duration.isHidden() else self.duration.currentData()
        return SharedValues(
            prompt=self.prompt.toPlainText().strip(),
            aspect_ratio=str(aspect) if aspect else None,
            duration_s=int(duration) if duration else None,
        )

    def show_note(self, text: str, *, warning: bool = False) -> None:
        self.note.setProperty("warning", warning)
        self.note.setText(text)
        self._restyle_note()

    # --- internals -------------------------------------------------------------------------------

    def _fill_models(self) -> None:
        capability = self.current_capability()
        listed = [e for e in self._endpoints if e.capability == capability and from_text(e)]
        self._chosen = [s for s in self._chosen if any(e.slug == s for e in listed)]
        self.models.blockSignals(True)
        self.models.clear()
        for endpoint in listed:
            item = QListWidgetItem(endpoint.name or endpoint.slug, self.models)
            item.setData(_SLUG_ROLE, endpoint.slug)
            item.setToolTip(plain_tooltip(f"{endpoint.slug}\n{endpoint.description}".strip()))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = endpoint.slug in self._chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.models.blockSignals(False)
        if not listed:
            self.show_note(f"No {self.capability.currentText().lower()} models in the catalog yet.")
        else:
            self._update_hint()

    def _fill_settings(self) -> None:
        capability = self.current_capability()
        self.aspect.clear()
        self.aspect.addItem("Each model's default", None)
        for ratio in _ASPECTS.get(capability, ()):
            self.aspect.addItem(ratio, ratio)
        self.duration.clear()
        self.duration.addItem("Each model's default", None)
        for seconds in _DURATIONS.get(capability, ()):
            self.duration.addItem(f"{seconds} s", seconds)
        for label, combo, options in (
            (self._aspect_label, self.aspect, _ASPECTS),
            (self._duration_label, self.duration, _DURATIONS),
        ):
            combo.setVisible(capability in options)
            label.setVisible(capability in options)

    def _on_capability_changed(self, _index: int) -> None:
        self._chosen = []
        self._fill_settings()
        self._fill_models()
        self.choice_changed.emit()

    def _on_models_item_changed(self, item: QListWidgetItem) -> None:
        slug = str(item.data(_SLUG_ROLE))
        checked = item.checkState() == Qt.CheckState.Checked
        if checked and slug not in self._chosen:
            if len(self._chosen) >= MAX_MODELS:
                self.models.blockSignals(True)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.models.blockSignals(False)
                self.show_note(TOO_MANY, warning=True)
                return
            self._chosen.append(slug)
        elif not checked and slug in self._chosen:
            self._chosen.remove(slug)
        self._update_hint()
        self.choice_changed.emit()

    def _update_hint(self) -> None:
        count = len(self._chosen)
        if count < MIN_MODELS:
            self.show_note(f"Tick {MIN_MODELS}–{MAX_MODELS} models to compare ({count} ticked).")
        else:
            self.show_note(f"{count} models ticked: Compare sends the prompt to each of them.")

    def _restyle(self, dark: bool) -> None:
        self._dark = dark
        self._restyle_note()

    def _restyle_note(self) -> None:
        if self.note.property("warning"):
            self.note.setStyleSheet(f"color: {pick(WARNING, self._dark)};")
        else:
            self.note.setStyleSheet("")

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(
            event, QKeyEvent
        ):
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and ctrl:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.compare_requested.emit()
                return True
        return super().eventFilter(watched, event)
