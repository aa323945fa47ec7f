"""A full disk: the queue and the library agree, nothing shown as not sent is sent later, no
``.part`` files stay behind, and the session says the disk is full once (issue 11 §5).

The disk is simulated: library writes fail with SQLite's SQLITE_FULL, file writes that would
grow a file fail with ENOSPC (writes into room a file already has still succeed, as on a real
disk). packaging/disk_full_check.py runs the same story on a real 6 MB filesystem (needs root).
"""

from __future__ import annotations

import asyncio
import errno
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typing_extensions import override

from studio.core.jobs import NOT_RECORDED_MESSAGE, JobStatus
from studio.core.library import Library
from studio.core.library import _submits as submits
from studio.core.session import Notice
from tests.conftest import wait_until
from tests.core.test_journal import PngClient, open_services, settled
from tests.core.test_tasks_fakes import ENDPOINT
from tests.fakes.session import open_session


def no_space() -> OSError:
    return OSError(errno.ENOSPC, "No space left on device")


class FullDisk:
    """Stands in for the library's SQLite connection: every write fails while ``full``."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.full = False

    def execute(self, sql: str, *args: Any) -> Any:
        if self.full and sql.split(maxsplit=1)[0].upper() in (
            "BEGIN",
            "INSERT",
            "UPDATE",
            "DELETE",
        ):
            error = sqlite3.OperationalError("database or disk is full")
            error.sqlite_errorcode = sqlite3.SQLITE_FULL
            raise error
        return self.db.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.db, name)


def fill_the_disk(library: Library, monkeypatch: pytest.MonkeyPatch) -> FullDisk:
    disk = FullDisk(library._db)
    library._db = disk  # type: ignore[assignment]
    real_write_at = submits._write_at

    def write_at(descriptor: int, offset: int, payload: bytes) -> None:
        if disk.full and offset + len(payload) > os.fstat(descriptor).st_size:
            raise no_space()  # growing the file needs room; its zeros do not
        real_write_at(descriptor, offset, payload)

    monkeypatch.setattr(submits, "_write_at", write_at)
    return disk


@dataclass
class FillingClient(PngClient):
    """Downloads stop half-way with ENOSPC once ``disk`` is full, leaving a .part behind."""

    disk: FullDisk | None = None

    @override
    async def download(self, url: str, dest: Path) -> Path:
        if self.disk is None or not self.disk.full:
            return await super().download(url, dest)
        self.downloads.append((url, dest))
        dest.with_name(dest.name + ".part").write_bytes(b"half a picture")
        raise no_space()


async def jobs_waiting_on_a_filling_disk(
    library: Library, client: FillingClient, monkeypatch: pytest.MonkeyPatch, reported: list[Path]
) -> tuple[str, list[str]]:
    """One job holds the only slot while two wait; then the disk fills up."""
    disk = fill_the_disk(library, monkeypatch)
    client.disk = disk
    async with open_services(
        client, library, backend="demo", max_concurrent=1, on_disk_full=reported.append
    ) as services:
        first = services.runner.submit(ENDPOINT, {"prompt": "first", "hold": True})
        waiting = [services.runner.submit(ENDPOINT, {"prompt": f"waits {n}"}) for n in (1, 2)]
        await wait_until(lambda: len(client.run_calls) == 1)
        disk.full = True
        client.release()
        for job in (first, *waiting):
            await settled(services, job.local_id)
        for job in waiting:
            shown = services.runner.get(job.local_id)
            assert shown is not None and shown.status is JobStatus.FAILED
            assert shown.error is not None and shown.error.startswith(NOT_RECORDED_MESSAGE)
        done = services.runner.get(first.local_id)
        assert done is not None and done.outputs[0].disk_full is not None
    disk.full = False
    return first.local_id, [job.local_id for job in waiting]


@pytest.mark.asyncio
async def test_jobs_the_queue_showed_as_not_sent_are_never_sent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "library" / "library.sqlite3"
    client, reported = FillingClient(), list[Path]()
    with Library.open(db) as library:
        first, waiting = await jobs_waiting_on_a_filling_disk(
            library, client, monkeypatch, reported
        )
        assert not list(library.outputs_root.rglob("*.part"))  # no partial file stays behind
        assert reported and reported[0] == library.outputs_root / reported[0].relative_to(
            library.outputs_root
        )
    assert [call[1]["prompt"] for call in client.run_calls] == ["first"]
    with Library.open(db) as library:  # the next start, with room again
        assert set(library.submit_log_report.not_sent) == set(waiting)
        for local_id in waiting:
            record = library.get_job(local_id)
            assert record is not None and record.status is JobStatus.FAILED
        async with open_services(client, library, backend="demo") as services:
            report = await services.reconcile()
            # Its success could not be recorded either: followed again, its output saved now.
            assert not report.sent and report.followed == (first,)
            await settled(services, first)
        [output] = library.outputs_for_job(first)
        assert output.local_path is not None
    assert [call[1]["prompt"] for call in client.run_calls] == ["first"]


@pytest.mark.asyncio
async def test_a_start_on_a_disk_still_full_sends_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "library" / "library.sqlite3"
    client = FillingClient()
    with Library.open(db) as library:
        _, waiting = await jobs_waiting_on_a_filling_disk(library, client, monkeypatch, [])

    def full_at_open(self: Any, histories: Any) -> Any:
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = sqlite3.SQLITE_FULL
        raise error

    monkeypatch.setattr(Library, "_apply_history", full_at_open)
    with Library.open(db) as library:
        assert library.submit_log_report.unapplied
        async with open_services(client, library, backend="demo") as services:
            report = await services.reconcile()
        assert not report.sent and set(waiting) <= set(report.unknown)
    assert [call[1]["prompt"] for call in client.run_calls] == ["first"]


@dataclass
class NoRoomClient(PngClient):
    @override
    async def download(self, url: str, dest: Path) -> Path:
        self.downloads.append((url, dest))
        raise no_space()


@pytest.mark.asyncio
async def test_the_session_says_the_disk_is_full_once_with_the_folder(tmp_path: Path) -> None:
    async with open_session(NoRoomClient(), tmp_path) as session:
        events = session.events()
        for prompt in ("one", "two"):
            session.submit(ENDPOINT, {"prompt": prompt})
        await wait_until(lambda: events.pending() > 0 and len(session.library.recent_jobs()) == 2)
        await wait_until(
            lambda: all(j.status.is_settled for j in map(session.job, _ids(session)) if j)
        )
        await asyncio.sleep(0)
        notices = []
        while events.pending():
            event = await anext(events)
            if isinstance(event, Notice) and "disk is full" in event.message:
                notices.append(event)
    assert len(notices) == 1 and notices[0].status_bar
    assert str(session.library.outputs_root) in notices[0].message


def _ids(session: Any) -> list[str]:
    return [record.local_id for record in session.library.recent_jobs()]
