"""Local `$ref` resolution and `allOf` merging, with a loop guard, plus type/null normalisation."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

MAX_REF_DEPTH = 8
RECURSIVE_MARK = "x-studio-recursive"
_MERGED_KEYS = {"properties", "required"}


def as_schema(node: Any) -> dict[str, Any]:
    """Any schema node as a dict: `true`/garbage → {} (anything), `false` → a never-valid mark."""
    if node is False:
        return {"not": {}}
    return node if isinstance(node, dict) else {}


def split_types(node: dict[str, Any]) -> tuple[list[str], bool]:
    """The non-null types a node allows, and whether null is allowed (type list or `nullable`)."""
    raw = node.get("type")
    listed = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    types = [t for t in listed if isinstance(t, str)]
    nullable = "null" in types or node.get("nullable") is True or node.get("x-nullable") is True
    return [t for t in types if t != "null"], nullable


def is_null_schema(node: dict[str, Any]) -> bool:
    """Whether a node only admits null (a `{"type": "null"}` alternative)."""
    types, nullable = split_types(node)
    if nullable and not types and "type" in node:
        return True
    return node.get("const", 0) is None or node.get("enum") == [None]


class SchemaResolver:
    """Follows local JSON-pointer `$ref`s (`$defs`, `definitions`, `components/schemas`)."""

    def __init__(self, root: Any) -> None:
        self._root = root if isinstance(root, dict) else {}

    def flatten(self, node: Any, seen: frozenset[str]) -> tuple[dict[str, Any], frozenset[str]]:
        """`node` with its `$ref` and `allOf` folded in; a loop or too deep a chain gets marked."""
        schema = as_schema(node)
        ref = schema.get("$ref")
        if isinstance(ref, str):
            if ref in seen or len(seen) >= MAX_REF_DEPTH:
                return {RECURSIVE_MARK: True}, seen
            target = self.lookup(ref)
            if target is None:
                return {"x-studio-unresolved": ref}, seen
            base, seen = self.flatten(target, seen | {ref})
            if base.get(RECURSIVE_MARK):
                return base, seen
            schema = _overlay(base, {k: v for k, v in schema.items() if k != "$ref"})
        parts = schema.get("allOf")
        if isinstance(parts, list) and parts:
            rest = {k: v for k, v in schema.items() if k != "allOf"}
            for part in parts:
                flat, seen = self.flatten(part, seen)
                if flat.get(RECURSIVE_MARK):
                    return flat, seen
                rest = _overlay(flat, rest)
            schema = rest
        return schema, seen

    def lookup(self, ref: str) -> Any:
        """The node a local `#/...` pointer names, or None."""
        if not ref.startswith("#"):
            return None
        node: Any = self._root
        for token in ref[1:].split("/")[1:]:
            key = unquote(token).replace("~1", "/").replace("~0", "~")
            if isinstance(node, dict) and key in node:
                node = node[key]
            elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
                node = node[int(key)]
            else:
                return None
        return node


def _overlay(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    """`top` over `base`: top's keys win, except properties (merged) and required (united)."""
    merged = {**base, **{k: v for k, v in top.items() if k not in _MERGED_KEYS}}
    props = [p for p in (base.get("properties"), top.get("properties")) if isinstance(p, dict)]
    if props:
        merged["properties"] = {k: v for p in props for k, v in p.items()}
    required = [r for part in (base, top) for r in _str_list(part.get("required"))]
    if required:
        merged["required"] = list(dict.fromkeys(required))
    return merged


def _str_list(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def required_names(node: dict[str, Any]) -> set[str]:
    """The `required` list of an object node, ignoring garbage."""
    return set(_str_list(node.get("required")))
