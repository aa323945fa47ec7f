"""Waveform peaks of an audio file, decoded with PyAV (blocking; callers run it in a thread).

PyAV and numpy are imported inside the functions that use them: together they cost ~190 ms and
~37 MB, which the studio must not pay to start (issue 12); the first waveform pays it once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    import numpy as np
    from numpy.typing import NDArray

# Samples are first reduced to the max of each block of this many, so memory stays small for long
# files (an hour at 48 kHz → ~2.7M floats) while keeping far more detail than any bucket count.
_BLOCK = 64


class WaveformError(ValueError):
    """The file has no decodable audio stream."""


@dataclass(frozen=True)
class WaveformPeaks:
    """Max-abs amplitude per time bucket, scaled so the loudest bucket is 1.0 (0.0 for silence)."""

    duration_s: float
    sample_rate: int
    peaks: tuple[float, ...]


def compute_peaks(path: Path, buckets: int = 800) -> WaveformPeaks:
    """Decode all audio of `path` into `buckets` normalised peaks (fewer for very short files)."""
    if buckets < 1:
        raise ValueError("buckets must be at least 1")
    import av

    try:
        container = av.open(str(path))
    except (av.FFmpegError, OSError) as exc:
        raise WaveformError(f"cannot open {path.name}: {exc}") from exc
    with container:
        if not container.streams.audio:
            raise WaveformError(f"{path.name} has no audio stream")
        stream = container.streams.audio[0]
        blocks, sample_count, sample_rate = _decode_block_peaks(container, stream)
    if sample_rate <= 0:
        raise WaveformError(f"{path.name}: unknown sample rate")
    return WaveformPeaks(
        duration_s=sample_count / sample_rate,
        sample_rate=sample_rate,
        peaks=_normalise(_bucket_max(blocks, buckets)),
    )


def _decode_block_peaks(container: Any, stream: Any) -> tuple[NDArray[np.float32], int, int]:
    """Return (per-block peaks, total samples, sample rate) for one audio stream."""
    import av

    # Float planar keeps every format in [-1, 1]; layout and rate stay as decoded.
    resampler = av.AudioResampler(format="fltp")
    reducer = _BlockReducer()
    sample_rate = int(stream.rate or 0)
    try:
        for frame in container.decode(stream):
            sample_rate = sample_rate or int(frame.sample_rate)
            for out in resampler.resample(frame):
                reducer.feed(out.to_ndarray())
        for out in resampler.resample(None):
            reducer.feed(out.to_ndarray())
    except av.FFmpegError as exc:
        raise WaveformError(f"decode failed: {exc}") from exc
    return reducer.finish(), reducer.sample_count, sample_rate


class _BlockReducer:
    """Streams (channels, samples) arrays into one max-abs value per `_BLOCK` samples."""

    def __init__(self) -> None:
        import numpy as np

        self.sample_count = 0
        self._pending = np.zeros(0, dtype=np.float32)
        self._blocks: list[NDArray[np.float32]] = []

    def feed(self, samples: NDArray[Any]) -> None:
        import numpy as np

        envelope = np.abs(np.asarray(samples, dtype=np.float32)).max(axis=0)
        self.sample_count += envelope.size
        data = np.concatenate((self._pending, envelope))
        whole = data.size - data.size % _BLOCK
        if whole:
            self._blocks.append(data[:whole].reshape(-1, _BLOCK).max(axis=1))
        self._pending = data[whole:]

    def finish(self) -> NDArray[np.float32]:
        import numpy as np

        if self._pending.size:
            self._blocks.append(np.array([self._pending.max()], dtype=np.float32))
            self._pending = np.zeros(0, dtype=np.float32)
        if not self._blocks:
            return np.zeros(0, dtype=np.float32)
        return np.concatenate(self._blocks)


def _bucket_max(blocks: NDArray[np.float32], buckets: int) -> NDArray[np.float32]:
    import numpy as np

    count = min(buckets, blocks.size)
    if count == 0:
        return blocks
    starts = np.linspace(0, blocks.size, count, endpoint=False).astype(np.int64)
    result: NDArray[np.float32] = np.maximum.reduceat(blocks, starts)
    return result


def _normalise(values: NDArray[np.float32]) -> tuple[float, ...]:
    import numpy as np

    top = float(values.max()) if values.size else 0.0
    if top <= 0.0:
        return tuple(0.0 for _ in range(values.size))
    return tuple(float(v) for v in np.clip(values / top, 0.0, 1.0))
