"""What "Save as…" proposes for an output: a readable file name and a type filter (where it
starts: studio.ui.file_folders)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from studio.ui.preview.item import PreviewItem

_TYPE_NAMES = {
    "png": str(QT_TRANSLATE_NOOP("SaveTarget", "PNG image")),
    "jpg": str(QT_TRANSLATE_NOOP("SaveTarget", "JPEG image")),
    "jpeg": str(QT_TRANSLATE_NOOP("SaveTarget", "JPEG image")),
    "webp": str(QT_TRANSLATE_NOOP("SaveTarget", "WebP image")),
    "gif": str(QT_TRANSLATE_NOOP("SaveTarget", "GIF image")),
    "bmp": str(QT_TRANSLATE_NOOP("SaveTarget", "BMP image")),
    "tif": str(QT_TRANSLATE_NOOP("SaveTarget", "TIFF image")),
    "tiff": str(QT_TRANSLATE_NOOP("SaveTarget", "TIFF image")),
    "mp4": str(QT_TRANSLATE_NOOP("SaveTarget", "MP4 video")),
    "webm": str(QT_TRANSLATE_NOOP("SaveTarget", "WebM video")),
    "mov": str(QT_TRANSLATE_NOOP("SaveTarget", "QuickTime video")),
    "mkv": str(QT_TRANSLATE_NOOP("SaveTarget", "Matroska video")),
    "wav": str(QT_TRANSLATE_NOOP("SaveTarget", "WAV audio")),
    "mp3": str(QT_TRANSLATE_NOOP("SaveTarget", "MP3 audio")),
    "m4a": str(QT_TRANSLATE_NOOP("SaveTarget", "M4A audio")),
    "aac": str(QT_TRANSLATE_NOOP("SaveTarget", "AAC audio")),
    "ogg": str(QT_TRANSLATE_NOOP("SaveTarget", "Ogg audio")),
    "opus": str(QT_TRANSLATE_NOOP("SaveTarget", "Opus audio")),
    "flac": str(QT_TRANSLATE_NOOP("SaveTarget", "FLAC audio")),
    "json": str(QT_TRANSLATE_NOOP("SaveTarget", "JSON")),
    "txt": str(QT_TRANSLATE_NOOP("SaveTarget", "Text")),
    "srt": str(QT_TRANSLATE_NOOP("SaveTarget", "SubRip subtitles")),
    "vtt": str(QT_TRANSLATE_NOOP("SaveTarget", "WebVTT subtitles")),
}
ALL_FILES_FILTER = str(QT_TRANSLATE_NOOP("SaveTarget", "All files (*)"))
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
        return [_tr(ALL_FILES_FILTER)]
    known = _TYPE_NAMES.get(suffix)
    name = (
        _tr(known)
        if known
        else QCoreApplication.translate("SaveTarget", "%1 file").replace("%1", suffix.upper())
    )
    return [f"{name} (*.{suffix})", _tr(ALL_FILES_FILTER)]


def _tr(text: str) -> str:
    return QCoreApplication.translate("SaveTarget", text)
