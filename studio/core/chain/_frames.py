"""Frames from a video (PyAV): what a frame picker shows and the full-size PNG it saves.

Blocking: callers run these in a thread. A video that cannot be decoded raises FrameError with
the reason in words, so the picker can say why instead of opening. PyAV and Pillow are imported
where used: the studio starts without them (issue 12).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from pathlib import Path

    from av.container import InputContainer
    from av.video.frame import VideoFrame
    from av.video.stream import VideoStream

# The last frame is looked for in this much of the end (seeking lands on a keyframe before it).
_TAIL_S: Final = 2.0
_FAILURES: Final = (OSError, ValueError, IndexError, StopIteration)  # and av.FFmpegError


class FrameError(ValueError):
    """The video has no frame to take (no video stream, undecodable, missing)."""


@dataclass(frozen=True)
class VideoFacts:
    """What the picker needs to know of a video before showing frames."""

    duration_s: float
    width: int
    height: int
    frame_rate: float


@dataclass(frozen=True)
class Frame:
    """One decoded frame as RGB rows (``width * 3`` bytes each) and where it is in the video."""

    pixels: bytes
    width: int
    height: int
    timestamp_s: float


def probe_video(path: Path) -> VideoFacts:
    """Duration, size and rate of a decodable video; FrameError says why not."""
    import av

    try:
        with av.open(str(path)) as container:
            stream = _video_stream(container, path)
            first = next(container.decode(stream), None)
            if first is None:
                raise FrameError(f"{path.name} has no frame that can be decoded.")
            rate = float(stream.average_rate or stream.guessed_rate or 0) or 25.0
            return VideoFacts(_duration(container, stream), first.width, first.height, rate)
    except FrameError:
        raise
    except (av.FFmpegError, *_FAILURES) as error:
        raise FrameError(f"{path.name} cannot be decoded: {_reason(error)}") from error


def decode_frame(path: Path, at_s: float | None, max_side: int | None = None) -> Frame:
    """The frame shown at ``at_s`` seconds (None: the last one), shrunk to ``max_side``."""
    import av
    from PIL import Image

    try:
        with av.open(str(path)) as container:
            stream = _video_stream(container, path)
            frame = (
                _last_frame(container, stream)
                if at_s is None
                else _frame_at(container, stream, max(0.0, at_s))
            )
            if frame is None:
                raise FrameError(f"{path.name} has no frame that can be decoded.")
            image = Image.fromarray(frame.to_ndarray(format="rgb24"), "RGB")
            timestamp = _time_of(frame)
    except FrameError:
        raise
    except (av.FFmpegError, *_FAILURES) as error:
        raise FrameError(f"{path.name} cannot be decoded: {_reason(error)}") from error
    if max_side is not None and max(image.size) > max_side:
        image.thumbnail((max_side, max_side), Image.Resampling.BILINEAR)
    rgb = image.convert("RGB")
    return Frame(rgb.tobytes(), rgb.width, rgb.height, timestamp)


def frame_png(path: Path, at_s: float | None) -> tuple[bytes, Frame]:
    """The frame at full resolution as PNG bytes, with the frame (for its time and size)."""
    from PIL import Image

    frame = decode_frame(path, at_s)
    image = Image.frombytes("RGB", (frame.width, frame.height), frame.pixels)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue(), frame


def _video_stream(container: InputContainer, path: Path) -> VideoStream:
    if not container.streams.video:
        raise FrameError(f"{path.name} has no video stream.")
    stream = container.streams.video[0]
    stream.thread_type = "AUTO"
    return stream


def _duration(container: InputContainer, stream: VideoStream) -> float:
    if stream.duration is not None and stream.time_base is not None:
        seconds = float(stream.duration * stream.time_base)
        if seconds > 0:
            return seconds
    if container.duration:
        import av

        return float(container.duration) / av.time_base
    return 0.0


def _time_of(frame: VideoFrame) -> float:
    return float(frame.time) if frame.time is not None else 0.0


def _frame_at(container: InputContainer, stream: VideoStream, at_s: float) -> VideoFrame | None:
    """The last frame that starts at or before ``at_s`` (the first one if none does)."""
    if at_s > 0 and stream.time_base is not None:
        container.seek(int(at_s / stream.time_base), stream=stream, backward=True)
    chosen: VideoFrame | None = None
    for frame in container.decode(stream):
        if chosen is not None and _time_of(frame) > at_s + 1e-6:
            break
        chosen = frame
    return chosen


def _last_frame(container: InputContainer, stream: VideoStream) -> VideoFrame | None:
    duration = _duration(container, stream)
    if duration > _TAIL_S and stream.time_base is not None:
        container.seek(int((duration - _TAIL_S) / stream.time_base), stream=stream, backward=True)
    last: VideoFrame | None = None
    for frame in container.decode(stream):
        last = frame
    return last


def _reason(error: BaseException) -> str:
    text = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return str(text)
