"""Compare: one prompt sent to several models, their results side by side."""

from studio.ui.compare.panel import ComparePanel, JobQueue
from studio.ui.compare.plan import MAX_MODELS, MIN_MODELS, PlannedInput, SharedValues, plan_input

__all__ = [
    "MAX_MODELS",
    "MIN_MODELS",
    "ComparePanel",
    "JobQueue",
    "PlannedInput",
    "SharedValues",
    "plan_input",
]
