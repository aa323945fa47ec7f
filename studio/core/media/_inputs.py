"""Media the user gives as input: paths from drops, data URIs, files read and previewed.

The load_* and *_preview functions block (file I/O, decoding): callers run them in a thread.
They return plain data only (thumbnails as PNG bytes). Pillow and PyAV are imported where
used: the studio starts without them (issue 12).
"""

from __future__ import annotations

import base64
import binascii
import io
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse

from studio.core.media._thumbnails import make_thumbnail, waveform_tile
from studio.core.media._waveform import compute_peaks
from studio.core.units import human_duration, human_size

if TYPE_CHECKING:
    from PIL import Image

LARGE_FILE_BYTES = 8 * 1024 * 1024
THUMB_PIXELS = 96  # twice the shown size, for HiDPI screens
_WAVE_BARS = 24
_EXIF_ORIENTATION = 0x0112
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


@dataclass(frozen=True)
class MediaPreview:
    """What a worker learnt about a media file: an encoded thumbnail, pixel size, duration."""

    thumbnail: bytes | None = None  # PNG/WebP bytes; the GUI thread turns them into a pixmap
    dimensions: tuple[int, int] | None = None
    duration_s: float | None = None


@dataclass(frozen=True)
class LoadedMedia:
    """A file read for sending: its data URI (None on error), byte size and preview."""

    data_uri: str | None
    size: int
    error: str | None = None
    preview: MediaPreview = MediaPreview()


def preview_kind(mime: str, field_kind: str) -> str:
    """ "image", "video" or "audio" from a MIME type, else the field's own kind."""
    major = mime.split("/", 1)[0]
    return major if major in _KIND_WORDS else field_kind


def load_local_file(path: Path, field_kind: str) -> LoadedMedia:
    """Reads and encodes a local file and makes its preview (blocking: run it in a worker)."""
    try:
        size = path.stat().st_size
        uri = file_to_data_uri(path)
    except OSError as error:
        return LoadedMedia(None, 0, f"Can't read the file: {error.strerror or error}")
    return LoadedMedia(
        uri, size, None, file_preview(path, preview_kind(mime_type_of(path), field_kind))
    )


def load_pixels(pixels: bytes, width: int, height: int, stride: int, alpha: bool) -> LoadedMedia:
    """RGBA8888 pixels (e.g. a pasted image) as a PNG data URI with a preview (blocking)."""
    from PIL import Image

    image = Image.frombuffer("RGBA", (width, height), pixels, "raw", "RGBA", stride, 1)
    png = _png_bytes(image if alpha else image.convert("RGB"))
    uri = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    return LoadedMedia(uri, len(png), None, _image_preview(image))


def file_preview(path: Path, kind: str) -> MediaPreview:
    """The preview of a local file; empty when it cannot be decoded (blocking)."""
    import av
    from PIL import Image, ImageOps

    try:
        if kind == "image":
            with Image.open(path) as image:
                dimensions = _upright_size(image)
                image.draft("RGB", (THUMB_PIXELS, THUMB_PIXELS))  # JPEG decodes small
                return _image_preview(ImageOps.exif_transpose(image), dimensions)
        if kind == "video":
            return _video_preview(path)
        if kind == "audio":
            peaks = compute_peaks(path, buckets=_WAVE_BARS)
            tile = waveform_tile(peaks.peaks, THUMB_PIXELS)
            return MediaPreview(_png_bytes(tile), None, peaks.duration_s)
    except (OSError, ValueError, Image.DecompressionBombError, av.FFmpegError):
        pass  # an undecodable file is still sent; it just gets no picture
    return MediaPreview()


def data_uri_preview(uri: str) -> MediaPreview:
    """The preview of an embedded image; empty for other kinds or bad data (blocking)."""
    data = decode_data_uri(uri) if data_uri_mime(uri).startswith("image/") else None
    if not data:
        return MediaPreview()
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(data)) as image:
            return _image_preview(ImageOps.exif_transpose(image))
    except (OSError, ValueError, Image.DecompressionBombError):
        return MediaPreview()


def describe_preview(preview: MediaPreview, size: int) -> str:
    """A details line such as "640×360 · 0:05 · 2.1 MB"."""
    parts = []
    if preview.dimensions:
        parts.append(f"{preview.dimensions[0]}×{preview.dimensions[1]}")
    if preview.duration_s is not None:
        parts.append(human_duration(preview.duration_s))
    if size:
        parts.append(human_size(size))
    return " · ".join(parts)


def _upright_size(image: Image.Image) -> tuple[int, int]:
    """The pixel size as shown, i.e. after the EXIF rotation (orientations 5-8 turn by 90°)."""
    width, height = image.size
    return (
        (height, width)
        if image.getexif().get(_EXIF_ORIENTATION, 1) in (5, 6, 7, 8)
        else (width, height)
    )


def _image_preview(image: Image.Image, dimensions: tuple[int, int] | None = None) -> MediaPreview:
    from PIL import Image

    dimensions = dimensions or image.size
    small = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    small.thumbnail((THUMB_PIXELS, THUMB_PIXELS), Image.Resampling.LANCZOS)
    return MediaPreview(_png_bytes(small), dimensions)


def _video_preview(path: Path) -> MediaPreview:
    import av

    dimensions, duration = None, None
    with av.open(str(path)) as container:
        if container.duration:
            duration = float(container.duration) / 1_000_000
        if container.streams.video:
            stream = container.streams.video[0]
            dimensions = (stream.width, stream.height)
    thumbnail = make_thumbnail(path, "video", THUMB_PIXELS).read_bytes() if dimensions else None
    return MediaPreview(thumbnail, dimensions, duration)


def _png_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
