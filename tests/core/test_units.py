"""Sizes and durations in words: one way each, used by the core's messages and the whole UI."""

from __future__ import annotations

import pytest

from studio.core.units import human_duration, human_size


@pytest.mark.parametrize(
    ("size", "words"),
    [
        (0, "0 B"),
        (512, "512 B"),
        (1023, "1023 B"),
        (1024, "1.0 KB"),
        (1536, "1.5 KB"),
        (10 * 1024, "10 KB"),
        (64 * 1024, "64 KB"),
        (5 * 1024 * 1024, "5.0 MB"),
        (200 * 1024 * 1024, "200 MB"),
        (3 * 1024**3, "3.0 GB"),
        (2048 * 1024**4, "2048 TB"),
    ],
)
def test_human_size(size: int, words: str) -> None:
    assert human_size(size) == words


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(0, "0:00"), (0.2, "0:01"), (5, "0:05"), (5.0004, "0:05"), (62, "1:02"), (3723, "1:02:03")],
)
def test_human_duration_never_reads_zero_for_a_short_clip(seconds: float, words: str) -> None:
    assert human_duration(seconds) == words
