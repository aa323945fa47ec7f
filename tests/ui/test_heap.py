"""studio.ui.heap: the arena cap is set once, freed memory is handed back, and neither fails
where glibc is missing."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from studio.ui import heap

if TYPE_CHECKING:
    import pytest


def test_limit_arenas_runs_once_anywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    heap.limit_arenas.cache_clear()
    heap.limit_arenas()
    heap.limit_arenas()  # cached: the second call sets nothing
    assert heap.limit_arenas.cache_info().hits == 1
    heap.limit_arenas.cache_clear()
    monkeypatch.setattr(sys, "platform", "win32")
    heap.limit_arenas()  # not Linux: nothing to set, nothing raised


def test_freed_memory_goes_back_to_the_system_on_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    if not sys.platform.startswith("linux"):
        return
    kept = [bytearray(64 * 1024) for _ in range(400)]  # ~25 MB in the heap (below mmap's limit)
    del kept[:-1]  # freed, but glibc keeps it until trimmed
    assert heap.trim_heap() is True
    heap._libc.cache_clear()
    monkeypatch.setattr(sys, "platform", "win32")
    assert heap.trim_heap() is False  # not glibc: nothing to trim, nothing raised
    heap._libc.cache_clear()
