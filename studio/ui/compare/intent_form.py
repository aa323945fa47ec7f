"""What the user asks every model once: the prompt, the media of the task and the shared settings,
read as an Intent (None = each model's own default)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from studio.core.compare import Intent, MediaFacts
from studio.ui.compare.media_slot import ChosenFile, MediaSlotWidget
from studio.ui.compare.tasks import TASKS, Task
from studio.ui.compare.words import setting_label, tr

if TYPE_CHECKING:
    from collections.abc import Mapping

_ASPECTS: Final = {
    "image": ("1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3", "21:9"),
    "video": ("16:9", "9:16", "1:1", "4:3", "3:4", "21:9"),
}
_DURATIONS: Final = {"video": (4, 5, 6, 8, 10, 15), "audio": (10, 30, 60, 120)}
_RESOLUTIONS: Final = {"image": ("1K", "2K", "4K"), "video": ("480p", "720p", "1080p", "4k")}
_DEFAULT_DURATION: Final = {"audio": 30}  # the one music model needs a length
_MODEL_DEFAULT: Final = str(QT_TRANSLATE_NOOP("Compare", "Model default"))
_CHOICE_SETTINGS: Final = ("aspect_ratio", "duration_s", "resolution", "generate_audio")


class IntentForm(QWidget):
    """Signals: changed() — anything the intent holds changed; submit_requested() — Ctrl+Enter
    in the prompt."""

    changed = Signal()
    submit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task: Task = TASKS[0]
        self.prompt = QPlainTextEdit(self)
        self.prompt.setPlaceholderText(self.tr("One prompt for every model…"))
        self.prompt.setMaximumHeight(84)
        self.prompt.installEventFilter(self)  # text boxes eat Ctrl+Enter before shortcuts see it
        self.negative = QLineEdit(self)
        self.negative.setPlaceholderText(self.tr("Negative prompt (optional)"))
        self.seed = QLineEdit(self)
        self.seed.setPlaceholderText(self.tr("random"))
        self.seed.setValidator(QIntValidator(0, 2**31 - 1, self.seed))
        self.seed.setMaximumWidth(110)
        self.choices = {name: QComboBox(self) for name in _CHOICE_SETTINGS}
        self.labels = {name: QLabel(setting_label(name), self) for name in (*_CHOICE_SETTINGS,
                                                                             "seed")}  # fmt: skip
        self.slots: dict[str, MediaSlotWidget] = {}
        self._slot_row = QHBoxLayout()
        self._lay_out()
        self.prompt.textChanged.connect(self.changed)
        self.negative.textChanged.connect(self.changed)
        self.seed.textChanged.connect(self.changed)
        for combo in self.choices.values():
            combo.currentIndexChanged.connect(self.changed)
        self.set_task(self.task)

    def _lay_out(self) -> None:
        settings = QGridLayout()
        settings.setContentsMargins(0, 0, 0, 0)
        for column, name in enumerate((*_CHOICE_SETTINGS, "seed")):
            self.labels[name].setBuddy(self.choices.get(name, self.seed))
            settings.addWidget(self.labels[name], 0, column)
            settings.addWidget(self.choices.get(name, self.seed), 1, column)
        settings.setColumnStretch(len(_CHOICE_SETTINGS) + 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.prompt)
        layout.addLayout(self._slot_row)
        layout.addWidget(self.negative)
        layout.addLayout(settings)

    # --- the task ----------------------------------------------------------------------------

    def set_task(self, task: Task) -> None:
        """Show the media and settings of `task`; values that still apply are kept."""
        kept = {
            slot.setting: w.files() for slot in task.slots if (w := self.slots.get(slot.setting))
        }
        self.task = task
        for widget in self.slots.values():
            self._slot_row.removeWidget(widget)
            widget.deleteLater()
        self.slots = {}
        for slot in task.slots:
            widget = MediaSlotWidget(slot, tr(slot.label), self)
            widget.set_files(kept.get(slot.setting, []))
            widget.changed.connect(self.changed)
            self.slots[slot.setting] = widget
            self._slot_row.addWidget(widget, 1)
        self.prompt.setVisible(task.prompt)
        self.negative.setVisible("negative_prompt" in task.fields)
        for name, combo in self.choices.items():
            self._fill(name, combo, task.capability)
            shown = name in task.fields
            combo.setVisible(shown)
            self.labels[name].setVisible(shown)
        self.seed.setVisible("seed" in task.fields)
        self.labels["seed"].setVisible("seed" in task.fields)
        self.changed.emit()

    def _fill(self, name: str, combo: QComboBox, capability: str) -> None:
        previous = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(tr(_MODEL_DEFAULT), None)
        if name == "aspect_ratio":
            for ratio in _ASPECTS.get(capability, ()):
                combo.addItem(ratio, ratio)
        elif name == "duration_s":
            for seconds in _DURATIONS.get(capability, ()):
                combo.addItem(self.tr("%n s", "", seconds), seconds)
        elif name == "resolution":
            for tier in _RESOLUTIONS.get(capability, ()):
                combo.addItem(tier, tier)
        else:
            combo.addItem(self.tr("On"), True)
            combo.addItem(self.tr("Off"), False)
        wanted = previous
        if name == "duration_s" and wanted is None:
            wanted = _DEFAULT_DURATION.get(capability)
        combo.setCurrentIndex(max(combo.findData(wanted), 0) if wanted is not None else 0)
        combo.blockSignals(False)

    # --- the intent --------------------------------------------------------------------------

    def intent(self) -> Intent:
        values: dict[str, Any] = {
            "prompt": self.prompt.toPlainText().strip() if self.task.prompt else "",
        }
        if "negative_prompt" in self.task.fields and self.negative.text().strip():
            values["negative_prompt"] = self.negative.text().strip()
        if "seed" in self.task.fields and self.seed.text().strip():
            values["seed"] = int(self.seed.text())
        for name, combo in self.choices.items():
            if name in self.task.fields and combo.currentData() is not None:
                values[name] = combo.currentData()
        for setting, widget in self.slots.items():
            value = widget.value()
            if value is not None:
                values[setting] = value
        return Intent(**values)

    def set_intent(self, intent: Intent, names: Mapping[str, str]) -> None:
        """Show a kept comparison's intent (its media by the names they were chosen as)."""
        self.blockSignals(True)
        self.prompt.setPlainText(intent.prompt)
        self.negative.setText(intent.negative_prompt or "")
        self.seed.setText("" if intent.seed is None else str(intent.seed))
        for name, combo in self.choices.items():
            value = getattr(intent, name)
            combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
        for setting, widget in self.slots.items():
            value = getattr(intent, setting)
            uris = list(value) if isinstance(value, list | tuple) else [value] if value else []
            given = names.get(setting, "").split(", ")
            shown = given if len(given) == len(uris) else [setting_label(setting)] * len(uris)
            widget.set_files([ChosenFile(u, n, None) for u, n in zip(uris, shown, strict=True)])
        self.blockSignals(False)
        self.changed.emit()

    def media_facts(self) -> dict[str, MediaFacts]:
        """What each single chosen file is, by Intent setting (for the models' limits)."""
        found = {}
        for setting, widget in self.slots.items():
            files = widget.files()
            if len(files) == 1 and files[0].facts is not None:
                found[setting] = files[0].facts
        return found

    def media_names(self) -> dict[str, str]:
        """The chosen files' names, by Intent setting."""
        names = {}
        for setting, widget in self.slots.items():
            if files := widget.files():
                names[setting] = ", ".join(file.name for file in files)
        return names

    def uri_names(self) -> dict[str, str]:
        """The chosen files' names, by data URI (how the table shows a file it sends)."""
        return {f.uri: f.name for widget in self.slots.values() for f in widget.files()}

    def missing(self) -> list[str]:
        """Labels of the required media not given yet."""
        return [tr(s.label) for s in self.task.required() if not self.slots[s.setting].files()]

    def is_loading(self) -> bool:
        return any(widget.is_loading() for widget in self.slots.values())

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(
            event, QKeyEvent
        ):
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and ctrl:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.submit_requested.emit()
                return True
        return super().eventFilter(watched, event)
