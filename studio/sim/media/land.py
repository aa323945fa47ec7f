"""Layered land silhouettes (hills, mountains, waves, skyline) with haze, rim light and trees."""

from __future__ import annotations

import numpy as np

from studio.sim.media.palette import Terrain, mix
from studio.sim.media.params import rng_for
from studio.sim.media.scene import FloatImage, Scene, colour

LAYERS = 4


def land_layer(scene: Scene, index: int, width: int, height: int) -> tuple[FloatImage, np.ndarray]:
    """Layer `index` (0 = farthest) as colour and alpha (H x W float32 in 0..1)."""
    rng = rng_for(scene.seed, "land", index, scene.terrain)
    ground = _profile(scene, index, width, height, rng)
    outline = ground
    if scene.trees and index >= 1 and scene.terrain is not Terrain.CITY:
        outline = _with_trees(ground, width, height, index, rng)
    yy = np.arange(height, dtype=np.float32)[:, None]
    depth = yy - outline[None, :]
    alpha = np.clip(depth + 0.5, 0.0, 1.0)
    haze = (LAYERS - 1 - index) / (LAYERS - 1) * 0.45
    base = colour(mix(scene.palette.land[index], scene.palette.sky[2], haze))
    # Shading by row only: following the outline would streak every peak and tree downwards.
    shade = 1.0 - 0.3 * np.clip((yy - float(ground.min())) / (height * 0.45), 0.0, 1.0)
    rgb = np.repeat((base[None, :] * shade)[:, None, :], width, axis=1)
    rim = np.exp(-np.clip(depth, 0.0, None) / max(1.5, height / 300)) * 0.35 * alpha
    rgb += (colour(scene.palette.sun) - rgb) * rim[..., None]
    if scene.terrain is Terrain.CITY and index >= 2:
        _add_windows(rgb, depth, scene, index, rng)
    return rgb.astype(np.float32), alpha.astype(np.float32)


def _profile(
    scene: Scene, index: int, width: int, height: int, rng: np.random.Generator
) -> np.ndarray:
    xs = np.linspace(0.0, 1.0, width, dtype=np.float32)
    below = 1.0 - scene.horizon
    if scene.terrain is Terrain.WAVES:
        baseline = scene.horizon + below * (0.02 + 0.28 * index / LAYERS)
        swell = height * 0.004 * (index + 1)
        profile = baseline * height + _sines(xs, rng, (2.0, 5.0), swell)
    elif scene.terrain is Terrain.MOUNTAINS:
        baseline = scene.horizon + below * (0.05 + 0.22 * index)
        amplitude = height * (0.30 - 0.05 * index)
        profile = baseline * height - amplitude * _ridges(xs, rng)
    elif scene.terrain is Terrain.CITY:
        baseline = scene.horizon + below * (0.1 + 0.25 * index)
        profile = baseline * height - _skyline(width, height, index, rng)
    else:
        baseline = scene.horizon + below * (0.08 + 0.24 * index)
        profile = baseline * height + _sines(xs, rng, (0.6, 2.4), height * (0.07 - 0.01 * index))
    return profile.astype(np.float32)


def _sines(
    xs: np.ndarray, rng: np.random.Generator, cycles: tuple[float, float], amplitude: float
) -> np.ndarray:
    total = np.zeros_like(xs)
    for octave in range(3):
        frequency = rng.uniform(*cycles) * (1.8**octave)
        phase = rng.uniform(0, 2 * np.pi)
        total += np.sin(2 * np.pi * frequency * xs + phase) / (1.7**octave)
    return (total * amplitude).astype(np.float32)


def _ridges(xs: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Value noise with linear interpolation: jagged, mountain-like peaks in 0..1."""
    total = np.zeros_like(xs)
    weight = 1.0
    for points in (4, 9, 21, 47):
        knots = rng.random(points + 1)
        total += np.interp(xs, np.linspace(0, 1, points + 1), knots).astype(np.float32) * weight
        weight *= 0.45
    total -= total.min()
    return total / max(float(total.max()), 1e-6)


def _skyline(width: int, height: int, index: int, rng: np.random.Generator) -> np.ndarray:
    heights = np.zeros(width, dtype=np.float32)
    x = 0
    while x < width:
        span = int(rng.uniform(0.03, 0.09) * width) + 1
        tall = rng.uniform(0.04, 0.26 - 0.04 * index) * height
        heights[x : x + span] = tall
        x += span + int(rng.uniform(0.0, 0.015) * width)
    return heights


def _with_trees(
    profile: np.ndarray, width: int, height: int, index: int, rng: np.random.Generator
) -> np.ndarray:
    xs = np.arange(width, dtype=np.float32)
    count = int(rng.integers(6, 14)) * index
    for tree_x in rng.uniform(0, width, count):
        ground = profile[int(tree_x)]
        tall = rng.uniform(0.05, 0.11) * height * (0.5 + 0.25 * index)
        slope = 2.0 * tall / max(tall * 0.55, 1.0)
        profile = np.minimum(profile, ground - tall + np.abs(xs - tree_x) * slope)
    return profile


def _add_windows(
    rgb: FloatImage, depth: np.ndarray, scene: Scene, index: int, rng: np.random.Generator
) -> None:
    height, width = depth.shape
    cell = max(3, width // (140 - 20 * index))
    rows, cols = height // cell + 1, width // cell + 1
    lit_cells = rng.random((rows, cols)) < 0.28
    yy, xx = np.mgrid[0:height, 0:width]
    in_cell = ((xx % cell) < cell * 0.5) & ((yy % cell) < cell * 0.55)
    lit = lit_cells[yy // cell, xx // cell] & in_cell & (depth > cell)
    accent = colour(scene.palette.accents[index % len(scene.palette.accents)])
    rgb[lit] = rgb[lit] * 0.25 + accent * 0.75
