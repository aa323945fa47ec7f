"""Per-frame animation for the simulated videos: camera drift, light sweep, particles, cards."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from studio.sim.media.params import rng_for

if TYPE_CHECKING:
    from studio.sim.media.scene import Scene

# The backdrop is larger than the frame so the camera can drift and zoom over it.
BACKDROP_SCALE = 1.25


@dataclass(frozen=True)
class Particle:
    sprite: Image.Image
    x: float  # start position, fractions of the frame
    y: float
    rise: float  # frame heights travelled over the clip
    sway: float  # horizontal wobble, fraction of the width
    phase: float


@dataclass(frozen=True)
class Camera:
    """A crop window that glides from one place to another while zooming in."""

    start: tuple[float, float]  # window centre, fractions of the backdrop
    end: tuple[float, float]
    zoom_in: float  # how much narrower the last window is than the first

    def window(
        self, t: float, backdrop: tuple[int, int], frame: tuple[int, int]
    ) -> tuple[float, float, float, float]:
        eased = t * t * (3 - 2 * t)
        bw, bh = backdrop
        scale = min(bw / frame[0], bh / frame[1]) / BACKDROP_SCALE * (1 - self.zoom_in * eased)
        w, h = frame[0] * scale, frame[1] * scale
        cx = (self.start[0] + (self.end[0] - self.start[0]) * eased) * bw
        cy = (self.start[1] + (self.end[1] - self.start[1]) * eased) * bh
        x0 = min(max(cx - w / 2, 0.0), bw - w)
        y0 = min(max(cy - h / 2, 0.0), bh - h)
        return x0, y0, x0 + w, y0 + h


def plan_camera(seed: int, zoom_in: float = 0.1) -> Camera:
    rng = rng_for(seed, "camera")
    start = (float(rng.uniform(0.4, 0.6)), float(rng.uniform(0.45, 0.55)))
    end = (float(rng.uniform(0.35, 0.65)), float(rng.uniform(0.45, 0.55)))
    return Camera(start, end, zoom_in)


def glow_sprite(radius: int, tint: tuple[int, int, int], strength: float) -> Image.Image:
    """A soft round RGBA light of this colour."""
    size = 2 * radius + 1
    yy, xx = np.mgrid[0:size, 0:size]
    dist = np.sqrt((xx - radius) ** 2 + (yy - radius) ** 2) / max(radius, 1)
    alpha = np.clip(1.0 - dist, 0.0, 1.0) ** 1.6 * 255 * strength
    rgba = np.zeros((size, size, 4), dtype=np.uint8)
    rgba[..., :3] = tint
    rgba[..., 3] = alpha.astype(np.uint8)
    return Image.fromarray(rgba, "RGBA")


def plan_particles(scene: Scene, frame: tuple[int, int], count: int = 14) -> list[Particle]:
    rng = rng_for(scene.seed, "particles")
    short = min(frame)
    particles = []
    for _ in range(count):
        tint = scene.palette.accents[int(rng.integers(len(scene.palette.accents)))]
        radius = max(2, int(rng.uniform(0.01, 0.05) * short))
        particles.append(
            Particle(
                sprite=glow_sprite(radius, tint, float(rng.uniform(0.25, 0.6))),
                x=float(rng.uniform(0.0, 1.0)),
                y=float(rng.uniform(0.2, 1.1)),
                rise=float(rng.uniform(0.1, 0.45)),
                sway=float(rng.uniform(0.005, 0.03)),
                phase=float(rng.uniform(0, 2 * math.pi)),
            )
        )
    return particles


def draw_particles(frame: Image.Image, particles: list[Particle], t: float, seconds: float) -> None:
    """Particles drifting upwards and swaying, on an RGBA frame in place."""
    for p in particles:
        x = (p.x + p.sway * math.sin(p.phase + t * seconds * 1.3)) * frame.width
        y = (p.y - p.rise * t) * frame.height
        half = p.sprite.width // 2
        _composite(frame, p.sprite, round(x) - half, round(y) - half)


def light_band(frame: tuple[int, int], tint: tuple[int, int, int]) -> Image.Image:
    """A soft diagonal band of light twice the frame wide, slid across the frame over time."""
    width, height = frame
    xx = np.arange(2 * width, dtype=np.float32)[None, :]
    yy = np.arange(height, dtype=np.float32)[:, None]
    offset = (xx - width - (yy - height / 2) * 0.5) / (width * 0.18)
    alpha = np.exp(-(offset**2)) * 70
    rgba = np.zeros((height, 2 * width, 4), dtype=np.uint8)
    rgba[..., :3] = tint
    rgba[..., 3] = alpha.astype(np.uint8)
    return Image.fromarray(rgba, "RGBA")


def draw_light(frame: Image.Image, band: Image.Image, t: float) -> None:
    shift = round((1.0 - t) * frame.width * 1.6 - frame.width * 0.3)
    _composite(frame, band, shift - band.width // 2, 0)


def draw_cards(frame: Image.Image, cards: list[Image.Image], t: float, seconds: float) -> None:
    """Reference cards gliding slowly across the frame with a gentle bob."""
    count = len(cards)
    for index, card in enumerate(cards):
        lane = (index + 0.5) / count
        x = frame.width * (0.08 + 0.84 * lane) - card.width / 2 + (t - 0.5) * frame.width * 0.08
        bob = math.sin(t * seconds * 1.1 + index * 1.7) * frame.height * 0.015
        y = frame.height * 0.16 + bob + (index % 2) * frame.height * 0.06
        _composite(frame, card, round(x), round(y))


def _composite(frame: Image.Image, sprite: Image.Image, x: int, y: int) -> None:
    """alpha_composite that tolerates sprites hanging off any edge."""
    left, top = max(0, -x), max(0, -y)
    right = min(sprite.width, frame.width - x)
    bottom = min(sprite.height, frame.height - y)
    if left >= right or top >= bottom:
        return
    frame.alpha_composite(sprite, (x + left, y + top), (left, top, right, bottom))
