"""Choosing colours and a landscape kind from the words of a prompt."""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

RGB = tuple[int, int, int]


class Terrain(StrEnum):
    HILLS = "hills"
    MOUNTAINS = "mountains"
    WAVES = "waves"
    CITY = "city"


@dataclass(frozen=True)
class Palette:
    sky: tuple[RGB, RGB, RGB]  # top, middle, horizon
    sun: RGB
    land: tuple[RGB, RGB, RGB, RGB]  # far → near
    accents: tuple[RGB, ...]
    night: bool = False


_PALETTES: dict[str, Palette] = {
    "sunset": Palette(
        ((44, 34, 84), (214, 92, 96), (255, 183, 107)),
        (255, 236, 186),
        ((168, 84, 116), (118, 52, 96), (72, 32, 74), (36, 18, 46)),
        ((255, 200, 120), (255, 140, 120), (255, 230, 170)),
    ),
    "ocean": Palette(
        ((8, 38, 86), (34, 112, 172), (160, 220, 232)),
        (244, 252, 255),
        ((54, 140, 186), (30, 104, 160), (16, 72, 128), (8, 42, 88)),
        ((180, 235, 255), (120, 200, 240), (230, 250, 255)),
    ),
    "forest": Palette(
        ((28, 64, 74), (104, 156, 132), (232, 226, 172)),
        (255, 246, 200),
        ((92, 138, 108), (56, 106, 80), (32, 76, 56), (14, 44, 34)),
        ((220, 240, 160), (255, 230, 150), (190, 230, 200)),
    ),
    "neon": Palette(
        ((8, 6, 28), (46, 20, 96), (206, 52, 156)),
        (250, 240, 255),
        ((84, 30, 128), (52, 18, 92), (28, 10, 58), (12, 6, 30)),
        ((0, 236, 255), (255, 64, 200), (250, 230, 90)),
        night=True,
    ),
    "night": Palette(
        ((4, 8, 26), (18, 36, 82), (72, 98, 150)),
        (240, 244, 255),
        ((40, 56, 96), (26, 38, 72), (16, 24, 50), (8, 12, 28)),
        ((200, 220, 255), (255, 236, 180), (150, 180, 255)),
        night=True,
    ),
    "dawn": Palette(
        ((118, 148, 218), (238, 180, 202), (255, 228, 198)),
        (255, 250, 236),
        ((196, 156, 194), (164, 124, 174), (124, 92, 144), (86, 62, 112)),
        ((255, 220, 236), (255, 245, 210), (210, 200, 255)),
    ),
    "mist": Palette(
        ((112, 132, 164), (188, 202, 220), (238, 242, 246)),
        (255, 255, 250),
        ((176, 190, 208), (142, 158, 182), (104, 120, 150), (66, 80, 108)),
        ((255, 255, 255), (220, 232, 255), (255, 244, 230)),
    ),
    "earth": Palette(
        ((66, 88, 138), (222, 152, 102), (252, 216, 164)),
        (255, 242, 210),
        ((204, 126, 84), (162, 92, 62), (120, 64, 44), (78, 40, 30)),
        ((255, 214, 150), (255, 180, 120), (255, 236, 200)),
    ),
}

WATER_WORDS = (
    "ocean",
    "sea",
    "water",
    "whale",
    "pool",
    "swim",
    "swimming",
    "underwater",
    "lake",
    "beach",
    "surf",
    "wave",
    "waves",
    "octopus",
    "river",
    "rain",
)

_MOOD_WORDS: dict[str, tuple[str, ...]] = {
    "sunset": ("sunset", "dusk", "evening", "fire", "warm", "autumn", "sunrise", "golden", "amber"),
    "ocean": (
        *WATER_WORDS,
        "fish",
        "blue",
        "ice",
    ),
    "forest": (
        "forest",
        "pine",
        "moss",
        "jungle",
        "garden",
        "leaves",
        "tree",
        "trees",
        "green",
        "meadow",
        "field",
        "grass",
        "nature",
        "spring",
        "valley",
    ),
    "neon": (
        "neon",
        "cyber",
        "cyberpunk",
        "club",
        "synth",
        "synthwave",
        "rave",
        "city",
        "market",
        "disco",
        "electric",
    ),
    "night": (
        "night",
        "moon",
        "moonlight",
        "star",
        "stars",
        "space",
        "galaxy",
        "midnight",
        "dark",
        "lonely",
    ),
    "dawn": (
        "dawn",
        "morning",
        "flower",
        "flowers",
        "pink",
        "soft",
        "pastel",
        "dream",
        "dreamy",
        "cherry",
        "smile",
        "smiles",
        "kitten",
        "dog",
        "dances",
    ),
    "mist": ("mist", "misty", "fog", "foggy", "snow", "winter", "cloud", "clouds", "calm", "white"),
    "earth": (
        "clay",
        "dust",
        "desert",
        "ruins",
        "stone",
        "vintage",
        "diner",
        "craftsman",
        "bowl",
        "wood",
        "coffee",
        "lobster",
        "retro",
        "sand",
        "canyon",
        "lo-fi",
        "rhodes",
    ),
}

_TERRAIN_WORDS: dict[Terrain, tuple[str, ...]] = {
    Terrain.WAVES: WATER_WORDS,
    Terrain.CITY: (
        "city",
        "market",
        "street",
        "diner",
        "neon",
        "skyline",
        "room",
        "cyber",
        "cyberpunk",
        "urban",
        "building",
        "buildings",
        "town",
        "cafe",
        "shop",
    ),
    Terrain.MOUNTAINS: (
        "mountain",
        "mountains",
        "peak",
        "peaks",
        "alps",
        "ruins",
        "valley",
        "cliff",
        "canyon",
        "aerial",
        "drone",
        "snow",
        "volcano",
    ),
}

_COLOUR_WORDS: dict[str, RGB] = {
    "red": (226, 60, 64),
    "crimson": (200, 30, 60),
    "orange": (255, 140, 40),
    "yellow": (255, 214, 60),
    "gold": (236, 190, 70),
    "golden": (236, 190, 70),
    "green": (60, 190, 110),
    "emerald": (30, 160, 110),
    "teal": (30, 170, 170),
    "cyan": (40, 210, 230),
    "blue": (50, 110, 230),
    "purple": (140, 70, 200),
    "violet": (150, 90, 230),
    "magenta": (220, 50, 180),
    "pink": (255, 130, 180),
    "turquoise": (60, 210, 200),
    "silver": (200, 206, 216),
}

_TREE_WORDS = ("forest", "pine", "pines", "tree", "trees", "jungle", "woods", "garden")


def words_of(prompt: str) -> list[str]:
    return re.findall(r"[a-z][a-z\-]*", prompt.lower())


def choose_palette(prompt: str, rng: np.random.Generator) -> Palette:
    """The best-matching mood palette (seeded pick when nothing matches), tinted and jittered."""
    words = words_of(prompt)
    scores = {name: sum(w in keys for w in words) for name, keys in _MOOD_WORDS.items()}
    best = max(scores.values())
    names = sorted(_PALETTES) if best == 0 else sorted(n for n, s in scores.items() if s == best)
    palette = _PALETTES[names[int(rng.integers(len(names)))]]
    for word in words:
        if word in _COLOUR_WORDS:
            palette = _tint(palette, _COLOUR_WORDS[word])
            break
    return _jitter(palette, float(rng.uniform(-0.035, 0.035)))


def choose_terrain(prompt: str, rng: np.random.Generator) -> Terrain:
    words = words_of(prompt)
    scores = {terrain: sum(w in keys for w in words) for terrain, keys in _TERRAIN_WORDS.items()}
    best = max(scores, key=lambda terrain: scores[terrain])  # ties: the first listed wins
    if scores[best]:
        return best
    options = (Terrain.HILLS, Terrain.HILLS, Terrain.MOUNTAINS)
    return options[int(rng.integers(len(options)))]


def wants_trees(prompt: str) -> bool:
    return any(w in _TREE_WORDS for w in words_of(prompt))


def wants_mist(prompt: str) -> bool:
    return any(w in ("mist", "misty", "fog", "foggy", "haze", "hazy") for w in words_of(prompt))


def mix(a: RGB, b: RGB, t: float) -> RGB:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _tint(palette: Palette, colour: RGB) -> Palette:
    top, middle, horizon = palette.sky
    return replace(
        palette,
        sky=(top, mix(middle, colour, 0.35), mix(horizon, colour, 0.15)),
        accents=(colour, *palette.accents[1:]),
    )


def _jitter(palette: Palette, hue_shift: float) -> Palette:
    def shift(c: RGB) -> RGB:
        h, s, v = colorsys.rgb_to_hsv(c[0] / 255, c[1] / 255, c[2] / 255)
        r, g, b = colorsys.hsv_to_rgb((h + hue_shift) % 1.0, s, v)
        return round(r * 255), round(g * 255), round(b * 255)

    return replace(
        palette,
        sky=(shift(palette.sky[0]), shift(palette.sky[1]), shift(palette.sky[2])),
        land=(
            shift(palette.land[0]),
            shift(palette.land[1]),
            shift(palette.land[2]),
            shift(palette.land[3]),
        ),
        accents=tuple(shift(c) for c in palette.accents),
    )
