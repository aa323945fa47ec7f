"""Compare: one intent planned onto each model's own schema."""

from studio.core.compare._plan import (
    MAX_MODELS,
    MIN_MODELS,
    PlannedInput,
    SharedValues,
    plan_input,
)

__all__ = ["MAX_MODELS", "MIN_MODELS", "PlannedInput", "SharedValues", "plan_input"]
