"""What a model says it accepts for a media field (formats, file size, pixel size, aspect, length)
read from the field's description, and the problems a given file has there. Compare names them
in the file's row before anything is sent.

Descriptions are free text ("First frame image (jpg/jpeg/png, >= 300 px, aspect 1:2.5 to
2.5:1)"), so only what is clearly stated is checked; a field that says nothing accepts anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Final

from studio.core.schema import FormSpec

if TYPE_CHECKING:
    from collections.abc import Mapping

    from studio.core.compare._intent import Translation

_FORMAT_WORDS: Final = (
    "jpg", "jpeg", "png", "bmp", "webp", "gif", "mp4", "mov", "webm", "mp3", "wav", "m4a",
    "mpeg", "mpga", "ogg", "flac",
)  # fmt: skip
_FORMATS: Final = re.compile(r"\b(" + "|".join(_FORMAT_WORDS) + r")\b", re.IGNORECASE)
_MAX_SIZE: Final = re.compile(r"(?:max|<=?)\s*(\d+(?:\.\d+)?)\s*(KB|MB|GB)\b", re.IGNORECASE)
_MIN_SIDE: Final = re.compile(r">=?\s*(\d+)\s*px", re.IGNORECASE)
_ASPECT: Final = re.compile(
    r"aspect\s+(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)\s+to\s+(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)",
    re.IGNORECASE,
)
_SECONDS: Final = re.compile(r"(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*s\b")
_UNITS: Final = {"KB": 1024, "MB": 1024**2, "GB": 1024**3}
# What a MIME type is called in descriptions.
_MIME_FORMATS: Final = {
    "image/jpeg": ("JPEG", "JPG"),
    "image/png": ("PNG",),
    "image/webp": ("WEBP",),
    "image/bmp": ("BMP",),
    "image/gif": ("GIF",),
    "video/mp4": ("MP4",),
    "video/quicktime": ("MOV",),
    "video/webm": ("WEBM",),
    "audio/mpeg": ("MP3", "MPEG", "MPGA"),
    "audio/mp3": ("MP3",),
    "audio/wav": ("WAV",),
    "audio/x-wav": ("WAV",),
    "audio/wave": ("WAV",),
    "audio/mp4": ("M4A",),
    "audio/x-m4a": ("M4A",),
    "audio/ogg": ("OGG",),
    "audio/flac": ("FLAC",),
}


@dataclass(frozen=True)
class MediaFacts:
    """What the user's file is: its name, MIME type, byte size, pixels and length (if known)."""

    name: str
    mime: str
    size: int
    width: int | None = None
    height: int | None = None
    duration_s: float | None = None

    @property
    def formats(self) -> tuple[str, ...]:
        """The names descriptions use for this file's format ("JPEG", "JPG"); () when unknown."""
        return _MIME_FORMATS.get(self.mime.lower(), ())


@dataclass(frozen=True)
class MediaLimits:
    """What a media field accepts; None (or ()) = not stated."""

    formats: tuple[str, ...] = ()
    max_bytes: int | None = None
    min_side: int | None = None
    aspect: tuple[float, float] | None = None  # width / height, lowest and highest
    seconds: tuple[float, float] | None = None


class MediaProblemKind(StrEnum):
    FORMAT = "format"
    TOO_LARGE = "too large"  # bytes
    TOO_SMALL = "too small"  # pixels
    ASPECT = "aspect"
    TOO_SHORT = "too short"
    TOO_LONG = "too long"


@dataclass(frozen=True)
class MediaProblem:
    """One thing a model will not accept about the file of intent setting `setting`.

    `actual` and `allowed` are the plain values ("WEBP" / ("JPG", "PNG"), 31457280 / 20971520,
    200 / 300, 3.2 / (0.4, 2.5), 40.0 / (2.0, 10.0)), for the UI to put into words.
    """

    setting: str
    field: str
    kind: MediaProblemKind
    actual: Any
    allowed: Any


def media_limits(description: str) -> MediaLimits:
    """What a field's description clearly states about the media it takes."""
    formats = tuple(dict.fromkeys(word.upper() for word in _FORMATS.findall(description)))
    size = _MAX_SIZE.search(description)
    side = _MIN_SIDE.search(description)
    aspect = _ASPECT.search(description)
    seconds = _SECONDS.search(description)
    ratios = None
    if aspect is not None:
        low_w, low_h, high_w, high_h = (float(part) for part in aspect.groups())
        if low_h > 0 and high_h > 0:
            ratios = (low_w / low_h, high_w / high_h)
    return MediaLimits(
        formats=formats,
        max_bytes=round(float(size[1]) * _UNITS[size[2].upper()]) if size else None,
        min_side=int(side[1]) if side else None,
        aspect=ratios,
        seconds=(float(seconds[1]), float(seconds[2])) if seconds else None,
    )


def media_problems(
    schema: dict[str, Any], translation: Translation, facts: Mapping[str, MediaFacts]
) -> list[MediaProblem]:
    """What each model-bound file (by intent setting, in `facts`) breaks of its field's limits."""
    try:
        spec = FormSpec.from_schema(schema)
    except Exception:  # an unreadable schema states no limits
        return []
    found = []
    for row in translation.rows:
        file = facts.get(row.setting)
        if file is None or row.field is None:
            continue
        name = re.split(r"[.\[]", row.field, maxsplit=1)[0]
        field = spec.field(name)
        if field is not None:
            limits = media_limits(field.description)
            found += [
                MediaProblem(row.setting, name, kind, actual, allowed)
                for kind, actual, allowed in _broken(limits, file)
            ]
    return found


def _broken(limits: MediaLimits, file: MediaFacts) -> list[tuple[MediaProblemKind, Any, Any]]:
    broken: list[tuple[MediaProblemKind, Any, Any]] = []
    own = file.formats
    if limits.formats and own and not set(own) & set(limits.formats):
        broken.append((MediaProblemKind.FORMAT, own[0], limits.formats))
    if limits.max_bytes is not None and file.size > limits.max_bytes:
        broken.append((MediaProblemKind.TOO_LARGE, file.size, limits.max_bytes))
    if file.width and file.height:
        side = min(file.width, file.height)
        if limits.min_side is not None and side < limits.min_side:
            broken.append((MediaProblemKind.TOO_SMALL, side, limits.min_side))
        ratio = file.width / file.height
        if limits.aspect is not None and not limits.aspect[0] <= ratio <= limits.aspect[1]:
            broken.append((MediaProblemKind.ASPECT, ratio, limits.aspect))
    if file.duration_s is not None and limits.seconds is not None:
        low, high = limits.seconds
        if file.duration_s < low:
            broken.append((MediaProblemKind.TOO_SHORT, file.duration_s, limits.seconds))
        elif file.duration_s > high:
            broken.append((MediaProblemKind.TOO_LONG, file.duration_s, limits.seconds))
    return broken
