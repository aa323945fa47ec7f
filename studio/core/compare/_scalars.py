"""The plain settings of an intent: prompts, seed, number of outputs and audio on/off."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from studio.core.compare._steps import Step, clamped, dropped, placed, shown
from studio.core.schema import MISSING, FieldKind, FieldSpec, coerce

if TYPE_CHECKING:
    from studio.core.schema import FormSpec

_TEXT: Final = (FieldKind.TEXT, FieldKind.STRING)
_WHOLE: Final = (FieldKind.INTEGER, FieldKind.NUMBER)
PROMPT_NAMES: Final = ("prompt",)
_NEGATIVE_NAMES: Final = ("negative_prompt", "negative")
_COUNT_NAMES: Final = (
    "num_images",
    "num_outputs",
    "num_videos",
    "num_samples",
    "number_of_images",
    "num_generations",
    "batch_size",
    "n",
)
_AUDIO_NAMES: Final = ("generate_audio", "enable_audio", "with_audio", "audio_enabled")


def top_field(
    spec: FormSpec, names: tuple[str, ...], kinds: tuple[FieldKind, ...]
) -> FieldSpec | None:
    """The first top-level field called one of `names` (in that order) of one of `kinds`."""
    by_name = {f.name: f for f in spec.fields}
    found = (by_name.get(name) for name in names)
    return next((f for f in found if f is not None and f.kind in kinds), None)


def scalar_step(spec: FormSpec, setting: str, requested: Any) -> Step:
    """The step of a prompt, negative prompt, seed, count or audio switch."""
    if setting in ("prompt", "negative_prompt"):
        names = PROMPT_NAMES if setting == "prompt" else _NEGATIVE_NAMES
        return _text(setting, requested, top_field(spec, names, _TEXT))
    if setting == "seed":
        seed = next((f for f in spec.fields if f.is_seed), None)
        return _number(setting, requested, seed)
    if setting == "num_outputs":
        return _number(setting, requested, top_field(spec, _COUNT_NAMES, _WHOLE))
    audio = top_field(spec, _AUDIO_NAMES, (FieldKind.BOOLEAN,))
    if audio is None or not isinstance(requested, bool):
        return dropped(setting, requested)
    return placed(setting, requested, audio, requested)


def _text(setting: str, requested: Any, field: FieldSpec | None) -> Step:
    if field is None or not isinstance(requested, str):
        return dropped(setting, requested)
    limit = field.text.max_length
    if limit is not None and len(requested) > limit:
        why = f"The text is longer than this model's {limit} characters"
        return clamped(setting, requested, field, requested[:limit], why)
    return placed(setting, requested, field, requested)


def _number(setting: str, requested: Any, field: FieldSpec | None) -> Step:
    if field is None:
        return dropped(setting, requested)
    value = coerce(requested, field)
    if value is MISSING or isinstance(requested, bool):
        why = f"{shown(requested)} is not a number {field.title} takes, so it is not sent."
        return dropped(setting, requested, why)
    if value == float(requested):  # as asked, or a spelled number ("42")
        return placed(setting, requested, field, value)
    low, high = field.bounds.inclusive(field.kind is FieldKind.INTEGER)
    span = f"{shown(low) if low is not None else '…'}–{shown(high) if high is not None else '…'}"
    return clamped(setting, requested, field, value, f"{shown(requested)} is outside {span}")
