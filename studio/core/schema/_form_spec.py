"""FormSpec: the field tree of one input schema, its defaults and its validation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from studio.core.schema._build import SpecBuilder
from studio.core.schema._model import FieldError, FieldGroup, FieldKind, FieldSpec
from studio.core.schema._validate import make_validator, validate_value, validation_loaded
from studio.core.schema._values import object_defaults

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

_TEXT_KINDS = (FieldKind.STRING, FieldKind.TEXT, FieldKind.MEDIA)


class FormSpec:
    """The Qt-free description of a form; build with `FormSpec.from_schema(schema)`."""

    def __init__(self, root: FieldSpec, schema: Any) -> None:
        self.root = root
        self.schema = schema
        self._validator: Draft202012Validator | None = None

    @classmethod
    def from_schema(cls, schema: Any) -> FormSpec:
        """The spec of an `input_schema`; never raises, unknown parts become JSON fields."""
        try:
            root = SpecBuilder(schema).build_root(schema)
        except Exception:  # a schema we cannot read still gets an editable form
            root = FieldSpec(name="", kind=FieldKind.JSON, title="Input", required=True)
        return cls(root, schema)

    @property
    def fields(self) -> tuple[FieldSpec, ...]:
        """The top-level fields in display order (empty when the root is a JSON field)."""
        return self.root.children

    @property
    def primary_fields(self) -> tuple[FieldSpec, ...]:
        """Top-level fields shown up front."""
        return tuple(f for f in self.fields if f.group is FieldGroup.PRIMARY)

    @property
    def advanced_fields(self) -> tuple[FieldSpec, ...]:
        """Top-level fields in the collapsed Advanced section."""
        return tuple(f for f in self.fields if f.group is FieldGroup.ADVANCED)

    def defaults(self) -> dict[str, Any]:
        """The schema defaults for the whole tree: what the form shows initially."""
        if self.root.kind is FieldKind.JSON:
            return dict(self.root.default) if isinstance(self.root.default, dict) else {}
        return object_defaults(self.fields)

    def validator_ready(self) -> bool:
        """Whether validate() runs without first importing jsonschema (~70 ms; see prepare())."""
        return self._validator is not None or validation_loaded()

    def prepare(self) -> None:
        """Builds the validator now, importing jsonschema the first time; safe in a worker thread
        (validate() does it itself when it has to)."""
        if self._validator is None:
            try:
                self._validator = make_validator(self.schema)
            except Exception:  # an unusable schema: validate() reports nothing
                return

    def validate(self, value: dict[str, Any]) -> list[FieldError]:
        """Every problem of `value` against the schema, with dotted paths and friendly messages.

        Text that is only whitespace counts as missing: a required field holding "  " is
        "Required" (and fills no "one of" group), though value() still sends what was typed.
        """
        self.prepare()
        if self._validator is None:  # an unusable schema validates nothing rather than crashing
            return []
        blanks: list[str] = []
        stripped = _without_blank_text(self.fields, value, "", blanks)
        found = validate_value(self._validator, stripped)
        if not blanks:
            return found
        # An optional blank field is judged as typed (e.g. minLength), once per path.
        flagged = {e.path for e in found}
        typed = validate_value(self._validator, value)
        return found + [e for e in typed if e.path in blanks and e.path not in flagged]

    def field(self, path: str) -> FieldSpec | None:
        """The spec at a dotted path ("image_size.width", "image_urls.0"), if the tree has one."""
        spec: FieldSpec | None = self.root
        for part in path.split(".") if path else []:
            spec = _step(spec, part) if spec is not None else None
        return spec


def _without_blank_text(
    fields: tuple[FieldSpec, ...], value: Any, prefix: str, blanks: list[str]
) -> Any:
    """`value` without whitespace-only texts (their paths go to `blanks`), objects recursed into."""
    if not isinstance(value, dict):
        return value
    kept: dict[str, Any] = {}
    for name, item in value.items():
        spec = next((f for f in fields if f.name == name), None)
        path = f"{prefix}{name}"
        if spec is None:
            kept[name] = item
        elif spec.kind in _TEXT_KINDS and isinstance(item, str) and not item.strip():
            blanks.append(path)
        elif spec.kind is FieldKind.OBJECT:
            kept[name] = _without_blank_text(spec.children, item, f"{path}.", blanks)
        elif spec.kind is FieldKind.ARRAY and spec.item is not None and isinstance(item, list):
            children = spec.item.children
            kept[name] = [
                _without_blank_text(children, entry, f"{path}.{index}.", blanks)
                for index, entry in enumerate(item)
            ]
        else:
            kept[name] = item
    return kept


def _step(spec: FieldSpec, part: str) -> FieldSpec | None:
    if spec.kind is FieldKind.ARRAY and part.isdigit():
        return spec.item
    if spec.kind is FieldKind.TUPLE and part.isdigit():
        index = int(part)
        return spec.prefix_items[index] if index < len(spec.prefix_items) else spec.item
    if spec.kind is FieldKind.PRESET:
        custom = next((o for o in spec.options if o.kind is FieldKind.OBJECT), None)
        return custom.child(part) if custom else None
    return spec.child(part) or spec.extra
