"""QueuedJournal: the library is written from a thread of its own, in order, and a submit still
leaves only once its row and its "may have left" mark are on disk."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import pytest
from typing_extensions import override

from studio.core.jobs import (
    AMBIGUOUS_SUBMIT_MESSAGE,
    NOT_RECORDED_MESSAGE,
    Job,
    JobRunner,
    JobStatus,
    utc_now,
)
from studio.core.library import Library, LibraryJournal, QueuedJournal
from tests.conftest import wait_until
from tests.core.test_journal import PngClient, open_services, settled
from tests.core.test_tasks_fakes import ENDPOINT

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path


class ThreadSpyLibrary(Library):
    """Notes the thread of every write the journal makes."""

    writers: set[str]

    @override
    def create_job(self, local_id: str, endpoint: str, input: Any, **options: Any) -> None:
        self.writers.add(threading.current_thread().name)
        super().create_job(local_id, endpoint, input, **options)

    @override
    def update_job(self, local_id: str, **fields: Any) -> None:
        self.writers.add(threading.current_thread().name)
        super().update_job(local_id, **fields)

    @override
    def note_submit(self, event: str, local_id: str, **data: Any) -> None:
        self.writers.add(threading.current_thread().name)
        super().note_submit(event, local_id, **data)


@pytest.fixture
def spy(tmp_path: Path) -> Iterator[ThreadSpyLibrary]:
    with ThreadSpyLibrary.open(tmp_path / "library" / "library.sqlite3") as opened:
        opened.writers = set()
        yield opened


@pytest.mark.asyncio
async def test_the_loop_never_writes_and_the_row_is_marked_before_the_post(
    spy: ThreadSpyLibrary,
) -> None:
    at_post: list[tuple[JobStatus, str | None]] = []

    def on_run(_slug: str, input: dict[str, Any]) -> None:
        [record] = [r for r in spy.recent_jobs() if r.input == input]
        at_post.append((record.status, record.error))

    async with open_services(PngClient(on_run=on_run), spy, backend="demo") as services:
        job = services.runner.submit(ENDPOINT, {"prompt": "a red fox"})
        done = await settled(services, job.local_id)
    assert done.status is JobStatus.SUCCEEDED
    assert at_post == [(JobStatus.SUBMITTING, AMBIGUOUS_SUBMIT_MESSAGE)]
    assert spy.writers == {"library-writes"}
    record = spy.get_job(job.local_id)
    assert record is not None and record.status is JobStatus.SUCCEEDED
    [output] = spy.outputs_for_job(job.local_id)
    assert output.local_path is not None  # recorded once its row was written


@pytest.mark.asyncio
async def test_a_sending_mark_that_cannot_be_written_sends_nothing(tmp_path: Path) -> None:
    class BrokenAtSend(LibraryJournal):
        @override
        def job_changed(self, job: Job) -> None:
            if job.submitted_at is not None and job.task_id is None:
                raise OSError("disk full")
            super().job_changed(job)

    client = PngClient()
    with Library.open(tmp_path / "library" / "library.sqlite3") as library:
        journal = QueuedJournal(BrokenAtSend(library))
        runner = JobRunner(client, outputs_dir=library.outputs_root, journal=journal)
        try:
            job = runner.submit(ENDPOINT, {"prompt": "x"})
            await wait_until(lambda: runner.jobs()[0].status.is_settled)
        finally:
            await runner.aclose()
            await journal.aclose()
        record = library.get_job(job.local_id)
    done = runner.get(job.local_id)
    assert done is not None and done.status is JobStatus.FAILED
    assert done.error is not None and done.error.startswith(NOT_RECORDED_MESSAGE)
    assert client.run_calls == []
    assert record is not None and record.status is JobStatus.FAILED  # as the queue says


def hold_the_loop_until(done: Callable[[], bool]) -> None:
    """Block the calling thread (the loop's) until ``done()``, for at most 10 s."""
    deadline = time.monotonic() + 10
    while not done() and time.monotonic() < deadline:
        time.sleep(0.01)


@pytest.mark.asyncio
async def test_writes_go_on_in_order_while_the_loop_is_busy(tmp_path: Path) -> None:
    with Library.open(tmp_path / "library" / "library.sqlite3") as library:
        journal = QueuedJournal(LibraryJournal(library))
        job = Job(endpoint=ENDPOINT, input={"prompt": "x"})
        journal.job_created(job)
        sending = replace(job, submitted_at=utc_now())
        journal.job_changed(sending)
        failed = replace(sending, status=JobStatus.FAILED, error="refused", submitted_at=None)
        journal.job_changed(failed)
        hold_the_loop_until(lambda: journal.idle)  # the thread writes all the same
        record = library.get_job(job.local_id)
        assert record is not None
        assert (record.status, record.error) == (JobStatus.FAILED, "refused")
        await journal.on_disk(job.local_id)
        assert await journal.aclose()
        journal.job_changed(replace(failed, error="after close"))  # written at once, here
        record = library.get_job(job.local_id)
        assert record is not None and record.error == "after close"


@pytest.mark.asyncio
async def test_on_disk_raises_what_kept_the_latest_write_from_the_disk(tmp_path: Path) -> None:
    class Refusing(LibraryJournal):
        refuse = True

        @override
        def job_changed(self, job: Job) -> None:
            if self.refuse:
                raise OSError("no room")
            super().job_changed(job)

    with Library.open(tmp_path / "library" / "library.sqlite3") as library:
        inner = Refusing(library)
        journal = QueuedJournal(inner)
        job = Job(endpoint=ENDPOINT, input={"prompt": "x"})
        journal.job_created(job)
        await journal.on_disk(job.local_id)  # the row itself went in
        journal.job_changed(replace(job, submitted_at=utc_now()))
        with pytest.raises(OSError, match="no room"):
            await journal.on_disk(job.local_id)
        inner.refuse = False
        journal.job_changed(replace(job, status=JobStatus.FAILED, error="not sent"))
        await journal.on_disk(job.local_id)  # the latest one went in: nothing to raise
        await journal.written()
        assert await journal.aclose()
