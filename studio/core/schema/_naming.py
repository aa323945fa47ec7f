"""Naming heuristics: readable titles and labels, media kinds, multi-line text and field groups."""

from __future__ import annotations

import re
from typing import Any

from studio.core.schema._model import MediaKind

_ACRONYMS = {
    "url": "URL",
    "urls": "URLs",
    "uri": "URI",
    "id": "ID",
    "ids": "IDs",
    "cfg": "CFG",
    "fps": "FPS",
    "hd": "HD",
    "uhd": "UHD",
    "sd": "SD",
    "hdr": "HDR",
    "jpeg": "JPEG",
    "jpg": "JPG",
    "png": "PNG",
    "webp": "WebP",
    "gif": "GIF",
    "mp3": "MP3",
    "mp4": "MP4",
    "pcm": "PCM",
    "wav": "WAV",
    "api": "API",
    "lora": "LoRA",
}
_UNIT_SUFFIXES = {"ms": "(ms)", "sec": "(s)", "px": "(px)"}
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_RATIO_TAIL = re.compile(r"\b(\d{1,2}) (\d{1,2})$")
_URLISH_NAME = re.compile(r"(^|_)(url|urls|uri|uris|file|files)$")
_MEDIA_WORDS: tuple[tuple[MediaKind, tuple[str, ...]], ...] = (
    (MediaKind.VIDEO, ("video", "clip", "movie")),
    (MediaKind.AUDIO, ("audio", "music", "speech", "sound", "song")),
    (MediaKind.IMAGE, ("image", "img", "frame", "mask", "photo", "picture")),
)
# "Video length in seconds (string)." – a JSON type note the schema author left for developers.
_TYPE_NOTE = re.compile(
    r"\s*\((?:string|integer|number|boolean|array|object|int|float|str|bool)\)", re.IGNORECASE
)
_URI_FORMATS = {"uri", "uri-reference", "iri", "url", "data-url", "binary"}
_TEXT_NAMES = {"prompt", "negative_prompt", "text", "lyrics", "system_prompt", "style_prompt"}
_PRIMARY_NAMES = {
    "prompt",
    "aspect_ratio",
    "duration",
    "resolution",
    "image_size",
    "num_images",
    "music_length_ms",
}


def _words(name: str) -> list[str]:
    spaced = _CAMEL_BOUNDARY.sub(" ", name).replace("_", " ").replace("-", " ")
    return [w for w in spaced.split() if w]


def prettify_name(name: str) -> str:
    """A title from a property name: "num_images" → "Number of images", "cfg" → "CFG"."""
    words = [w.lower() for w in _words(name)]
    if not words:
        return name or "Value"
    unit = _UNIT_SUFFIXES.get(words[-1]) if len(words) > 1 else None
    if unit:
        words = words[:-1]
    if words[0] == "num" and len(words) > 1:
        words = ["number", "of", *words[1:]]
    shown = [_ACRONYMS.get(w, w) for w in words]
    title = " ".join(shown)
    title = title[0].upper() + title[1:]
    return f"{title} {unit}" if unit else title


def readable_description(text: str) -> str:
    """Help text without JSON type notes: "Length in seconds (string)." → "Length in seconds."."""
    return _TYPE_NOTE.sub("", text).strip()


def prettify_enum_value(value: Any) -> str:
    """A combo label for an enum value: "landscape_16_9" → "Landscape 16:9", "jpeg" → "JPEG"."""
    if not isinstance(value, str):
        return "None" if value is None else str(value)
    if "_" not in value and not value.isalpha():
        return value
    words = [_ACRONYMS.get(w.lower(), w) for w in value.split("_") if w]
    text = _RATIO_TAIL.sub(r"\1:\2", " ".join(words))
    return text[:1].upper() + text[1:] if text else value


def media_from_name(name: str) -> MediaKind | None:
    """The media kind a property name talks about, if any."""
    lowered = name.lower()
    for kind, words in _MEDIA_WORDS:
        if any(word in lowered for word in words):
            return kind
    return None


def _media_from_hints(node: dict[str, Any]) -> MediaKind | None:
    ui = node.get("ui")
    hint = ui.get("field") if isinstance(ui, dict) else None
    hint = hint or node.get("x-fal-ui-field") or node.get("contentMediaType")
    if isinstance(hint, str):
        head = hint.split("/", 1)[0].lower()
        if head in {"image", "video", "audio"}:
            return MediaKind(head)
    return None


def media_kind(name: str, node: dict[str, Any]) -> MediaKind | None:
    """The media kind of a string field, from UI hints, `format: uri` and the property name."""
    hinted = _media_from_hints(node)
    if hinted:
        return hinted
    by_name = media_from_name(name)
    fmt = node.get("format")
    urlish = bool(_URLISH_NAME.search(name.lower())) or name.lower().endswith("url")
    if by_name and (fmt in _URI_FORMATS or urlish):
        return by_name
    if fmt in {"data-url", "binary"}:
        return by_name or MediaKind.FILE
    return None


def is_multiline(name: str, node: dict[str, Any]) -> bool:
    """Whether a string field deserves a multi-line box (prompts, long texts)."""
    lowered = name.lower()
    ui = node.get("ui")
    if isinstance(ui, dict) and ui.get("field") == "textarea":
        return True
    max_length = node.get("maxLength")
    long_text = (
        isinstance(max_length, int) and not isinstance(max_length, bool) and max_length > 200
    )
    return lowered in _TEXT_NAMES or lowered.endswith("_prompt") or long_text


def is_primary_name(name: str) -> bool:
    """Whether a property name is one of the creative inputs shown outside Advanced."""
    return name in _PRIMARY_NAMES
