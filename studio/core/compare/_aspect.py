"""Aspect ratios: "21:9", "16x9", "landscape_16_9" or "1024x768" read as width/height, and an
aspect ratio onto a model's own `aspect_ratio` choices (as asked, respelled, nearest shape)."""

from __future__ import annotations

import re
from typing import Any, Final

from studio.core.compare._nearest import Choice, nearest, same
from studio.core.compare._steps import Step, allowed, clamped, defaulted, placed, shown
from studio.core.schema import FieldKind, FieldSpec

SETTING: Final = "aspect_ratio"
_RATIO: Final = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[:x×/_]\s*(\d+(?:\.\d+)?)\s*$", re.I)
_NUMBER: Final = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*$")
_ORIENTED: Final = re.compile(r"^(landscape|portrait)_(\d+)_(\d+)$")


def ratio_of(text: Any) -> float | None:
    """Width / height of "21:9", "16x9", "4/3", "2.39" or "1024x768"; None for "auto" and such."""
    if not isinstance(text, str):
        return None
    if match := _RATIO.match(text):
        width, height = float(match.group(1)), float(match.group(2))
        return width / height if width > 0 and height > 0 else None
    if match := _NUMBER.match(text):
        value = float(match.group(1))
        return value if value > 0 else None
    return None


def preset_ratio(name: Any) -> float | None:
    """Width / height of a size preset: "square_hd" 1, "portrait_16_9" 9/16, "1536x1024" 1.5."""
    if not isinstance(name, str):
        return None
    lowered = name.strip().lower()
    if lowered.startswith("square"):
        return 1.0
    if match := _ORIENTED.match(lowered):
        a, b = sorted((int(match.group(2)), int(match.group(3))))
        if a == 0:
            return None
        return b / a if match.group(1) == "landscape" else a / b
    return ratio_of(lowered) if "x" in lowered or ":" in lowered else None


def aspect_step(field: FieldSpec, requested: str) -> Step:
    """`requested` onto an `aspect_ratio` field: as asked, respelled, nearest shape or default."""
    if field.kind is not FieldKind.ENUM:
        return placed(SETTING, requested, field, requested)
    if requested in field.enum:
        return placed(SETTING, requested, field, requested)
    wanted = ratio_of(requested)
    if wanted is None:
        return defaulted(SETTING, requested, field, f"{shown(requested)} is not an aspect ratio")
    choices = [Choice(m, r) for m in field.enum if (r := ratio_of(m)) is not None]
    return nearest_shape(field, requested, wanted, choices)


def nearest_shape(field: FieldSpec, requested: str, wanted: float, choices: list[Choice]) -> Step:
    """The offered shape equal to `wanted` (respelled), else the nearest; a tie is the default's."""
    exact = [c for c in choices if same(c.measure, wanted)]
    if exact:
        return placed(SETTING, requested, field, _prefer_default(field, exact).value)
    offered = ", ".join(shown(c.value) for c in choices) or allowed(field)
    why = f"{shown(requested)} is not offered ({offered})"
    pick = nearest(choices, wanted, by_log=True)
    if pick is None:
        return defaulted(SETTING, requested, field, why)
    if len(pick.tied) > 1 and field.has_default:
        # 1:1 on a 16:9 | 9:16 model: landscape and portrait are equally wrong, so neither is
        # "nearest"; the model's own default decides.
        tied = " and ".join(shown(c.value) for c in pick.tied)
        return defaulted(SETTING, requested, field, f"{why}, and {tied} are equally near")
    return clamped(SETTING, requested, field, pick.choice.value, why)


def _prefer_default(field: FieldSpec, choices: list[Choice]) -> Choice:
    return next((c for c in choices if c.value == field.default), choices[0])
