"""Small cached thumbnail files for images, videos, audio and text (blocking; callers use a thread).

A thumbnail is a WebP file under ``paths.thumbnails_dir()``, named by a hash of the source path,
its mtime and size, and the thumbnail size: an edited file gets a new thumbnail, an unchanged one
is never decoded twice. Pillow's decompression-bomb limit stays in force. Pillow and PyAV are
imported where used: the studio starts without them (issue 12).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Final

from studio.core import paths
from studio.core.media._containers import ContainerError, image_size
from studio.core.media._probe import too_large_to_decode
from studio.core.media._text import read_plain_text
from studio.core.media._waveform import WaveformError, compute_peaks

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PIL import Image, ImageFont

THUMB_SIZE: Final = 256
_SUFFIX: Final = ".webp"
_QUALITY: Final = 80
_AUDIO_SUFFIXES: Final = frozenset({".wav", ".mp3", ".ogg", ".flac", ".m4a", ".aac", ".opus"})
_VIDEO_SUFFIXES: Final = frozenset({".mp4", ".webm", ".mov", ".mkv", ".m4v", ".avi"})
_WAVE_BACKGROUND: Final = (30, 46, 40)
_WAVE_COLOUR: Final = (86, 200, 148)
_WAVE_BARS: Final = 48
_TEXT_SUFFIXES: Final = frozenset({".json", ".txt"})
_PAPER: Final = (246, 244, 238)
_INK: Final = (52, 56, 64)
_RULE: Final = (86, 150, 200)
_TEXT_FONTS: Final = ("DejaVuSans.ttf",)
# DejaVu has no CJK glyphs: a transcript in Chinese or Japanese needs one of these.
_CJK_FONTS: Final = ("wqy-microhei.ttc", "NotoSansCJK-Regular.ttc", "DroidSansFallbackFull.ttf")
_CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


class MediaKind(StrEnum):
    """What decoder a file needs; matches library OutputKind values for these four."""

    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"
    TEXT = "text"


class ThumbnailError(ValueError):
    """The file cannot be read or decoded into a thumbnail."""


def cache_key(path: Path, size: int = THUMB_SIZE) -> str:
    """A hash of (absolute path, mtime, byte size, thumbnail size); raises OSError if missing."""
    stat = path.stat()
    text = f"{path.resolve()}\0{stat.st_mtime_ns}\0{stat.st_size}\0{size}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def cached_path(path: Path, size: int = THUMB_SIZE, cache_root: Path | None = None) -> Path:
    """Where the thumbnail of path at this size lives (it may not exist yet)."""
    key = cache_key(path, size)
    root = cache_root if cache_root is not None else paths.thumbnails_dir()
    return root / key[:2] / f"{key}{_SUFFIX}"


def guess_kind(path: Path) -> MediaKind:
    suffix = path.suffix.lower()
    if suffix in _AUDIO_SUFFIXES:
        return MediaKind.AUDIO
    if suffix in _VIDEO_SUFFIXES:
        return MediaKind.VIDEO
    if suffix in _TEXT_SUFFIXES:
        return MediaKind.TEXT
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
    if kind is MediaKind.TEXT:
        try:
            return text_tile(read_plain_text(path), size)
        except OSError as error:
            raise ThumbnailError(f"cannot read {path.name}: {error}") from error
    return waveform_tile(_peaks(path), size)


def _image_thumbnail(path: Path, size: int) -> Image.Image:
    from PIL import Image, UnidentifiedImageError

    _refuse_bombs(path)
    try:
        with Image.open(path) as image:
            image.draft("RGB", (size, size))  # JPEG decodes at a fraction of full size
            return _fit(image, size)
    except Image.DecompressionBombError as error:
        raise ThumbnailError(f"{path.name} is too large to preview") from error
    except (UnidentifiedImageError, OSError) as error:
        raise ThumbnailError(f"cannot decode {path.name}: {error}") from error


def _refuse_bombs(path: Path) -> None:
    """An image past Pillow's pixel limit gets no thumbnail (its header says so, unread)."""
    try:
        with path.open("rb") as stream:
            found = image_size(stream)
    except (ContainerError, OSError):
        return  # Pillow says what is wrong with it
    if found is not None and too_large_to_decode(found[1], found[2]):
        _kind, width, height = found
        raise ThumbnailError(f"{path.name} is too large to preview ({width} × {height} pixels)")


POSTER_SECONDS = 1.0


def _fit(image: Image.Image, size: int) -> Image.Image:
    from PIL import Image

    mode = "RGBA" if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info else "RGB"
    converted = image.convert(mode)
    converted.thumbnail((size, size), Image.Resampling.LANCZOS)
    return converted


def _first_video_frame(path: Path) -> Image.Image | None:
    """A poster frame: the picture about a second in (clips often fade in from black).

    Short clips use the frame a quarter of the way in; None when the file has no video stream.
    """
    import av
    from PIL import Image

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
    from PIL import Image, ImageDraw

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


def text_tile(text: str, size: int = THUMB_SIZE) -> Image.Image:
    """A square "page" with the first lines of text, wrapped; the last shown line ends in "…"."""
    from PIL import Image, ImageDraw

    tile = Image.new("RGB", (size, size), _PAPER)
    draw = ImageDraw.Draw(tile)
    margin = round(size * 0.09)
    font = _text_font(max(8, round(size * 0.072)), cjk=bool(_CJK.search(text)))
    line_height = round(font.size * 1.4)
    draw.rectangle((0, 0, max(2, size // 48), size), fill=_RULE)
    room = max(1, (size - 2 * margin) // line_height)
    lines = wrap_text(" ".join(text.split()), font, size - 2 * margin)
    if len(lines) > room:
        lines = [*lines[: room - 1], _with_ellipsis(lines[room - 1], font, size - 2 * margin)]
    for number, line in enumerate(lines):
        draw.text((margin, margin + number * line_height), line, font=font, fill=_INK)
    return tile


@functools.cache
def _text_font(pixels: int, *, cjk: bool) -> ImageFont.FreeTypeFont:
    """The first installed font of the list (Pillow searches the system's font folders)."""
    from PIL import ImageFont

    for name in (*_CJK_FONTS, *_TEXT_FONTS) if cjk else _TEXT_FONTS:
        with contextlib.suppress(OSError):
            return ImageFont.truetype(name, pixels)
    return ImageFont.load_default(pixels)  # type: ignore[return-value]  # Latin only


def wrap_text(text: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Greedy word wrap to ``width`` pixels; a word wider than a line (CJK runs) is cut."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        rest = word
        while font.getlength(rest) > width and len(rest) > 1:
            cut = _fitting_prefix(rest, font, width)
            lines.append(rest[:cut])
            rest = rest[cut:]
        line = rest
    if line:
        lines.append(line)
    return lines


def _fitting_prefix(word: str, font: ImageFont.FreeTypeFont, width: float) -> int:
    cut = 1
    while cut < len(word) and font.getlength(word[: cut + 1]) <= width:
        cut += 1
    return cut


def _with_ellipsis(line: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    while line and font.getlength(line + "…") > width:
        line = line[:-1]
    return line.rstrip() + "…"


def _save_atomically(image: Image.Image, target: Path) -> None:
    paths.private_dir(target.parent)
    descriptor, temp_name = tempfile.mkstemp(dir=target.parent, suffix=".part")
    os.close(descriptor)
    try:
        image.save(temp_name, format="WEBP", quality=_QUALITY, method=4)
        Path(temp_name).replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temp_name).unlink()
        raise
