"""Input schema → form spec (field kinds, order, groups, defaults), validation by dotted path, and
the media inputs of a schema with their roles."""

from studio.core.schema._form_spec import FormSpec
from studio.core.schema._media_inputs import MediaInput, media_inputs
from studio.core.schema._model import (
    FieldError,
    FieldGroup,
    FieldKind,
    FieldSpec,
    MediaKind,
    NumberBounds,
    TextRules,
)
from studio.core.schema._values import (
    MISSING,
    carry_over,
    clamp_number,
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
    "MediaInput",
    "MediaKind",
    "NumberBounds",
    "TextRules",
    "carry_over",
    "clamp_number",
    "coerce",
    "compact",
    "field_default",
    "fits",
    "is_sent",
    "json_equal",
    "media_inputs",
]
