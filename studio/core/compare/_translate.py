"""translate(): one Intent onto one model's input schema, with a row saying what became of each
setting, and a body that the schema accepts (or None, with the reason in words)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Final

from studio.core.compare._aspect import aspect_step
from studio.core.compare._duration import duration_step
from studio.core.compare._image_size import size_field, size_steps
from studio.core.compare._intent import Intent, Translation
from studio.core.compare._media import MEDIA_SETTINGS, media_step
from studio.core.compare._problems import describe, required_groups
from studio.core.compare._resolution import resolution_field, resolution_step
from studio.core.compare._scalars import scalar_step, top_field
from studio.core.compare._steps import Step, dropped
from studio.core.schema import MISSING, FieldKind, FormSpec, field_default, media_inputs

if TYPE_CHECKING:
    from studio.core.schema import FieldError

log = logging.getLogger(__name__)

UNREADABLE: Final = "This model's settings could not be read"
_SHAPE: Final = ("aspect_ratio", "resolution")


def translate(schema: dict[str, Any], intent: Intent) -> Translation:
    """`intent` in this model's terms: the body to send (or None and why) and one row per setting.

    Never raises: a schema this code cannot follow still gets an answer, with the reason.
    """
    try:
        return _translate(schema, intent)
    except Exception as exc:  # a schema nobody foresaw must not stop a comparison
        log.exception("translate: could not map an intent onto a schema")
        return Translation(None, f"{UNREADABLE} ({type(exc).__name__}).")


def _translate(schema: dict[str, Any], intent: Intent) -> Translation:
    spec = FormSpec.from_schema(schema)
    steps = _exclusive(spec, schema, _steps(spec, schema, intent.settings()))
    steps, body = _repair(spec, steps)
    rows = [step.row for step in steps]
    errors = spec.validate(body)
    if errors:
        return Translation(None, describe(spec, schema, errors), rows)
    return Translation(body, "", rows)


def _steps(spec: FormSpec, schema: dict[str, Any], settings: list[tuple[str, Any]]) -> list[Step]:
    asked = dict(settings)
    shape = _shape_steps(spec, asked.get("aspect_ratio"), asked.get("resolution"))
    inputs = [m for m in media_inputs(schema) if "." not in m.path and "[" not in m.path]
    taken: set[str] = set()
    steps = []
    for setting, requested in settings:
        if setting in shape:
            steps.append(shape[setting])
        elif setting == "duration_s":
            steps.append(duration_step(spec, requested))
        elif setting in MEDIA_SETTINGS:
            steps.append(media_step(spec, inputs, taken, setting, requested))
        else:
            steps.append(scalar_step(spec, setting, requested))
    return steps


def _shape_steps(spec: FormSpec, aspect: Any, resolution: Any) -> dict[str, Step]:
    """Aspect ratio and resolution: to their own fields, else together into a size field."""
    found: dict[str, Step] = {}
    aspect_field = top_field(spec, ("aspect_ratio",), (FieldKind.ENUM, FieldKind.STRING))
    if aspect is not None and aspect_field is not None:
        found["aspect_ratio"] = aspect_step(aspect_field, aspect)
    tiers = resolution_field(spec)
    if resolution is not None and tiers is not None:
        found["resolution"] = resolution_step(tiers, resolution)
    # What has no field of its own may still shape an image_size (GPT Image 2).
    left_aspect = None if "aspect_ratio" in found else aspect
    left_resolution = None if "resolution" in found else resolution
    size = size_field(spec)
    if size is not None and (left_aspect is not None or left_resolution is not None):
        steps = size_steps(size, left_aspect, left_resolution)
        found.update((step.row.setting, step) for step in steps)
    for setting, value in zip(_SHAPE, (aspect, resolution), strict=True):
        if value is not None and setting not in found:
            found[setting] = dropped(setting, value)
    return found


def _exclusive(spec: FormSpec, schema: dict[str, Any], steps: list[Step]) -> list[Step]:
    """Only one field of a "one of these" group: WAN takes a start image or a clip, not both."""
    groups = required_groups(schema, "oneOf")
    chosen: tuple[int, str] | None = None
    kept = []
    for step in steps:
        hit = next(((i, n) for n in step.values for i, g in enumerate(groups) if n in g), None)
        if hit is None or chosen is None or hit[0] == chosen[0]:
            chosen = chosen or hit
            kept.append(step)
        else:
            kept.append(step.dropped(_conflict(spec, hit[1], chosen[1])))
    return kept


def _conflict(spec: FormSpec, mine: str, other: str) -> str:
    titles = [f.title if f else name for name, f in ((n, spec.field(n)) for n in (mine, other))]
    return f"{titles[0]} cannot be combined with {titles[1]} on this model, so this is not sent."


def _repair(spec: FormSpec, steps: list[Step]) -> tuple[list[Step], dict[str, Any]]:
    """Steps whose values the schema still refuses are undone, one round per refusal."""
    body = _body(spec, steps)
    for _ in range(len(steps)):
        errors = spec.validate(body)
        refused = {_top(e): e for e in errors if _top(e)}
        if not any(refused.keys() & step.values.keys() for step in steps):
            break
        steps = [_undo(step, refused) for step in steps]
        body = _body(spec, steps)
    return steps, body


def _undo(step: Step, refused: dict[str, FieldError]) -> Step:
    hit = next((refused[name] for name in step.values if name in refused), None)
    if hit is None:
        return step
    return step.dropped(f"The model would not accept this ({hit.message}), so it is not sent.")


def _top(error: FieldError) -> str:
    return error.path.split(".", 1)[0]


def _body(spec: FormSpec, steps: list[Step]) -> dict[str, Any]:
    """The steps' values plus the defaults of required fields, in form order."""
    merged: dict[str, Any] = {}
    for step in steps:
        merged.update(step.values)
    for field in spec.fields:
        default = field_default(field)
        if field.required and field.name not in merged and default is not MISSING:
            merged[field.name] = default
    order = [f.name for f in spec.fields]
    return {name: merged[name] for name in sorted(merged, key=lambda n: _rank(order, n))}


def _rank(order: list[str], name: str) -> int:
    return order.index(name) if name in order else len(order)
