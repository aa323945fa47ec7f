"""Tiny numpy instruments: enveloped notes of a few timbres, and a kick/snare/hat drum kit."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np


class Voice(StrEnum):
    PAD = "pad"
    BASS = "bass"
    PLUCK = "pluck"
    LEAD = "lead"


@dataclass(frozen=True)
class DrumKit:
    four_on_floor: bool = False


def frequency(note: int) -> float:
    return float(440.0 * 2.0 ** ((note - 69) / 12))


@dataclass(frozen=True)
class Note:
    start: float  # seconds
    length: float  # seconds, before the release tail
    pitch: int  # MIDI note number
    voice: Voice
    gain: float


def add_note(out: np.ndarray, rate: int, note: Note) -> None:
    """Mix one note (start and length in seconds) into out, clipped to its end."""
    first = round(note.start * rate)
    tail = 0.25 if note.voice is Voice.PAD else 0.1
    count = min(round((note.length + tail) * rate), len(out) - first)
    if count <= 0:
        return
    t = np.arange(count, dtype=np.float32) / rate
    wave = _waveform(note.voice, frequency(note.pitch), t)
    out[first : first + count] += wave * _envelope(note.voice, t, note.length) * note.gain


def _waveform(voice: Voice, hz: float, t: np.ndarray) -> np.ndarray:
    phase = (2 * np.pi * hz) * t
    if voice is Voice.PAD:
        detuned = phase * 1.004
        saw = sum(np.sin(phase * k) / k + np.sin(detuned * k) / k for k in range(1, 5))
        return np.asarray(saw, dtype=np.float32) * 0.35
    if voice is Voice.BASS:
        return np.sin(phase) + 0.3 * np.sin(2 * phase) + 0.1 * np.sin(3 * phase)
    if voice is Voice.PLUCK:
        return np.sin(phase) + np.sin(3 * phase) / 9 + np.sin(2 * phase) * 0.2
    vibrato = 0.004 * np.sin(2 * np.pi * 5.5 * t) * hz * 2 * np.pi / 5.5
    return np.sin(phase + vibrato) + 0.15 * np.sin(2 * phase)


def _envelope(voice: Voice, t: np.ndarray, length: float) -> np.ndarray:
    release = np.clip(1.0 - (t - length) / 0.1, 0.0, 1.0)
    if voice is Voice.PAD:
        attack = np.clip(t / 0.35, 0.0, 1.0)
        return attack * np.clip(1.0 - (t - length) / 0.25, 0.0, 1.0)
    attack = np.clip(t / 0.005, 0.0, 1.0)
    decay = {Voice.BASS: 0.45, Voice.PLUCK: 0.2, Voice.LEAD: 0.6}[voice]
    return attack * np.exp(-t / decay) * release


def drums(out: np.ndarray, rate: int, beat: float, kit: DrumKit, rng: np.random.Generator) -> None:
    """A kick/snare/hat pattern across the whole buffer."""
    kick = _kick(rate)
    snare = _snare(rate, rng)
    hat = _hat(rate, rng)
    beats = int(len(out) / rate / beat)
    for index in range(beats):
        at = index * beat
        in_bar = index % 4
        if kit.four_on_floor or in_bar in (0, 2):
            _place(out, kick, round(at * rate))
        if in_bar == 2 and not kit.four_on_floor:
            _place(out, kick, round((at + beat * 0.5) * rate), 0.6)
        if in_bar in (1, 3):
            _place(out, snare, round(at * rate))
        _place(out, hat, round(at * rate), 0.5)
        _place(out, hat, round((at + beat / 2) * rate), 0.8)


def _place(out: np.ndarray, sound: np.ndarray, first: int, gain: float = 1.0) -> None:
    count = min(len(sound), len(out) - first)
    if count > 0:
        out[first : first + count] += sound[:count] * gain


def _kick(rate: int) -> np.ndarray:
    t = np.arange(round(0.35 * rate), dtype=np.float32) / rate
    sweep = 2 * np.pi * (50 * t + 100 * 0.04 * (1 - np.exp(-t / 0.04)))
    return (np.sin(sweep) * np.exp(-t / 0.22) * 0.8).astype(np.float32)


def _snare(rate: int, rng: np.random.Generator) -> np.ndarray:
    t = np.arange(round(0.25 * rate), dtype=np.float32) / rate
    noise = rng.uniform(-1.0, 1.0, len(t)).astype(np.float32)
    body = np.sin(2 * np.pi * 185 * t) * np.exp(-t / 0.06)
    return (noise * np.exp(-t / 0.09) * 0.35 + body * 0.3).astype(np.float32)


def _hat(rate: int, rng: np.random.Generator) -> np.ndarray:
    t = np.arange(round(0.06 * rate), dtype=np.float32) / rate
    noise = rng.uniform(-1.0, 1.0, len(t) + 1).astype(np.float32)
    bright = np.diff(noise)  # a first difference is a crude high-pass: hats are all treble
    return (bright * np.exp(-t / 0.015) * 0.09).astype(np.float32)
