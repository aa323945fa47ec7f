"""Quantities in words a person reads at a glance: byte sizes and clip durations, one way each."""

from studio.core.units._durations import human_duration
from studio.core.units._sizes import human_size

__all__ = ["human_duration", "human_size"]
