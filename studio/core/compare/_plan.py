"""Each model's input for a comparison: the shared prompt and settings fitted to its schema."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from studio.core.schema import MISSING, FieldKind, FieldSpec, FormSpec, carry_over, field_default

MIN_MODELS: Final = 2
MAX_MODELS: Final = 4
_MEDIA_WORDS: Final = {"image": "an input image", "video": "an input video", "audio": "input audio"}


@dataclass(frozen=True)
class SharedValues:
    """What the user set once for every model; None means "each model's own default"."""

    prompt: str
    aspect_ratio: str | None = None
    duration_s: int | None = None


@dataclass(frozen=True)
class PlannedInput:
    """The body to send to one model, or why it cannot be sent; notes explain dropped settings."""

    input: dict[str, Any] | None
    problem: str = ""
    notes: tuple[str, ...] = ()


def plan_input(schema: Any, shared: SharedValues) -> PlannedInput:
    """The shared values that fit `schema`, plus defaults of required fields; validated."""
    spec = FormSpec.from_schema(schema)
    if spec.root.kind is not FieldKind.OBJECT or spec.field("prompt") is None:
        return PlannedInput(
            None, "This model takes no text prompt, so it cannot join a comparison."
        )
    wanted = _wanted_values(spec, shared)
    value = carry_over(wanted, spec)
    for field in spec.fields:
        default = field_default(field)
        if field.required and field.name not in value and default is not MISSING:
            value[field.name] = default
    notes = _dropped_notes(spec, shared, value)
    errors = spec.validate(value)
    if errors:
        problems = [_describe(spec.field(e.path), e.path, e.message) for e in errors]
        return PlannedInput(None, "Skipped: " + "; ".join(dict.fromkeys(problems)), notes)
    return PlannedInput(value, "", notes)


def _wanted_values(spec: FormSpec, shared: SharedValues) -> dict[str, Any]:
    wanted: dict[str, Any] = {"prompt": shared.prompt}
    if shared.aspect_ratio:
        wanted["aspect_ratio"] = shared.aspect_ratio
    if shared.duration_s is not None:
        field = _duration_field(spec)
        if field is not None:
            wanted[field.name] = _duration_value(field, shared.duration_s)
    return wanted


def _duration_field(spec: FormSpec) -> FieldSpec | None:
    """The field holding the output length: "duration" (seconds) or e.g. "music_length_ms"."""
    for field in spec.fields:
        if field.name == "duration" or _is_milliseconds(field):
            return field
    return None


def _is_milliseconds(field: FieldSpec) -> bool:
    name = field.name.lower()
    return name.endswith("_ms") and ("length" in name or "duration" in name)


def _duration_value(field: FieldSpec, seconds: int) -> Any:
    if _is_milliseconds(field):
        return seconds * 1000
    # Enums spell seconds differently across providers: "8s" (Veo) or "8" (Kling, Seedance).
    members = {str(member) for member in field.enum}
    return f"{seconds}s" if f"{seconds}s" in members else seconds


def _dropped_notes(spec: FormSpec, shared: SharedValues, value: dict[str, Any]) -> tuple[str, ...]:
    notes = []
    if shared.aspect_ratio and "aspect_ratio" not in value:
        offered = spec.field("aspect_ratio") is not None
        notes.append(
            f"Aspect ratio {shared.aspect_ratio} is not offered: the model's default is used."
            if offered
            else "This model has no aspect-ratio setting."
        )
    if shared.duration_s is not None:
        field = _duration_field(spec)
        if field is None:
            notes.append("This model has no duration setting.")
        elif field.name not in value:
            notes.append(f"{shared.duration_s} s is not offered: the model's default is used.")
    return tuple(notes)


def _describe(field: FieldSpec | None, path: str, message: str) -> str:
    title = field.title if field is not None else (path or "input")
    if field is not None and field.media is not None:
        if message != "Required":  # e.g. "Fill in Image URL or Video URL"
            return f"needs input media, which a comparison does not provide ({message})"
        what = _MEDIA_WORDS.get(str(field.media.value), "an input file")
        return f"needs {what} ({title}), which a comparison does not provide"
    if message == "Required":
        return f"{title} is required and has no default"
    return f"{title}: {message}"
