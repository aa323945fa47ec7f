"""Input schema → form spec (field kinds, order, groups, defaults) and validation by dotted path."""

from studio.core.schema.form_spec import FormSpec
from studio.core.schema.model import (
    FieldError,
    FieldGroup,
    FieldKind,
    FieldSpec,
    MediaKind,
    NumberBounds,
    TextRules,
)
from studio.core.schema.values import (
    MISSING,
    carry_over,
    coerce,
    compact,
    field_default,
    fits,
    is_sent,
    json_equal,
)

__all__ = [
    "MISSING",
    "FieldError",
    "FieldGroup",
    "FieldKind",
    "FieldSpec",
    "FormSpec",
    "MediaKind",
    "NumberBounds",
    "TextRules",
    "carry_over",
    "coerce",
    "compact",
    "field_default",
    "fits",
    "is_sent",
    "json_equal",
]
