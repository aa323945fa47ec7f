"""One model, several values: columns that differ in one intent setting (seeds, durations, aspect
ratios, resolutions), so a capability with a single model can still be compared."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any, Final

from studio.core.compare._comparison import Variant

if TYPE_CHECKING:
    from collections.abc import Iterable

# Every seed field in the catalog takes 0 … 2³¹−1.
MAX_SEED: Final = 2**31 - 1
VARIED_SETTINGS: Final = ("seed", "duration_s", "aspect_ratio", "resolution")


def fresh_seed(rng: random.Random | None = None) -> int:
    return (rng or random.SystemRandom()).randint(0, MAX_SEED)


def seed_variants(slug: str, count: int, rng: random.Random | None = None) -> tuple[Variant, ...]:
    """`count` columns of one model, each with its own new seed."""
    return tuple(Variant(slug, {"seed": fresh_seed(rng)}) for _ in range(count))


def value_variants(slug: str, setting: str, values: Iterable[Any]) -> tuple[Variant, ...]:
    """One column of one model per value of `setting` (an Intent field), duplicates once."""
    if setting not in VARIED_SETTINGS:
        raise ValueError(f"{setting!r} cannot be varied")
    unique = list(dict.fromkeys(values))
    return tuple(Variant(slug, {setting: value}) for value in unique)
