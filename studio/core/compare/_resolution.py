"""Resolution labels ("720p", "1080p", "4k", "2K") compared by size, onto a model's own tiers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from studio.core.compare._nearest import Choice, nearest, same
from studio.core.compare._steps import Step, allowed, clamped, defaulted, placed, shown
from studio.core.schema import FieldKind, FieldSpec

if TYPE_CHECKING:
    from studio.core.schema import FormSpec

SETTING: Final = "resolution"
_NAMES: Final = ("resolution", "video_resolution", "output_resolution")
_LINES: Final = re.compile(r"^(\d+)p$")
_KILO: Final = re.compile(r"^(\d+(?:\.\d+)?)k$")
_PIXELS: Final = re.compile(r"^(\d+)[x×*](\d+)$")
_SYNONYMS: Final = {
    "sd": "480p",
    "hd": "720p",
    "fhd": "1080p",
    "fullhd": "1080p",
    "qhd": "1440p",
    "uhd": "4k",
}
_TV_K: Final = {4.0: 3840, 8.0: 7680}  # 4K/8K TV sizes; other "nK" are image sizes (n × 1024)


@dataclass(frozen=True)
class Size:
    """How big a resolution label is: `edge` pixels on its `short` or long side."""

    edge: float
    short: bool

    @property
    def long_edge(self) -> float:
        """The long side, taking a video label's frame as 16:9 ("1080p" → 1920)."""
        return self.edge * 16 / 9 if self.short else self.edge


def size_of(label: Any) -> Size | None:
    """The size a resolution label names: "720p" (short side), "4k"/"2K" (long side), "WxH"."""
    if not isinstance(label, str):
        return None
    text = label.strip().lower().replace(" ", "")
    text = _SYNONYMS.get(text, text)
    if match := _LINES.match(text):
        return Size(float(match.group(1)), short=True)
    if match := _KILO.match(text):
        kilo = float(match.group(1))
        return Size(float(_TV_K.get(kilo, kilo * 1024)), short=False)
    if match := _PIXELS.match(text):
        return Size(float(max(int(match.group(1)), int(match.group(2)))), short=False)
    return None


def resolution_field(spec: FormSpec) -> FieldSpec | None:
    """The model's resolution setting, if it has one (an enum of tiers or free text)."""
    kinds = (FieldKind.ENUM, FieldKind.STRING)
    by_name = {f.name: f for f in spec.fields}
    found = (by_name.get(name) for name in _NAMES)
    return next((f for f in found if f is not None and f.kind in kinds), None)


def resolution_step(field: FieldSpec, requested: str) -> Step:
    """`requested` onto the model's own tiers: as asked, respelled, the nearest, or the default."""
    if field.kind is not FieldKind.ENUM:
        return placed(SETTING, requested, field, requested)
    if requested in field.enum:
        return placed(SETTING, requested, field, requested)
    wanted = size_of(requested)
    why = f"{shown(requested)} is not offered ({allowed(field)})"
    if wanted is None:
        return defaulted(SETTING, requested, field, f"{shown(requested)} is not a resolution")
    choices = [Choice(m, s.long_edge) for m in field.enum if (s := size_of(m)) is not None]
    exact = next((c for c in choices if same(c.measure, wanted.long_edge)), None)
    if exact is not None:
        return placed(SETTING, requested, field, exact.value)
    pick = nearest(choices, wanted.long_edge, by_log=True)
    if pick is None:
        return defaulted(SETTING, requested, field, why)
    return clamped(SETTING, requested, field, pick.choice.value, why)
