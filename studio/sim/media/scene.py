"""A generative landscape plan and its sky: gradient, sun or moon with glow, stars."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from studio.sim.media.palette import (
    Palette,
    Terrain,
    choose_palette,
    choose_terrain,
    wants_mist,
    wants_trees,
)
from studio.sim.media.params import rng_for

FloatImage = np.ndarray  # H x W x 3 float32 in 0..255


@dataclass(frozen=True)
class Scene:
    """Everything random about a picture, fixed once from prompt and seed."""

    seed: int
    palette: Palette
    terrain: Terrain
    trees: bool
    mist: bool
    horizon: float  # fraction of the height
    sun_x: float  # fractions of width / height
    sun_y: float
    sun_radius: float  # fraction of the short side


def plan_scene(prompt: str, seed: int) -> Scene:
    rng = rng_for(seed, "scene")
    palette = choose_palette(prompt, rng)
    terrain = choose_terrain(prompt, rng)
    horizon = float(rng.uniform(0.56, 0.68))
    return Scene(
        seed=seed,
        palette=palette,
        terrain=terrain,
        trees=wants_trees(prompt),
        mist=wants_mist(prompt),
        horizon=horizon,
        sun_x=float(rng.uniform(0.18, 0.82)),
        sun_y=float(horizon - rng.uniform(0.12, 0.3)),
        sun_radius=float(rng.uniform(0.07, 0.12)),
    )


def colour(rgb: tuple[int, int, int]) -> np.ndarray:
    return np.asarray(rgb, dtype=np.float32)


def render_sky(scene: Scene, width: int, height: int) -> FloatImage:
    """The sky for the whole frame (the land layers cover its lower part)."""
    top, middle, horizon = (colour(c) for c in scene.palette.sky)
    ys = np.linspace(0.0, 1.0, height, dtype=np.float32)
    stops = [0.0, scene.horizon * 0.55, scene.horizon, 1.0]
    column = np.stack(
        [np.interp(ys, stops, [top[c], middle[c], horizon[c], horizon[c]]) for c in range(3)],
        axis=-1,
    ).astype(np.float32)
    sky = np.repeat(column[:, None, :], width, axis=1)
    _add_sun(sky, scene)
    if scene.palette.night:
        _add_stars(sky, scene)
    return sky


def _sun_geometry(scene: Scene, width: int, height: int) -> tuple[float, float, float]:
    short = min(width, height)
    return scene.sun_x * width, scene.sun_y * height, max(2.0, scene.sun_radius * short)


def _add_sun(sky: FloatImage, scene: Scene) -> None:
    height, width = sky.shape[:2]
    cx, cy, radius = _sun_geometry(scene, width, height)
    yy, xx = np.ogrid[0:height, 0:width]
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2, dtype=np.float32)
    scale = max(width, height)
    glow = 0.55 * np.exp(-((dist / (0.32 * scale)) ** 2)) + 0.45 * np.exp(
        -((dist / (radius * 2.2)) ** 2)
    )
    sun = colour(scene.palette.sun)
    glow_strength = 0.5 if scene.palette.night else 0.85
    sky += (sun - sky) * (glow_strength * glow)[..., None]
    disc = np.clip(radius - dist + 0.5, 0.0, 1.0)
    if scene.palette.night:
        # A crescent: the disc minus a shifted disc of sky.
        shadow_dist = np.sqrt((xx - cx - radius * 0.45) ** 2 + (yy - cy + radius * 0.2) ** 2)
        disc = disc * (1.0 - 0.85 * np.clip(radius * 0.92 - shadow_dist + 0.5, 0.0, 1.0))
    sky += (sun - sky) * disc[..., None]


def _add_stars(sky: FloatImage, scene: Scene) -> None:
    height, width = sky.shape[:2]
    rng = rng_for(scene.seed, "stars", width, height)
    count = width * height // 900
    xs = rng.integers(0, width, count)
    ys = (rng.random(count) ** 1.6 * scene.horizon * height).astype(np.int64)
    brightness = (rng.random(count) ** 3 * 200 + 40).astype(np.float32)
    np.add.at(sky, (ys, xs), brightness[:, None])
    bright = brightness > 150
    for dy, dx in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        ny = np.clip(ys[bright] + dy, 0, height - 1)
        nx = np.clip(xs[bright] + dx, 0, width - 1)
        np.add.at(sky, (ny, nx), (brightness[bright] * 0.35)[:, None])
    np.clip(sky, 0, 255, out=sky)
