"""What a media file is: its type, pixel size and duration (Pillow for images, PyAV for the rest).

Blocking: callers run it in a thread.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

import av
from PIL import Image, UnidentifiedImageError

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


def probe(path: Path) -> MediaInfo:
    """Media type and size of an image (Pillow) or a video/audio file (PyAV, with duration)."""
    try:
        with Image.open(path) as image:
            media_type = Image.MIME.get(image.format or "") or _guess_type(path)
            return MediaInfo(media_type, image.width, image.height, None)
    except UnidentifiedImageError:
        pass
    try:
        return _probe_av(path)
    except (av.error.FFmpegError, OSError):
        return MediaInfo(_guess_type(path), None, None, None)


def _guess_type(path: Path) -> str:
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def _probe_av(path: Path) -> MediaInfo:
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
