"""A damaged library is moved aside and rebuilt; nothing is re-sent (issue 11 §1).

Damage at several places: truncated to half, garbage in the header, garbage in the middle, a
0-byte file while the outputs are on disk, and a damaged WAL after a kill. Each time the library
opens, its outputs are listed with their prompts, and start-up sends nothing.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import pytest

from studio.core.jobs import Job, JobStatus, utc_now
from studio.core.library import Library, LibraryJournal, OutputFilter, open_library
from studio.core.library._recovery import REPAIRED_NOT_SENT_MESSAGE
from studio.core.library._sidecars import has_recorded_outputs, output_files
from studio.core.paths import sidecar_path
from tests.core.test_journal import PngClient, open_services, settled
from tests.core.test_tasks_fakes import ENDPOINT

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

PROMPTS = [f"a lighthouse number {number}" for number in range(6)]
FRAME = 4096 + 24


@dataclass
class Made:
    db: Path
    local_ids: list[str]  # succeeded, one PNG each, in PROMPTS order
    in_flight: list[str]  # their request may have left when the app stopped


async def make_library(folder: Path, *, stop_open: bool = False) -> Made:
    """A library with six finished outputs and a failed job; with ``stop_open`` also two jobs
    whose requests were leaving, and the files copied as a SIGKILL would leave them."""
    db = folder / "library.sqlite3"
    library = Library.open(db)
    library._db.execute("PRAGMA wal_autocheckpoint=0")  # as after a kill: all in the WAL
    client = PngClient()
    async with open_services(client, library, backend="demo") as services:
        jobs = [services.runner.submit(ENDPOINT, {"prompt": p, "seed": 3}) for p in PROMPTS]
        failed = services.runner.submit(ENDPOINT, {"prompt": "will fail", "outcome": "failed"})
        for job in [*jobs, failed]:
            await settled(services, job.local_id)
    in_flight = []
    if stop_open:
        journal = LibraryJournal(library, backend="demo")
        for prompt in ("paid and in flight", "also in flight"):
            job = Job(endpoint=ENDPOINT, input={"prompt": prompt})
            journal.job_created(job)
            journal.job_changed(replace(job, submitted_at=utc_now()))
            in_flight.append(job.local_id)
        killed = folder.with_name(folder.name + "-killed")
        shutil.copytree(folder, killed)  # the files as they are on disk, connection still open
        library.close()
        return Made(killed / db.name, [job.local_id for job in jobs], in_flight)
    library.close()
    return Made(db, [job.local_id for job in jobs], in_flight)


def page_without_jobs(db: Path) -> int:
    """The number of a page that holds no job, output or schema: an empty index of comparisons.

    (The last page once was one; since v7 it may be a page of the schema itself.)
    """
    with sqlite3.connect(db) as connection:
        row = connection.execute(
            "SELECT pageno FROM dbstat WHERE name = 'comparison_jobs_local'"
        ).fetchone()
    connection.close()
    return int(row[0])


def truncate_to_half(db: Path) -> None:
    with db.open("r+b") as stream:
        stream.truncate(db.stat().st_size // 2)


def garbage_header(db: Path) -> None:
    with db.open("r+b") as stream:
        stream.write(os.urandom(100))


def garbage_middle(db: Path) -> None:
    with db.open("r+b") as stream:
        stream.seek(db.stat().st_size // 2)
        stream.write(os.urandom(8192))


def zero_bytes(db: Path) -> None:
    db.write_bytes(b"")


def damage_wal_middle(db: Path) -> None:
    wal = db.with_name(db.name + "-wal")
    frames = (wal.stat().st_size - 32) // FRAME
    with wal.open("r+b") as stream:
        stream.seek(32 + (frames // 2) * FRAME + 24 + 512)
        stream.write(os.urandom(1024))


async def assert_recovered(made: Made, *, kept: bool = True) -> Library:
    library, report = open_library(made.db)
    assert report is not None and report.error is None, report
    if kept:
        assert report.moved_to and all(path.exists() for path in report.moved_to)
        assert ".damaged-" in report.moved_to[0].name
    items = library.page_outputs(OutputFilter(newest_first=False), 0, 100)
    assert sorted(item.prompt for item in items) == sorted(PROMPTS)
    assert all(item.file is not None and item.file.is_file() for item in items)
    for local_id, prompt in zip(made.local_ids, PROMPTS, strict=True):
        record = library.get_job(local_id)
        assert record is not None and record.prompt == prompt and record.input["seed"] == 3
        assert record.status is JobStatus.SUCCEEDED and record.remote_id is not None
        [output] = library.outputs_for_job(local_id)
        assert (output.width, output.height, output.position) == (8, 6, 0)
    [found] = library.page_outputs(OutputFilter(text="number 4"), 0, 10)  # search works
    assert found.prompt == PROMPTS[4]
    client = PngClient()
    async with open_services(client, library, backend="demo") as services:
        plan = await services.reconcile()
        await services.wait_idle()
    assert client.run_calls == [] and not plan.sent and not plan.fetching
    assert report.summary()[0] == report.damage.detail
    return library


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "damage",
    [truncate_to_half, garbage_header, garbage_middle, zero_bytes],
    ids=lambda f: f.__name__,
)
async def test_damaged_library_is_rebuilt_from_outputs(
    tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    made = await make_library(tmp_path / "lib")
    damage(made.db)
    library = await assert_recovered(made)
    library.close()
    library, report = open_library(made.db)  # the next start finds it sound
    assert report is None
    library.close()


@pytest.mark.asyncio
async def test_damaged_wal_after_a_kill_loses_nothing_and_resends_nothing(tmp_path: Path) -> None:
    made = await make_library(tmp_path / "lib", stop_open=True)
    damage_wal_middle(made.db)
    # SQLite alone: "ok", and the rows after the damaged frame silently gone.
    probe = tmp_path / "probe"
    shutil.copytree(made.db.parent, probe)
    plain = sqlite3.connect(probe / made.db.name)
    assert plain.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    seen = {row[0] for row in plain.execute("SELECT local_id FROM jobs")}
    plain.close()
    assert not set(made.in_flight) <= seen
    library = await assert_recovered(made)
    for local_id in made.in_flight:
        record = library.get_job(local_id)
        assert record is not None and record.status is JobStatus.UNKNOWN
    library.close()


@pytest.mark.asyncio
async def test_a_missing_library_file_is_rebuilt_too(tmp_path: Path) -> None:
    made = await make_library(tmp_path / "lib")
    made.db.unlink()
    library = await assert_recovered(made, kept=False)
    library.close()


def test_a_new_library_is_not_a_damaged_one(tmp_path: Path) -> None:
    library, report = open_library(tmp_path / "new" / "library.sqlite3")
    assert report is None
    library.close()
    (tmp_path / "new" / "library.sqlite3").write_bytes(b"")  # 0 bytes, no outputs: just new
    library, report = open_library(tmp_path / "new" / "library.sqlite3")
    assert report is None
    library.close()


@pytest.mark.asyncio
async def test_rows_still_readable_come_back_and_waiting_jobs_are_not_sent(tmp_path: Path) -> None:
    made = await make_library(tmp_path / "lib")
    with Library.open(made.db) as library:
        library.create_job("waiting", ENDPOINT, {"prompt": "waited for a slot"})
        [first] = library.outputs_for_job(made.local_ids[0])
        library.set_favourite([first.id], on=True)
    with made.db.open("r+b") as stream:  # a page where no job lives is garbage
        stream.seek((page_without_jobs(made.db) - 1) * 4096)
        stream.write(os.urandom(4096))
    library, report = open_library(made.db)
    assert report is not None and report.jobs_read_back >= 7, report
    record = library.get_job("waiting")
    assert record is not None and record.status is JobStatus.FAILED
    assert record.error == REPAIRED_NOT_SENT_MESSAGE and report.not_sent == 1
    [first] = library.outputs_for_job(made.local_ids[0])
    assert first.favourite  # history read back, not only what the sidecars hold
    library.close()


def _name_as_before(file: Path, local_id: str) -> None:
    """Rename an output and its sidecar as versions before readable names had them:
    ``<local id>-<position>.<ext>`` and ``<file name>.json``."""
    old = file.with_name(f"{local_id}-0{file.suffix}")
    sidecar_path(file).rename(old.with_name(old.name + ".json"))
    file.rename(old)


@pytest.mark.asyncio
async def test_a_library_named_as_before_is_rebuilt_from_its_old_sidecars(tmp_path: Path) -> None:
    made = await make_library(tmp_path / "lib")
    with Library.open(made.db) as library:
        files = {i: library.file_of(library.outputs_for_job(i)[0]) for i in made.local_ids}
    for local_id, file in files.items():
        assert file is not None and " · " in file.name  # readable names today
        _name_as_before(file, local_id)
    zero_bytes(made.db)
    library = await assert_recovered(made)
    for local_id in made.local_ids:
        [output] = library.outputs_for_job(local_id)
        assert output.local_path is not None and output.local_path.endswith(f"/{local_id}-0.png")
    library.close()


@pytest.mark.asyncio
async def test_sidecars_are_not_taken_for_outputs(tmp_path: Path) -> None:
    made = await make_library(tmp_path / "lib")
    with Library.open(made.db) as library:
        outputs = library.outputs_root
    found = list(output_files(outputs))
    assert len(found) == len(PROMPTS) and all(path.suffix == ".png" for path in found)
    assert len(list(outputs.rglob("*.sidecar.json"))) == len(PROMPTS)
    assert has_recorded_outputs(outputs)
