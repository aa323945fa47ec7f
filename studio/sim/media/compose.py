"""A finished still composition: sky, land layers, mist, reflections, bokeh, vignette, grain."""

from __future__ import annotations

import numpy as np

from studio.sim.media.land import LAYERS, land_layer
from studio.sim.media.palette import Terrain
from studio.sim.media.params import rng_for
from studio.sim.media.scene import FloatImage, Scene, colour, render_sky


def render_landscape(scene: Scene, width: int, height: int) -> FloatImage:
    """The full landscape without lens effects (the video reuses this as its backdrop)."""
    image = render_sky(scene, width, height)
    for index in range(LAYERS):
        rgb, alpha = land_layer(scene, index, width, height)
        image += (rgb - image) * alpha[..., None]
        if scene.mist and index < LAYERS - 1:
            _add_mist_band(image, scene, index)
    if scene.terrain is Terrain.WAVES:
        _add_sun_glitter(image, scene)
    return image


def finish(
    image: FloatImage, scene: Scene, *, bokeh: bool = True, grain: float = 3.0
) -> np.ndarray:
    """Lens effects on a float image, returned as H x W x 3 uint8."""
    if bokeh:
        add_bokeh(image, scene)
    _vignette(image)
    if grain > 0:
        rng = rng_for(scene.seed, "grain", image.shape[0], image.shape[1])
        image += rng.normal(0.0, grain, image.shape[:2]).astype(np.float32)[..., None]
    finished: np.ndarray = np.clip(image, 0, 255).astype(np.uint8)
    return finished


def add_bokeh(image: FloatImage, scene: Scene, count: int | None = None) -> None:
    """Soft out-of-focus discs in the accent colours, brighter on night scenes."""
    height, width = image.shape[:2]
    rng = rng_for(scene.seed, "bokeh", width, height)
    short = min(width, height)
    total = count if count is not None else (26 if scene.palette.night else 14)
    for _ in range(total):
        radius = float(rng.uniform(0.012, 0.06)) * short
        cx = float(rng.uniform(0, width))
        cy = float(rng.uniform(0, height * (0.9 if scene.palette.night else scene.horizon)))
        strength = float(rng.uniform(0.08, 0.3 if scene.palette.night else 0.2))
        tint = colour(scene.palette.accents[int(rng.integers(len(scene.palette.accents)))])
        soft_disc(image, (cx, cy), radius, tint=tint, strength=strength)


def soft_disc(
    image: FloatImage,
    centre: tuple[float, float],
    radius: float,
    *,
    tint: np.ndarray,
    strength: float,
) -> None:
    """Screen a disc with a soft edge and a faint brighter rim onto the image, in place."""
    cx, cy = centre
    height, width = image.shape[:2]
    x0, x1 = max(0, int(cx - radius - 2)), min(width, int(cx + radius + 3))
    y0, y1 = max(0, int(cy - radius - 2)), min(height, int(cy + radius + 3))
    if x0 >= x1 or y0 >= y1:
        return
    yy, xx = np.ogrid[y0:y1, x0:x1]
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2)
    edge = max(1.5, radius * 0.12)
    disc = np.clip((radius - dist) / edge, 0.0, 1.0)
    rim = np.exp(-(((dist - radius * 0.9) / edge) ** 2)) * 0.5
    alpha = (np.clip(disc * 0.8 + rim, 0.0, 1.0) * strength).astype(np.float32)
    patch = image[y0:y1, x0:x1]
    patch += (255.0 - (255.0 - patch) * (255.0 - tint) / 255.0 - patch) * alpha[..., None]


def _add_mist_band(image: FloatImage, scene: Scene, index: int) -> None:
    height = image.shape[0]
    below = 1.0 - scene.horizon
    centre = (scene.horizon + below * (0.1 + 0.24 * index)) * height
    rows = np.arange(height, dtype=np.float32)
    band = 0.45 * np.exp(-(((rows - centre) / (height * 0.07)) ** 2))
    image += (colour(scene.palette.sky[2]) - image) * band[:, None, None]


def _add_sun_glitter(image: FloatImage, scene: Scene) -> None:
    """A shimmering column of light on the water under the sun."""
    height, width = image.shape[:2]
    top = int(scene.horizon * height)
    if top >= height:
        return
    yy, xx = np.ogrid[top:height, 0:width]
    spread = width * (0.04 + 0.1 * (yy - top) / max(1, height - top))
    column = np.exp(-(((xx - scene.sun_x * width) / spread) ** 2))
    wobble = np.sin(xx * 0.031 + yy * 0.07) * 2.5 + np.sin(xx * 0.013 - yy * 0.05) * 2.0
    ripples = np.clip(np.sin(yy * 0.45 + wobble) * 3.0 - 2.0, 0.0, 1.0)
    alpha = (column * ripples * 0.45).astype(np.float32)
    region = image[top:]
    region += (colour(scene.palette.sun) - region) * alpha[..., None]


def _vignette(image: FloatImage) -> None:
    height, width = image.shape[:2]
    yy = np.linspace(-1.0, 1.0, height, dtype=np.float32)[:, None]
    xx = np.linspace(-1.0, 1.0, width, dtype=np.float32)[None, :]
    image *= (1.0 - 0.22 * (xx**2 + yy**2) / 2.0)[..., None]
