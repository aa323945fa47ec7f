"""Compare: one intent translated onto each model's own schema, with every translation shown."""

from studio.core.compare._intent import How, Intent, Translation, TranslationRow
from studio.core.compare._plan import (
    MAX_MODELS,
    MIN_MODELS,
    PlannedInput,
    SharedValues,
    plan_input,
)
from studio.core.compare._translate import translate

__all__ = [
    "MAX_MODELS",
    "MIN_MODELS",
    "How",
    "Intent",
    "PlannedInput",
    "SharedValues",
    "Translation",
    "TranslationRow",
    "plan_input",
    "translate",
]
