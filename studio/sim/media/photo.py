"""Using input pictures: palette-tinted versions of a photo, and framed reference cards."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageOps

from studio.sim.media.scene import FloatImage, Scene, colour

# How much of the palette's gradient map replaces the photo's own colours.
STYLE_STRENGTH = 0.5


def fitted(photo: Image.Image, width: int, height: int) -> Image.Image:
    """The photo scaled and centre-cropped to cover exactly width x height."""
    return ImageOps.fit(photo, (width, height), Image.Resampling.BILINEAR)


def stylised(photo: Image.Image, scene: Scene, strength: float = STYLE_STRENGTH) -> FloatImage:
    """The photo with its tones mapped onto the scene palette (shadows → land, lights → sky)."""
    pixels = np.asarray(photo.convert("RGB"), dtype=np.float32)
    luminance = pixels @ np.asarray([0.299, 0.587, 0.114], dtype=np.float32) / 255.0
    stops = [0.0, 0.35, 0.7, 1.0]
    palette = scene.palette
    tones = [
        colour(palette.land[3]),
        colour(palette.land[1]),
        colour(palette.sky[1]),
        colour(palette.sun),
    ]
    mapped = np.stack(
        [np.interp(luminance, stops, [t[c] for t in tones]) for c in range(3)], axis=-1
    ).astype(np.float32)
    return pixels * (1.0 - strength) + mapped * strength


def tinted(photo: Image.Image, scene: Scene, width: int, height: int) -> FloatImage:
    """The photo covering the frame, stylised, with the scene's light glowing over it."""
    image = stylised(fitted(photo, width, height), scene)
    yy, xx = np.ogrid[0:height, 0:width]
    dist = np.sqrt((xx - scene.sun_x * width) ** 2 + (yy - scene.sun_y * height) ** 2)
    glow = 0.35 * np.exp(-((dist / (0.45 * max(width, height))) ** 2)).astype(np.float32)
    image += (colour(scene.palette.sun) - image) * glow[..., None]
    return image


def card(photo: Image.Image, side: int) -> Image.Image:
    """A photo as a white-framed RGBA card with a soft shadow, about side pixels wide."""
    inner = max(8, side - side // 10)
    thumb = ImageOps.fit(photo.convert("RGB"), (inner, inner * 4 // 5), Image.Resampling.BILINEAR)
    border = max(2, side // 40)
    framed = ImageOps.expand(thumb, border=border, fill=(250, 248, 244))
    pad = max(3, side // 18)
    shadow_size = (framed.width + 2 * pad, framed.height + 2 * pad)
    result = Image.new("RGBA", shadow_size, (0, 0, 0, 0))
    shadow = Image.new("L", shadow_size, 0)
    ImageDraw.Draw(shadow).rectangle(
        (pad, pad + pad // 2, pad + framed.width, pad + framed.height + pad // 2), fill=110
    )
    shadow = shadow.filter(ImageFilter.GaussianBlur(pad / 2))
    result.paste((0, 0, 0, 255), (0, 0), shadow)
    result.paste(framed, (pad, pad))
    return result


def paste_cards(image: Image.Image, photos: list[Image.Image]) -> None:
    """Extra input pictures as a column of cards along the top-right edge, in place."""
    if not photos:
        return
    side = max(24, min(image.width, image.height) // 4)
    x = image.width - side - side // 6
    y = side // 6
    for photo in photos[:4]:
        framed = card(photo, side)
        image.paste(framed, (x, y), framed)
        y += framed.height - side // 12
        if y + side // 2 > image.height:
            break
