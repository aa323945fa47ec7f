"""The nearest offered value: by value (durations), by scale (resolutions) or by shape (ratios)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

_SAME = 1e-6


@dataclass(frozen=True)
class Choice:
    """An offered value with the number it stands for (seconds, pixels, width/height)."""

    value: Any
    measure: float


@dataclass(frozen=True)
class Nearest:
    """The pick, and the values that were equally near (more than one = a tie)."""

    choice: Choice
    tied: tuple[Choice, ...]


def nearest(choices: list[Choice], target: float, *, by_log: bool) -> Nearest | None:
    """The offered value nearest `target`; on a tie the larger one (None when nothing is offered).

    `by_log` compares by ratio (2:1 is as far from 1:1 as 1:2 is), which is right for aspect
    ratios and resolutions; durations compare by plain difference.
    """
    usable = [c for c in choices if math.isfinite(c.measure) and (c.measure > 0 or not by_log)]
    if not usable or (by_log and target <= 0):
        return None

    def distance(choice: Choice) -> float:
        if by_log:
            return abs(math.log(choice.measure) - math.log(target))
        return abs(choice.measure - target)

    best = min(distance(c) for c in usable)
    tied = tuple(c for c in usable if distance(c) - best <= _SAME)
    return Nearest(max(tied, key=lambda c: c.measure), tied)


def same(a: float, b: float, tolerance: float = 2e-3) -> bool:
    """Whether two measures stand for the same thing (16:9 vs 1.7778, 30 s vs 30000 ms / 1000)."""
    return math.isclose(a, b, rel_tol=tolerance, abs_tol=_SAME)
