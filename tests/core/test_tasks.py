"""JobRunner: submit → follow → download, concurrency, errors on submit and while following."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import pytest
from typing_extensions import override

from studio.core.api import (
    FieldMessage,
    MediaKind,
    MediaRef,
    NetworkError,
    NotFoundError,
    PaymentRequiredError,
    ValidationError,
)
from studio.core.jobs import (
    AMBIGUOUS_SUBMIT_MESSAGE,
    CONNECTION_WARNING,
    DurationStats,
    Job,
    JobRunner,
    JobStatus,
    TaskClient,
)
from tests.conftest import wait_until
from tests.core.test_tasks_fakes import ENDPOINT, FakeClient, RecordingJournal, open_runner

if TYPE_CHECKING:
    from collections.abc import AsyncIterator
    from pathlib import Path

    from studio.core.api import MountseaClient


def _real_client_fits_protocol(client: MountseaClient) -> TaskClient:
    return client  # mypy checks that the real client satisfies the runner's protocol


async def settle(runner: JobRunner, job: Job) -> Job:
    await wait_until(lambda: _current(runner, job).status.is_settled)
    return _current(runner, job)


def _current(runner: JobRunner, job: Job) -> Job:
    found = runner.get(job.local_id)
    assert found is not None
    return found


@pytest.mark.asyncio
async def test_submit_downloads_outputs_under_app_chosen_names(tmp_path: Path) -> None:
    client = FakeClient()
    async with open_runner(client, tmp_path) as runner:
        job = runner.submit(ENDPOINT, {"prompt": "a red fox"}, webhook_url="https://hook.example/x")
        assert job.status is JobStatus.SUBMITTING

        done = await settle(runner, job)

        assert done.status is JobStatus.SUCCEEDED
        assert client.run_calls == [(ENDPOINT, {"prompt": "a red fox"}, "https://hook.example/x")]
        assert done.remote_ids == ("ms-1",) and done.task_id == "ms-1"
        assert [o.error for o in done.outputs] == [None, None]
        outputs_dir = (tmp_path / "outputs").resolve()
        day = datetime.now(UTC).astimezone().date().isoformat()
        names = [o.path.name for o in done.outputs if o.path is not None]
        short = job.local_id[:8]  # the day, the prompt, the model and a short id; never the URL's
        assert names == [
            f"{day} a red fox · pixel · {short}-0.png",
            f"{day} a red fox · pixel · {short}-1.sh",
        ]
        for output in done.outputs:
            assert output.path is not None and output.path.is_file()
            assert output.path.resolve().parent == outputs_dir / day
        assert done.submitted_at is not None and done.finished_at is not None
        assert done.started_at is not None


@pytest.mark.asyncio
async def test_the_input_is_copied_at_submit(tmp_path: Path) -> None:
    client = FakeClient()
    async with open_runner(client, tmp_path) as runner:
        values: dict[str, Any] = {"prompt": "one", "tags": ["a"]}
        job = runner.submit(ENDPOINT, values)
        values["tags"].append("b")
        await settle(runner, job)
        assert client.run_calls[0][1] == {"prompt": "one", "tags": ["a"]}


@pytest.mark.asyncio
async def test_concurrency_limit_is_respected(tmp_path: Path) -> None:
    client = FakeClient()
    async with open_runner(client, tmp_path, max_concurrent=2) as runner:
        jobs = [runner.submit(ENDPOINT, {"prompt": f"p{i}", "hold": True}) for i in range(5)]

        await wait_until(lambda: client.active == 2)
        await asyncio.sleep(0.05)  # give a wrongly started third job the chance to show up
        assert len(client.run_calls) == 2
        assert [_current(runner, j).is_waiting_locally for j in jobs] == [False] * 2 + [True] * 3

        client.release()
        done = [await settle(runner, j) for j in jobs]

        assert [j.status for j in done] == [JobStatus.SUCCEEDED] * 5
        assert client.max_active == 2
        assert [call[1]["prompt"] for call in client.run_calls] == ["p0", "p1", "p2", "p3", "p4"]


@pytest.mark.asyncio
async def test_raising_the_limit_starts_waiting_jobs(tmp_path: Path) -> None:
    client = FakeClient()
    async with open_runner(client, tmp_path, max_concurrent=1) as runner:
        for i in range(3):
            runner.submit(ENDPOINT, {"prompt": f"p{i}", "hold": True})
        await wait_until(lambda: client.active == 1)

        runner.set_max_concurrent(3)

        await wait_until(lambda: client.active == 3)
        assert runner.max_concurrent == 3
        with pytest.raises(ValueError, match="at least 1"):
            runner.set_max_concurrent(0)


@pytest.mark.asyncio
async def test_validation_error_on_submit_fails_with_field_errors(tmp_path: Path) -> None:
    fields = (FieldMessage("prompt", "is required"),)
    client = FakeClient(run_error=ValidationError("The input is invalid.", field_errors=fields))
    async with open_runner(client, tmp_path) as runner:
        done = await settle(runner, runner.submit(ENDPOINT, {}))

        assert done.status is JobStatus.FAILED
        assert done.error == "The input is invalid."
        assert done.field_errors == fields
        assert done.task_id is None and done.remote_ids == ()


@pytest.mark.asyncio
async def test_clear_http_error_on_submit_fails_with_its_message(tmp_path: Path) -> None:
    error = PaymentRequiredError("Not enough credits for this run.", status=402)
    async with open_runner(FakeClient(run_error=error), tmp_path) as runner:
        done = await settle(runner, runner.submit(ENDPOINT, {"prompt": "x"}))

        assert (done.status, done.error) == (JobStatus.FAILED, "Not enough credits for this run.")


@pytest.mark.asyncio
async def test_ambiguous_network_error_on_submit_is_unknown_and_not_resent(tmp_path: Path) -> None:
    client = FakeClient(run_error=NetworkError("The server stopped answering."))
    async with open_runner(client, tmp_path) as runner:
        done = await settle(runner, runner.submit(ENDPOINT, {"prompt": "x"}))
        await asyncio.sleep(0.05)

        assert done.status is JobStatus.UNKNOWN
        assert done.error is not None and done.error.startswith(AMBIGUOUS_SUBMIT_MESSAGE)
        assert "may have reached the server" in done.error
        assert len(client.run_calls) == 1


@pytest.mark.asyncio
async def test_not_found_while_following_is_lost(tmp_path: Path) -> None:
    client = FakeClient(follow_errors=[NotFoundError("This task does not exist.", status=404)])
    async with open_runner(client, tmp_path) as runner:
        done = await settle(runner, runner.submit(ENDPOINT, {"prompt": "x"}))

        assert done.status is JobStatus.LOST
        assert done.remote_ids == ("ms-1",)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("outcome", "status"), [("failed", JobStatus.FAILED), ("timeout", JobStatus.TIMEOUT)]
)
async def test_failed_task_keeps_its_error_as_text(
    tmp_path: Path, outcome: str, status: JobStatus
) -> None:
    async with open_runner(FakeClient(), tmp_path) as runner:
        done = await settle(runner, runner.submit(ENDPOINT, {"prompt": "x", "outcome": outcome}))

        assert done.status is status
        assert done.error == "task failed (code 500)"
        assert done.outputs == ()


@pytest.mark.asyncio
async def test_connection_trouble_while_following_warns_then_recovers(tmp_path: Path) -> None:
    errors: list[Exception] = [NetworkError("down"), NetworkError("still down")]
    client = FakeClient(follow_errors=errors)
    journal = RecordingJournal()
    async with open_runner(client, tmp_path, journal=journal) as runner:
        done = await settle(runner, runner.submit(ENDPOINT, {"prompt": "x"}))

        assert done.status is JobStatus.SUCCEEDED and done.warning is None
        warnings = [job.warning for _, job in journal.calls if job.warning]
        assert warnings and set(warnings) == {CONNECTION_WARNING}


@pytest.mark.asyncio
async def test_failed_download_keeps_the_job_succeeded_with_the_reason(tmp_path: Path) -> None:
    media = (
        MediaRef(url="https://cdn.example/ok.mp4", kind=MediaKind.VIDEO),
        MediaRef(url="https://cdn.example/broken.mp4", kind=MediaKind.VIDEO),
    )
    async with open_runner(FakeClient(media=media), tmp_path) as runner:
        done = await settle(runner, runner.submit(ENDPOINT, {"prompt": "x"}))

        assert done.status is JobStatus.SUCCEEDED
        assert done.outputs[0].path is not None and done.outputs[1].path is None
        assert done.outputs[1].error == "The file could not be downloaded (HTTP 500)."
        assert done.error is not None and done.error.startswith("1 of 2 outputs could not be saved")


@pytest.mark.asyncio
async def test_journal_hears_of_the_job_before_the_post(tmp_path: Path) -> None:
    journal = RecordingJournal()
    seen_at_post: list[list[str]] = []
    client = FakeClient(on_run=lambda _slug, _input: seen_at_post.append(kinds()))

    def kinds() -> list[str]:
        return [kind for kind, _ in journal.calls]

    async with open_runner(client, tmp_path, journal=journal) as runner:
        job = runner.submit(ENDPOINT, {"prompt": "x"})
        assert journal.calls == [("created", job)]

        done = await settle(runner, job)

        assert seen_at_post[0][0] == "created"
        changed = [j for kind, j in journal.calls if kind == "changed"]
        assert changed[0].submitted_at is not None and changed[0].task_id is None
        assert any(j.task_id == "ms-1" for j in changed)
        assert changed[-1] == done and done.outputs


@pytest.mark.asyncio
async def test_journal_failure_on_create_sends_nothing(tmp_path: Path) -> None:
    class BrokenJournal(RecordingJournal):
        @override
        def job_created(self, job: Job) -> None:
            raise OSError("disk full")

    client = FakeClient()
    async with open_runner(client, tmp_path, journal=BrokenJournal()) as runner:
        with pytest.raises(OSError, match="disk full"):
            runner.submit(ENDPOINT, {"prompt": "x"})
        await asyncio.sleep(0.02)
        assert runner.jobs() == [] and client.run_calls == []


@pytest.mark.asyncio
async def test_changes_stream_every_snapshot_and_ends_on_close(tmp_path: Path) -> None:
    async with open_runner(FakeClient(), tmp_path) as runner:
        seen: list[JobStatus] = []

        async def consume(stream: AsyncIterator[Job]) -> None:
            async for job in stream:
                seen.append(job.status)

        consumer = asyncio.ensure_future(consume(runner.changes()))
        await settle(runner, runner.submit(ENDPOINT, {"prompt": "x"}))
        await runner.aclose()
        await asyncio.wait_for(consumer, 5)

        assert seen[0] is JobStatus.SUBMITTING
        assert JobStatus.QUEUED in seen and JobStatus.PROCESSING in seen
        assert seen[-1] is JobStatus.SUCCEEDED


@pytest.mark.asyncio
async def test_successes_feed_the_duration_stats(tmp_path: Path) -> None:
    stats = DurationStats()
    async with open_runner(FakeClient(), tmp_path, stats=stats) as runner:
        first = await settle(runner, runner.submit(ENDPOINT, {"prompt": "x"}))
        second = runner.submit(ENDPOINT, {"prompt": "y", "hold": True})
        await wait_until(lambda: _current(runner, second).status is JobStatus.PROCESSING)

        assert stats.median(ENDPOINT) == first.elapsed_s()
        assert _current(runner, second).expected_s == stats.median(ENDPOINT)
        assert _current(runner, second).eta_s() is None  # instant fake runs: no countdown


@pytest.mark.asyncio
async def test_aclose_leaves_remote_tasks_alone(tmp_path: Path) -> None:
    client = FakeClient()
    async with open_runner(client, tmp_path) as runner:
        job = runner.submit(ENDPOINT, {"prompt": "x", "hold": True})
        await wait_until(lambda: _current(runner, job).status is JobStatus.PROCESSING)

        await runner.aclose()

        assert client.cancel_calls == []
        assert _current(runner, job).status is JobStatus.PROCESSING
        with pytest.raises(RuntimeError, match="closed"):
            runner.submit(ENDPOINT, {})
