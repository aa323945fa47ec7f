"""A comparison's values: what the user asks once (Intent) and what one model gets (Translation)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence


@dataclass(frozen=True)
class Intent:
    """What the user asks every model for, in the user's own terms; None (or empty) = not set.

    `image` is the start frame (or the one image an edit model works on), `end_image` the last
    frame; media are URLs or data URIs. `prompt` may be empty for models that need none.
    """

    prompt: str
    negative_prompt: str | None = None
    aspect_ratio: str | None = None
    duration_s: float | None = None
    resolution: str | None = None
    seed: int | None = None
    num_outputs: int | None = None
    generate_audio: bool | None = None
    image: str | None = None
    end_image: str | None = None
    reference_images: Sequence[str] | None = None
    video: str | None = None
    audio: str | None = None

    def settings(self) -> list[tuple[str, Any]]:
        """The fields the user set, as (name, value), in field order."""
        chosen = []
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, str) and not value.strip():
                continue
            if value is None or (item.name == "reference_images" and not value):
                continue
            chosen.append((item.name, list(value) if item.name == "reference_images" else value))
        return chosen


class How(StrEnum):
    """What became of one setting on one model."""

    SENT = "sent"  # as asked
    MAPPED = "mapped"  # same meaning, the model's own spelling or unit ("8" → "8s", s → ms)
    CLAMPED = "clamped"  # the nearest the model allows (10 s → "8s", 4k → 1080p)
    DEFAULT = "default"  # the model has the setting but nothing fits: its default is used
    DROPPED = "dropped"  # the model has no such setting
    OVERRIDDEN = "overridden"  # the user set this model's value by hand (never made by translate)


@dataclass(frozen=True)
class TranslationRow:
    """One setting on one model: asked `requested`, went to `field` (a path, or None) as `sent`."""

    setting: str
    requested: Any
    field: str | None
    sent: Any
    how: How
    note: str


@dataclass(frozen=True)
class Translation:
    """One model's body (`input`, None when it cannot be sent and `problem` says why) and rows."""

    input: dict[str, Any] | None
    problem: str = ""
    rows: list[TranslationRow] = field(default_factory=list)
