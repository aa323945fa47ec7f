"""Integer and number editors: slider + spin box for small closed ranges, spin box otherwise,
and a line edit with an empty state (e.g. "random" seeds) when the field has no default.

A whole number of milliseconds (a name ending in ``_ms``, e.g. ``music_length_ms``) is shown and
typed in seconds — "30" rather than "30000" — and still sent in milliseconds."""

from __future__ import annotations

import math
import random
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSlider,
    QSpinBox,
    QToolButton,
    QWidget,
)
from typing_extensions import override

from studio.core.schema import FieldKind, FieldSpec
from studio.ui.forms.base import FieldWidget
from studio.ui.i18n.field_words import field_title

MAX_SLIDER_STEPS = 200
_INT_LIMIT = 2_147_483_647
_FLOAT_LIMIT = 1e12
_SEED_LIMIT = 4_294_967_295
_INT_TEXT = QRegularExpression(r"-?\d*")
_FLOAT_TEXT = QRegularExpression(r"-?\d*\.?\d*([eE][-+]?\d*)?")
MS_PER_SECOND = 1000


def number_step(spec: FieldSpec) -> float:
    """The spin/slider step: multipleOf, else 1 for integers, else about 1/100 of the range."""
    if spec.bounds.multiple_of:
        return spec.bounds.multiple_of
    if spec.kind is FieldKind.INTEGER:
        return 1.0
    low, high = spec.bounds.inclusive(False)
    if low is None or high is None or high <= low:
        return 0.1
    return float(10 ** math.floor(math.log10(high - low)) / 100)


def _decimals(step: float) -> int:
    return max(0, min(8, -math.floor(math.log10(step)))) if step < 1 else 0


def uses_slider(spec: FieldSpec) -> bool:
    """Slider + spin box only when both bounds exist and the range has at most 200 steps."""
    low, high = spec.bounds.inclusive(spec.kind is FieldKind.INTEGER)
    if low is None or high is None or high < low:
        return False
    return (high - low) / number_step(spec) <= MAX_SLIDER_STEPS


class NumberField(FieldWidget):
    """Picks the editor from the spec; see the module docstring."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._integer = spec.kind is FieldKind.INTEGER
        # Nobody thinks of a song's length as 30000: milliseconds are edited as seconds.
        self._in_ms = self._integer and spec.name.endswith("_ms")
        self._scale = MS_PER_SECOND if self._in_ms else 1
        self._whole = self._integer and not self._in_ms  # the editor takes whole numbers
        self._step = number_step(spec)
        self._spin: QSpinBox | QDoubleSpinBox | None = None
        self._slider: QSlider | None = None
        self._line: QLineEdit | None = None
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.body.addLayout(row)
        if not spec.has_default or spec.nullable or spec.default is None:
            self._build_line(row)
        else:
            self._build_spin(row)
        self.reset()

    @override
    def title(self) -> str:
        # "Music length (ms)" edited in seconds is "Music length"; the box says "seconds".
        return field_title(
            self.spec.title.removesuffix(" (ms)") if self._in_ms else self.spec.title
        )

    def _build_line(self, row: QHBoxLayout) -> None:
        line = QLineEdit()
        line.setValidator(QRegularExpressionValidator(_INT_TEXT if self._whole else _FLOAT_TEXT))
        line.setPlaceholderText(self.tr("random") if self.spec.is_seed else self._range_hint())
        line.textChanged.connect(self.changed)
        row.addWidget(line, 1)
        if self._in_ms:
            unit = QLabel(self.tr("seconds"))
            unit.setToolTip(self.tr("Typed in seconds, sent in milliseconds"))
            row.addWidget(unit)
        if self.spec.is_seed:
            dice = QToolButton()
            dice.setText(self.tr("Random"))
            dice.setToolTip(self.tr("Pick a random seed (clear the box to let the server choose)"))
            dice.clicked.connect(self._on_dice_clicked)
            row.addWidget(dice)
        self._line = line

    def _bounds(self) -> tuple[float | None, float | None]:
        """The inclusive range as the editor shows it (seconds for milliseconds)."""
        low, high = self.spec.bounds.inclusive(self._integer)
        return (
            None if low is None else low / self._scale,
            None if high is None else high / self._scale,
        )

    def _range_hint(self) -> str:
        low, high = self._bounds()
        if low is not None and high is not None:
            return f"{_fmt(low)} – {_fmt(high)}"
        if low is not None:
            return self.tr("at least %1").replace("%1", _fmt(low))
        if high is not None:
            return self.tr("at most %1").replace("%1", _fmt(high))
        return self.tr("not set")

    def _build_spin(self, row: QHBoxLayout) -> None:
        spin: QSpinBox | QDoubleSpinBox
        low, high = self._bounds()
        if self._whole:
            spin = QSpinBox()
            spin.setRange(_int(low, -_INT_LIMIT), _int(high, _INT_LIMIT))
            spin.setSingleStep(max(1, int(self._step)))
        else:
            spin = self._double_spin(low, high)
        spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        spin.setKeyboardTracking(False)
        spin.valueChanged.connect(self._on_spin_changed)
        if uses_slider(self.spec) and low is not None and high is not None and not self._in_ms:
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, round((high - low) / self._step))
            slider.valueChanged.connect(self._on_slider_moved)
            row.addWidget(slider, 1)
            self._slider = slider
            spin.setMinimumWidth(80)
        row.addWidget(spin, 0 if self._slider else 1)
        self._spin = spin

    def _double_spin(self, low: float | None, high: float | None) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(_float(low, -_FLOAT_LIMIT), _float(high, _FLOAT_LIMIT))
        if self._in_ms:  # tenths of a second, unless the default is finer
            default = self.spec.default
            seconds = default / self._scale if isinstance(default, int | float) else None
            spin.setDecimals(max(1, _decimals_of(seconds)))
            spin.setSingleStep(1.0)
            spin.setSuffix(self.tr(" s"))
            spin.setToolTip(self.tr("Shown in seconds, sent in milliseconds"))
        else:
            spin.setDecimals(max(_decimals(self._step), _decimals_of(self.spec.default)))
            spin.setSingleStep(self._step)
        return spin

    @override
    def value(self) -> Any:
        if self._spin is not None:
            number = self._spin.value()
            if self._in_ms:
                return round(number * self._scale)
            return int(number) if self._integer else round(float(number), self._spin_decimals())
        return self._parse_line()[0]

    def _spin_decimals(self) -> int:
        return self._spin.decimals() if isinstance(self._spin, QDoubleSpinBox) else 0

    def _parse_line(self) -> tuple[Any, str | None]:
        text = self._line.text().strip() if self._line is not None else ""
        if text in {"", "-"}:
            return None, None
        try:
            if self._in_ms:
                return self._from_seconds(float(text))
            return (int(text) if self._integer else float(text)), None
        except ValueError:
            return None, self.tr("Must be a whole number") if self._whole else self.tr(
                "Must be a number"
            )

    def _from_seconds(self, seconds: float) -> tuple[Any, str | None]:
        """Typed seconds as milliseconds; out of range is said in seconds, as typed."""
        if not math.isfinite(seconds):
            raise ValueError(seconds)
        low, high = self._bounds()
        if low is not None and seconds < low:
            return None, self.tr("Must be at least %1 s").replace("%1", _fmt(low))
        if high is not None and seconds > high:
            return None, self.tr("Must be at most %1 s").replace("%1", _fmt(high))
        return round(seconds * self._scale), None

    @override
    def set_value(self, value: Any) -> None:
        number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
        if self._line is not None:
            self._line.setText("" if number is None else _fmt(self._shown(number)))
            return
        if self._spin is None:
            return
        if number is None:
            number = self.spec.default if isinstance(self.spec.default, int | float) else 0
        number = self._shown(number)
        self._widen_to(number)
        if isinstance(self._spin, QSpinBox):
            self._spin.setValue(int(number))
        else:
            self._spin.setValue(float(number))
        self._sync_slider()

    def _shown(self, number: float) -> float:
        """A value as the editor shows it (seconds for milliseconds)."""
        return number / self._scale if self._in_ms else number

    def _widen_to(self, number: float) -> None:
        """A restored value outside the bounds stays visible (and gets flagged by validation)."""
        spin = self._spin
        if spin is None or spin.minimum() <= number <= spin.maximum():
            return
        if isinstance(spin, QSpinBox):
            spin.setRange(
                min(spin.minimum(), _int(number, 0)), max(spin.maximum(), _int(number, 0))
            )
        else:
            spin.setRange(min(spin.minimum(), number), max(spin.maximum(), number))

    @override
    def local_errors(self) -> list[str]:
        problem = self._parse_line()[1]
        return [problem] if problem else []

    @override
    def editor(self) -> QWidget:
        return self._line or self._spin or self

    def slider(self) -> QSlider | None:
        """The slider, when the range is small enough to have one."""
        return self._slider

    def spin_box(self) -> QSpinBox | QDoubleSpinBox | None:
        """The spin box, when the field has a default (no empty state)."""
        return self._spin

    def _on_spin_changed(self) -> None:
        self._sync_slider()
        self.changed.emit()

    def _sync_slider(self) -> None:
        low = self.spec.bounds.inclusive(self._integer)[0]
        if self._slider is None or self._spin is None or low is None:
            return
        self._slider.blockSignals(True)
        self._slider.setValue(round((self._spin.value() - low) / self._step))
        self._slider.blockSignals(False)

    def _on_slider_moved(self, position: int) -> None:
        low = self.spec.bounds.inclusive(self._integer)[0]
        if self._spin is not None and low is not None:
            number = low + position * self._step
            if isinstance(self._spin, QSpinBox):
                self._spin.setValue(round(number))
            else:
                self._spin.setValue(number)

    def _on_dice_clicked(self) -> None:
        low, high = self.spec.bounds.inclusive(True)
        low_int = int(low) if low is not None else 0
        high_int = int(high) if high is not None else _SEED_LIMIT
        if self._line is not None:
            self._line.setText(str(random.randint(low_int, max(low_int, high_int))))


def _fmt(number: float) -> str:
    if isinstance(number, float) and number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return str(number)


def _int(bound: float | None, fallback: int) -> int:
    if bound is None:
        return fallback
    return int(max(-_INT_LIMIT, min(_INT_LIMIT, bound)))


def _float(bound: float | None, fallback: float) -> float:
    return float(bound) if bound is not None else fallback


def _decimals_of(value: Any) -> int:
    if not isinstance(value, float) or value.is_integer():
        return 0
    return min(8, len(repr(value).split(".")[-1]))
