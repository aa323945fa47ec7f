"""Values against specs: JSON equality, defaults, "only what the user set", and carry-over."""

from __future__ import annotations

import math
from typing import Any, Final

from studio.core.schema._model import FieldKind, FieldSpec

MISSING: Final = object()
_NUMERIC = (FieldKind.INTEGER, FieldKind.NUMBER)


def json_equal(a: Any, b: Any) -> bool:
    """JSON equality: 1 == 1.0, but True != 1 and order of object keys does not matter."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    return bool(type(a) is type(b) or _both_numbers(a, b)) and a == b


def _both_numbers(a: Any, b: Any) -> bool:
    return isinstance(a, int | float) and isinstance(b, int | float)


def field_default(spec: FieldSpec) -> Any:
    """What a field shows initially: its default, a required const, a required object's defaults."""
    if spec.has_default:
        return spec.default
    if spec.kind is FieldKind.CONST and spec.required:
        return spec.const
    if spec.kind is FieldKind.OBJECT and spec.required:
        return object_defaults(spec.children)
    return MISSING


def object_defaults(children: tuple[FieldSpec, ...]) -> dict[str, Any]:
    """The defaults of an object's properties (unset ones left out)."""
    values = {c.name: field_default(c) for c in children}
    return {name: value for name, value in values.items() if value is not MISSING}


def is_sent(spec: FieldSpec, value: Any) -> bool:
    """Whether a field's value goes into the request: set, and required or not at its default."""
    if value is None:
        return spec.required and spec.nullable
    if spec.required:
        return True
    if spec.kind is FieldKind.CONST:
        return False
    return not (spec.has_default and json_equal(value, spec.default))


def compact(children: tuple[FieldSpec, ...], values: dict[str, Any]) -> dict[str, Any]:
    """An object's value with unset optional fields and optional fields at their default dropped."""
    return {
        c.name: values[c.name] for c in children if c.name in values and is_sent(c, values[c.name])
    }


def carry_over(previous: dict[str, Any], spec: Any) -> dict[str, Any]:
    """The values of `previous` that fit the form `spec` (a FormSpec or root FieldSpec).

    Names must match; types must fit (numeric strings and numbers convert into each other when
    exact); enum values must be members; numbers are clamped to the new bounds.
    """
    root: FieldSpec = getattr(spec, "root", spec)
    if not isinstance(previous, dict):
        return {}
    kept = {}
    for child in root.children:
        if child.name in previous:
            value = coerce(previous[child.name], child)
            if value is not MISSING:
                kept[child.name] = value
    if root.extra is not None:  # an open object keeps its further keys that fit
        for name, item in previous.items():
            if root.child(name) is None and (value := coerce(item, root.extra)) is not MISSING:
                kept[name] = value
    return kept


def fits(value: Any, spec: FieldSpec) -> bool:
    """Whether `value` already has the shape of `spec` (used to pick a choice's option)."""
    coerced = coerce(value, spec)
    return coerced is not MISSING and json_equal(coerced, value)


def coerce(value: Any, spec: FieldSpec) -> Any:
    """`value` adapted to `spec`, or MISSING when it does not fit."""
    kind = spec.kind
    if value is None or kind is FieldKind.CONST:
        return MISSING
    if kind is FieldKind.ENUM:
        return _enum_member(value, spec)
    if kind in _NUMERIC:
        return _clamp(value, spec)
    if kind is FieldKind.BOOLEAN:
        return value if isinstance(value, bool) else MISSING
    if kind in (FieldKind.STRING, FieldKind.TEXT, FieldKind.MEDIA):
        return _as_string(value)
    if kind is FieldKind.OBJECT:
        return (isinstance(value, dict) and carry_over(value, spec)) or MISSING
    if kind is FieldKind.ARRAY and spec.item is not None:
        return _coerce_list(value, spec, spec.item)
    if kind in (FieldKind.CHOICE, FieldKind.PRESET):
        return next((c for o in spec.options if (c := coerce(value, o)) is not MISSING), MISSING)
    return value if kind is FieldKind.JSON else _coerce_tuple(value, spec)


def _enum_member(value: Any, spec: FieldSpec) -> Any:
    for member in spec.enum:
        if json_equal(member, value) or (_is_plain(value) and str(member) == str(value)):
            return member
    return MISSING


def _is_plain(value: Any) -> bool:
    return isinstance(value, str | int) and not isinstance(value, bool)


def _as_string(value: Any) -> Any:
    if isinstance(value, str):
        return value
    return str(value) if _is_plain(value) else MISSING


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    return None


def _clamp(value: Any, spec: FieldSpec) -> Any:
    number = _as_number(value)
    if number is None:
        return MISSING
    integer = spec.kind is FieldKind.INTEGER
    low, high = spec.bounds.inclusive(integer)
    step = spec.bounds.multiple_of
    if integer:
        if not float(number).is_integer():
            return MISSING
        return int(clamp_number(number, low, high, step or 1.0, integer=True))
    return clamp_number(number, low, high, step, integer=False)


def clamp_number(
    number: float, low: float | None, high: float | None, step: float | None, integer: bool
) -> float:
    """`number` inside the bounds, nudged off exclusive bounds and onto a multiple of `step`."""
    if step:
        number = round(number / step) * step
    if low is not None and number < low:
        number = low if not step else math.ceil(low / step) * step
    if high is not None and number > high:
        number = high if not step else math.floor(high / step) * step
    if integer:
        return round(number)
    return round(number, 10)


def _coerce_list(value: Any, spec: FieldSpec, item: FieldSpec) -> Any:
    if not isinstance(value, list):
        value = [value] if coerce(value, item) is not MISSING else None
    if value is None:
        return MISSING
    items = [c for v in value if (c := coerce(v, item)) is not MISSING]
    if spec.max_items is not None:
        items = items[: spec.max_items]
    return items or MISSING


def _coerce_tuple(value: Any, spec: FieldSpec) -> Any:
    if not isinstance(value, list) or len(value) < len(spec.prefix_items):
        return MISSING
    parts = [coerce(v, s) for v, s in zip(value, spec.prefix_items, strict=False)]
    if any(p is MISSING for p in parts):
        return MISSING
    extra, rest = spec.item, value[len(spec.prefix_items) :]
    more = [] if extra is None else [c for v in rest if (c := coerce(v, extra)) is not MISSING]
    return parts + more
