"""One column's plan: the intent translated onto the model's schema, with the values the user set
by hand in the table put in place of the translated ones."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from studio.core.compare._intent import How, Intent
from studio.core.compare._override import override
from studio.core.compare._translate import translate
from studio.core.schema import FieldKind, FormSpec

if TYPE_CHECKING:
    from collections.abc import Mapping

    from studio.core.compare._intent import Translation

MIN_COLUMNS: Final = 2
MAX_COLUMNS: Final = 6
MIN_MODELS: Final = 2  # today's Compare tab; goes with it
MAX_MODELS: Final = 4


@dataclass(frozen=True)
class SharedValues:
    """What the user set once for every model; None means "each model's own default"."""

    prompt: str
    aspect_ratio: str | None = None
    duration_s: int | None = None


@dataclass(frozen=True)
class PlannedInput:
    """The body to send to one model, or why it cannot be sent; notes explain what changed."""

    input: dict[str, Any] | None
    problem: str = ""
    notes: tuple[str, ...] = ()


def plan(
    schema: dict[str, Any], intent: Intent, overrides: Mapping[str, Any] | None = None
) -> Translation:
    """`translate(schema, intent)` with `overrides` (schema field → value) applied. Never raises."""
    return override(schema, translate(schema, intent), overrides or {})


def plan_input(schema: Any, shared: SharedValues) -> PlannedInput:
    """The shared values translated onto `schema` (see `translate`), for today's Compare tab."""
    spec = FormSpec.from_schema(schema)
    if spec.root.kind is not FieldKind.OBJECT or spec.field("prompt") is None:
        return PlannedInput(
            None, "This model takes no text prompt, so it cannot join a comparison."
        )
    intent = Intent(shared.prompt, aspect_ratio=shared.aspect_ratio, duration_s=shared.duration_s)
    translation = translate(schema, intent)
    notes = tuple(row.note for row in translation.rows if row.how is not How.SENT)
    if translation.input is None:
        return PlannedInput(None, f"Skipped: {translation.problem}", notes)
    return PlannedInput(translation.input, "", notes)
