"""What to compare: the task, then 2–6 models that can take it (the others listed with why not),
or one model with several seeds or values of one setting."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.core.compare import MAX_COLUMNS, MIN_COLUMNS, Variant, fresh_seed
from studio.ui.compare.tasks import TASKS, Task, task_named
from studio.ui.compare.words import fill, fit_reason, setting_label, tr
from studio.ui.plain import plain_tooltip

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from studio.core.api import Endpoint
    from studio.core.compare import Fit

SLUG_ROLE: Final = Qt.ItemDataRole.UserRole + 1
REASON_ROLE: Final = Qt.ItemDataRole.UserRole + 2
VARIED: Final = {
    "seed": str(QT_TRANSLATE_NOOP("Compare", "Seeds")),
    "duration_s": str(QT_TRANSLATE_NOOP("Compare", "Durations")),
    "aspect_ratio": str(QT_TRANSLATE_NOOP("Compare", "Aspect ratios")),
    "resolution": str(QT_TRANSLATE_NOOP("Compare", "Resolutions")),
}
_EXAMPLES: Final = {"duration_s": "4, 6, 8", "aspect_ratio": "16:9, 9:16, 1:1", "resolution":
                    "720p, 1080p"}  # fmt: skip
_ASPECT: Final = re.compile(r"^\d+(?:\.\d+)?:\d+(?:\.\d+)?$")


class ComparePicker(QWidget):
    """Signals: changed() — the task, the models or the varied values changed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._endpoints: list[Endpoint] = []
        self._fits: dict[str, Fit | None] = {}
        self._chosen: list[str] = []  # in the order they were ticked: the columns' order
        self._seeds: list[int] = []
        self.task_combo = QComboBox(self)
        for task in TASKS:
            self.task_combo.addItem(tr(task.label), task.key)
        self.several = QRadioButton(self.tr("Several models"), self)
        self.one_model = QRadioButton(self.tr("One model, several values"), self)
        self.several.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.several)
        group.addButton(self.one_model)
        self.vary = QComboBox(self)
        for setting, label in VARIED.items():
            self.vary.addItem(tr(label), setting)
        self.count = QSpinBox(self)
        self.count.setRange(MIN_COLUMNS, MAX_COLUMNS)
        self.count.setValue(3)
        self.count.setSuffix(self.tr(" seeds"))
        self.values = QLineEdit(self)
        self.models = QListWidget(self)
        self.models.setMinimumWidth(260)
        self.models.setWordWrap(True)
        self._lay_out()
        self.task_combo.currentIndexChanged.connect(self._on_task_changed)
        self.several.toggled.connect(self._on_mode_toggled)
        self.vary.currentIndexChanged.connect(self._on_vary_changed)
        self.count.valueChanged.connect(self._on_count_changed)
        self.values.textChanged.connect(self.changed)
        self.models.itemChanged.connect(self._on_models_item_changed)
        self._on_vary_changed()
        self._on_mode_toggled()

    def _lay_out(self) -> None:
        modes = QHBoxLayout()
        modes.addWidget(self.several)
        modes.addWidget(self.one_model)
        modes.addStretch(1)
        vary = QHBoxLayout()
        self._vary_label = QLabel(self.tr("Vary"), self)
        vary.addWidget(self._vary_label)
        vary.addWidget(self.vary)
        vary.addWidget(self.count)
        vary.addWidget(self.values, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.task_combo)
        layout.addLayout(modes)
        layout.addLayout(vary)
        layout.addWidget(self.models, 1)

    # --- what is shown -------------------------------------------------------------------------

    def set_endpoints(self, endpoints: Sequence[Endpoint]) -> None:
        """The catalog; ticks on models still listed are kept."""
        self._endpoints = list(endpoints)
        self._fill_models()

    def set_fits(self, fits: Mapping[str, Fit | None]) -> None:
        """How each model fits the intent (None: not known yet); unfit models cannot be ticked."""
        if dict(fits) == self._fits:
            return
        self._fits = dict(fits)
        self._fill_models()

    def listed(self) -> list[Endpoint]:
        """The models of the current task's capability, in catalog order."""
        capability = self.current_task().capability
        return [e for e in self._endpoints if e.capability == capability]

    def current_task(self) -> Task:
        return task_named(str(self.task_combo.currentData()))

    def set_task(self, key: str) -> None:
        self.task_combo.setCurrentIndex(max(self.task_combo.findData(key), 0))

    def is_one_model(self) -> bool:
        return self.one_model.isChecked()

    def set_one_model(self, one: bool) -> None:
        (self.one_model if one else self.several).setChecked(True)

    def chosen_slugs(self) -> list[str]:
        return list(self._chosen)

    def set_checked(self, slug: str, checked: bool) -> bool:
        """Tick or untick a listed model as a click would; False when it is not listed."""
        for row in range(self.models.count()):
            item = self.models.item(row)
            if item.data(SLUG_ROLE) == slug and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return True
        return False

    def reason(self, slug: str) -> str:
        """Why a listed model cannot be ticked ("" when it can)."""
        fit = self._fits.get(slug)
        return fit_reason(fit) if fit is not None else ""

    # --- the columns ---------------------------------------------------------------------------

    def variants(self) -> tuple[tuple[Variant, ...], str]:
        """The columns to compare and, when they cannot be made, why (in words)."""
        if not self.is_one_model():
            return tuple(Variant(slug) for slug in self._chosen), ""
        if not self._chosen:
            return (), self.tr("Tick the model to compare with itself.")
        slug = self._chosen[0]
        setting = str(self.vary.currentData())
        if setting == "seed":
            return tuple(Variant(slug, {"seed": seed}) for seed in self._seeds), ""
        values, problem = self._parsed_values(setting)
        return tuple(Variant(slug, {setting: value}) for value in values), problem

    def set_variants(self, variants: Sequence[Variant]) -> None:
        """Show the columns of a kept comparison."""
        slugs = list(dict.fromkeys(v.slug for v in variants))
        one = len(slugs) == 1 and len(variants) > 1
        self.blockSignals(True)
        self.set_one_model(one)
        self._chosen = slugs
        if one:
            setting = next(iter(variants[0].changes), "seed")
            self.vary.setCurrentIndex(max(self.vary.findData(setting), 0))
            values = [v.changes.get(setting) for v in variants]
            if setting == "seed":
                self._seeds = [int(v) for v in values if isinstance(v, int)]
                self.count.setValue(len(self._seeds))
            else:
                self.values.setText(", ".join(_spelled(v) for v in values if v is not None))
        self._fill_models()
        self.blockSignals(False)
        self.changed.emit()

    def _parsed_values(self, setting: str) -> tuple[list[Any], str]:
        text = self.values.text()
        pieces = re.split(r"[,;]", text) if re.search(r"[,;]", text) else text.split()
        parts = [part.strip() for part in pieces if part.strip()]
        values: list[Any] = []
        for part in parts:
            value = _value_of(setting, part)
            if value is None:
                text = self.tr("“%1” is not a value of %2.")
                return [], fill(text, part, setting_label(setting).lower())
            values.append(value)
        values = list(dict.fromkeys(values))
        if len(values) < MIN_COLUMNS:
            return values, self.tr("Give at least two values, e.g. %1.").replace(
                "%1", _EXAMPLES.get(setting, "")
            )
        return values[:MAX_COLUMNS], ""

    # --- the list ------------------------------------------------------------------------------

    def _fill_models(self) -> None:
        listed = self.listed()
        fitting = [e for e in listed if not self.reason(e.slug)]
        others = [e for e in listed if self.reason(e.slug)]
        self._chosen = [s for s in self._chosen if any(e.slug == s for e in fitting)]
        self.models.blockSignals(True)
        self.models.clear()
        for endpoint in fitting:
            self._add_item(endpoint, "")
        for endpoint in others:
            self._add_item(endpoint, self.reason(endpoint.slug))
        self.models.blockSignals(False)

    def _add_item(self, endpoint: Endpoint, reason: str) -> None:
        name = endpoint.name or endpoint.slug
        item = QListWidgetItem(f"{name}\n    {reason}" if reason else name, self.models)
        item.setData(SLUG_ROLE, endpoint.slug)
        item.setData(REASON_ROLE, reason)
        tip = f"{endpoint.slug}\n{endpoint.description}".strip()
        item.setToolTip(plain_tooltip(f"{tip}\n\n{reason}" if reason else tip))
        if reason:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            return
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        ticked = endpoint.slug in self._chosen
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def _on_models_item_changed(self, item: QListWidgetItem) -> None:
        slug = str(item.data(SLUG_ROLE))
        checked = item.checkState() == Qt.CheckState.Checked
        if checked and slug not in self._chosen:
            if self.is_one_model():
                self._chosen = [slug]
            elif len(self._chosen) >= MAX_COLUMNS:
                self.models.blockSignals(True)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.models.blockSignals(False)
                return
            else:
                self._chosen.append(slug)
        elif not checked and slug in self._chosen:
            self._chosen.remove(slug)
        if self.is_one_model():
            self._fill_models()  # one tick at a time
        self.changed.emit()

    def _on_task_changed(self, _index: int) -> None:
        self._fits = {}
        self._fill_models()
        self.changed.emit()

    def _on_mode_toggled(self) -> None:
        one = self.is_one_model()
        for widget in (self._vary_label, self.vary, self.count, self.values):
            widget.setEnabled(one)
        if one and len(self._chosen) > 1:
            self._chosen = self._chosen[:1]
        self._fill_models()
        self.changed.emit()

    def _on_vary_changed(self, _index: int = 0) -> None:
        setting = str(self.vary.currentData())
        self.count.setVisible(setting == "seed")
        self.values.setVisible(setting != "seed")
        self.values.setPlaceholderText(_EXAMPLES.get(setting, ""))
        self._on_count_changed(self.count.value())

    def _on_count_changed(self, count: int) -> None:
        self._seeds = self._seeds[:count] + [fresh_seed() for _ in range(count - len(self._seeds))]
        self.changed.emit()


def _value_of(setting: str, text: str) -> Any:
    """A typed value of a varied setting, or None when `text` is not one."""
    if setting == "duration_s":
        number = text.lower().removesuffix("s").strip()
        try:
            seconds = float(number)
        except ValueError:
            return None
        return int(seconds) if seconds.is_integer() else seconds
    if setting == "aspect_ratio":
        return text if _ASPECT.match(text) else None
    return text


def _spelled(value: Any) -> str:
    return str(value)
