"""Image endpoints: sized, seeded generative posters, or stylised input images in edit mode.

Pixel sizes follow the request (aspect_ratio + resolution, or image_size presets / {width, height})
but the long side is capped at LONG_SIDE_CAP so a "4K" request stays fast; the ratio is kept exact
(e.g. 4K 16:9 → 1536 x 864).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

import numpy as np
from PIL import Image

from studio.sim.media.compose import finish, render_landscape
from studio.sim.media.inputs import load_images
from studio.sim.media.params import (
    MEDIA_URL_FIELDS,
    derive_seed,
    first_media_urls,
    fit_ratio,
    parse_ratio,
    prompt_text,
    reduce_ratio,
    stable_hash,
    user_seed,
)
from studio.sim.media.photo import paste_cards, tinted
from studio.sim.media.results import Generated, RenderedFile
from studio.sim.media.scene import plan_scene
from studio.sim.media.text import draw_caption

LONG_SIDE_CAP = 1536
DEFAULT_LONG_SIDE = 1024
MAX_IMAGES = 4
RESOLUTION_LONG_SIDE = {"0.5K": 512, "1K": 1024, "2K": 2048, "4K": 4096}
SIZE_PRESETS = {
    "square_hd": (1024, 1024),
    "square": (512, 512),
    "portrait_4_3": (768, 1024),
    "portrait_16_9": (576, 1024),
    "landscape_4_3": (1024, 768),
    "landscape_16_9": (1024, 576),
}
_FORMATS = {  # output_format → (Pillow format, content type, extension)
    "png": ("PNG", "image/png", "png"),
    "jpeg": ("JPEG", "image/jpeg", "jpg"),
    "webp": ("WEBP", "image/webp", "webp"),
}
_QUALITY = {"low": 78, "medium": 86, "high": 92}


def generate_images(
    entry: Mapping[str, Any], inputs: Mapping[str, Any], media: Mapping[str, bytes]
) -> Generated:
    photos = load_images(media, first_media_urls(inputs, MEDIA_URL_FIELDS))
    width, height = output_size(inputs, photos[0] if photos else None)
    seed = derive_seed(entry, inputs)
    count = _image_count(inputs.get("num_images"))
    files = []
    for index in range(count):
        image_seed = seed if index == 0 else stable_hash([seed, "image", index])
        picture = render_picture(entry, inputs, image_seed, (width, height), photos)
        files.append(encode_image(picture, inputs))
    return Generated(files=tuple(files), extra_output={})


def output_size(inputs: Mapping[str, Any], reference: Image.Image | None) -> tuple[int, int]:
    """The pixel size for this request (after the long-side cap)."""
    if "image_size" in inputs:
        return _image_size(inputs["image_size"], reference)
    ratio = parse_ratio(inputs.get("aspect_ratio"))
    if ratio is None and reference is not None:
        ratio = reduce_ratio(reference.width, reference.height)
    long_side = RESOLUTION_LONG_SIDE.get(str(inputs.get("resolution")), DEFAULT_LONG_SIDE)
    return fit_ratio(ratio or (1, 1), min(long_side, LONG_SIDE_CAP))


def _image_size(value: Any, reference: Image.Image | None) -> tuple[int, int]:
    if isinstance(value, Mapping):
        width, height = value.get("width"), value.get("height")
        if isinstance(width, int) and isinstance(height, int) and width > 0 and height > 0:
            return _capped(width, height)
    if isinstance(value, str) and value in SIZE_PRESETS:
        return SIZE_PRESETS[value]
    if reference is not None:
        ratio = reduce_ratio(reference.width, reference.height) or (1, 1)
        return fit_ratio(ratio, DEFAULT_LONG_SIDE)
    return SIZE_PRESETS["square_hd"]


def _capped(width: int, height: int) -> tuple[int, int]:
    if max(width, height) <= LONG_SIDE_CAP:
        return width, height
    return fit_ratio(reduce_ratio(width, height) or (1, 1), LONG_SIDE_CAP)


def _image_count(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return max(1, min(MAX_IMAGES, value))
    return 1


def caption_label(entry: Mapping[str, Any], inputs: Mapping[str, Any]) -> str:
    name = str(entry.get("name") or entry.get("slug") or "Mountsea")
    seed = user_seed(inputs)
    return f"{name.upper()}  ·  SEED {seed}" if seed is not None else name.upper()


def render_picture(
    entry: Mapping[str, Any],
    inputs: Mapping[str, Any],
    seed: int,
    size: tuple[int, int],
    photos: list[Image.Image],
) -> Image.Image:
    """One finished RGB picture: landscape or stylised photo, lens effects, cards, caption."""
    width, height = size
    prompt = prompt_text(inputs)
    scene = plan_scene(prompt, seed)
    if photos:
        pixels = finish(tinted(photos[0], scene, width, height), scene, grain=2.0)
    else:
        pixels = finish(render_landscape(scene, width, height), scene)
    picture = Image.fromarray(np.ascontiguousarray(pixels), "RGB")
    paste_cards(picture, photos[1:])
    draw_caption(picture, prompt, caption_label(entry, inputs))
    return picture


def encode_image(picture: Image.Image, inputs: Mapping[str, Any]) -> RenderedFile:
    fmt, content_type, extension = _FORMATS.get(str(inputs.get("output_format")), _FORMATS["png"])
    quality = _QUALITY.get(str(inputs.get("quality")), 90)
    buffer = io.BytesIO()
    if fmt == "PNG":
        picture.save(buffer, fmt, compress_level=4)
    elif fmt == "JPEG":
        picture.save(buffer, fmt, quality=quality, optimize=False)
    else:
        picture.save(buffer, fmt, quality=quality, method=4)
    return RenderedFile(
        data=buffer.getvalue(),
        content_type=content_type,
        extension=extension,
        width=picture.width,
        height=picture.height,
    )
