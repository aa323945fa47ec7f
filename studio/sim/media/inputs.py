"""Decoding input media bytes (images, a video's first frame and length, audio length) safely."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

import av
from PIL import Image

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

# Inputs are shrunk on load: nothing we draw needs more, and it bounds the work per task.
MAX_INPUT_SIDE = 1600
_MAX_INPUT_PIXELS = 60_000_000


@dataclass(frozen=True)
class VideoProbe:
    first_frame: Image.Image | None
    duration: float | None
    size: tuple[int, int] | None


def load_image(data: bytes | None) -> Image.Image | None:
    """An RGB image from bytes, shrunk to MAX_INPUT_SIDE, or None when absent or undecodable."""
    if not data:
        return None
    try:
        with Image.open(io.BytesIO(data)) as opened:
            if opened.width * opened.height > _MAX_INPUT_PIXELS:
                return None
            opened.draft("RGB", (MAX_INPUT_SIDE, MAX_INPUT_SIDE))
            image = opened.convert("RGB")
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None
    image.thumbnail((MAX_INPUT_SIDE, MAX_INPUT_SIDE))
    return image


def load_images(media: Mapping[str, bytes], urls: Sequence[str]) -> list[Image.Image]:
    """The decodable images among these URLs, in order; unknown or broken ones are skipped."""
    images = (load_image(media.get(url)) for url in urls)
    return [image for image in images if image is not None]


def probe_video(data: bytes | None) -> VideoProbe:
    """A video's first frame, duration and size; all None when absent or undecodable."""
    empty = VideoProbe(None, None, None)
    if not data:
        return empty
    try:
        with av.open(io.BytesIO(data), "r") as container:
            if not container.streams.video:
                return empty
            stream = container.streams.video[0]
            duration = _container_seconds(container, stream)
            frame = next(container.decode(stream), None)
            if frame is None:
                return VideoProbe(None, duration, None)
            image = Image.fromarray(frame.to_ndarray(format="rgb24"), "RGB")
    except (av.FFmpegError, OSError, ValueError, StopIteration):
        return empty
    image.thumbnail((MAX_INPUT_SIDE, MAX_INPUT_SIDE))
    return VideoProbe(image, duration, (int(frame.width), int(frame.height)))


def audio_duration(data: bytes | None) -> float | None:
    """Seconds of audio in these bytes (container header, else by decoding), or None."""
    if not data:
        return None
    try:
        with av.open(io.BytesIO(data), "r") as container:
            if not container.streams.audio:
                return None
            stream = container.streams.audio[0]
            duration = _container_seconds(container, stream)
            if duration is not None:
                return duration
            samples = sum(frame.samples for frame in container.decode(stream))
            rate = stream.codec_context.sample_rate or 0
            return samples / rate if rate else None
    except (av.FFmpegError, OSError, ValueError):
        return None


def _container_seconds(
    container: av.container.InputContainer, stream: av.stream.Stream
) -> float | None:
    if stream.duration is not None and stream.time_base is not None:
        seconds = float(stream.duration * stream.time_base)
        if seconds > 0:
            return seconds
    if container.duration is not None and container.duration > 0:
        return float(container.duration) / av.time_base
    return None
