"""What "Save as…" proposes for an output: a readable file name and a type filter (where it
starts: studio.ui.file_folders)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from studio.ui.preview.item import PreviewItem

_TYPE_NAMES = {
    "png": "PNG image",
    "jpg": "JPEG image",
    "jpeg": "JPEG image",
    "webp": "WebP image",
    "gif": "GIF image",
    "bmp": "BMP image",
    "tif": "TIFF image",
    "tiff": "TIFF image",
    "mp4": "MP4 video",
    "webm": "WebM video",
    "mov": "QuickTime video",
    "mkv": "Matroska video",
    "wav": "WAV audio",
    "mp3": "MP3 audio",
    "m4a": "M4A audio",
    "aac": "AAC audio",
    "ogg": "Ogg audio",
    "opus": "Opus audio",
    "flac": "FLAC audio",
    "json": "JSON",
    "txt": "Text",
    "srt": "SubRip subtitles",
    "vtt": "WebVTT subtitles",
}
ALL_FILES_FILTER = "All files (*)"
_MAX_STEM = 60
_UNSAFE = re.compile(r"[^\w]+")


def sanitised_stem(text: str) -> str:
    """A file-name stem from free text: words joined by "-", cut at a word, at most 60 chars."""
    words = [word for word in _UNSAFE.split(text) if word]
    stem = ""
    for word in words:
        candidate = f"{stem}-{word}" if stem else word
        if len(candidate) > _MAX_STEM:
            break
        stem = candidate
    return stem or (words[0][:_MAX_STEM] if words else "")


def file_suffix(item: PreviewItem) -> str:
    """The extension a copy keeps, without the dot: the file's own, else json or txt for text."""
    if item.path is not None:
        return item.path.suffix.lstrip(".").lower()
    looks_json = (item.text or "").lstrip().startswith(("{", "["))
    return "json" if looks_json else "txt"


def suggested_file_name(item: PreviewItem) -> str:
    """From the prompt or title when there is one, else the original file name."""
    suffix = file_suffix(item)
    stem = sanitised_stem(item.prompt) or sanitised_stem(item.title)
    if not stem:
        if item.path is not None:
            return item.path.name
        stem = "output"
    return f"{stem}.{suffix}" if suffix else stem


def name_filters(item: PreviewItem) -> list[str]:
    """The output's own type first (e.g. "PNG image (*.png)"), then all files."""
    suffix = file_suffix(item)
    if not suffix:
        return [ALL_FILES_FILTER]
    name = _TYPE_NAMES.get(suffix, f"{suffix.upper()} file")
    return [f"{name} (*.{suffix})", ALL_FILES_FILTER]
