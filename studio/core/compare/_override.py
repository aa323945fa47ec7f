"""Values set by hand in the translation table: a row's translated value replaced by the user's,
the row marked as overridden, and the body checked against the schema again."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from studio.core.compare._intent import How, Translation, TranslationRow
from studio.core.compare._media import MEDIA_SETTINGS
from studio.core.compare._problems import describe
from studio.core.compare._steps import shown
from studio.core.schema import FormSpec

if TYPE_CHECKING:
    from collections.abc import Mapping


def can_override(row: TranslationRow) -> bool:
    """Whether a row's value may be set by hand: it went to a top-level field, and is no media
    (media are chosen once for every model)."""
    target = row.field
    if target is None or row.setting in MEDIA_SETTINGS:
        return False
    return "." not in target and "[" not in target


def override(
    schema: dict[str, Any], translation: Translation, overrides: Mapping[str, Any]
) -> Translation:
    """`translation` with `overrides` (schema field → value) in place of the translated values.

    Only fields some row went to are taken; the body is validated again, and when the schema
    refuses it the translation has no input and says why. Never raises.
    """
    if not overrides:
        return translation
    rows = []
    taken: dict[str, Any] = {}
    for row in translation.rows:
        target = row.field
        if target is not None and can_override(row) and target in overrides:
            value = overrides[target]
            taken[target] = value
            rows.append(replace(row, sent=value, how=How.OVERRIDDEN, note=_note(row, value)))
        else:
            rows.append(row)
    if translation.input is None or not taken:
        return Translation(translation.input, translation.problem, rows)
    body = {**translation.input, **taken}
    try:
        spec = FormSpec.from_schema(schema)
        errors = spec.validate(body)
    except Exception as exc:  # a schema translate could read must not fail here either
        return Translation(None, f"The model's settings could not be read ({exc}).", rows)
    if errors:
        return Translation(None, describe(spec, schema, errors), rows)
    return Translation(body, "", rows)


def _note(row: TranslationRow, value: Any) -> str:
    before = "nothing" if row.sent is None else shown(row.sent)
    return f"Set by hand to {shown(value)} (the translation gave {before})."
