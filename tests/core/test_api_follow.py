"""follow(): yields a task on change, stops when terminal, backs off, honours its deadline."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from studio.core.api import (
    AuthError,
    MountseaError,
    NetworkError,
    RateLimitedError,
    ServerError,
    Task,
    TaskDeadlineError,
    TaskStatus,
)
from tests.fakes.transport import (
    FakeClock,
    FakeMountsea,
    RecordingSleep,
    error_response,
    instant_retry,
    json_response,
    task_json,
)


async def _collect(fake: FakeMountsea, sleep: RecordingSleep, **options: Any) -> list[Task]:
    """Every task follow() yields; `sleep` advances its own fake clock."""
    clock = sleep.clock or FakeClock()
    async with fake.client() as api:
        stream = api.follow("ms-1", sleep=sleep, clock=clock, **options)
        return [task async for task in stream]


@pytest.mark.asyncio
async def test_yields_on_change_and_stops_at_terminal() -> None:
    fake = FakeMountsea()
    fake.task_states(
        "ms-1",
        {"status": "queued"},
        {"status": "queued"},
        {"status": "processing"},
        {"status": "processing"},
        {"status": "processing", "progress": 50},
        {"status": "succeeded", "output": {"videos": [{"url": "https://cdn.example/v.mp4"}]}},
        {"status": "succeeded", "never": "seen"},
    )
    sleep = RecordingSleep(FakeClock())
    tasks = await _collect(fake, sleep)
    assert [t.status for t in tasks] == [
        TaskStatus.QUEUED,
        TaskStatus.PROCESSING,
        TaskStatus.PROCESSING,
        TaskStatus.SUCCEEDED,
    ]
    assert tasks[2].raw["progress"] == 50
    assert tasks[-1].media[0].url == "https://cdn.example/v.mp4"
    assert len(fake.requests) == 6


@pytest.mark.asyncio
async def test_intervals_grow_by_factor_up_to_the_cap() -> None:
    fake = FakeMountsea()
    fake.task_states("ms-1", *[{"status": "processing"}] * 7, {"status": "failed"})
    sleep = RecordingSleep(FakeClock())
    tasks = await _collect(fake, sleep, initial_interval=1.0, factor=2.0, max_interval=10.0)
    assert sleep.delays == [1.0, 2.0, 4.0, 8.0, 10.0, 10.0, 10.0]
    assert tasks[-1].status is TaskStatus.FAILED


@pytest.mark.asyncio
async def test_already_terminal_task_yields_once_without_sleeping() -> None:
    fake = FakeMountsea()
    fake.task_states("ms-1", {"status": "canceled"})
    sleep = RecordingSleep(FakeClock())
    tasks = await _collect(fake, sleep)
    assert [t.status for t in tasks] == [TaskStatus.CANCELED]
    assert sleep.delays == []


@pytest.mark.asyncio
async def test_deadline_raises_with_the_last_task() -> None:
    fake = FakeMountsea()
    fake.task_states("ms-1", {"status": "processing"})
    clock = FakeClock()
    sleep = RecordingSleep(clock)
    seen: list[Task] = []
    async with fake.client() as api:
        with pytest.raises(TaskDeadlineError) as caught:
            async for task in api.follow("ms-1", deadline=10.0, sleep=sleep, clock=clock):
                seen.append(task)
    assert len(seen) == 1
    assert caught.value.task_id == "ms-1"
    assert caught.value.last_task == seen[0]
    assert sum(sleep.delays) == pytest.approx(10.0)
    assert "10 s" in str(caught.value)


@pytest.mark.asyncio
async def test_transient_errors_do_not_end_following() -> None:
    fake = FakeMountsea()
    fake.get(
        "/ms/v1/tasks/ms-1",
        json_response(task_json(task_id="ms-1", status="processing")),
        *[error_response(503, "busy")] * 5,  # one whole retry round of the GET
        error_response(429, "slow"),
        json_response(task_json(task_id="ms-1", status="succeeded")),
    )
    sleep = RecordingSleep(FakeClock())
    tasks = await _collect(fake, sleep)
    assert [t.status for t in tasks] == [TaskStatus.PROCESSING, TaskStatus.SUCCEEDED]


@pytest.mark.asyncio
async def test_non_transient_errors_end_following() -> None:
    fake = FakeMountsea()
    fake.get(
        "/ms/v1/tasks/ms-1",
        json_response(task_json(task_id="ms-1", status="processing")),
        error_response(401, "bad key"),
    )
    sleep = RecordingSleep(FakeClock())
    with pytest.raises(AuthError):
        await _collect(fake, sleep)


@pytest.mark.asyncio
async def test_unknown_status_keeps_polling() -> None:
    fake = FakeMountsea()
    fake.task_states("ms-1", {"status": "rendering"}, {"status": "succeeded"})
    sleep = RecordingSleep(FakeClock())
    tasks = await _collect(fake, sleep)
    assert [t.status for t in tasks] == [TaskStatus.UNKNOWN, TaskStatus.SUCCEEDED]


async def _collect_problems(fake: FakeMountsea, problems: list[MountseaError | None]) -> list[Task]:
    """Every task of one follow(), its on_problem reports in `problems`; one GET = one poll."""
    clock = FakeClock()
    async with fake.client(retry=instant_retry(max_attempts=1)) as api:
        stream = api.follow(
            "ms-1", sleep=RecordingSleep(clock), clock=clock, on_problem=problems.append
        )
        return [task async for task in stream]


def _refuse(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


@pytest.mark.asyncio
async def test_on_problem_hears_each_failed_poll_and_each_recovery() -> None:
    fake = FakeMountsea()
    fake.get(
        "/ms/v1/tasks/ms-1",
        json_response(task_json(task_id="ms-1", status="processing")),
        error_response(503, "busy"),
        error_response(429, "slow down"),
        json_response(task_json(task_id="ms-1", status="processing")),
        _refuse,
        json_response(task_json(task_id="ms-1", status="succeeded")),
    )
    problems: list[MountseaError | None] = []
    tasks = await _collect_problems(fake, problems)

    assert [t.status for t in tasks] == [TaskStatus.PROCESSING, TaskStatus.SUCCEEDED]
    kinds = [type(p) if p is not None else None for p in problems]
    assert kinds == [ServerError, RateLimitedError, None, NetworkError, None]
    assert isinstance(problems[0], ServerError) and problems[0].status == 503


@pytest.mark.asyncio
async def test_on_problem_stays_silent_while_polls_succeed() -> None:
    fake = FakeMountsea()
    fake.task_states("ms-1", {"status": "queued"}, {"status": "processing"}, {"status": "failed"})
    problems: list[MountseaError | None] = []
    tasks = await _collect_problems(fake, problems)
    assert len(tasks) == 3
    assert problems == []


@pytest.mark.asyncio
async def test_a_fatal_error_is_raised_not_reported() -> None:
    fake = FakeMountsea()
    fake.get("/ms/v1/tasks/ms-1", error_response(503, "busy"), error_response(401, "bad key"))
    problems: list[MountseaError | None] = []
    with pytest.raises(AuthError):
        await _collect_problems(fake, problems)
    assert [type(p) for p in problems] == [ServerError]
