"""Small cached thumbnail files for images, videos and audio (blocking; callers use a thread).

A thumbnail is a WebP file under ``cache_dir()/thumbs/``, named by a hash of the source path,
its mtime and size, and the thumbnail size: an edited file gets a new thumbnail, an unchanged one
is never decoded twice. Pillow's decompression-bomb limit stays in force.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Final

import av
from PIL import Image, ImageDraw, UnidentifiedImageError

from studio.core import paths
from studio.core.waveform import WaveformError, compute_peaks

if TYPE_CHECKING:
    from collections.abc import Sequence

THUMB_SIZE: Final = 256
_SUFFIX: Final = ".webp"
_QUALITY: Final = 80
_AUDIO_SUFFIXES: Final = frozenset({".wav", ".mp3", ".ogg", ".flac", ".m4a", ".aac", ".opus"})
_VIDEO_SUFFIXES: Final = frozenset({".mp4", ".webm", ".mov", ".mkv", ".m4v", ".avi"})
_WAVE_BACKGROUND: Final = (30, 46, 40)
_WAVE_COLOUR: Final = (86, 200, 148)
_WAVE_BARS: Final = 48


class MediaKind(StrEnum):
    """What decoder a file needs; matches library OutputKind values for these three."""

    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"


class ThumbnailError(ValueError):
    """The file cannot be read or decoded into a thumbnail."""


def thumbs_dir() -> Path:
    folder = paths.cache_dir() / "thumbs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def cache_key(path: Path, size: int = THUMB_SIZE) -> str:
    """A hash of (absolute path, mtime, byte size, thumbnail size); raises OSError if missing."""
    stat = path.stat()
    text = f"{path.resolve()}\0{stat.st_mtime_ns}\0{stat.st_size}\0{size}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def cached_path(path: Path, size: int = THUMB_SIZE, cache_root: Path | None = None) -> Path:
    """Where the thumbnail of path at this size lives (it may not exist yet)."""
    key = cache_key(path, size)
    root = cache_root if cache_root is not None else thumbs_dir()
    return root / key[:2] / f"{key}{_SUFFIX}"


def guess_kind(path: Path) -> MediaKind:
    suffix = path.suffix.lower()
    if suffix in _AUDIO_SUFFIXES:
        return MediaKind.AUDIO
    if suffix in _VIDEO_SUFFIXES:
        return MediaKind.VIDEO
    return MediaKind.IMAGE


def make_thumbnail(
    path: Path,
    kind: MediaKind | str | None = None,
    size: int = THUMB_SIZE,
    cache_root: Path | None = None,
) -> Path:
    """The path of a thumbnail (at most size × size) of path, made only when not cached."""
    try:
        target = cached_path(path, size, cache_root)
    except OSError as error:
        raise ThumbnailError(f"cannot read {path.name}: {error}") from error
    if target.is_file():
        return target
    media_kind = _media_kind(path, kind)
    image = _render(path, media_kind, size)
    _save_atomically(image, target)
    return target


def _media_kind(path: Path, kind: MediaKind | str | None) -> MediaKind:
    if kind is None:
        return guess_kind(path)
    try:
        return MediaKind(str(kind))
    except ValueError:
        return guess_kind(path)


def _render(path: Path, kind: MediaKind, size: int) -> Image.Image:
    if kind is MediaKind.IMAGE:
        return _image_thumbnail(path, size)
    if kind is MediaKind.VIDEO:
        frame = _first_video_frame(path)
        if frame is not None:
            return _fit(frame, size)
    return waveform_tile(_peaks(path), size)


def _image_thumbnail(path: Path, size: int) -> Image.Image:
    try:
        with Image.open(path) as image:
            image.draft("RGB", (size, size))  # JPEG decodes at a fraction of full size
            return _fit(image, size)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError) as error:
        raise ThumbnailError(f"cannot decode {path.name}: {error}") from error


POSTER_SECONDS = 1.0


def _fit(image: Image.Image, size: int) -> Image.Image:
    mode = "RGBA" if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info else "RGB"
    converted = image.convert(mode)
    converted.thumbnail((size, size), Image.Resampling.LANCZOS)
    return converted


def _first_video_frame(path: Path) -> Image.Image | None:
    """A poster frame: the picture about a second in (clips often fade in from black).

    Short clips use the frame a quarter of the way in; None when the file has no video stream.
    """
    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                return None
            stream = container.streams.video[0]
            stream.thread_type = "AUTO"
            seconds = float(container.duration or 0) / 1_000_000
            target = min(POSTER_SECONDS, seconds / 4)
            poster = None
            for frame in container.decode(stream):
                # to_ndarray is typed where to_image is not; both are one copy of the frame.
                poster = frame
                if frame.time is None or frame.time >= target:
                    break
            if poster is not None:
                return Image.fromarray(poster.to_ndarray(format="rgb24"))
    except (av.FFmpegError, OSError) as error:
        raise ThumbnailError(f"cannot decode {path.name}: {error}") from error
    raise ThumbnailError(f"{path.name} has no decodable frame")


def _peaks(path: Path) -> Sequence[float]:
    try:
        return compute_peaks(path, buckets=_WAVE_BARS).peaks
    except WaveformError as error:
        raise ThumbnailError(str(error)) from error


def waveform_tile(peaks: Sequence[float], size: int = THUMB_SIZE) -> Image.Image:
    """A square tile of mirrored bars, one per peak, on a dark green ground."""
    tile = Image.new("RGB", (size, size), _WAVE_BACKGROUND)
    draw = ImageDraw.Draw(tile)
    count = max(len(peaks), 1)
    margin = size * 0.08
    pitch = (size - 2 * margin) / count
    middle = size / 2
    reach = size * 0.36
    for position, peak in enumerate(peaks or (0.0,)):
        half = max(reach * float(peak), size * 0.008)
        left = margin + position * pitch + pitch * 0.18
        right = margin + (position + 1) * pitch - pitch * 0.18
        draw.rounded_rectangle(
            (left, middle - half, max(right, left + 1), middle + half),
            radius=max(1, int(pitch * 0.3)),
            fill=_WAVE_COLOUR,
        )
    return tile


def _save_atomically(image: Image.Image, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temp_name = tempfile.mkstemp(dir=target.parent, suffix=".part")
    os.close(descriptor)
    try:
        image.save(temp_name, format="WEBP", quality=_QUALITY, method=4)
        Path(temp_name).replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temp_name).unlink()
        raise
