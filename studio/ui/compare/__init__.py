"""Compare: one prompt sent to several models, their results side by side."""

from studio.core.compare import MAX_MODELS, MIN_MODELS, PlannedInput, SharedValues, plan_input
from studio.ui.compare.panel import ComparePanel, JobQueue

__all__ = [
    "MAX_MODELS",
    "MIN_MODELS",
    "ComparePanel",
    "JobQueue",
    "PlannedInput",
    "SharedValues",
    "plan_input",
]
