"""JobRunner: cancel (one, all, during the POST, after the end), retry, remove and resume."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from studio.core.api import (
    AuthError,
    MountseaError,
    ProtocolError,
    TaskStatus,
    UnexpectedStatusError,
)
from studio.core.jobs import AMBIGUOUS_SUBMIT_MESSAGE, Job, JobStateError, JobStatus
from tests.conftest import wait_until
from tests.core.test_tasks import _current, settle
from tests.core.test_tasks_fakes import ENDPOINT, FakeClient, RecordingJournal, open_runner

if TYPE_CHECKING:
    from pathlib import Path

    from studio.core.jobs import JobRunner


async def until_status(runner: JobRunner, job: Job, status: JobStatus) -> Job:
    await wait_until(lambda: _current(runner, job).status is status)
    return _current(runner, job)


@pytest.mark.asyncio
async def test_cancel_a_job_not_yet_sent_needs_no_http(tmp_path: Path) -> None:
    client = FakeClient()
    async with open_runner(client, tmp_path, max_concurrent=1) as runner:
        running = runner.submit(ENDPOINT, {"prompt": "a", "hold": True})
        waiting = runner.submit(ENDPOINT, {"prompt": "b"})
        await until_status(runner, running, JobStatus.PROCESSING)

        cancelled = await runner.cancel(waiting.local_id)

        assert cancelled.status is JobStatus.CANCELED
        assert client.cancel_calls == [] and len(client.run_calls) == 1
        # The running job is untouched (InvokeAI #6089: cancelling a pending item killed it).
        assert _current(runner, running).status is JobStatus.PROCESSING
        client.release()
        assert (await settle(runner, running)).status is JobStatus.SUCCEEDED
        assert len(client.run_calls) == 1


@pytest.mark.asyncio
async def test_cancel_a_running_job_leaves_the_others_alone(tmp_path: Path) -> None:
    client = FakeClient()
    async with open_runner(client, tmp_path, max_concurrent=2) as runner:
        first, second, third = (
            runner.submit(ENDPOINT, {"prompt": p, "hold": True}) for p in ("a", "b", "c")
        )
        await until_status(runner, first, JobStatus.PROCESSING)
        await until_status(runner, second, JobStatus.PROCESSING)

        cancelled = await runner.cancel(first.local_id)

        assert cancelled.status is JobStatus.CANCELED
        assert client.cancel_calls == [cancelled.task_id]
        assert _current(runner, second).status is JobStatus.PROCESSING
        await until_status(runner, third, JobStatus.PROCESSING)  # the freed slot is used
        client.release()
        assert (await settle(runner, second)).status is JobStatus.SUCCEEDED
        assert (await settle(runner, third)).status is JobStatus.SUCCEEDED
        assert _current(runner, first).status is JobStatus.CANCELED
        assert client.max_active == 2


@pytest.mark.asyncio
async def test_cancel_all_cancels_every_running_job(tmp_path: Path) -> None:
    client = FakeClient()
    async with open_runner(client, tmp_path, max_concurrent=2) as runner:
        finished = await settle(runner, runner.submit(ENDPOINT, {"prompt": "done"}))
        jobs = [runner.submit(ENDPOINT, {"prompt": p, "hold": True}) for p in "abc"]
        await until_status(runner, jobs[1], JobStatus.PROCESSING)

        await runner.cancel_all()

        assert [_current(runner, j).status for j in jobs] == [JobStatus.CANCELED] * 3
        assert len(client.run_calls) == 3  # the waiting job was never sent
        assert sorted(client.cancel_calls) == ["ms-2", "ms-3"]
        assert _current(runner, finished).status is JobStatus.SUCCEEDED


@pytest.mark.asyncio
async def test_cancel_of_a_task_that_already_ended_refreshes_it(tmp_path: Path) -> None:
    client = FakeClient()
    async with open_runner(client, tmp_path) as runner:
        job = runner.submit(ENDPOINT, {"prompt": "a", "hold": True})
        job = await until_status(runner, job, JobStatus.PROCESSING)
        assert job.task_id is not None
        # The server finished meanwhile, and the follower has not seen it yet.
        ended = replace(client.tasks[job.task_id], status=TaskStatus.SUCCEEDED, media=client.media)
        client.tasks[job.task_id] = ended

        await runner.cancel(job.local_id)
        done = await settle(runner, job)

        assert client.cancel_calls == [job.task_id] and job.task_id in client.get_calls
        assert done.status is JobStatus.SUCCEEDED and len(done.outputs) == 2


@pytest.mark.asyncio
async def test_cancel_during_the_post_cancels_once_the_id_is_known(tmp_path: Path) -> None:
    gate = asyncio.Event()
    client = FakeClient(run_gate=gate)
    async with open_runner(client, tmp_path) as runner:
        job = runner.submit(ENDPOINT, {"prompt": "a", "hold": True})
        await wait_until(lambda: len(client.run_calls) == 1)

        still = await runner.cancel(job.local_id)
        assert still.status is JobStatus.SUBMITTING and client.cancel_calls == []
        gate.set()
        done = await settle(runner, job)

        assert done.status is JobStatus.CANCELED
        assert client.cancel_calls == ["ms-1"]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "refusal",
    [
        AuthError("The API key was rejected.", status=401),
        ProtocolError("The server sent a task without a task id."),
        UnexpectedStatusError("The Mountsea API gave an unexpected answer (302).", status=302),
    ],
)
async def test_cancel_never_raises_and_keeps_following(
    tmp_path: Path, refusal: MountseaError
) -> None:
    client = FakeClient()
    async with open_runner(client, tmp_path) as runner:
        job = await until_status(
            runner, runner.submit(ENDPOINT, {"prompt": "a", "hold": True}), JobStatus.PROCESSING
        )

        async def refuse(task_id: str) -> object:
            raise refusal

        client.cancel_task = refuse  # type: ignore[assignment,method-assign]
        answered = await runner.cancel(job.local_id)
        assert answered.status is JobStatus.PROCESSING
        assert answered.warning == f"Cancel not confirmed, still following: {refusal}"
        client.release()
        assert (await settle(runner, job)).status is JobStatus.SUCCEEDED


@pytest.mark.asyncio
async def test_retry_reuses_the_row_and_keeps_the_old_remote_id(tmp_path: Path) -> None:
    client = FakeClient(default_outcome="failed")
    journal = RecordingJournal()
    async with open_runner(client, tmp_path, journal=journal) as runner:
        failed = await settle(runner, runner.submit(ENDPOINT, {"prompt": "a"}))
        assert failed.status is JobStatus.FAILED

        client.default_outcome = "succeeded"
        retried = runner.retry(failed.local_id)
        assert (retried.status, retried.error, retried.task_id) == (
            JobStatus.SUBMITTING,
            None,
            None,
        )
        done = await settle(runner, retried)

        assert done.local_id == failed.local_id and len(runner.jobs()) == 1
        assert done.remote_ids == ("ms-1", "ms-2") and done.task_id == "ms-2"
        assert done.attempt == 2 and done.status is JobStatus.SUCCEEDED
        assert [o.path.name.rsplit(" · ", 1)[1] for o in done.outputs if o.path] == [
            f"{done.local_id[:8]}-a2-0.png",
            f"{done.local_id[:8]}-a2-1.sh",
        ]
        assert [kind for kind, _ in journal.calls].count("created") == 1


@pytest.mark.asyncio
async def test_retry_and_remove_refuse_running_jobs(tmp_path: Path) -> None:
    client = FakeClient()
    async with open_runner(client, tmp_path) as runner:
        job = runner.submit(ENDPOINT, {"prompt": "a", "hold": True})

        with pytest.raises(JobStateError):
            runner.retry(job.local_id)
        with pytest.raises(JobStateError):
            runner.remove(job.local_id)
        client.release()
        await settle(runner, job)
        runner.remove(job.local_id)
        assert runner.jobs() == [] and runner.get(job.local_id) is None


@pytest.mark.asyncio
async def test_resume_follows_a_known_remote_task(tmp_path: Path) -> None:
    client = FakeClient()
    await client.run(ENDPOINT, {"prompt": "from last session"})
    async with open_runner(client, tmp_path) as runner:
        earlier = Job(
            endpoint=ENDPOINT,
            input={"prompt": "from last session"},
            status=JobStatus.QUEUED,
            task_id="ms-1",
            remote_ids=("ms-1",),
            submitted_at=datetime.now(UTC),
        )

        runner.resume(earlier)
        done = await settle(runner, earlier)

        assert done.status is JobStatus.SUCCEEDED and len(done.outputs) == 2
        assert len(client.run_calls) == 1  # only the set-up call: nothing resubmitted
        with pytest.raises(JobStateError):
            runner.resume(earlier)


@pytest.mark.asyncio
async def test_resume_without_an_answer_to_the_post_is_unknown(tmp_path: Path) -> None:
    client = FakeClient()
    async with open_runner(client, tmp_path) as runner:
        sent = Job(endpoint=ENDPOINT, input={"prompt": "a"}, submitted_at=datetime.now(UTC))
        never_sent = Job(endpoint=ENDPOINT, input={"prompt": "b"})

        assert runner.resume(sent).status is JobStatus.UNKNOWN
        assert _current(runner, sent).error == AMBIGUOUS_SUBMIT_MESSAGE
        done = await settle(runner, runner.resume(never_sent))

        assert done.status is JobStatus.SUCCEEDED
        assert [call[1] for call in client.run_calls] == [{"prompt": "b"}]


@pytest.mark.asyncio
async def test_resume_of_a_lost_task(tmp_path: Path) -> None:
    async with open_runner(FakeClient(), tmp_path) as runner:
        gone = Job(
            endpoint=ENDPOINT,
            input={},
            status=JobStatus.PROCESSING,
            task_id="ms-404",
            submitted_at=datetime.now(UTC),
        )

        runner.resume(gone)

        assert (await settle(runner, gone)).status is JobStatus.LOST
