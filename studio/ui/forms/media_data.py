"""Plain helpers for media inputs: local paths from dropped text/URLs, data URIs and their sizes."""

from __future__ import annotations

import base64
import binascii
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlparse

LARGE_FILE_BYTES = 8 * 1024 * 1024
_KIND_WORDS = {"image": "image", "video": "video", "audio": "audio"}


def local_file_from_text(text: str) -> Path | None:
    """The existing local file a pasted/dropped text names (a path or a file:// URL), if any."""
    text = text.strip()
    if text.startswith("file://"):
        text = unquote(urlparse(text).path)
    if not text or "://" in text or text.startswith("data:"):
        return None
    path = Path(text).expanduser()
    try:
        return path if path.is_absolute() and path.is_file() else None
    except OSError:
        return None


def mime_type_of(path: Path) -> str:
    """The MIME type guessed from a file name (application/octet-stream when unknown)."""
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def file_to_data_uri(path: Path) -> str:
    """`data:<mime>;base64,...` holding the file's bytes."""
    encoded = base64.b64encode(path.read_bytes()).decode("ascii")
    return f"data:{mime_type_of(path)};base64,{encoded}"


def data_uri_mime(uri: str) -> str:
    """The MIME type of a data URI ("" when it has none)."""
    header = uri[5:].split(",", 1)[0]
    return header.split(";", 1)[0]


def data_uri_size(uri: str) -> int:
    """The decoded size in bytes of a base64 data URI (without decoding it)."""
    payload = uri.split(",", 1)[1] if "," in uri else ""
    if ";base64" not in uri.split(",", 1)[0]:
        return len(unquote(payload).encode())
    return len(payload) * 3 // 4 - payload[-2:].count("=")


def decode_data_uri(uri: str) -> bytes | None:
    """The bytes of a base64 data URI, or None when it is not one."""
    header, _, payload = uri.partition(",")
    if not header.startswith("data:") or ";base64" not in header:
        return None
    try:
        return base64.b64decode(payload, validate=False)
    except (binascii.Error, ValueError):
        return None


def describe_data_uri(uri: str) -> str:
    """What the field shows for an embedded file: "embedded image (12 KB)"."""
    kind = _KIND_WORDS.get(data_uri_mime(uri).split("/", 1)[0], "file")
    return f"embedded {kind} ({human_size(data_uri_size(uri))})"


def human_size(size: int) -> str:
    """Bytes as "512 B", "12 KB", "8.4 MB"."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def file_filter(kind: str) -> str:
    """A QFileDialog name filter for a media kind."""
    patterns = {
        "image": "Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff)",
        "video": "Videos (*.mp4 *.mov *.webm *.mkv *.avi)",
        "audio": "Audio (*.mp3 *.wav *.ogg *.flac *.m4a *.aac *.opus)",
    }
    chosen = patterns.get(kind)
    return f"{chosen};;All files (*)" if chosen else "All files (*)"
