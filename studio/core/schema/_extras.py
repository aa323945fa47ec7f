"""What an object or tuple holds beyond its listed parts: further keys, further items, and the
properties that `dependencies` / `dependentSchemas` bring in. A form that ignored them would drop
data on `set_value` → `value()`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

_DEPENDENCY_KEYS = ("dependencies", "dependentSchemas")
_ALTERNATIVE_KEYS = ("oneOf", "anyOf", "allOf")
_ANYTHING: dict[str, Any] = {}


def extra_keys_schema(flat: dict[str, Any]) -> Any:
    """The schema of keys beyond `properties`, or None when the object names them all.

    `additionalProperties` counts when it is a schema (or `true`); `patternProperties` when it
    has entries. Several differing schemas become "anything" (edited as JSON).
    """
    schemas: list[Any] = []
    patterns = flat.get("patternProperties")
    if isinstance(patterns, dict):
        schemas.extend(patterns.values())
    additional = flat.get("additionalProperties")
    if isinstance(additional, dict) or additional is True:
        schemas.append(additional if isinstance(additional, dict) else _ANYTHING)
    if not schemas:
        return None
    return schemas[0] if all(s == schemas[0] for s in schemas) else _ANYTHING


def rest_items_schema(flat: dict[str, Any]) -> Any:
    """The schema of a tuple's items after its listed ones (None: no more are allowed/declared).

    Draft 2020-12 spells it `prefixItems` + `items`; older drafts `items: [...]` +
    `additionalItems`.
    """
    rest = flat.get("items") if isinstance(flat.get("prefixItems"), list) else None
    if rest is None and isinstance(flat.get("items"), list):
        rest = flat.get("additionalItems")
    if isinstance(rest, dict) or rest is True:
        return rest if isinstance(rest, dict) else _ANYTHING
    return None


def dependent_properties(
    flat: dict[str, Any], flatten: Callable[[Any], dict[str, Any]]
) -> dict[str, Any]:
    """Properties that only appear inside `dependencies` / `dependentSchemas` (and their
    `oneOf`/`anyOf` branches), so that the form can hold them; the object's own win.

    A name that several branches pin to different constants becomes an enum of them.
    """
    found: dict[str, list[Any]] = {}
    for key in _DEPENDENCY_KEYS:
        groups = flat.get(key)
        if not isinstance(groups, dict):
            continue
        for schema in groups.values():
            if isinstance(schema, dict):
                _collect(flatten(schema), flatten, found)
    own = flat.get("properties")
    listed = own if isinstance(own, dict) else {}
    return {name: _merge(schemas) for name, schemas in found.items() if name not in listed}


def _collect(
    node: dict[str, Any], flatten: Callable[[Any], dict[str, Any]], found: dict[str, list[Any]]
) -> None:
    props = node.get("properties")
    if isinstance(props, dict):
        for name, schema in props.items():
            found.setdefault(str(name), []).append(schema)
    for key in _ALTERNATIVE_KEYS:
        branches = node.get(key)
        if isinstance(branches, list):
            for branch in branches:
                _collect(flatten(branch), flatten, found)


def _merge(schemas: list[Any]) -> Any:
    consts = [s["const"] for s in schemas if isinstance(s, dict) and "const" in s]
    if len(consts) == len(schemas) and len(consts) > 1:
        unique: list[Any] = []
        for value in consts:  # constants may be lists or objects: not hashable
            if value not in unique:
                unique.append(value)
        return {"enum": unique}
    return schemas[0]
