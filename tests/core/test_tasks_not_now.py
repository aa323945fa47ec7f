"""A submit the server turns away (429/503) is sent again, visibly and cancellably; an ambiguous
answer (reset after sending, 500/502/504, an unreadable reply) never is."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from studio.core.api import (
    NetworkError,
    ProtocolError,
    RateLimitedError,
    RetryPolicy,
    ServerError,
)
from studio.core.jobs import AMBIGUOUS_SUBMIT_MESSAGE, JobStatus
from studio.core.jobs._models import RetryWait
from studio.core.library import Library, LibraryJournal
from tests.conftest import wait_until
from tests.core.test_tasks import _current, settle
from tests.core.test_tasks_fakes import ENDPOINT, FakeClient, RecordingJournal, open_runner
from tests.fakes.transport import FakeMountsea, error_response, json_response, task_json

if TYPE_CHECKING:
    from pathlib import Path

    from studio.core.jobs import Job

NOW = datetime(2026, 5, 18, 9, 0, tzinfo=UTC)


def policy(max_attempts: int = 5) -> RetryPolicy:
    """No jitter: the equal-jitter wait is exactly half its ceiling."""
    return RetryPolicy(
        max_attempts=max_attempts, base_delay=2.0, max_delay=60.0, random=lambda: 0.0
    )


class Sleeps:
    """Records each wait; blocks while `hold` is set, so a test can act during a wait."""

    def __init__(self) -> None:
        self.delays: list[float] = []
        self.hold: asyncio.Event | None = None

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)
        if self.hold is not None:
            await self.hold.wait()
        await asyncio.sleep(0)


def rate_limited(retry_after: float | None = 7.0) -> RateLimitedError:
    return RateLimitedError("Too many requests.", retry_after=retry_after)


def busy(retry_after: float | None = None) -> ServerError:
    return ServerError("Service unavailable.", status=503, retry_after=retry_after)


@pytest.mark.asyncio
async def test_429_and_503_are_sent_again_honouring_retry_after(tmp_path: Path) -> None:
    client = FakeClient(run_errors=[rate_limited(7.0), busy(None), busy(1.0)])
    journal = RecordingJournal()
    sleeps = Sleeps()
    async with open_runner(
        client, tmp_path, journal=journal, sleep=sleeps, now=lambda: NOW, submit_retry=policy()
    ) as runner:
        done = await settle(runner, runner.submit(ENDPOINT, {"prompt": "a"}))
    assert done.status is JobStatus.SUCCEEDED and done.retry_wait is None
    assert len(client.run_calls) == 4 and len(done.remote_ids) == 1
    # Retry-After is a floor; without it the backoff (2, 4, 8 s ceilings, half of each) applies.
    assert sleeps.delays[:3] == [7.0, 2.0, 4.0]
    waits = [job.retry_wait for kind, job in journal.calls if job.retry_wait is not None]
    assert waits == [
        RetryWait("rate limited", NOW + timedelta(seconds=7), 2, 5),
        RetryWait("server busy", NOW + timedelta(seconds=2), 3, 5),
        RetryWait("server busy", NOW + timedelta(seconds=4), 4, 5),
    ]
    # While it waits, nothing exists on the server: the row is "not sent" again.
    waiting = [job for _, job in journal.calls if job.retry_wait is not None]
    assert all(job.submitted_at is None and job.is_waiting_locally for job in waiting)


def test_the_wait_reads_as_a_countdown() -> None:
    wait = RetryWait("rate limited", NOW + timedelta(seconds=11.2), 3, 20)
    assert wait.describe(NOW) == "Waiting — rate limited, 12 s (try 3 of 20)"
    assert wait.describe(NOW + timedelta(seconds=30)) == "Waiting — rate limited, 0 s (try 3 of 20)"


@pytest.mark.asyncio
async def test_cancel_while_waiting_needs_no_http_and_frees_the_slot(tmp_path: Path) -> None:
    client = FakeClient(run_errors=[rate_limited()])
    sleeps = Sleeps()
    sleeps.hold = asyncio.Event()
    async with open_runner(client, tmp_path, sleep=sleeps, max_concurrent=1) as runner:
        turned_away = runner.submit(ENDPOINT, {"prompt": "a"})
        await wait_until(lambda: _current(runner, turned_away).retry_wait is not None)
        queued_behind = runner.submit(ENDPOINT, {"prompt": "b"})

        cancelled = await runner.cancel(turned_away.local_id)

        assert cancelled.status is JobStatus.CANCELED and cancelled.retry_wait is None
        assert client.cancel_calls == []  # nothing was created, so there is nothing to cancel
        sleeps.hold.set()
        assert (await settle(runner, queued_behind)).status is JobStatus.SUCCEEDED
        assert len(client.run_calls) == 2


@pytest.mark.asyncio
async def test_cancel_during_the_post_that_is_turned_away_cancels_locally(tmp_path: Path) -> None:
    client = FakeClient(run_errors=[rate_limited()], run_gate=asyncio.Event())
    async with open_runner(client, tmp_path) as runner:
        job = runner.submit(ENDPOINT, {"prompt": "a"})
        await wait_until(lambda: len(client.run_calls) == 1)
        await runner.cancel(job.local_id)  # the POST is in flight: remembered
        assert client.run_gate is not None
        client.run_gate.set()
        done = await settle(runner, job)
    assert done.status is JobStatus.CANCELED
    assert client.cancel_calls == [] and len(client.run_calls) == 1


@pytest.mark.asyncio
async def test_not_now_gives_up_after_the_cap_saying_nothing_was_created(tmp_path: Path) -> None:
    client = FakeClient(run_error=busy())
    async with open_runner(client, tmp_path, submit_retry=policy(max_attempts=3)) as runner:
        done = await settle(runner, runner.submit(ENDPOINT, {"prompt": "a"}))
    assert done.status is JobStatus.FAILED
    assert done.error is not None
    assert done.error.startswith("Not sent: the server answered “not now” (server busy) 3 times")
    assert done.submitted_at is None and done.remote_ids == ()
    assert len(client.run_calls) == 3


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "error",
    [
        NetworkError("The connection broke off.", request_sent=True),
        ServerError("Bad gateway.", status=502),
        ServerError("Gateway timeout.", status=504),
        ServerError("Internal error.", status=500),
        ProtocolError("The Mountsea API sent a reply that is not valid JSON (200)."),
    ],
    ids=["reset-after-send", "502", "504", "500", "unreadable"],
)
async def test_ambiguous_answers_are_unknown_and_never_sent_again(
    tmp_path: Path, error: Exception
) -> None:
    client = FakeClient(run_errors=[error])
    async with open_runner(client, tmp_path, submit_retry=policy()) as runner:
        done = await settle(runner, runner.submit(ENDPOINT, {"prompt": "a"}))
    assert done.status is JobStatus.UNKNOWN
    assert done.error is not None and done.error.startswith(AMBIGUOUS_SUBMIT_MESSAGE)
    assert len(client.run_calls) == 1


@pytest.mark.asyncio
async def test_a_job_waiting_after_429_is_recorded_as_not_sent(tmp_path: Path) -> None:
    """A crash while it waits must find a row that is safe to send, not "may exist"."""
    sleeps = Sleeps()
    sleeps.hold = asyncio.Event()
    with Library.open(tmp_path / "library.sqlite3") as library:
        journal = LibraryJournal(library, backend="demo")
        client = FakeClient(run_errors=[rate_limited()])
        async with open_runner(client, tmp_path, journal=journal, sleep=sleeps) as runner:
            job = runner.submit(ENDPOINT, {"prompt": "a"})
            await wait_until(lambda: _current(runner, job).retry_wait is not None)
            record = library.get_job(job.local_id)
            assert record is not None
            assert (record.status, record.error) == (JobStatus.SUBMITTING, None)
            plan = library.jobs_to_reconcile("demo")
            assert [r.local_id for r in plan.to_mark_unknown] == [job.local_id]
            sleeps.hold.set()
            assert (await settle(runner, job)).status is JobStatus.SUCCEEDED


# --- the same through the real client and transport ----------------------------------------


def _runner_options(sleeps: Sleeps) -> dict[str, Any]:
    follow = {"initial_interval": 0.0, "max_interval": 0.0, "sleep": sleeps}
    return {"sleep": sleeps, "follow_options": follow, "submit_retry": policy()}


def _server(*post_answers: httpx.Response | Any) -> FakeMountsea:
    fake = FakeMountsea()
    fake.post("/ms/v1/run/*", *post_answers)
    fake.get("/ms/v1/tasks/*", json_response(task_json(status="succeeded", output={})))
    return fake


async def _run_one(fake: FakeMountsea, tmp_path: Path) -> tuple[Job, Sleeps]:
    sleeps = Sleeps()
    async with (
        fake.client() as api,
        open_runner(api, tmp_path, **_runner_options(sleeps)) as runner,
    ):
        job = await settle(runner, runner.submit(ENDPOINT, {"prompt": "a"}))
    return job, sleeps


@pytest.mark.asyncio
async def test_real_client_retries_a_429_and_a_503_submit(tmp_path: Path) -> None:
    fake = _server(
        error_response(429, "slow down", {"Retry-After": "12"}),
        error_response(503, "busy", {"Retry-After": "3"}),
        json_response(task_json()),
    )
    job, sleeps = await _run_one(fake, tmp_path)
    assert job.status is JobStatus.SUCCEEDED
    assert len(fake.requests_to("POST", "/ms/v1/run/*")) == 3
    assert sleeps.delays[:2] == [12.0, 3.0]


def _reset_after_sending(request: httpx.Request) -> httpx.Response:
    raise httpx.RemoteProtocolError("Server disconnected without sending a response.")


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "answer",
    [
        _reset_after_sending,
        error_response(502, "bad gateway"),
        error_response(504, "gateway timeout"),
        httpx.Response(200, content=b'{"task_id": "ms-'),
    ],
    ids=["reset", "502", "504", "cut-short"],
)
async def test_real_client_never_resends_an_ambiguous_submit(
    tmp_path: Path, answer: httpx.Response | Any
) -> None:
    fake = _server(answer, json_response(task_json()))
    job, _ = await _run_one(fake, tmp_path)
    assert job.status is JobStatus.UNKNOWN
    assert len(fake.requests_to("POST", "/ms/v1/run/*")) == 1
