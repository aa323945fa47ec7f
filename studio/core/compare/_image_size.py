"""Aspect ratio and resolution onto an `image_size` field: a preset of the right shape, or an
explicit {width, height} (GPT Image 2 takes either) sized from the resolution or a usual area."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from studio.core.compare._aspect import SETTING as ASPECT
from studio.core.compare._aspect import nearest_shape, preset_ratio, ratio_of
from studio.core.compare._intent import How, TranslationRow
from studio.core.compare._nearest import Choice, same
from studio.core.compare._resolution import SETTING as RESOLUTION
from studio.core.compare._resolution import size_of
from studio.core.compare._steps import Step, defaulted, dropped, placed, shown
from studio.core.schema import FieldKind, FieldSpec

if TYPE_CHECKING:
    from studio.core.compare._resolution import Size
    from studio.core.schema import FormSpec

_NAMES: Final = ("image_size", "size", "video_size", "output_size")
_USUAL_AREA: Final = 1536 * 1024  # a common full-size image; keeps shapes comparable in cost
_EDGE_CAP: Final = 8192  # for sides the schema leaves unbounded
_SHAPE_SLACK: Final = 0.01  # an explicit size within 1 % of the ratio is that ratio
_EDGE_SLACK: Final = 0.03  # and within 3 % of the asked side is that resolution


@dataclass(frozen=True)
class Side:
    """The bounds of one side of a custom size."""

    low: int
    high: int
    step: int


@dataclass(frozen=True)
class SizeField:
    """An `image_size`-like field: its presets (with their shapes) and its custom width/height."""

    spec: FieldSpec
    presets: list[Choice]
    width: Side | None
    height: Side | None


def size_field(spec: FormSpec) -> SizeField | None:
    """The model's size setting, if it has presets of known shape or an explicit width/height."""
    by_name = {f.name: f for f in spec.fields}
    for field in (by_name.get(name) for name in _NAMES):
        if field is None:
            continue
        options = field.options if field.kind is FieldKind.PRESET else (field,)
        enums = [o for o in options if o.kind is FieldKind.ENUM]
        presets = [Choice(v, r) for o in enums for v in o.enum if (r := preset_ratio(v))]
        custom = next((o for o in options if o.kind is FieldKind.OBJECT), None)
        width, height = _side(custom, "width"), _side(custom, "height")
        if presets or (width and height):
            return SizeField(field, presets, width, height)
    return None


def size_steps(field: SizeField, aspect: str | None, resolution: str | None) -> list[Step]:
    """The rows of an aspect ratio and/or a resolution that both land in one size field."""
    target = size_of(resolution) if resolution else None
    if resolution is not None and (target is None or not _custom(field)):
        steps = [_shape_step(field, aspect)] if aspect else []
        return [*steps, _no_resolution(field, resolution, target)]
    if resolution is None or target is None:
        return [_shape_step(field, aspect)] if aspect else []
    return _sized_steps(field, aspect, resolution, target)


def _shape_step(field: SizeField, aspect: str) -> Step:
    """An aspect ratio alone: a preset of that shape, else an explicit size, else the nearest."""
    wanted = ratio_of(aspect)
    spec = field.spec
    if wanted is None:
        return defaulted(ASPECT, aspect, spec, f"{shown(aspect)} is not an aspect ratio")
    if any(same(p.measure, wanted) for p in field.presets) or not _custom(field):
        return nearest_shape(spec, aspect, wanted, field.presets)
    size = explicit_size(field, wanted, None)
    if size is None:
        return nearest_shape(spec, aspect, wanted, field.presets)
    return _size_row(ASPECT, aspect, field, size, _shape_how(size, wanted))


def _sized_steps(field: SizeField, aspect: str | None, resolution: str, target: Size) -> list[Step]:
    wanted = ratio_of(aspect) if aspect else None
    ratio = wanted or _default_ratio(field.spec)
    size = explicit_size(field, ratio, target) if ratio else None
    if size is None:
        why = f"{shown(resolution)} needs a shape, and this model's size follows its inputs"
        steps = [_shape_step(field, aspect)] if aspect else []
        return [*steps, defaulted(RESOLUTION, resolution, field.spec, why)]
    steps = []
    if aspect and wanted is None:
        note = f"{shown(aspect)} is not an aspect ratio; the default shape is used, {shown(size)}."
        row = TranslationRow(ASPECT, aspect, field.spec.name, size, How.DEFAULT, note)
        steps.append(Step(row))
    elif aspect and wanted:
        steps.append(_size_row(ASPECT, aspect, field, size, _shape_how(size, wanted)))
    side = min(size["width"], size["height"]) if target.short else max(size.values())
    how = How.MAPPED if same(side, target.edge, _EDGE_SLACK) else How.CLAMPED
    steps.append(_size_row(RESOLUTION, resolution, field, size, how))
    return steps


def _size_row(
    setting: str, requested: str, field: SizeField, size: dict[str, int], how: How
) -> Step:
    title = field.spec.title
    if how is How.MAPPED:
        note = f"{requested} is sent as {title} {shown(size)}."
    else:
        note = f"{requested} does not fit this model's sizes; the nearest, {shown(size)}, is sent"
        note += f" as {title}."
    return placed(setting, requested, field.spec, size, note=note, how=how)


def _no_resolution(field: SizeField, resolution: str, target: Size | None) -> Step:
    if target is None:
        why = f"{shown(resolution)} is not a resolution"
        return defaulted(RESOLUTION, resolution, field.spec, why)
    return dropped(RESOLUTION, resolution)


def _shape_how(size: dict[str, int], wanted: float) -> How:
    return How.MAPPED if same(size["width"] / size["height"], wanted, _SHAPE_SLACK) else How.CLAMPED


def explicit_size(field: SizeField, ratio: float, target: Size | None) -> dict[str, int] | None:
    """The {width, height} the custom option allows nearest `ratio` (first) and `target` size."""
    if field.width is None or field.height is None or ratio <= 0:
        return None
    landscape = ratio >= 1
    short, long = (field.height, field.width) if landscape else (field.width, field.height)
    stretch = ratio if landscape else 1 / ratio
    if target is None:
        goal = math.sqrt(_USUAL_AREA / stretch)
    else:
        goal = target.edge if target.short else target.edge / stretch
    best: tuple[float, int, int] | None = None
    for edge in range(_first(short), short.high + 1, short.step):
        other = round(edge * stretch / long.step) * long.step
        if edge <= 0 or not long.low <= other <= long.high:
            continue
        score = 10 * abs(math.log(other / edge / stretch)) + abs(math.log(edge / goal))
        if best is None or score < best[0]:
            best = (score, edge, other)
    if best is None:
        return None
    _, edge, other = best
    return {"width": other, "height": edge} if landscape else {"width": edge, "height": other}


def _first(side: Side) -> int:
    return max(side.step, math.ceil(side.low / side.step) * side.step)


def _custom(field: SizeField) -> bool:
    return field.width is not None and field.height is not None


def _side(custom: FieldSpec | None, name: str) -> Side | None:
    part = custom.child(name) if custom is not None else None
    if part is None or part.kind is not FieldKind.INTEGER:
        return None
    low, high = part.bounds.inclusive(integer=True)
    step = part.bounds.multiple_of
    whole = int(step) if step and float(step).is_integer() and step >= 1 else 1
    top = int(high) if high is not None else _EDGE_CAP
    return Side(math.ceil(low) if low is not None else 1, min(top, _EDGE_CAP), whole)


def _default_ratio(spec: FieldSpec) -> float | None:
    default: Any = spec.default if spec.has_default else None
    if isinstance(default, dict):
        width, height = default.get("width"), default.get("height")
        if isinstance(width, int | float) and isinstance(height, int | float) and height > 0:
            return float(width) / float(height)
        return None
    return preset_ratio(default)
