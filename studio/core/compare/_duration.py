"""Duration in seconds onto a model's own length field: "8s", "8", 8, or milliseconds."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any, Final

from studio.core.compare._nearest import Choice, nearest, same
from studio.core.compare._steps import Step, allowed, clamped, defaulted, dropped, placed, seconds
from studio.core.compare._steps import shown as show
from studio.core.schema import FieldKind, FieldSpec, clamp_number

if TYPE_CHECKING:
    from studio.core.schema import FormSpec

SETTING: Final = "duration_s"
_SECOND_NAMES: Final = ("duration", "duration_s", "duration_seconds", "seconds", "video_length")
_SECONDS_TEXT: Final = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:s|sec|secs|seconds?)?\s*$", re.I)
_NUMERIC: Final = (FieldKind.INTEGER, FieldKind.NUMBER)


def duration_field(spec: FormSpec) -> FieldSpec | None:
    """The field holding the output length: "duration" (seconds) or e.g. "music_length_ms"."""
    for field in spec.fields:
        if field.name in _SECOND_NAMES or is_milliseconds(field):
            return field
    return None


def is_milliseconds(field: FieldSpec) -> bool:
    """Whether a field is a length in milliseconds ("music_length_ms", "duration_ms")."""
    name = field.name.lower()
    return name.endswith("_ms") and ("length" in name or "duration" in name)


def duration_step(spec: FormSpec, requested: Any) -> Step:
    """Where `requested` seconds go on this model, and how."""
    field = duration_field(spec)
    wanted = member_seconds(requested)  # 8, 7.5, or a spelled "8" / "8s"
    if field is None or wanted is None or not math.isfinite(wanted):
        return dropped(SETTING, requested)
    if field.kind is FieldKind.ENUM:
        return _onto_enum(field, requested, wanted)
    if field.kind in _NUMERIC:
        return _onto_number(field, requested, wanted)
    if field.kind in (FieldKind.STRING, FieldKind.TEXT):
        return placed(SETTING, requested, field, show(wanted))
    return dropped(SETTING, requested)


def member_seconds(member: Any) -> float | None:
    """The seconds an enum member stands for: 8, "8", "8s", "8 sec"; None for "auto" and such."""
    if isinstance(member, bool):
        return None
    if isinstance(member, int | float):
        return float(member)
    match = _SECONDS_TEXT.match(member) if isinstance(member, str) else None
    return float(match.group(1)) if match else None


def _onto_enum(field: FieldSpec, requested: Any, wanted: float) -> Step:
    choices = [Choice(m, s) for m in field.enum if (s := member_seconds(m)) is not None]
    exact = next((c for c in choices if same(c.measure, wanted)), None)
    if exact is not None:
        note = "" if exact.value == requested else _spelled(field, wanted, exact.value)
        return placed(SETTING, requested, field, exact.value, note=note)
    pick = nearest(choices, wanted, by_log=False)
    why = f"{seconds(wanted)} is not offered ({allowed(field)})"
    if pick is None:
        return defaulted(SETTING, requested, field, why)
    return clamped(SETTING, requested, field, pick.choice.value, why)


def _onto_number(field: FieldSpec, requested: Any, asked: float) -> Step:
    scale = 1000.0 if is_milliseconds(field) else 1.0
    integer = field.kind is FieldKind.INTEGER
    wanted = asked * scale
    low, high = field.bounds.inclusive(integer)
    step = field.bounds.multiple_of or (1.0 if integer else None)
    value: float = clamp_number(wanted, low, high, step, integer)
    sent: Any = int(value) if integer else value
    if same(value, wanted, 1e-9):
        note = "" if scale == 1.0 else f"{seconds(asked)} is sent as {field.title} {sent}."
        return placed(SETTING, requested, field, sent, note=note)
    unit = "ms" if scale != 1.0 else "s"
    inside = (low is None or wanted >= low) and (high is None or wanted <= high)
    if inside:  # only the step is off: 7.5 s on a whole-seconds field
        why = f"{seconds(asked)} is not a length {field.title} takes"
    else:
        why = f"{seconds(asked)} is outside what {field.title} takes ({_span(low, high, unit)})"
    return clamped(SETTING, requested, field, sent, why)


def _spelled(field: FieldSpec, requested: float, member: Any) -> str:
    return f"{seconds(requested)} is sent as {show(member)}, the way {field.title} spells it."


def _span(low: float | None, high: float | None, unit: str) -> str:
    parts = [show(b) if b is not None else "…" for b in (low, high)]
    return f"{parts[0]}–{parts[1]} {unit}"
