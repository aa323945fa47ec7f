"""Validation with jsonschema (Draft 2020-12), mapped to dotted paths and friendly messages.

jsonschema is imported by ``make_validator``, when a form first validates: it costs ~70 ms and
~5 MB, which the studio must not pay to start (issue 12). ``validation_loaded()`` says whether
that import is done, so a window can have it made in a worker thread instead.
"""

from __future__ import annotations

import copy
import sys
from typing import TYPE_CHECKING, Any

from studio.core.schema._model import FieldError
from studio.core.schema._naming import prettify_name

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from jsonschema import Draft202012Validator, ValidationError

_UNION_KEYWORDS = {"anyOf", "oneOf"}
_SHAPE_KEYWORDS = {"type", "enum", "const"}
_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "an object",
    "null": "empty",
}


def validation_loaded() -> bool:
    """Whether jsonschema is imported (wholly: a module another thread is still importing has
    not defined its validators yet), so that ``make_validator`` costs no import."""
    return hasattr(sys.modules.get("jsonschema"), "Draft202012Validator")


def make_validator(schema: Any) -> Draft202012Validator:
    """A validator for an input schema; OpenAPI `nullable` and boolean exclusives made standard."""
    from jsonschema import Draft202012Validator

    prepared = _standardise(copy.deepcopy(schema)) if isinstance(schema, dict | bool) else {}
    return Draft202012Validator(prepared)


def _standardise(node: Any) -> Any:
    if isinstance(node, list):
        return [_standardise(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {k: _standardise(v) for k, v in node.items()}
    if node.get("nullable") is True and isinstance(node.get("type"), str):
        node["type"] = [node["type"], "null"]
    for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        if isinstance(node.get(exclusive), bool):
            flag = node.pop(exclusive)
            if flag and bound in node:
                node[exclusive] = node.pop(bound)
    return node


def validate_value(validator: Draft202012Validator, value: Any) -> list[FieldError]:
    """Every problem of `value`; never raises (a broken schema just reports less)."""
    found: list[FieldError] = []
    try:
        for error in validator.iter_errors(value):
            found.extend(friendly_errors(error))
    except Exception:  # a broken schema (bad $ref, bad regex…) must not break the form
        pass
    return list(dict.fromkeys(found))


def dotted(path: Any) -> str:
    """A jsonschema path deque as "a.b.0"."""
    return ".".join(str(p) for p in path)


def _join(parent: str, child: str) -> str:
    return f"{parent}.{child}" if parent else child


def friendly_errors(error: ValidationError) -> Iterator[FieldError]:
    """One jsonschema error as FieldErrors: required → the missing child, unions → best branch."""
    path = dotted(error.absolute_path)
    keyword = str(error.validator)
    if keyword == "required":
        yield FieldError(_join(path, _missing_name(error)), "Required")
    elif keyword in _UNION_KEYWORDS:
        yield from _union_errors(error, path)
    elif keyword == "additionalProperties":
        yield from _extra_property_errors(error, path)
    else:
        yield FieldError(path, friendly_message(error))


def _missing_name(error: ValidationError) -> str:
    names = error.validator_value if isinstance(error.validator_value, list) else []
    instance = error.instance if isinstance(error.instance, dict) else {}
    for name in names:
        if f"{name!r} is a required property" == error.message:
            return str(name)
    return next((str(n) for n in names if n not in instance), "")


def _extra_property_errors(error: ValidationError, path: str) -> Iterator[FieldError]:
    instance = error.instance if isinstance(error.instance, dict) else {}
    known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
    extras = [k for k in instance if k not in known] or [""]
    for name in extras:
        yield FieldError(_join(path, str(name)), "Not an accepted field")


def _union_errors(error: ValidationError, path: str) -> Iterator[FieldError]:
    alternatives = error.validator_value if isinstance(error.validator_value, list) else []
    groups = [_required_only(a) for a in alternatives]
    if alternatives and all(groups):
        first = groups[0][0]
        names = " or ".join(prettify_name(g[0]) for g in groups)
        if "valid under each of" in error.message:
            yield FieldError(_join(path, first), f"Fill in only one of: {names}")
        else:
            yield FieldError(_join(path, first), f"Fill in {names}")
        return
    branch = _best_branch(error)
    if branch is None:
        yield FieldError(path, "Not a valid choice")
        return
    for sub in branch:
        yield from friendly_errors(sub)


def _required_only(alternative: Any) -> list[str]:
    if not isinstance(alternative, dict) or set(alternative) != {"required"}:
        return []
    names = alternative["required"]
    return [str(n) for n in names] if isinstance(names, list) else []


def _best_branch(error: ValidationError) -> list[ValidationError] | None:
    """The sub-errors of the alternative the value was meant for: no type/enum miss at its root."""
    branches: dict[Any, list[ValidationError]] = {}
    for sub in error.context or []:
        key = sub.relative_schema_path[0] if sub.relative_schema_path else 0
        branches.setdefault(key, []).append(sub)
    for misses in (_SHAPE_KEYWORDS, {"type"}):
        fitting = [b for b in branches.values() if not _misses_at_root(b, misses)]
        if fitting:
            return min(fitting, key=len)
    return None


def _misses_at_root(errors: list[ValidationError], keywords: set[str]) -> bool:
    return any(e.validator in keywords and not e.relative_path for e in errors)


def _fmt(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _plural(count: Any, word: str) -> str:
    return f"{_fmt(count)} {word}{'' if count == 1 else 's'}"


def _one_of(values: Any) -> str:
    shown = [_fmt(v) for v in values[:8]] if isinstance(values, list) else []
    more = "…" if isinstance(values, list) and len(values) > 8 else ""
    return "Must be one of: " + ", ".join(shown) + more


def _type_message(expected: Any) -> str:
    names = expected if isinstance(expected, list) else [expected]
    return "Must be " + " or ".join(_TYPE_WORDS.get(str(n), str(n)) for n in names)


def _min_length(v: Any) -> str:
    return "Required" if v == 1 else f"Must be at least {_plural(v, 'character')}"


_MESSAGES: dict[str, Callable[[Any], str]] = {
    "minimum": lambda v: f"Must be at least {_fmt(v)}",
    "maximum": lambda v: f"Must be at most {_fmt(v)}",
    "exclusiveMinimum": lambda v: f"Must be greater than {_fmt(v)}",
    "exclusiveMaximum": lambda v: f"Must be less than {_fmt(v)}",
    "multipleOf": lambda v: f"Must be a multiple of {_fmt(v)}",
    "minLength": _min_length,
    "maxLength": lambda v: f"Must be at most {_plural(v, 'character')}",
    "pattern": lambda v: "Doesn't have the expected format",
    "format": lambda v: f"Must be a valid {v}",
    "enum": _one_of,
    "const": lambda v: f"Must be {_fmt(v)}",
    "type": _type_message,
    "minItems": lambda v: f"Add at least {_plural(v, 'item')}",
    "maxItems": lambda v: f"At most {_plural(v, 'item')}",
    "uniqueItems": lambda v: "Items must not repeat",
    "minProperties": lambda v: f"Fill in at least {_plural(v, 'field')}",
    "maxProperties": lambda v: f"At most {_plural(v, 'field')}",
    "not": lambda v: "This value is not allowed",
    "None": lambda v: "No value is allowed here",  # a `false` schema has no keyword
}


def friendly_message(error: ValidationError) -> str:
    """A plain-language message for a single-keyword jsonschema error."""
    render = _MESSAGES.get(str(error.validator))
    if render is None:
        return error.message[:200]
    return render(error.validator_value)
