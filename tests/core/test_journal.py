"""LibraryJournal: every runner change lands in the SQLite library, the row before the POST."""

from __future__ import annotations

import asyncio
import io
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import pytest
from PIL import Image
from typing_extensions import override

from studio.core.api import Endpoint, MediaKind, MediaRef
from studio.core.jobs import (
    AMBIGUOUS_SUBMIT_MESSAGE,
    NOT_RECORDED_MESSAGE,
    Job,
    JobRunner,
    JobStatus,
)
from studio.core.library import JobRecord, Library, LibraryJournal, OutputRecord
from studio.core.library._journal import output_indexes
from studio.core.session._backend_jobs import BackendJobs
from tests.conftest import wait_until
from tests.core.test_tasks_fakes import ENDPOINT, FakeClient, instant_sleep

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator
    from pathlib import Path

PNG_MEDIA = (
    MediaRef(
        url="https://cdn.example/t/image-0.png", kind=MediaKind.IMAGE, content_type="image/png"
    ),
)


def png_bytes(color: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), color).save(buffer, format="PNG")
    return buffer.getvalue()


@dataclass
class PngClient(FakeClient):
    """A FakeClient whose tasks each make one PNG at their own URL, downloaded as a real PNG."""

    @override
    def _complete(self, task_id: str) -> None:
        self.media = (replace(PNG_MEDIA[0], url=f"https://cdn.example/{task_id}/image-0.png"),)
        super()._complete(task_id)

    @override
    async def download(self, url: str, dest: Path) -> Path:
        if not url.endswith(".png"):
            return await super().download(url, dest)
        self.downloads.append((url, dest))
        await asyncio.to_thread(dest.write_bytes, png_bytes())
        return dest


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(tmp_path / "library" / "library.sqlite3") as opened:
        yield opened


@asynccontextmanager
async def open_services(
    client: FakeClient, library: Library, **options: Any
) -> AsyncIterator[BackendJobs]:
    services = await BackendJobs.open(
        client, library=library, outputs_dir=library.outputs_root, sleep=instant_sleep, **options
    )
    try:
        yield services
    finally:
        await services.aclose()


async def settled(services: BackendJobs, local_id: str) -> Job:
    """The job once it and its file work are done."""
    await wait_until(services.is_settled)
    job = services.runner.get(local_id)
    assert job is not None
    return job


class WatchingJournal(LibraryJournal):
    """After each call, keeps the job and the library's row as it then stood."""

    def __init__(self, library: Library) -> None:
        super().__init__(library)
        self.library = library
        self.seen: list[tuple[Job, JobRecord]] = []

    @override
    def job_created(self, job: Job) -> None:
        super().job_created(job)
        self._see(job)

    @override
    def job_changed(self, job: Job) -> None:
        super().job_changed(job)
        self._see(job)

    def _see(self, job: Job) -> None:
        record = self.library.get_job(job.local_id)
        assert record is not None
        self.seen.append((job, record))


def expected_row_status(job: Job) -> str:
    """What the library should say: a submit that got its answer is "queued" there."""
    if job.status is JobStatus.SUBMITTING and job.task_id is not None:
        return JobStatus.QUEUED.value
    return job.status.value


@pytest.mark.asyncio
async def test_every_transition_is_recorded_and_the_row_exists_before_the_post(
    library: Library, tmp_path: Path
) -> None:
    rows_at_post: list[tuple[JobStatus, str | None]] = []

    def on_run(_slug: str, input: dict[str, Any]) -> None:
        [record] = [r for r in library.recent_jobs() if r.input == input]
        rows_at_post.append((record.status, record.error))

    client = PngClient(on_run=on_run)
    journal = WatchingJournal(library)
    runner = JobRunner(client, outputs_dir=library.outputs_root, journal=journal)
    try:
        job = runner.submit(ENDPOINT, {"prompt": "a red fox"})
        await wait_until(lambda: runner.jobs()[0].status.is_settled)
    finally:
        await runner.aclose()

    # The POST left only after the row said that, from now on, the task may exist.
    assert rows_at_post == [(JobStatus.SUBMITTING, AMBIGUOUS_SUBMIT_MESSAGE)]
    for seen_job, row in journal.seen:  # every change reached the library as it happened
        assert row.status.value == expected_row_status(seen_job)
        assert row.remote_id == seen_job.task_id
        sending = seen_job.submitted_at is not None and seen_job.task_id is None
        assert row.error == (AMBIGUOUS_SUBMIT_MESSAGE if sending else seen_job.error)
    statuses = [row.status for _, row in journal.seen]
    assert statuses[0] is JobStatus.SUBMITTING and statuses[-1] is JobStatus.SUCCEEDED
    assert {JobStatus.QUEUED, JobStatus.PROCESSING} <= set(statuses)

    record = library.get_job(job.local_id)
    assert record is not None
    assert record.remote_id == "ms-1" and record.remote_ids == ("ms-1",)
    assert record.error is None
    assert record.started_at is not None and record.finished_at is not None
    assert record.elapsed_ms is not None and record.submitted_at is not None
    assert record.task()["task_id"] == "ms-1"  # the raw JSON as the server sent it
    [output] = library.outputs_for_job(job.local_id)
    assert (output.index, output.kind.value) == (0, "image")
    assert output.remote_url == "https://cdn.example/ms-1/image-0.png"


@pytest.mark.asyncio
async def test_a_failed_job_keeps_its_error_and_endpoint_facts(library: Library) -> None:
    client = FakeClient(default_outcome="failed")
    journal = LibraryJournal(library)
    journal.set_schema_fingerprint(ENDPOINT, "sha256:abc")
    pixel = Endpoint(ENDPOINT, "Pixel", "Acme", "pixel-2", "image", "text-to-image", (), "", {})
    journal.remember_endpoints([pixel])
    runner = JobRunner(client, outputs_dir=library.outputs_root, journal=journal)
    try:
        job = runner.submit(ENDPOINT, {"prompt": "will fail"}, webhook_url="https://hook.example")
        await wait_until(lambda: runner.jobs()[0].status.is_settled)
    finally:
        await runner.aclose()
    record = library.get_job(job.local_id)
    assert record is not None
    assert record.status is JobStatus.FAILED and record.error == "task failed (code 500)"
    assert (record.capability, record.model) == ("image", "pixel-2")
    assert record.schema_fingerprint == "sha256:abc"
    assert record.webhook_url == "https://hook.example"
    assert library.outputs_for_job(job.local_id) == []


@pytest.mark.asyncio
async def test_a_send_the_journal_cannot_record_is_not_sent(library: Library) -> None:
    class BrokenAtSend(LibraryJournal):
        @override
        def job_changed(self, job: Job) -> None:
            if job.submitted_at is not None and job.task_id is None:
                raise OSError("disk full")
            super().job_changed(job)

    client = FakeClient()
    runner = JobRunner(client, outputs_dir=library.outputs_root, journal=BrokenAtSend(library))
    try:
        job = runner.submit(ENDPOINT, {"prompt": "x"})
        await wait_until(lambda: runner.jobs()[0].status.is_settled)
    finally:
        await runner.aclose()
    done = runner.get(job.local_id)
    assert done is not None and done.status is JobStatus.FAILED
    assert done.error is not None and done.error.startswith(NOT_RECORDED_MESSAGE)
    assert client.run_calls == []


@pytest.mark.asyncio
async def test_retry_records_a_new_remote_id_and_keeps_old_outputs(library: Library) -> None:
    client = PngClient()
    async with open_services(client, library) as services:
        first = services.runner.submit(ENDPOINT, {"prompt": "again"})
        await settled(services, first.local_id)
        services.runner.retry(first.local_id)
        done = await settled(services, first.local_id)
    assert done.status is JobStatus.SUCCEEDED and done.remote_ids == ("ms-1", "ms-2")
    record = library.get_job(first.local_id)
    assert record is not None and record.remote_ids == ("ms-1", "ms-2")
    outputs = library.outputs_for_job(first.local_id)
    assert [o.index for o in outputs] == [0, 1]
    assert all(o.local_path is not None for o in outputs)
    assert len({o.local_path for o in outputs}) == 2


def _row(index: int, task_id: str, position: int) -> OutputRecord:
    return OutputRecord(
        id=index + 1, local_id="j", index=index, kind=MediaKind.IMAGE.value,  # type: ignore[arg-type]
        remote_url=f"https://old.example/{index}", local_path=None, sha256=None, size=None,
        media_type=None, width=None, height=None, duration=None, created_at=0.0, favourite=False,
        trashed_at=None, task_id=task_id, position=position,
    )  # fmt: skip


def test_output_indexes_reuse_the_tasks_rows_by_position_and_never_other_attempts() -> None:
    assert output_indexes([], "t2", 2) == [0, 1]
    assert output_indexes([_row(0, "t2", 0), _row(1, "t2", 1)], "t2", 2) == [0, 1]
    assert output_indexes([_row(0, "t1", 0), _row(1, "t1", 1)], "t2", 2) == [2, 3]
    assert output_indexes([_row(1, "t2", 0)], "t2", 2) == [1, 2]
    assert output_indexes([_row(0, "t1", 0), _row(2, "t2", 1)], "t2", 2) == [1, 2]


class SpyLibrary(Library):
    """Keeps (error, durable) of every update_job call."""

    updates: list[tuple[object, bool]]

    @override
    def update_job(self, local_id: str, *, durable: bool = False, **fields: Any) -> None:
        self.updates.append((fields.get("error"), durable))
        super().update_job(local_id, durable=durable, **fields)


@pytest.mark.asyncio
async def test_rows_carry_the_backend_and_only_the_sending_mark_is_forced_to_disk(
    tmp_path: Path,
) -> None:
    with SpyLibrary.open(tmp_path / "spy" / "library.sqlite3") as spy:
        spy.updates = []
        client = PngClient()
        runner = JobRunner(
            client, outputs_dir=spy.outputs_root, journal=LibraryJournal(spy, backend="demo")
        )
        try:
            job = runner.submit(ENDPOINT, {"prompt": "a red fox"})
            await wait_until(lambda: runner.jobs()[0].status.is_settled)
        finally:
            await runner.aclose()
        record = spy.get_job(job.local_id)
        assert record is not None and record.backend == "demo"
        assert record.status is JobStatus.SUCCEEDED
        durable = [error for error, forced in spy.updates if forced]
        assert durable == [AMBIGUOUS_SUBMIT_MESSAGE]  # once, for the send; the rest is cheap
        assert len(spy.updates) > 2


@pytest.mark.asyncio
async def test_endpoint_facts_learned_later_reach_the_rows_made_before(library: Library) -> None:
    journal = LibraryJournal(library, backend="https://api.example")
    runner = JobRunner(FakeClient(), outputs_dir=library.outputs_root, journal=journal)
    pixel = Endpoint(ENDPOINT, "Pixel", "Acme", "pixel-2", "image", "text-to-image", (), "", {})
    other = replace(pixel, slug="acme/other/text-to-image", model="other-1")
    try:
        early = runner.submit(ENDPOINT, {"prompt": "before the catalog"})
        journal.remember_endpoints([pixel, other])
        late = runner.submit(ENDPOINT, {"prompt": "after the catalog"})
        await wait_until(lambda: all(job.status.is_settled for job in runner.jobs()))
    finally:
        await runner.aclose()
    for job in (early, late):
        record = library.get_job(job.local_id)
        assert record is not None
        assert (record.capability, record.model) == ("image", "pixel-2")
        assert record.backend == "https://api.example"
