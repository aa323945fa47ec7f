"""paths.WriteBehind: each finished stretch of a growing file is handed to the kernel to write."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import pytest

from studio.core import paths
from studio.core.paths import _write_behind

if TYPE_CHECKING:
    from pathlib import Path


class _Calls:
    def __init__(self, answer: int = 0) -> None:
        self.calls: list[tuple[int, int, int, int]] = []
        self.answer = answer

    def __call__(self, fd: int, offset: int, length: int, flags: int) -> int:
        self.calls.append((fd, offset, length, flags))
        return self.answer


def test_each_stretch_is_started_once_from_where_the_last_ended(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _Calls()
    monkeypatch.setattr(_write_behind, "_CALL", [calls])
    behind = paths.WriteBehind(7, start=100, stretch=1000)
    for end in (600, 1099, 1100, 1500, 2100, 5000):
        behind.wrote(end)
    assert calls.calls == [(7, 100, 1000, 2), (7, 1100, 1000, 2), (7, 2100, 2900, 2)]


def test_a_refusal_stops_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _Calls(answer=-1)
    monkeypatch.setattr(_write_behind, "_CALL", [calls])
    behind = paths.WriteBehind(7, stretch=10)
    behind.wrote(10)
    behind.wrote(40)
    assert len(calls.calls) == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sync_file_range is Linux's")
def test_on_linux_the_kernel_takes_a_real_file_and_the_bytes_stay_whole(tmp_path: Path) -> None:
    assert _write_behind._sync_file_range() is not None
    path = tmp_path / "grown.bin"
    data = os.urandom(64 * 1024)
    with path.open("wb") as file:
        behind = paths.WriteBehind(file.fileno(), stretch=len(data))
        for _ in range(4):
            file.write(data)
            file.flush()
            behind.wrote(file.tell())
        assert behind._start is not None  # not refused on this file system
    assert path.read_bytes() == data * 4
