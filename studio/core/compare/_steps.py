"""Steps: a translation row plus the body values it puts in, and the plain words of its note."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any

from studio.core.compare._intent import How, TranslationRow
from studio.core.schema import FieldSpec, json_equal

_LONG = 48
_LISTED = 8
_NO_SETTING = {
    "prompt": "This model takes no prompt",
    "negative_prompt": "This model takes no negative prompt",
    "aspect_ratio": "This model has no aspect-ratio setting",
    "duration_s": "This model has no duration setting",
    "resolution": "This model has no resolution setting",
    "seed": "This model has no seed setting",
    "num_outputs": "This model has no setting for the number of outputs",
    "generate_audio": "This model has no setting to turn its audio on or off",
    "image": "This model takes no start image (nor an image to work on)",
    "end_image": "This model takes no end frame",
    "reference_images": "This model takes no reference images",
    "video": "This model takes no video",
    "audio": "This model takes no audio",
}


@dataclass(frozen=True)
class Step:
    """One row and the top-level body entries it sets (none when dropped)."""

    row: TranslationRow
    values: dict[str, Any] = field(default_factory=dict)

    def dropped(self, note: str) -> Step:
        """This step undone: nothing sent, with `note` saying why."""
        row = replace(self.row, field=None, sent=None, how=How.DROPPED, note=note)
        return Step(row)


def shown(value: Any) -> str:
    """A value in a note: quoted text (elided when long), "2016×864" sizes, "3 items" lists."""
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict) and {"width", "height"} <= value.keys():
        return f"{value['width']}×{value['height']}"
    if isinstance(value, list):
        return f"{len(value)} item{'' if len(value) == 1 else 's'}"
    text = str(value)
    text = text if len(text) <= _LONG else text[: _LONG - 1] + "…"
    return f'"{text}"' if isinstance(value, str) else text


def seconds(value: float) -> str:
    """A duration in words: "8 s", "7.5 s"."""
    return f"{shown(float(value))} s"


def allowed(spec: FieldSpec) -> str:
    """The values an enum field takes, listed for a note."""
    values = [shown(v) for v in spec.enum[:_LISTED]]
    return ", ".join(values) + (", …" if len(spec.enum) > _LISTED else "")


def placed(
    setting: str,
    requested: Any,
    spec: FieldSpec,
    sent: Any,
    *,
    note: str = "",
    how: How | None = None,
) -> Step:
    """`sent` goes to the top-level field `spec`; how = sent when it equals the request."""
    if how is None:
        how = How.SENT if json_equal(sent, requested) else How.MAPPED
    if not note:
        note = as_asked(spec, sent) if how is How.SENT else mapped_note(spec, requested, sent)
    row = TranslationRow(setting, requested, spec.name, sent, how, note)
    return Step(row, {spec.name: sent})


def dropped(setting: str, requested: Any, note: str = "") -> Step:
    """The model has no such setting: nothing is sent for it."""
    reason = _NO_SETTING.get(setting, "This model has no such setting")
    note = note or f"{reason}, so this is not sent."
    return Step(TranslationRow(setting, requested, None, None, How.DROPPED, note))


def defaulted(setting: str, requested: Any, spec: FieldSpec, why: str) -> Step:
    """Nothing fits: the schema default is sent (and named), or the model decides without one."""
    if spec.has_default:
        note = f"{why}; the model's default, {shown(spec.default)}, is used."
        row = TranslationRow(setting, requested, spec.name, spec.default, How.DEFAULT, note)
        return Step(row, {spec.name: spec.default})
    note = f"{why}; the model has no stated default and decides itself."
    return Step(TranslationRow(setting, requested, spec.name, None, How.DEFAULT, note))


def clamped(setting: str, requested: Any, spec: FieldSpec, sent: Any, why: str) -> Step:
    """The nearest value the model allows is sent instead of the request."""
    note = f"{why}; the nearest it takes, {shown(sent)}, is sent instead."
    return placed(setting, requested, spec, sent, note=note, how=How.CLAMPED)


def as_asked(spec: FieldSpec, sent: Any) -> str:
    """The note of a value sent as asked."""
    return f"Sent as asked ({spec.title} {shown(sent)})."


def mapped_note(spec: FieldSpec, requested: Any, sent: Any) -> str:
    """The note of a value sent in the model's own spelling or unit."""
    return f"{shown(requested)} is sent as {shown(sent)}, the way {spec.title} spells it."
