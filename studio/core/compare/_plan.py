"""One column's plan: the intent translated onto the model's schema, with the values the user set
by hand in the table put in place of the translated ones."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from studio.core.compare._override import override
from studio.core.compare._translate import translate

if TYPE_CHECKING:
    from collections.abc import Mapping

    from studio.core.compare._intent import Intent, Translation

MIN_COLUMNS: Final = 2
MAX_COLUMNS: Final = 6


def plan(
    schema: dict[str, Any], intent: Intent, overrides: Mapping[str, Any] | None = None
) -> Translation:
    """`translate(schema, intent)` with `overrides` (schema field → value) applied. Never raises."""
    return override(schema, translate(schema, intent), overrides or {})
