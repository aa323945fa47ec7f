"""Following a task whose replies are unusable ends in "lost contact" with Follow again, within
one deadline; cancel always answers; saving outputs can be cancelled."""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from typing_extensions import override

from studio.core.api import ProtocolError, UnexpectedStatusError
from studio.core.jobs import JobStateError, JobStatus
from studio.core.jobs._runner import CANCELED_SAVING_MESSAGE
from tests.conftest import wait_until
from tests.core.test_journal import PngClient, library, open_services, settled
from tests.core.test_tasks import _current, settle
from tests.core.test_tasks_cancel import until_status
from tests.core.test_tasks_fakes import ENDPOINT, FakeClient, open_runner
from tests.fakes.transport import FakeMountsea, json_response, task_json

if TYPE_CHECKING:
    from collections.abc import AsyncIterator
    from pathlib import Path

    from studio.core.api import Task
    from studio.core.library import Library

__all__ = ["library"]  # the fixture, shared with test_journal

NOT_A_TASK = ProtocolError("The server sent a task without a task id.")
REDIRECTED = UnexpectedStatusError("The Mountsea API gave an unexpected answer (302).", status=302)


@dataclass
class DeadlineClient(FakeClient):
    """Records the deadline each follow() was given."""

    deadlines: list[float] = field(default_factory=list)

    @override
    def follow(self, task_id: str, **options: Any) -> AsyncIterator[Task]:
        self.deadlines.append(options["deadline"])
        return super().follow(task_id, **options)


@pytest.mark.asyncio
async def test_unusable_replies_end_in_lost_contact_then_follow_again_works(
    tmp_path: Path,
) -> None:
    client = FakeClient(follow_errors=[NOT_A_TASK, REDIRECTED, NOT_A_TASK])
    async with open_runner(client, tmp_path, max_follow_errors=3) as runner:
        job = await settle(runner, runner.submit(ENDPOINT, {"prompt": "a"}))
        assert job.status is JobStatus.CONTACT_LOST
        assert job.error is not None
        assert job.error.startswith("Lost contact — last seen queued. 3 replies in a row")
        assert job.can_follow_again and job.task_id is not None

        again = runner.follow_again(job.local_id)
        assert (again.status, again.error, again.finished_at) == (JobStatus.QUEUED, None, None)
        done = await settle(runner, again)
    assert done.status is JobStatus.SUCCEEDED
    assert len(client.run_calls) == 1  # following again never sends anything


@pytest.mark.asyncio
async def test_a_good_poll_between_bad_ones_resets_the_count_but_not_the_deadline(
    tmp_path: Path,
) -> None:
    ticks = itertools.count()
    start = datetime(2026, 5, 18, tzinfo=UTC)

    def now() -> datetime:  # ten seconds pass at every look at the clock
        return start + timedelta(seconds=10 * next(ticks))

    client = DeadlineClient(follow_errors=[NOT_A_TASK] * 2 + [REDIRECTED] * 2)
    options = {"follow_options": {"deadline": 600.0}, "max_follow_errors": 5, "now": now}
    async with open_runner(client, tmp_path, **options) as runner:
        done = await settle(runner, runner.submit(ENDPOINT, {"prompt": "a"}))
    assert done.status is JobStatus.SUCCEEDED
    assert len(client.deadlines) == 5
    assert client.deadlines == sorted(client.deadlines, reverse=True)
    assert client.deadlines[-1] < 600.0  # each new follow gets what is left, not a fresh hour


@pytest.mark.asyncio
async def test_follow_again_only_for_a_job_that_lost_its_task(tmp_path: Path) -> None:
    async with open_runner(FakeClient(), tmp_path) as runner:
        done = await settle(runner, runner.submit(ENDPOINT, {"prompt": "a"}))
        assert not done.can_follow_again
        with pytest.raises(JobStateError):
            runner.follow_again(done.local_id)


@pytest.mark.asyncio
async def test_cancel_while_saving_outputs_stops_the_download(tmp_path: Path) -> None:
    client = FakeClient(download_gate=asyncio.Event())
    async with open_runner(client, tmp_path) as runner:
        job = runner.submit(ENDPOINT, {"prompt": "a"})
        await wait_until(lambda: _current(runner, job).is_downloading and bool(client.downloads))

        cancelled = await runner.cancel(job.local_id)

        assert cancelled.status is JobStatus.SUCCEEDED  # the task did succeed on the server
        assert cancelled.error == CANCELED_SAVING_MESSAGE
        assert [output.path for output in cancelled.outputs] == [None, None]
        assert client.cancel_calls == []
        # The slot is free again: the next job runs to its end.
        client.download_gate = None
        assert (await settle(runner, runner.submit(ENDPOINT, {"prompt": "b"}))).outputs


# --- the case through the real client: 302s while following, and cancel ---------------


@pytest.mark.asyncio
async def test_redirects_while_following_end_in_lost_contact_and_cancel_answers(
    tmp_path: Path,
) -> None:
    fake = FakeMountsea()
    fake.post("/ms/v1/run/*", json_response(task_json(status="queued")))
    fake.get("/ms/v1/tasks/*", json_response(task_json(status="processing")), httpx.Response(302))
    fake.delete("/ms/v1/tasks/*", httpx.Response(302))
    follow = {"initial_interval": 0.0, "max_interval": 0.0}
    gate = asyncio.Event()

    async def held_sleep(_delay: float) -> None:
        await gate.wait()

    options: dict[str, Any] = {"follow_options": follow, "sleep": held_sleep}
    async with fake.client() as api, open_runner(api, tmp_path, **options) as runner:
        job = runner.submit(ENDPOINT, {"prompt": "a"})
        await until_status(runner, job, JobStatus.PROCESSING)
        await wait_until(lambda: _current(runner, job).warning is not None)
        assert "Unusable reply — trying again (1 of 6)" in str(_current(runner, job).warning)
        answered = await runner.cancel(job.local_id)  # no exception, whatever the server says
        assert answered.warning is not None
        assert answered.warning.startswith("Cancel not confirmed")
        gate.set()
        done = await settle(runner, job)
    assert done.status is JobStatus.CONTACT_LOST
    assert done.error is not None and done.error.startswith("Lost contact — last seen processing")
    polls = fake.requests_to("GET", "/ms/v1/tasks/*")
    assert len(polls) == 7  # one good poll, then six unusable ones: bounded


@pytest.mark.asyncio
async def test_lost_contact_is_kept_in_the_library_and_followed_again_after_a_restart(
    library: Library,
) -> None:
    client = PngClient(follow_errors=[NOT_A_TASK, NOT_A_TASK])
    options = {"runner_options": {"max_follow_errors": 2}}
    async with open_services(client, library, **options) as services:
        job = services.runner.submit(ENDPOINT, {"prompt": "a"})
        lost = await settled(services, job.local_id)
    assert lost.status is JobStatus.CONTACT_LOST
    record = library.get_job(job.local_id)
    assert record is not None and record.status is JobStatus.CONTACT_LOST

    async with open_services(client, library) as services:
        report = await services.reconcile()
        assert job.local_id not in report.followed  # settled: the user decides
        services.follow_again(job.local_id)
        done = await settled(services, job.local_id)
    assert done.status is JobStatus.SUCCEEDED
    assert len(client.run_calls) == 1
    [output] = library.outputs_for_job(job.local_id)
    assert library.file_of(output) is not None
