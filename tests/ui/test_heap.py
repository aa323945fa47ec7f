"""studio.ui.heap: the arena cap is set once and never fails where glibc is missing."""

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
