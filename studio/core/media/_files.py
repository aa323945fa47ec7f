"""Facts of media files by name and bytes: the extension we give a media type, content hashes."""

from __future__ import annotations

import hashlib
import mimetypes
import re
from typing import TYPE_CHECKING, Final
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from pathlib import Path

_EXTENSIONS: Final = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/jpg": "jpg",
    "image/webp": "webp",
    "image/gif": "gif",
    "image/avif": "avif",
    "image/heic": "heic",
    "image/bmp": "bmp",
    "image/tiff": "tiff",
    "video/mp4": "mp4",
    "video/webm": "webm",
    "video/quicktime": "mov",
    "video/x-matroska": "mkv",
    "audio/mpeg": "mp3",
    "audio/mp3": "mp3",
    "audio/wav": "wav",
    "audio/x-wav": "wav",
    "audio/wave": "wav",
    "audio/ogg": "ogg",
    "audio/opus": "opus",
    "audio/flac": "flac",
    "audio/aac": "aac",
    "audio/mp4": "m4a",
    "audio/webm": "webm",
    "text/plain": "txt",
    "application/json": "json",
}
_SAFE_EXTENSION: Final = re.compile(r"[a-z0-9]{1,5}")
_CHUNK: Final = 1024 * 1024


def sanitize_extension(candidate: str | None) -> str | None:
    """``candidate`` lower-cased without a dot if it is 1–5 of [a-z0-9], else None."""
    if not candidate:
        return None
    candidate = candidate.strip().lower().lstrip(".")
    return candidate if _SAFE_EXTENSION.fullmatch(candidate) else None


def extension_for(media_type: str | None, url: str | None) -> str:
    """An extension we chose: from the media type, else the URL's suffix, else "bin"."""
    if media_type:
        base = media_type.split(";", 1)[0].strip().lower()
        known = _EXTENSIONS.get(base) or mimetypes.guess_extension(base)
        cleaned = sanitize_extension(known) if known else None
        if cleaned:
            return cleaned
    if url:
        last_segment = unquote(urlsplit(url).path).replace("\\", "/").rsplit("/", 1)[-1]
        if "." in last_segment:
            cleaned = sanitize_extension(last_segment.rsplit(".", 1)[-1])
            if cleaned:
                return cleaned
    return "bin"


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
