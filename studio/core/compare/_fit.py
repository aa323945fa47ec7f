"""Whether a model can take what an intent holds: the media it would have to leave out, and what
it needs that the intent lacks. The Compare tab lists only the models that fit, and says why the
others do not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from studio.core.compare._intent import How
from studio.core.compare._media import MEDIA_SETTINGS
from studio.core.compare._translate import translate

if TYPE_CHECKING:
    from studio.core.compare._intent import Intent


@dataclass(frozen=True)
class Fit:
    """`refused`: the intent's media settings this model has nowhere to put ("image",
    "end_image"…); `problem`: what it needs that the intent does not give, in words ("" = none)."""

    refused: tuple[str, ...] = ()
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.refused and not self.problem


def fit(schema: dict[str, Any], intent: Intent) -> Fit:
    """How well `intent` fits the model of `schema` (see Fit). Never raises."""
    translation = translate(schema, intent)
    refused = tuple(
        row.setting
        for row in translation.rows
        if row.setting in MEDIA_SETTINGS and row.how is How.DROPPED
    )
    problem = translation.problem if translation.input is None else ""
    return Fit(refused, problem)
