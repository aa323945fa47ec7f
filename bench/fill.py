"""Synthetic library content for the gallery bench and tests: small real media, many rows."""

from __future__ import annotations

import math
import struct
import wave
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

import av
import numpy as np
from PIL import Image

from studio.core.library import Library
from studio.core.media import build_request, embed_metadata

if TYPE_CHECKING:
    from pathlib import Path

SOURCES: Final = {
    "image": (
        ("google/nano-banana/text-to-image", "nano-banana"),
        ("openai/gpt-image-2/text-to-image", "gpt-image-2"),
    ),
    "video": (("google/veo-3.1/text-to-video", "veo-3.1"), ("alibaba/wan-2.7/image-to-video", "")),
    "audio": (("elevenlabs/elevenlabs-music/music-generate", "eleven-music"),),
}
_SUBJECTS: Final = ("fox", "lighthouse", "city", "forest", "robot", "cat", "river", "mountain")
_STYLES: Final = ("at dusk", "in snow", "watercolour", "neon", "drone shot", "macro", "oil paint")


@dataclass(frozen=True)
class Media:
    """A file inside the library's outputs root and what the library records about it."""

    path: Path
    kind: str
    media_type: str
    width: int | None
    height: int | None
    duration: float | None


def _colour(seed: int) -> tuple[int, int, int]:
    return (seed * 67 % 256, seed * 131 % 256, seed * 29 % 256)


def make_png(path: Path, seed: int, size: tuple[int, int] = (96, 64)) -> Media:
    """A two-colour gradient, distinct per seed."""
    width, height = size
    ramp = np.linspace(0.0, 1.0, width, dtype=np.float32)[None, :, None]
    start = np.array(_colour(seed), dtype=np.float32)
    end = np.array(_colour(seed + 3), dtype=np.float32)
    pixels = (start + (end - start) * ramp).repeat(height, axis=0).astype(np.uint8)
    Image.fromarray(pixels).save(path)
    return Media(path, "image", "image/png", width, height, None)


def make_mp4(path: Path, seed: int, frames: int = 6, size: tuple[int, int] = (96, 64)) -> Media:
    """A tiny H.264 clip at 12 fps: a coloured ground with a moving light bar."""
    width, height = size
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=12)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for index in range(frames):
            rgb = np.empty((height, width, 3), dtype=np.uint8)
            rgb[:] = _colour(seed)
            x = (index * 8 + seed) % width
            rgb[:, x : x + 6] = (240, 240, 200)
            for packet in stream.encode(av.VideoFrame.from_ndarray(rgb, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return Media(path, "video", "video/mp4", width, height, frames / 12)


def make_wav(path: Path, seed: int, seconds: float = 0.4, rate: int = 8000) -> Media:
    """A tone whose loudness swells at a seed-dependent pace."""
    count = round(seconds * rate)
    pace = 1 + seed % 5
    samples = (
        math.sin(2 * math.pi * 330 * i / rate) * abs(math.sin(math.pi * pace * i / count))
        for i in range(count)
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"".join(struct.pack("<h", round(s * 30000)) for s in samples))
    return Media(path, "audio", "audio/wav", None, None, seconds)


def make_media_set(folder: Path, count: int) -> list[Media]:
    """count distinct files, about 60 % images, 25 % videos, 15 % audio."""
    folder.mkdir(parents=True, exist_ok=True)
    media: list[Media] = []
    for seed in range(count):
        slot = seed % 20
        if slot < 12:
            media.append(make_png(folder / f"image-{seed}.png", seed))
        elif slot < 17:
            media.append(make_mp4(folder / f"video-{seed}.mp4", seed))
        else:
            media.append(make_wav(folder / f"audio-{seed}.wav", seed))
    return media


def prompt_for(row: int) -> str:
    return f"a {_SUBJECTS[row % len(_SUBJECTS)]} {_STYLES[row // 3 % len(_STYLES)]} #{row}"


def add_output(library: Library, row: int, media: Media, *, favourite: bool = False) -> int:
    """One succeeded job with one downloaded output; returns the output id."""
    endpoint, model = SOURCES[media.kind][row % len(SOURCES[media.kind])]
    local_id = f"job-{row:06d}"
    values = {"prompt": prompt_for(row), "seed": 1000 + row, "num_inference_steps": 4 + row % 3}
    library.create_job(local_id, endpoint, values, capability=media.kind, model=model)
    library.set_remote_id(local_id, f"ms-{row}")
    output_id = library.add_output(local_id, 0, media.kind, f"https://cdn.example/{local_id}")
    size = media.path.stat().st_size
    library.set_output_file(
        output_id, media.path, "0" * 64, size, media_type=media.media_type,
        width=media.width, height=media.height, duration=media.duration,
    )  # fmt: skip
    library.update_job(local_id, status="succeeded", elapsed_ms=1200 + row)
    if favourite:
        library.set_favourite([output_id], True)
    return output_id


def fill_library(library: Library, media: list[Media], rows: int | range) -> list[int]:
    """Outputs numbered 0..rows-1, or those of a range (to grow a library), cycling through media.

    Every seventh is starred. Returns the output ids.
    """
    numbers = range(rows) if isinstance(rows, int) else rows
    return [
        add_output(library, row, media[row % len(media)], favourite=row % 7 == 3) for row in numbers
    ]


def embed_request(path: Path, endpoint: str, values: dict[str, object]) -> None:
    """Write a studio request into a PNG, as the app does for its outputs."""
    embed_metadata(path, build_request(endpoint, values))


def build_library(folder: Path, rows: int, distinct: int) -> Library:
    """A new library under folder with rows outputs over distinct media files (caller closes)."""
    library = Library.open(folder / "library.sqlite3")
    media = make_media_set(library.outputs_root / "media", distinct)
    fill_library(library, media, rows)
    return library
