"""What a media file is: its type, pixel size and duration (headers for images, PyAV for the rest).

PNG, JPEG and WebP sizes come from their headers alone, so an image too large to decode (a
decompression bomb) is still described; other image formats go through Pillow, whose bomb limit
stays in force (such a file is then described by its name only). Blocking: callers run it in a
thread. Pillow and PyAV are imported where used, so importing this module costs neither (~70 ms
and ~25 MB; the studio starts without them, issue 12).
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from studio.core.media._containers import ContainerError, ContainerFormat, image_size

if TYPE_CHECKING:
    from pathlib import Path


@dataclass(frozen=True)
class MediaInfo:
    media_type: str
    width: int | None
    height: int | None
    duration: float | None


_CONTAINER_TYPES: Final = {
    "wav": "audio/wav",
    "mp3": "audio/mpeg",
    "ogg": "audio/ogg",
    "flac": "audio/flac",
    "matroska,webm": "video/webm",
    "mov,mp4,m4a,3gp,3g2,mj2": "video/mp4",
}


_HEADER_TYPES: Final = {
    ContainerFormat.PNG: "image/png",
    ContainerFormat.JPEG: "image/jpeg",
    ContainerFormat.WEBP: "image/webp",
}


def probe(path: Path) -> MediaInfo:
    """Media type and size of an image (headers, else Pillow) or a video/audio file (PyAV)."""
    try:
        with path.open("rb") as stream:
            found = image_size(stream)
    except (ContainerError, OSError):
        found = None
    if found is not None:
        kind, width, height = found
        return MediaInfo(_HEADER_TYPES[kind], width, height, None)
    import av
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            media_type = Image.MIME.get(image.format or "") or _guess_type(path)
            return MediaInfo(media_type, image.width, image.height, None)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return MediaInfo(_guess_type(path), None, None, None)
    except UnidentifiedImageError:
        pass
    try:
        return _probe_av(path)
    except (av.error.FFmpegError, OSError):
        return MediaInfo(_guess_type(path), None, None, None)


def too_large_to_decode(width: int | None, height: int | None) -> bool:
    """More pixels than Pillow's decompression-bomb limit: not decoded for previews."""
    from PIL import Image

    limit = Image.MAX_IMAGE_PIXELS
    return width is not None and height is not None and limit is not None and width * height > limit


def _guess_type(path: Path) -> str:
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def _probe_av(path: Path) -> MediaInfo:
    import av

    with av.open(str(path)) as container:
        duration = container.duration / 1_000_000 if container.duration else None
        video = container.streams.video[0] if container.streams.video else None
        guessed = mimetypes.guess_type(path.name)[0]
        media_type = guessed or _CONTAINER_TYPES.get(container.format.name, "")
        if media_type == "video/mp4" and video is None:
            media_type = "audio/mp4"
        width = int(video.width) if video is not None else None
        height = int(video.height) if video is not None else None
        return MediaInfo(media_type or "application/octet-stream", width, height, duration)
