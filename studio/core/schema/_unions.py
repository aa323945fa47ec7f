"""`anyOf`/`oneOf` and type lists: nullable fields, merged enums, preset-or-custom and choices."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Protocol

from studio.core.schema._model import FieldKind, FieldSpec
from studio.core.schema._naming import prettify_enum_value
from studio.core.schema._resolve import RECURSIVE_MARK, as_schema, is_null_schema, split_types

_DATA_KEYS = {"type", "enum", "const", "properties", "items", "prefixItems", "anyOf", "oneOf"}
_DATA_KEYS |= {"format", RECURSIVE_MARK, "x-studio-unresolved"}
_TYPE_TITLES = {
    "string": "Text",
    "integer": "Whole number",
    "number": "Number",
    "boolean": "Yes / no",
    "object": "Object",
    "array": "List",
}
_SCALARS = (str, int, float, bool)


class Builder(Protocol):
    """What the union helpers need from the spec builder."""

    def build(
        self, node: Any, name: str, required: bool, seen: frozenset[str], depth: int
    ) -> FieldSpec: ...

    def flatten(self, node: Any, seen: frozenset[str]) -> dict[str, Any]: ...

    def dispatch(
        self, flat: dict[str, Any], base: FieldSpec, seen: frozenset[str], depth: int
    ) -> FieldSpec: ...


def build_union(
    builder: Builder, flat: dict[str, Any], base: FieldSpec, seen: frozenset[str], depth: int
) -> FieldSpec | None:
    """The spec of a node with data alternatives, or None when it has none (constraints only)."""
    alternatives = flat.get("anyOf") if isinstance(flat.get("anyOf"), list) else flat.get("oneOf")
    if not isinstance(alternatives, list):
        return None
    pairs = [(alt, builder.flatten(alt, seen)) for alt in alternatives]
    pairs = [(alt, resolved) for alt, resolved in pairs if _is_data(resolved)]
    if not pairs:
        return None
    real = [(alt, resolved) for alt, resolved in pairs if not is_null_schema(resolved)]
    nullable = base.nullable or len(real) < len(pairs)
    base = replace(base, nullable=nullable)
    if not real:
        return base
    siblings = {k: v for k, v in flat.items() if k not in {"anyOf", "oneOf"}}
    if len(real) == 1:
        merged = {**real[0][1], **siblings}
        return replace(builder.dispatch(merged, base, seen, depth + 1), nullable=nullable)
    resolved_alts = [resolved for _, resolved in real]
    if all(_is_scalar_choice(r) for r in resolved_alts):
        return _merged_enum(resolved_alts, base)
    options = tuple(_option(builder, alt, base, seen, depth) for alt, _ in real)
    if _is_preset_or_custom(options):
        return replace(base, kind=FieldKind.PRESET, options=options)
    return replace(base, kind=FieldKind.CHOICE, options=options)


def build_type_choice(
    builder: Builder, flat: dict[str, Any], base: FieldSpec, seen: frozenset[str], depth: int
) -> FieldSpec:
    """A choice between the types of a `type: [a, b]` list (null split off)."""
    types, _ = split_types(flat)
    options = []
    for index, type_name in enumerate(types):
        option_node = {**flat, "type": type_name}
        option = builder.dispatch(option_node, replace(base, required=True), seen, depth + 1)
        title = _TYPE_TITLES.get(type_name, type_name.title())
        options.append(replace(option, title=title, order=index, has_default=False))
    return replace(base, kind=FieldKind.CHOICE, options=tuple(options))


def _option(
    builder: Builder, alt: Any, base: FieldSpec, seen: frozenset[str], depth: int
) -> FieldSpec:
    option = builder.build(alt, base.name, True, seen, depth + 1)
    own_title = as_schema(alt).get("title")
    title = own_title if isinstance(own_title, str) and own_title else _kind_title(option)
    return replace(option, title=title, has_default=False)


def _kind_title(option: FieldSpec) -> str:
    titles = {
        FieldKind.ENUM: "Preset",
        FieldKind.OBJECT: "Custom",
        FieldKind.STRING: "Text",
        FieldKind.TEXT: "Text",
        FieldKind.MEDIA: "URL",
        FieldKind.INTEGER: "Whole number",
        FieldKind.NUMBER: "Number",
        FieldKind.BOOLEAN: "Yes / no",
        FieldKind.ARRAY: "List",
    }
    return titles.get(option.kind, "JSON")


def _is_data(resolved: dict[str, Any]) -> bool:
    return not resolved or any(k in resolved for k in _DATA_KEYS)


def _is_scalar_choice(resolved: dict[str, Any]) -> bool:
    if "const" in resolved:
        return isinstance(resolved["const"], _SCALARS)
    values = resolved.get("enum")
    return (
        isinstance(values, list) and bool(values) and all(isinstance(v, _SCALARS) for v in values)
    )


def _merged_enum(alternatives: list[dict[str, Any]], base: FieldSpec) -> FieldSpec:
    """`oneOf: [{const: a, title: A}, {enum: [...]}]` → one enum, keeping const titles as labels."""
    values: list[Any] = []
    labels: list[str] = []
    for alt in alternatives:
        listed = [alt["const"]] if "const" in alt else alt["enum"]
        title = alt.get("title") if "const" in alt else None
        for value in listed:
            if value not in values:
                values.append(value)
                labels.append(title if isinstance(title, str) else prettify_enum_value(value))
    return replace(base, kind=FieldKind.ENUM, enum=tuple(values), enum_labels=tuple(labels))


def _is_preset_or_custom(options: tuple[FieldSpec, ...]) -> bool:
    kinds = sorted(o.kind.value for o in options)
    return kinds == [FieldKind.ENUM.value, FieldKind.OBJECT.value]
