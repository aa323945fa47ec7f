"""Finished-task durations per endpoint, for "≈ 20 s left" estimates."""

from __future__ import annotations

import json
import logging
import math
import threading
from collections import deque
from typing import TYPE_CHECKING, TypeGuard

from studio.core import paths

if TYPE_CHECKING:
    from pathlib import Path

log = logging.getLogger(__name__)

STATS_FILE_NAME = "durations.json"


class DurationStats:
    """Keeps the most recent finished durations of each endpoint.

    With ``path`` set, the samples are loaded from and saved to a small JSON file so that
    estimates survive a restart; a broken file is ignored (it is only a cache).
    """

    def __init__(self, path: Path | None = None, *, max_samples: int = 50) -> None:
        self._path = path
        self._max_samples = max_samples
        self._samples: dict[str, deque[float]] = {}
        # record() may run in a worker thread (its file write) while the loop reads estimates.
        self._lock = threading.Lock()
        self._saving = threading.Lock()
        if path is not None:
            self._load(path)

    @classmethod
    def in_cache_dir(cls) -> DurationStats:
        """Stats persisted in the app's cache directory."""
        return cls(paths.cache_dir() / STATS_FILE_NAME)

    def record(self, endpoint: str, seconds: float) -> None:
        """Remember that a task of ``endpoint`` took ``seconds`` from submit to done.

        With a file, this writes it (blocking): call it from a worker thread on a busy loop.
        """
        if seconds < 0:
            return
        with self._lock:
            samples = self._samples.setdefault(endpoint, deque(maxlen=self._max_samples))
            samples.append(float(seconds))
        if self._path is not None:
            with self._saving:  # one writer at a time, each with the newest samples
                self._save(self._path, self._snapshot())

    def median(self, endpoint: str) -> float | None:
        """Median recorded duration, or None without history."""
        with self._lock:
            samples = list(self._samples.get(endpoint, ()))
        if not samples:
            return None
        import statistics  # ~0.7 MB with decimal and fractions: not before an estimate

        return float(statistics.median(samples))

    def quantile(self, endpoint: str, share: float) -> float | None:
        """The duration ``share`` (0..1) of the recorded tasks took at most, or None without
        history: the nearest rank, so with few samples it is one of them (the longest at 1)."""
        with self._lock:
            samples = sorted(self._samples.get(endpoint, ()))
        if not samples:
            return None
        rank = min(len(samples), max(1, math.ceil(share * len(samples))))
        return samples[rank - 1]

    def eta(self, endpoint: str, elapsed_s: float) -> float | None:
        """Seconds probably left: median − elapsed, never below zero."""
        expected = self.median(endpoint)
        if expected is None:
            return None
        return max(0.0, expected - elapsed_s)

    def _load(self, path: Path) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable duration stats %s: %s", path, exc)
            return
        if not isinstance(data, dict):
            return
        for endpoint, values in data.items():
            if isinstance(endpoint, str) and isinstance(values, list):
                numbers = [float(v) for v in values if _is_duration(v)]
                self._samples[endpoint] = deque(numbers, maxlen=self._max_samples)

    def _snapshot(self) -> dict[str, list[float]]:
        with self._lock:
            return {endpoint: list(samples) for endpoint, samples in self._samples.items()}

    def _save(self, path: Path, data: dict[str, list[float]]) -> None:
        try:
            paths.write_atomically(path, json.dumps(data).encode("utf-8"))
        except OSError as exc:
            log.warning("could not save duration stats to %s: %s", path, exc)


def _is_duration(value: object) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
