"""Polls paced by the docs and by the endpoint's typical duration: never more than D/3 s + 2."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pytest
from typing_extensions import override

from studio.core.jobs import DurationStats, JobRunner
from studio.core.jobs._pace import DOCS_POLL_SPACING_S, first_poll
from tests.core.test_tasks_fakes import ENDPOINT, FakeClient, instant_sleep
from tests.fakes.transport import FakeClock, FakeMountsea, RecordingSleep, json_response, task_json

if TYPE_CHECKING:
    from collections.abc import AsyncIterator
    from pathlib import Path

    import httpx

    from studio.core.api import Task


def task_that_runs(fake: FakeMountsea, clock: FakeClock, seconds: float) -> None:
    """GET /ms/v1/tasks/ms-1 says "processing" until ``seconds`` after now, then "succeeded"."""
    ends = clock.now + seconds

    def answer(_request: httpx.Request) -> httpx.Response:
        status = "succeeded" if clock.now >= ends else "processing"
        return json_response(task_json(task_id="ms-1", status=status))

    fake.get("/ms/v1/tasks/ms-1", answer)


async def polls_for(seconds: float, **pace: Any) -> tuple[int, list[float]]:
    """(GETs sent, sleeps) following a task that runs ``seconds`` from the start of following."""
    fake, clock = FakeMountsea(), FakeClock()
    sleep = RecordingSleep(clock)
    task_that_runs(fake, clock, seconds)
    async with fake.client() as api:
        stream = api.follow("ms-1", sleep=sleep, clock=clock, **pace)
        tasks = [task async for task in stream]
    assert tasks[-1].status == "succeeded"
    return len(fake.requests), sleep.delays


DURATIONS = (0.05, 0.2, 0.9, 1.3, 2.5, 2.99, 3.01, 5.0, 7.5, 12.0, 25.0, 61.0, 300.0)


@pytest.mark.asyncio
@pytest.mark.parametrize("seconds", DURATIONS)
@pytest.mark.parametrize("typical", [None, 0.2, 1.2, 4.0, 30.0])
async def test_never_more_polls_than_the_duration_allows(
    seconds: float, typical: float | None
) -> None:
    """Whatever the history says, a task of D seconds costs at most D / 3 + 2 polls."""
    history = DurationStats()
    if typical is not None:
        history.record(ENDPOINT, typical)
    options = {"initial_interval": 1.0, "min_spacing": DOCS_POLL_SPACING_S}
    pace = first_poll(history, ENDPOINT, options, since_submit=0.0)
    polls, _ = await polls_for(seconds, initial_interval=1.0, min_spacing=3.0, **pace)
    assert polls <= seconds / 3 + 2


@pytest.mark.asyncio
async def test_a_short_task_seen_done_by_its_first_poll_at_its_typical_end() -> None:
    polls, delays = await polls_for(1.2, first_poll_after=1.3, min_spacing=3.0, expected_end=1.3)
    assert (polls, delays) == (1, [1.3])


@pytest.mark.asyncio
async def test_a_long_task_is_polled_no_more_often_than_every_3_s_and_at_its_typical_end() -> None:
    polls, delays = await polls_for(
        30.0, initial_interval=1.0, min_spacing=3.0, first_poll_after=3.0, expected_end=28.0
    )
    starts = [sum(delays[: n + 1]) for n in range(len(delays))]
    assert starts[0] == 3.0
    assert all(later - earlier >= 3.0 - 1e-9 for earlier, later in itertools.pairwise(starts))
    assert 28.0 in [round(start, 6) for start in starts]  # one poll aimed at the typical end
    assert polls <= 30.0 / 3 + 2


@pytest.mark.asyncio
async def test_without_pacing_the_first_poll_goes_out_at_once() -> None:
    polls, delays = await polls_for(2.0, initial_interval=1.0, factor=1.0)
    assert (polls, delays) == (3, [1.0, 1.0])


def test_first_poll_from_the_history_of_the_endpoint() -> None:
    options = {"initial_interval": 1.0, "min_spacing": 3.0}
    assert first_poll(None, ENDPOINT, options, 0.0) == {"first_poll_after": 1.0}
    history = DurationStats()
    for seconds in (1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 5.0):
        history.record(ENDPOINT, seconds)
    # 9 in 10 of them took at most 1.8 s; 0.3 s of that passed sending the request.
    assert first_poll(history, ENDPOINT, options, 0.3) == pytest.approx(
        {"first_poll_after": 1.5, "expected_end": 1.5}
    )
    long = DurationStats()
    long.record(ENDPOINT, 40.0)
    assert first_poll(long, ENDPOINT, options, 0.0) == {
        "first_poll_after": 3.0,
        "expected_end": 40.0,
    }


def test_quantile_is_one_of_the_samples() -> None:
    stats = DurationStats()
    assert stats.quantile("a", 0.9) is None
    for seconds in (5.0, 1.0, 3.0, 2.0, 4.0):
        stats.record("a", seconds)
    assert [stats.quantile("a", share) for share in (0.0, 0.5, 0.9, 1.0)] == [1.0, 3.0, 5.0, 5.0]


@dataclass
class OptionsClient(FakeClient):
    """Keeps the options of every follow() call."""

    follows: list[dict[str, Any]] = field(default_factory=list)

    @override
    async def follow(self, task_id: str, **options: Any) -> AsyncIterator[Task]:
        self.follows.append(options)
        async for task in super().follow(task_id, **options):
            yield task


async def first_follow(tmp_path: Path, **runner_options: Any) -> dict[str, Any]:
    client = OptionsClient()
    runner = JobRunner(client, outputs_dir=tmp_path, sleep=instant_sleep, **runner_options)
    try:
        job = runner.submit(ENDPOINT, {"prompt": "x"})
        while not (runner.get(job.local_id) or job).status.is_settled:
            await instant_sleep(0)
    finally:
        await runner.aclose()
    return client.follows[0]


@pytest.mark.asyncio
async def test_the_runner_paces_by_the_docs_and_waits_for_the_typical_duration(
    tmp_path: Path,
) -> None:
    plain = await first_follow(tmp_path)
    assert plain["min_spacing"] == DOCS_POLL_SPACING_S
    assert plain["first_poll_after"] == 1.0  # no history: the first interval, not at once
    history = DurationStats()
    history.record(ENDPOINT, 2.0)
    known = await first_follow(tmp_path, stats=history)
    assert 1.5 < known["first_poll_after"] <= 2.0 and known["expected_end"] <= 2.0


@pytest.mark.asyncio
async def test_follow_options_given_replace_the_docs_pace(tmp_path: Path) -> None:
    fast = await first_follow(tmp_path, follow_options={"initial_interval": 0.05})
    assert "min_spacing" not in fast and fast["first_poll_after"] == 0.05
