"""The submit log beside the library: what the DB loses, a job that may have left is never
re-sent, a known task id is followed again, and a refused one stays "not sent" (issue 11 §1, §5).
"""

from __future__ import annotations

import json
import stat
from dataclasses import replace
from typing import TYPE_CHECKING

import pytest

from studio.core.jobs import AMBIGUOUS_SUBMIT_MESSAGE, Job, JobStatus, utc_now
from studio.core.library import Library, LibraryJournal
from studio.core.library._submits import submit_log_path
from tests.core.test_journal import PngClient, open_services, settled
from tests.core.test_tasks_fakes import ENDPOINT

if TYPE_CHECKING:
    from pathlib import Path


def db_path(tmp_path: Path) -> Path:
    return tmp_path / "library" / "library.sqlite3"


def sending_job(library: Library, prompt: str) -> tuple[LibraryJournal, Job]:
    """A job recorded and marked as leaving, exactly as the runner's journal does it."""
    journal = LibraryJournal(library, backend="demo")
    job = Job(endpoint=ENDPOINT, input={"prompt": prompt})
    journal.job_created(job)
    sending = replace(job, submitted_at=utc_now())
    journal.job_changed(sending)
    return journal, sending


def lose(library: Library, sql: str, local_id: str) -> None:
    """What a damaged WAL does: a committed change silently gone."""
    with library._write() as db:
        db.execute(sql, (local_id,))


@pytest.mark.asyncio
async def test_a_lost_may_have_left_mark_comes_back_and_nothing_is_sent(tmp_path: Path) -> None:
    with Library.open(db_path(tmp_path)) as library:
        _, job = sending_job(library, "a paid job")
        record = library.get_job(job.local_id)
        assert record is not None and record.error == AMBIGUOUS_SUBMIT_MESSAGE
        lose(library, "UPDATE jobs SET error = NULL WHERE local_id = ?", job.local_id)
    client = PngClient()
    with Library.open(db_path(tmp_path)) as library:
        assert library.submit_log_report.marked_unknown == (job.local_id,)
        async with open_services(client, library, backend="demo") as services:
            report = await services.reconcile()
        assert report.unknown == (job.local_id,) and not report.sent
        record = library.get_job(job.local_id)
        assert record is not None and record.status is JobStatus.UNKNOWN
    assert client.run_calls == []


@pytest.mark.asyncio
async def test_a_lost_row_is_recreated_as_unknown(tmp_path: Path) -> None:
    with Library.open(db_path(tmp_path)) as library:
        _, job = sending_job(library, "a lighthouse at dusk")
        lose(library, "DELETE FROM jobs WHERE local_id = ?", job.local_id)
    client = PngClient()
    with Library.open(db_path(tmp_path)) as library:
        assert library.submit_log_report.recreated == (job.local_id,)
        record = library.get_job(job.local_id)
        assert record is not None
        assert (record.endpoint, record.input, record.prompt, record.backend) == (
            ENDPOINT,
            {"prompt": "a lighthouse at dusk"},
            "a lighthouse at dusk",
            "demo",
        )
        async with open_services(client, library, backend="demo") as services:
            report = await services.reconcile()
        assert report.unknown == (job.local_id,)
    assert client.run_calls == []


@pytest.mark.asyncio
async def test_a_lost_task_id_comes_back_and_the_task_is_followed(tmp_path: Path) -> None:
    client = PngClient()
    task = await client.run(ENDPOINT, {"prompt": "harbour"})  # the POST that got its answer
    with Library.open(db_path(tmp_path)) as library:
        journal, job = sending_job(library, "harbour")
        journal.job_changed(replace(job, task_id=task.task_id, remote_ids=(task.task_id,)))
        lose(
            library,
            "UPDATE jobs SET remote_id = NULL, remote_ids_json = '[]', status = 'submitting', "
            "error = NULL WHERE local_id = ?",
            job.local_id,
        )
    with Library.open(db_path(tmp_path)) as library:
        assert library.submit_log_report.answered == (job.local_id,)
        async with open_services(client, library, backend="demo") as services:
            report = await services.reconcile()
            assert report.followed == (job.local_id,)
            done = await settled(services, job.local_id)
        assert done.status is JobStatus.SUCCEEDED
        assert library.outputs_for_job(job.local_id)[0].local_path is not None
    assert len(client.run_calls) == 1  # only the one above


@pytest.mark.asyncio
async def test_a_refused_submit_stays_not_sent(tmp_path: Path) -> None:
    with Library.open(db_path(tmp_path)) as library:
        journal, job = sending_job(library, "refused")
        refused = replace(job, status=JobStatus.FAILED, error="Not sent. Refused.")
        journal.job_changed(replace(refused, finished_at=utc_now()))
        lose(library, "UPDATE jobs SET status = 'submitting', error = NULL WHERE local_id = ?",
             job.local_id)  # fmt: skip
    client = PngClient()
    with Library.open(db_path(tmp_path)) as library:
        assert library.submit_log_report.not_sent == (job.local_id,)
        async with open_services(client, library, backend="demo") as services:
            report = await services.reconcile()
        assert not (report.sent or report.unknown)
        record = library.get_job(job.local_id)
        assert record is not None and record.status is JobStatus.FAILED
        assert record.error == "Not sent. Refused."
    assert client.run_calls == []


@pytest.mark.asyncio
async def test_lines_of_settled_jobs_go_and_a_damaged_line_is_skipped(tmp_path: Path) -> None:
    client = PngClient()
    with Library.open(db_path(tmp_path)) as library:
        async with open_services(client, library, backend="demo") as services:
            job = services.runner.submit(ENDPOINT, {"prompt": "done"})
            await settled(services, job.local_id)
        _, waiting = sending_job(library, "still in flight")
    log_path = submit_log_path(db_path(tmp_path))
    assert stat.S_IMODE(log_path.stat().st_mode) == 0o600
    with log_path.open("ab") as stream:
        stream.write(b'{"e": "sending", "id": \n')  # a torn line
    with Library.open(db_path(tmp_path)) as library:
        assert library.submit_log_report.damaged_lines == 1
    raw = log_path.read_bytes()
    lines = [json.loads(line) for line in raw.rstrip(b"\0").splitlines()]
    assert {line["id"] for line in lines} == {waiting.local_id}
    assert raw.endswith(b"\0" * 1024)  # room kept for lines on a full disk
