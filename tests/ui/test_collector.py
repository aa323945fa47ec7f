"""The GUI thread's collector: young generations as due, full collections at quiet moments."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from studio.ui import collector as collector_module
from studio.ui.collector import (
    OVERDUE_S,
    QUIET_GROWTH,
    QUIET_TICKS,
    SCROLL_OVERDUE_S,
    MainThreadCollector,
)
from tests.fakes.transport import FakeClock

if TYPE_CHECKING:
    from collections.abc import Iterator

    from PySide6.QtWidgets import QApplication


class FakeGc:
    """gc's counts set by the test; collections recorded (and resetting counts as gc does)."""

    def __init__(self) -> None:
        self.counts = [0, 0, 0]
        self.collected: list[int] = []

    def get_count(self) -> tuple[int, int, int]:
        return self.counts[0], self.counts[1], self.counts[2]

    def get_threshold(self) -> tuple[int, int, int]:
        return 700, 10, 10

    def collect(self, generation: int = 2) -> int:
        self.collected.append(generation)
        for level in range(generation + 1):
            self.counts[level] = 0
        if generation < 2:
            self.counts[generation + 1] += 1
        return 0

    def disable(self) -> None:
        pass

    def enable(self) -> None:
        pass


@pytest.fixture
def fake_gc(monkeypatch: pytest.MonkeyPatch) -> FakeGc:
    fake = FakeGc()
    monkeypatch.setattr(collector_module, "gc", fake)
    return fake


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def collector(
    qapp: QApplication, fake_gc: FakeGc, clock: FakeClock
) -> Iterator[MainThreadCollector]:
    made = MainThreadCollector(interval_ms=3_600_000, clock=clock)  # ticks by hand only
    yield made
    made.stop()
    made.deleteLater()


def _tick(collector: MainThreadCollector, fake_gc: FakeGc, clock: FakeClock, grown: int) -> None:
    """One timer tick after `grown` new tracked objects."""
    fake_gc.counts[0] += grown
    clock.advance(0.25)
    collector._on_timer_timeout()


def test_young_generations_are_collected_as_due_even_when_busy(
    collector: MainThreadCollector, fake_gc: FakeGc, clock: FakeClock
) -> None:
    _tick(collector, fake_gc, clock, 800)
    assert fake_gc.collected == [0]
    fake_gc.counts[1] = 11
    _tick(collector, fake_gc, clock, 800)
    assert fake_gc.collected == [0, 1]


def test_a_due_full_collection_waits_for_a_quiet_second(
    collector: MainThreadCollector, fake_gc: FakeGc, clock: FakeClock
) -> None:
    fake_gc.counts[2] = 11
    for _ in range(20):  # a busy queue: the young ones are collected, never everything
        _tick(collector, fake_gc, clock, 800)
    assert len(fake_gc.collected) == 20
    assert set(fake_gc.collected) == {0, 1}
    for _ in range(QUIET_TICKS - 1):
        _tick(collector, fake_gc, clock, QUIET_GROWTH - 1)
    assert 2 not in fake_gc.collected
    _tick(collector, fake_gc, clock, QUIET_GROWTH - 1)
    assert fake_gc.collected[-1] == 2
    assert fake_gc.get_count() == (0, 0, 0)


def test_noted_activity_keeps_a_due_full_collection_waiting(
    collector: MainThreadCollector, fake_gc: FakeGc, clock: FakeClock
) -> None:
    fake_gc.counts[2] = 11
    for _ in range(3 * QUIET_TICKS):  # scrolling: few new objects, but not a quiet moment
        collector_module.note_activity()
        _tick(collector, fake_gc, clock, 0)
    assert 2 not in fake_gc.collected
    for _ in range(QUIET_TICKS):
        _tick(collector, fake_gc, clock, 0)
    assert fake_gc.collected[-1] == 2


def test_a_full_collection_kept_waiting_too_long_runs_anyway(
    collector: MainThreadCollector, fake_gc: FakeGc, clock: FakeClock
) -> None:
    fake_gc.counts[2] = 11
    _tick(collector, fake_gc, clock, 800)
    clock.advance(OVERDUE_S)
    _tick(collector, fake_gc, clock, 800)
    assert fake_gc.collected == [0, 2]
    fake_gc.counts[2] = 11  # due again: the wait starts over
    _tick(collector, fake_gc, clock, 800)
    assert fake_gc.collected == [0, 2, 0]


def test_nothing_due_collects_nothing(
    collector: MainThreadCollector, fake_gc: FakeGc, clock: FakeClock
) -> None:
    for _ in range(2 * QUIET_TICKS):
        _tick(collector, fake_gc, clock, 10)
    assert fake_gc.collected == []


def test_ticks_come_faster_while_busy_and_slow_down_when_quiet(
    collector: MainThreadCollector, fake_gc: FakeGc, clock: FakeClock
) -> None:
    assert collector.interval_ms() == collector.idle_interval_ms
    _tick(collector, fake_gc, clock, QUIET_GROWTH)  # busy: the young pile up fast
    assert collector.interval_ms() == collector.busy_interval_ms < collector.idle_interval_ms
    collector_module.note_activity()
    _tick(collector, fake_gc, clock, 0)  # scrolling is busy too
    assert collector.interval_ms() == collector.busy_interval_ms
    _tick(collector, fake_gc, clock, 0)
    assert collector.interval_ms() == collector.idle_interval_ms


def test_a_scroll_holds_generation_one_back_until_it_stops_or_waited_too_long(
    collector: MainThreadCollector, fake_gc: FakeGc, clock: FakeClock
) -> None:
    fake_gc.counts[1] = 11
    collector_module.note_activity()
    _tick(collector, fake_gc, clock, 800)
    assert fake_gc.collected == [0]  # the young only, in the middle of a scroll
    fake_gc.counts[1] = 11
    _tick(collector, fake_gc, clock, 800)  # the scroll stopped: generation 1 now
    assert fake_gc.collected == [0, 1]
    fake_gc.counts[1] = 11
    collector_module.note_activity()
    _tick(collector, fake_gc, clock, 800)
    assert fake_gc.collected == [0, 1, 0]
    clock.advance(SCROLL_OVERDUE_S)
    collector_module.note_activity()
    fake_gc.counts[1] = 11
    _tick(collector, fake_gc, clock, 800)  # a long scroll: it waited long enough
    assert fake_gc.collected == [0, 1, 0, 1]
