"""Masks for image edits: the source picture to paint over, and the mask as a PNG.

The mask is an 8-bit grey PNG of exactly the source picture's size: white = edit, black = keep
(GPT Image 2 edit ``mask_url``). Blocking: callers run these in a thread. A picture larger than
the painter holds (MAX_MASK_PIXELS) is refused with the reason, before anything is decoded.
Pillow is imported where used: the studio starts without it (issue 12).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from studio.core.media import decode_data_uri

# 24 MP: the picture as RGBA (96 MB), the mask (24 MB) and a bounded undo history fit in memory.
MAX_MASK_PIXELS: Final = 24_000_000
# PIL.UnidentifiedImageError is an OSError.
_DAMAGED: Final = (OSError, SyntaxError, ValueError, EOFError)


class MaskError(ValueError):
    """The picture cannot be painted over (too large, undecodable, not here)."""


@dataclass(frozen=True)
class MaskSource:
    """The picture to paint over as RGBA rows (``width * 4`` bytes each)."""

    pixels: bytes
    width: int
    height: int


def mask_problem(width: int, height: int) -> str | None:
    """Why a picture of this size cannot have a painted mask, or None."""
    if width * height > MAX_MASK_PIXELS:
        return (
            f"The picture is too large to paint a mask on ({width} × {height} pixels; "
            f"at most {MAX_MASK_PIXELS // 1_000_000} megapixels)."
        )
    return None


def load_mask_source(source: str | Path) -> MaskSource:
    """The picture of a media field's value: a local file or a data: URI (never fetched)."""
    if isinstance(source, Path):
        opened: io.BytesIO | Path = source
    elif source.startswith("data:"):
        data = decode_data_uri(source)
        if data is None:
            raise MaskError("The picture in the source field cannot be read.")
        opened = io.BytesIO(data)
    else:
        raise MaskError(
            "The source picture is a link: choose the file or send a library output to paint "
            "a mask over it."
        )
    from PIL import Image, ImageOps

    try:
        with Image.open(opened) as image:
            transposed = image.getexif().get(0x0112) in (5, 6, 7, 8)
            width, height = (image.height, image.width) if transposed else image.size
            problem = mask_problem(width, height)
            if problem is not None:
                raise MaskError(problem)
            upright = ImageOps.exif_transpose(image).convert("RGBA")
    except MaskError:
        raise
    except (Image.DecompressionBombError, MemoryError):
        raise MaskError("The picture is too large to paint a mask on.") from None
    except _DAMAGED as error:
        raise MaskError(f"The source picture cannot be decoded ({error}).") from error
    return MaskSource(upright.tobytes(), upright.width, upright.height)


def mask_png(gray: bytes, width: int, height: int, stride: int | None = None) -> bytes:
    """8-bit grey rows (white = edit, black = keep) as PNG bytes of exactly width × height."""
    stride = stride or width
    if len(gray) < stride * (height - 1) + width:
        raise ValueError("the mask has fewer pixels than its size says")
    from PIL import Image

    image = Image.frombuffer("L", (width, height), gray, "raw", "L", stride, 1)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()
