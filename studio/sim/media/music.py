"""Deterministic little songs: chords, bass, arpeggio, melody and drums, chosen from the prompt.

One phrase (two passes of a four-chord progression) is synthesised per layer, then whole songs
are tiled from a few mixes of those layers (intro, groove, full, breakdown, outro), so even ten
minutes cost about as much as a single phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from studio.sim.media.palette import words_of
from studio.sim.media.params import rng_for
from studio.sim.media.synth import DrumKit, Note, Voice, add_note, drums

_MAJOR = (0, 2, 4, 5, 7, 9, 11)
_MINOR = (0, 2, 3, 5, 7, 8, 10)
_MAJOR_PROGRESSIONS = ((0, 4, 5, 3), (0, 5, 3, 4), (0, 3, 4, 3), (5, 3, 0, 4))
_MINOR_PROGRESSIONS = ((0, 5, 2, 6), (0, 3, 4, 0), (0, 6, 5, 6), (0, 3, 6, 4))
_SAD = {
    "sad",
    "dark",
    "melancholy",
    "melancholic",
    "minor",
    "night",
    "rain",
    "lonely",
    "moody",
    "ominous",
    "epic",
    "mysterious",
    "cinematic",
    "tense",
    "horror",
    "noir",
    "somber",
}
_HAPPY = {
    "happy",
    "upbeat",
    "bright",
    "joyful",
    "sunny",
    "cheerful",
    "uplifting",
    "summer",
    "major",
    "fun",
    "playful",
    "funky",
    "party",
    "sunrise",
}
_CALM = {"ambient", "calm", "meditation", "sleep", "drone", "peaceful", "relaxing"}
_DANCE = {"house", "techno", "edm", "dance", "disco", "club", "trance"}
_TEMPO_RANGES = (
    ({"lo-fi", "lofi", "chill", "hop"}, 72, 92),
    (_CALM, 60, 76),
    (_DANCE, 118, 128),
    ({"rock", "punk", "metal"}, 110, 150),
)
PHRASE_BARS = 8


@dataclass(frozen=True)
class Style:
    tempo: float
    root: int  # MIDI note of the key's bass root
    scale: tuple[int, ...]
    progression: tuple[int, ...]
    kit: DrumKit | None
    crackle: bool


def plan_style(prompt: str, seed: int) -> Style:
    rng = rng_for(seed, "music-style")
    words = set(words_of(prompt))
    sad, happy = len(words & _SAD), len(words & _HAPPY)
    minor = sad > happy or (sad == happy and bool(rng.integers(2)))
    progressions = _MINOR_PROGRESSIONS if minor else _MAJOR_PROGRESSIONS
    kit = None if words & _CALM else DrumKit(four_on_floor=bool(words & _DANCE))
    return Style(
        tempo=_tempo(prompt, words, rng),
        root=int(rng.integers(40, 52)),
        scale=_MINOR if minor else _MAJOR,
        progression=progressions[int(rng.integers(len(progressions)))],
        kit=kit,
        crackle=bool(words & {"lo-fi", "lofi", "vinyl", "crackle", "retro", "vintage"}),
    )


def _tempo(prompt: str, words: set[str], rng: np.random.Generator) -> float:
    stated = re.search(r"(\d{2,3})\s*bpm", prompt.lower())
    if stated:
        return float(min(180, max(50, int(stated.group(1)))))
    for keys, low, high in _TEMPO_RANGES:
        if words & keys:
            return float(rng.integers(low, high + 1))
    return float(rng.integers(76, 125))


def synthesize(prompt: str, seed: int, seconds: float, rate: int) -> np.ndarray:
    """Exactly round(seconds * rate) mono float32 samples in -1..1."""
    style = plan_style(prompt, seed)
    total = max(1, round(seconds * rate))
    layers = _phrase_layers(style, seed, rate)
    phrase = len(layers["pad"])
    count = -(-total // phrase)
    mixes: dict[str, np.ndarray] = {}
    song = np.empty(total, dtype=np.float32)
    for index in range(count):
        kind = _section(index, count)
        if kind not in mixes:
            mixes[kind] = _mix(layers, kind)
        start = index * phrase
        song[start : start + phrase] = mixes[kind][: total - start]
    _fade(song, rate)
    peak = max(float(np.abs(m).max()) for m in mixes.values())
    song *= 0.89 / max(peak, 1e-6)
    return song


def _section(index: int, count: int) -> str:
    if count <= 1:
        return "full"
    if index == 0:
        return "intro"
    if index == count - 1 and count > 2:
        return "outro"
    return ("groove", "full", "full", "breakdown")[(index - 1) % 4]


_SECTION_GAINS = {  # pad, bass, arp, melody, drums, crackle
    "intro": (1.0, 0.0, 0.7, 0.0, 0.0, 1.0),
    "groove": (0.8, 1.0, 0.8, 0.0, 1.0, 1.0),
    "full": (0.8, 1.0, 0.7, 1.0, 1.0, 1.0),
    "breakdown": (1.0, 0.5, 0.0, 1.0, 0.0, 1.0),
    "outro": (1.0, 0.6, 0.5, 0.7, 0.0, 1.0),
}
_LAYER_NAMES = ("pad", "bass", "arp", "melody", "drums", "crackle")


def _mix(layers: dict[str, np.ndarray], kind: str) -> np.ndarray:
    mix = np.zeros_like(layers["pad"])
    for name, gain in zip(_LAYER_NAMES, _SECTION_GAINS[kind], strict=True):
        if gain:
            mix += layers[name] * gain
    return mix


def _fade(song: np.ndarray, rate: int) -> None:
    fade_in = min(len(song) // 4, int(rate * 0.05))
    fade_out = min(len(song) // 4, int(rate * 1.5))
    if fade_in:
        song[:fade_in] *= np.linspace(0.0, 1.0, fade_in, dtype=np.float32)
    if fade_out:
        song[-fade_out:] *= np.linspace(1.0, 0.0, fade_out, dtype=np.float32)


def _phrase_layers(style: Style, seed: int, rate: int) -> dict[str, np.ndarray]:
    beat = 60.0 / style.tempo
    length = round(PHRASE_BARS * 4 * beat * rate)
    layers = {name: np.zeros(length, dtype=np.float32) for name in _LAYER_NAMES}
    melody_rng = rng_for(seed, "melody")
    for bar in range(PHRASE_BARS):
        degree = style.progression[bar % len(style.progression)]
        start = bar * 4 * beat
        chord = [_note(style, degree + step) for step in (0, 2, 4, 6)]
        for note in chord[:3]:
            add_note(layers["pad"], rate, Note(start, 4 * beat, note + 12, Voice.PAD, 0.16))
        _bass_bar(layers["bass"], rate, start, beat, chord[0] - 12)
        _arp_bar(layers["arp"], rate, start, beat, chord)
        _melody_bar(
            layers["melody"], rate, Note(start, beat, degree, Voice.LEAD, 0.14), style, melody_rng
        )
    if style.kit is not None:
        drums(layers["drums"], rate, beat, style.kit, rng_for(seed, "drums"))
    if style.crackle:
        _crackle(layers["crackle"], rng_for(seed, "crackle"))
    return layers


def _note(style: Style, degree: int) -> int:
    octave, step = divmod(degree, len(style.scale))
    return style.root + 12 + 12 * octave + style.scale[step]


def _bass_bar(out: np.ndarray, rate: int, start: float, beat: float, note: int) -> None:
    for offset, length in ((0.0, 1.2), (1.5, 0.5), (2.0, 1.0), (3.0, 0.75)):
        add_note(out, rate, Note(start + offset * beat, length * beat, note, Voice.BASS, 0.42))


def _arp_bar(out: np.ndarray, rate: int, start: float, beat: float, chord: list[int]) -> None:
    pattern = (0, 1, 2, 3, 2, 1, 2, 3)
    for step, index in enumerate(pattern):
        add_note(
            out, rate, Note(start + step * beat / 2, beat / 2, chord[index] + 12, Voice.PLUCK, 0.12)
        )


def _melody_bar(
    out: np.ndarray, rate: int, bar: Note, style: Style, rng: np.random.Generator
) -> None:
    """A wandering line over one bar; bar.start/length are the bar's start and beat length and
    bar.pitch is the chord's scale degree."""
    start, beat, degree = bar.start, bar.length, bar.pitch
    position = 0.0
    step = degree + int(rng.choice((0, 2, 4)))
    while position < 4.0:
        length = float(rng.choice((0.5, 1.0, 1.0, 1.5, 2.0)))
        if rng.random() > 0.25:
            pitch = _note(style, step) + 24
            add_note(
                out,
                rate,
                replace(bar, start=start + position * beat, length=length * beat, pitch=pitch),
            )
        step += int(rng.choice((-2, -1, -1, 0, 1, 1, 2)))
        step = min(max(step, degree - 3), degree + 7)
        position += length


def _crackle(out: np.ndarray, rng: np.random.Generator) -> None:
    out += rng.normal(0.0, 0.004, len(out)).astype(np.float32)
    clicks = rng.integers(0, len(out), len(out) // 2500)
    out[clicks] += rng.uniform(-0.25, 0.25, len(clicks)).astype(np.float32)
