"""Builds the FieldSpec tree from an input schema: kinds, constraints, order and groups."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from studio.core.schema._extras import (
    dependent_properties,
    extra_keys_schema,
    rest_items_schema,
)
from studio.core.schema._model import FieldGroup, FieldKind, FieldSpec, NumberBounds, TextRules
from studio.core.schema._naming import (
    is_multiline,
    is_primary_name,
    media_kind,
    prettify_enum_value,
    prettify_name,
    readable_description,
)
from studio.core.schema._resolve import (
    RECURSIVE_MARK,
    SchemaResolver,
    as_schema,
    required_names,
    split_types,
)
from studio.core.schema._unions import build_type_choice, build_union

MAX_DEPTH = 10
_SCALARS = (str, int, float, bool, type(None))
_LABEL_KEYS = ("x-enum-labels", "enumNames", "x-enumNames", "x-enum-descriptions")
_TYPE_HINT_KEYS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("object", ("properties", "additionalProperties")),
    ("array", ("items", "prefixItems")),
    ("number", ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")),
    ("string", ("minLength", "maxLength", "pattern", "format")),
)


class SpecBuilder:
    """Turns schema nodes into FieldSpecs; one per root schema (it owns the ref resolver)."""

    def __init__(self, root_schema: Any) -> None:
        self._resolver = SchemaResolver(root_schema)

    def build_root(self, schema: Any) -> FieldSpec:
        """The root: an OBJECT with children, or a JSON field when there is nothing to lay out."""
        root = self.build(schema, "", True, frozenset(), 0)
        if root.kind is FieldKind.OBJECT:
            return root
        return replace(root, kind=FieldKind.JSON, title="Input", children=(), options=())

    def build(
        self, node: Any, name: str, required: bool, seen: frozenset[str], depth: int
    ) -> FieldSpec:
        """The spec of one schema node called `name`."""
        raw = as_schema(node)
        flat, seen = self._resolver.flatten(raw, seen)
        base = _common(raw, flat, name, required)
        return self.dispatch(flat, base, seen, depth)

    def flatten(self, node: Any, seen: frozenset[str]) -> dict[str, Any]:
        """A node with `$ref`/`allOf` folded in (for union alternatives)."""
        return self._resolver.flatten(node, seen)[0]

    def dispatch(
        self, flat: dict[str, Any], base: FieldSpec, seen: frozenset[str], depth: int
    ) -> FieldSpec:
        """Picks the kind of a resolved node and fills the matching constraints."""
        if (
            depth > MAX_DEPTH
            or flat.get(RECURSIVE_MARK)
            or "x-studio-unresolved" in flat
            or "not" in flat
        ):
            return base
        if "const" in flat:
            return replace(base, kind=FieldKind.CONST, has_const=True, const=flat["const"])
        union = build_union(self, flat, base, seen, depth)
        if union is not None:
            return union
        if isinstance(flat.get("enum"), list) and flat["enum"]:
            return _enum(flat, base)
        types, _ = split_types(flat)
        if len(types) > 1:
            return build_type_choice(self, flat, base, seen, depth)
        kind = types[0] if types else _infer_type(flat)
        if kind == "object":
            return self._object(flat, base, seen, depth)
        if kind == "array":
            return self._array(flat, base, seen, depth)
        return _scalar(kind, flat, base)

    def _object(
        self, flat: dict[str, Any], base: FieldSpec, seen: frozenset[str], depth: int
    ) -> FieldSpec:
        own = flat.get("properties")
        props = {
            **(own if isinstance(own, dict) else {}),
            **dependent_properties(flat, lambda node: self.flatten(node, seen)),
        }
        if not props:
            return base  # nothing to lay out (a free-form map is edited as JSON)
        required = required_names(flat)
        names = property_order(props, flat, required)
        children = []
        for index, name in enumerate(names):
            child = self.build(props[name], str(name), name in required, seen, depth + 1)
            children.append(replace(child, order=index, group=_group(child)))
        extra_schema = extra_keys_schema(flat)
        extra = None
        if extra_schema is not None:
            extra = replace(self.build(extra_schema, "", True, seen, depth + 1), title="Value")
        return replace(base, kind=FieldKind.OBJECT, children=tuple(children), extra=extra)

    def _array(
        self, flat: dict[str, Any], base: FieldSpec, seen: frozenset[str], depth: int
    ) -> FieldSpec:
        base = replace(
            base, min_items=_count(flat.get("minItems")), max_items=_count(flat.get("maxItems"))
        )
        prefix = flat.get("prefixItems")
        if not isinstance(prefix, list) and isinstance(flat.get("items"), list):
            prefix = flat["items"]
        if isinstance(prefix, list) and prefix:
            parts = tuple(
                replace(self.build(p, base.name, True, seen, depth + 1), order=i, title=f"#{i + 1}")
                for i, p in enumerate(prefix)
            )
            rest_schema = rest_items_schema(flat)
            rest = None
            if rest_schema is not None:
                rest = replace(
                    self.build(rest_schema, base.name, True, seen, depth + 1), title="Item"
                )
            return replace(base, kind=FieldKind.TUPLE, prefix_items=parts, item=rest)
        items = flat.get("items")
        if not isinstance(items, dict) or not items:
            return base
        item = self.build(items, base.name, True, seen, depth + 1)
        item = replace(item, title=_own_str(as_schema(items), "title") or "Item")
        return replace(base, kind=FieldKind.ARRAY, item=item, media=item.media)


def _common(raw: dict[str, Any], flat: dict[str, Any], name: str, required: bool) -> FieldSpec:
    """The kind-independent part of a spec; starts as a JSON field until a kind is found."""
    title = _own_str(raw, "title") or (prettify_name(name) if name else _own_str(flat, "title"))
    source = raw if "default" in raw else flat
    examples = flat.get("examples")
    if not isinstance(examples, list):
        examples = [flat["example"]] if "example" in flat else []
    return FieldSpec(
        name=name,
        kind=FieldKind.JSON,
        title=title or "Value",
        description=readable_description(
            _own_str(raw, "description") or _own_str(flat, "description")
        ),
        required=required,
        nullable=split_types(flat)[1],
        has_default="default" in source,
        default=source.get("default"),
        examples=tuple(examples),
        deprecated=bool(raw.get("deprecated") or flat.get("deprecated")),
        schema=flat,
    )


def _own_str(node: dict[str, Any], key: str) -> str:
    value = node.get(key)
    return value.strip() if isinstance(value, str) else ""


def _infer_type(flat: dict[str, Any]) -> str:
    for kind, keys in _TYPE_HINT_KEYS:
        if any(k in flat for k in keys):
            return kind
    return ""


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def _scalar(kind: str, flat: dict[str, Any], base: FieldSpec) -> FieldSpec:
    if kind == "string":
        return _string(flat, base)
    if kind in {"integer", "number"}:
        field_kind = FieldKind.INTEGER if kind == "integer" else FieldKind.NUMBER
        return replace(base, kind=field_kind, bounds=number_bounds(flat))
    if kind == "boolean":
        return replace(base, kind=FieldKind.BOOLEAN)
    return base


def _string(flat: dict[str, Any], base: FieldSpec) -> FieldSpec:
    fmt, pattern = flat.get("format"), flat.get("pattern")
    rules = TextRules(
        min_length=_count(flat.get("minLength")),
        max_length=_count(flat.get("maxLength")),
        pattern=pattern if isinstance(pattern, str) else None,
        format=fmt if isinstance(fmt, str) else None,
    )
    media = media_kind(base.name, flat)
    if media:
        return replace(base, kind=FieldKind.MEDIA, media=media, text=rules)
    kind = FieldKind.TEXT if is_multiline(base.name, flat) else FieldKind.STRING
    return replace(base, kind=kind, text=rules)


def number_bounds(flat: dict[str, Any]) -> NumberBounds:
    """Numeric bounds, accepting OpenAPI 3.0's boolean `exclusiveMinimum`/`exclusiveMaximum`."""
    low, high = _number(flat.get("minimum")), _number(flat.get("maximum"))
    ex_low, ex_high = _number(flat.get("exclusiveMinimum")), _number(flat.get("exclusiveMaximum"))
    if flat.get("exclusiveMinimum") is True:
        low, ex_low = None, low
    if flat.get("exclusiveMaximum") is True:
        high, ex_high = None, high
    step = _number(flat.get("multipleOf"))
    return NumberBounds(low, high, ex_low, ex_high, step if step and step > 0 else None)


def _enum(flat: dict[str, Any], base: FieldSpec) -> FieldSpec:
    values = flat["enum"]
    if not all(isinstance(v, _SCALARS) for v in values):
        return base
    labels = next(
        (flat[k] for k in _LABEL_KEYS if _is_label_list(flat.get(k), len(values))),
        [prettify_enum_value(v) for v in values],
    )
    kept = [(v, str(label)) for v, label in zip(values, labels, strict=True) if v is not None]
    return replace(
        base,
        kind=FieldKind.ENUM,
        nullable=base.nullable or len(kept) < len(values),
        enum=tuple(v for v, _ in kept),
        enum_labels=tuple(label for _, label in kept),
    )


def _is_label_list(value: Any, length: int) -> bool:
    return (
        isinstance(value, list) and len(value) == length and all(isinstance(v, str) for v in value)
    )


def _group(spec: FieldSpec) -> FieldGroup:
    if spec.kind is FieldKind.CONST or (spec.deprecated and not spec.required):
        return FieldGroup.ADVANCED
    if spec.required or is_primary_name(spec.name) or spec.media is not None:
        return FieldGroup.PRIMARY
    return FieldGroup.ADVANCED


def property_order(props: dict[str, Any], node: dict[str, Any], required: set[str]) -> list[str]:
    """Display order: `x-fal-order-properties` (with "*"), else `x-order`, else required first."""
    names = [str(n) for n in props]
    base = [n for n in names if n in required] + [n for n in names if n not in required]
    hint = node.get("x-fal-order-properties", node.get("ui:order"))
    if isinstance(hint, list) and hint:
        listed = [h for h in hint if isinstance(h, str)]
        head = [n for n in listed[: _star(listed)] if n in props]
        tail = [n for n in listed[_star(listed) + 1 :] if n in props] if "*" in listed else []
        middle = [n for n in base if n not in head and n not in tail]
        return list(dict.fromkeys([*head, *middle, *tail]))
    ranks = {n: _number(as_schema(props[n]).get("x-order")) for n in names}
    if any(r is not None for r in ranks.values()):
        return sorted(base, key=lambda n: (ranks[n] is None, ranks[n] or 0, base.index(n)))
    return base


def _star(listed: list[str]) -> int:
    return listed.index("*") if "*" in listed else len(listed)
