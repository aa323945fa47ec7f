"""Decoding a picture to show it, in a worker thread: Pillow in, plain pixel bytes out.

Pillow's decompression-bomb limit (``PIL.Image.MAX_IMAGE_PIXELS``) is left as it is and is also the
preview's own limit: a picture above it is reported as too large, never decoded. Large pictures are
first decoded at most the size of the screen (``decode_preview``); ``decode_detail`` brings the
full resolution (up to ``DETAIL_MAX_PIXELS``) when the user zooms in past that. Pillow is
imported where used (in the worker), so importing this module does not load it (issue 12).
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from studio.core.units import human_size

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PIL import Image

# Up to this many pixels a picture is decoded whole at once (4096², 64 MB as RGBA): it takes a
# fraction of a second, and 100 % is sharp straight away. Larger ones start at the screen's size.
FULL_DECODE_MAX_PIXELS: Final = 4096 * 4096
# The most a zoomed-in picture is decoded at (8192², an upscaler's 4×: 268 MB as RGBA).
DETAIL_MAX_PIXELS: Final = 8192 * 8192
_ORIENTATION_TAG: Final = 0x0112
_TRANSPOSING_ORIENTATIONS: Final = frozenset({5, 6, 7, 8})  # EXIF: rotated by 90° one way or other
_HEADER_BYTES: Final = 16
# What Pillow's decoders raise for damaged data besides OSError (see PIL.Image.open).
_DAMAGED: Final = (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError, struct.error)


class FailureKind(StrEnum):
    TOO_LARGE = "too large"
    DAMAGED = "damaged"


@dataclass(frozen=True)
class DecodedImage:
    """Rows of 8-bit RGB (``has_alpha`` False) or straight RGBA pixels, top to bottom.

    ``width``/``height`` are the decoded pixels; ``source_width``/``source_height`` the picture's
    own size after EXIF rotation, which is larger when the decode was reduced.
    """

    pixels: bytes
    width: int
    height: int
    stride: int
    has_alpha: bool
    source_width: int
    source_height: int
    format: str
    file_size: int | None

    @property
    def reduced(self) -> bool:
        return (self.width, self.height) != (self.source_width, self.source_height)


@dataclass(frozen=True)
class DecodeFailure:
    """Why a picture is not shown, as a sentence for the user."""

    kind: FailureKind
    message: str


DecodeResult = DecodedImage | DecodeFailure


class _StoppedError(Exception):
    """The caller no longer wants this picture (a newer one was asked for)."""


def _never() -> bool:
    return False


def decode_preview(
    path: Path,
    screen: tuple[int, int],
    should_stop: Callable[[], bool] = _never,
    *,
    fit: int | None = None,
) -> DecodeResult | None:
    """The picture whole, or for one above FULL_DECODE_MAX_PIXELS, reduced to fit in ``screen``
    (device pixels). None when ``should_stop()`` turned true on the way.

    With ``fit``: scaled, up or down, to ``fitted_size(…, fit)``, so whoever shows it at that
    size (a gallery tile) copies its pixels instead of resampling them on the GUI thread."""
    decoded = _decode(path, screen, should_stop)
    if fit is None or not isinstance(decoded, DecodedImage):
        return decoded
    return _fitted(decoded, fit)


def fitted_size(width: int, height: int, side: int) -> tuple[int, int]:
    """The largest whole-pixel size of width:height's shape inside a side × side square (at least
    1 × 1): where a gallery tile places its picture."""
    if width <= 0 or height <= 0:
        return side, side
    scale = min(side / width, side / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def _fitted(decoded: DecodedImage, side: int) -> DecodedImage:
    from PIL import Image

    size = fitted_size(decoded.width, decoded.height, side)
    if size == (decoded.width, decoded.height):
        return decoded
    mode = "RGBA" if decoded.has_alpha else "RGB"
    source = Image.frombuffer(
        mode, (decoded.width, decoded.height), decoded.pixels, "raw", mode, decoded.stride, 1
    )
    scaled = source.resize(size, Image.Resampling.LANCZOS)  # premultiplied by Pillow for RGBA
    return replace(
        decoded,
        pixels=scaled.tobytes(),
        width=scaled.width,
        height=scaled.height,
        stride=scaled.width * len(mode),
    )


def decode_detail(path: Path, should_stop: Callable[[], bool] = _never) -> DecodeResult | None:
    """The picture at full resolution, or as close as DETAIL_MAX_PIXELS allows."""
    return _decode(path, None, should_stop)


def _decode(
    path: Path, screen: tuple[int, int] | None, should_stop: Callable[[], bool]
) -> DecodeResult | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            return _decode_open(path, image, screen, should_stop)
    except _StoppedError:
        return None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Pillow refused before we saw the size; the header alone tells it.
        return _too_large(path, _header_size(path))
    except MemoryError:
        return _too_large(path, None)
    except UnidentifiedImageError:
        return DecodeFailure(
            FailureKind.DAMAGED, f"Cannot show {path.name}: the file is damaged or not an image."
        )
    except _DAMAGED as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return DecodeFailure(
            FailureKind.DAMAGED,
            f"Cannot show {path.name}: the file is damaged or incomplete ({reason}).",
        )


def _decode_open(
    path: Path,
    image: Image.Image,
    screen: tuple[int, int] | None,
    should_stop: Callable[[], bool],
) -> DecodeResult | None:
    from PIL import Image, ImageOps

    image_format = image.format or ""
    transposed = image.getexif().get(_ORIENTATION_TAG) in _TRANSPOSING_ORIENTATIONS
    width, height = (image.height, image.width) if transposed else image.size
    limit = Image.MAX_IMAGE_PIXELS
    if limit is not None and width * height > limit:
        return _too_large(path, (width, height))
    box = _target_box(width, height, screen)
    _check(should_stop)
    if box is None:
        image.load()
    else:
        # thumbnail() lets JPEG decode at 1/2, 1/4, 1/8 size (draft) before resampling.
        image.thumbnail((box[1], box[0]) if transposed else box)
    _check(should_stop)
    ImageOps.exif_transpose(image, in_place=True)
    pixels = _to_rgb_or_rgba(image)
    _check(should_stop)
    has_alpha = pixels.mode == "RGBA"
    return DecodedImage(
        pixels=pixels.tobytes(),
        width=pixels.width,
        height=pixels.height,
        stride=pixels.width * (4 if has_alpha else 3),
        has_alpha=has_alpha,
        source_width=width,
        source_height=height,
        format=image_format,
        file_size=_file_size(path),
    )


def _target_box(width: int, height: int, screen: tuple[int, int] | None) -> tuple[int, int] | None:
    """The box to reduce into, or None to decode every pixel."""
    pixels = width * height
    if screen is None:
        if pixels <= DETAIL_MAX_PIXELS:
            return None
        scale = math.sqrt(DETAIL_MAX_PIXELS / pixels)
        return max(1, math.floor(width * scale)), max(1, math.floor(height * scale))
    if pixels <= FULL_DECODE_MAX_PIXELS:
        return None
    return max(1, screen[0]), max(1, screen[1])


def _to_rgb_or_rgba(image: Image.Image) -> Image.Image:
    if image.mode in {"RGB", "RGBA"}:
        return image
    if image.mode.startswith("I"):  # 16/32-bit grey: scale down rather than clip at 255
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    return image.convert("RGBA" if image.has_transparency_data else "RGB")


def _check(should_stop: Callable[[], bool]) -> None:
    if should_stop():
        raise _StoppedError


def _too_large(path: Path, size: tuple[int, int] | None) -> DecodeFailure:
    if size is None:
        what = "too large to preview"
    else:
        what = f"too large to preview ({size[0]} × {size[1]} pixels)"
    return DecodeFailure(FailureKind.TOO_LARGE, f"{path.name} is {what}.")


def _header_size(path: Path) -> tuple[int, int] | None:
    """The pixel size a file's header claims, read the way PIL.Image.open does but without its
    size check (so nothing but the header is read)."""
    from PIL import Image

    Image.init()
    try:
        with path.open("rb") as file:
            prefix = file.read(_HEADER_BYTES)
            for name in Image.ID:
                factory, accept = Image.OPEN[name]
                accepted = accept is None or accept(prefix)
                if not accepted or isinstance(accepted, str):
                    continue
                file.seek(0)
                try:
                    return factory(file, path.name).size
                except _DAMAGED:
                    continue
    except OSError:
        return None
    return None


def _file_size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def describe_decoded(decoded: DecodedImage) -> str:
    """The preview bar's summary, e.g. "1024 × 768 · PNG · 1.2 MB"."""
    parts = [f"{decoded.source_width} × {decoded.source_height}", decoded.format.upper()]
    if decoded.file_size is not None:
        parts.append(human_size(decoded.file_size))
    return " · ".join(part for part in parts if part)
