"""Library jobs and outputs: durability, migration, job life cycle, reconcile plans."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from studio.core.jobs import JobStatus
from studio.core.library import Library, LibraryError, OutputKind
from studio.core.library import _migrations as library_schema

if TYPE_CHECKING:
    from collections.abc import Iterator


class StepClock:
    """A clock that moves one second per reading, so every row gets a distinct time."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(tmp_path / "lib" / "library.sqlite3", clock=StepClock())
    yield library
    library.close()


def _job(lib: Library, local_id: str, prompt: str = "a red fox") -> None:
    lib.create_job(local_id, "google/nano-banana/text-to-image", {"prompt": prompt, "seed": 7})


def test_default_location_is_under_studio_home(studio_home: Path) -> None:
    with Library.open() as library:
        library.create_job("j1", "e", {"prompt": "x"})
        assert library.outputs_root == studio_home / "data" / "outputs"
    assert (studio_home / "data" / "library.sqlite3").exists()


def test_pragmas_wal_foreign_keys_and_version(lib: Library, tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "lib" / "library.sqlite3")
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == library_schema.LATEST_VERSION
    finally:
        db.close()
    assert lib._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert lib._db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL


def test_job_survives_a_crash_right_after_create(tmp_path: Path) -> None:
    db_path = tmp_path / "crash" / "library.sqlite3"
    script = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from studio.core.library import Library
        lib = Library.open(Path({str(db_path)!r}))
        lib.create_job("doomed", "google/veo-3.1/text-to-video", {{"prompt": "waves"}})
        os._exit(3)  # dies without closing anything
        """
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=Path.cwd(), check=False)
    assert result.returncode == 3
    with Library.open(db_path) as reopened:
        job = reopened.get_job("doomed")
        assert job is not None
        assert job.status is JobStatus.SUBMITTING
        assert job.input == {"prompt": "waves"}
        plan = reopened.jobs_to_reconcile()
        assert [j.local_id for j in plan.to_mark_unknown] == ["doomed"]
        assert plan.to_follow == ()
        assert reopened.mark_unknown(["doomed"]) == ["doomed"]
        assert reopened.get_job("doomed").status is JobStatus.UNKNOWN  # type: ignore[union-attr]
        assert reopened.jobs_to_reconcile().is_empty


def test_v1_database_migrates_forward(tmp_path: Path) -> None:
    db_path = tmp_path / "old.sqlite3"
    db = library_schema.connect(db_path)
    library_schema.migrate(db, library_schema.MIGRATIONS[:1])
    assert library_schema.user_version(db) == 1
    db.execute(
        "INSERT INTO jobs (local_id, endpoint, input_json, prompt, status, created_at) "
        "VALUES ('old', 'e/x', '{\"prompt\": \"lighthouse at dusk\"}', 'lighthouse at dusk', "
        "'succeeded', 1.0)"
    )
    db.execute(
        'INSERT INTO outputs (local_id, "index", kind, created_at) '
        "VALUES ('old', 0, 'image', 2.0)"
    )
    db.close()
    with Library.open(db_path) as lib:
        assert library_schema.user_version(lib._db) == library_schema.LATEST_VERSION
        from studio.core.library import OutputFilter

        found = lib.page_outputs(OutputFilter(text="lighthouse"), 0, 10)
        assert [item.local_id for item in found] == ["old"]


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db_path = tmp_path / "future.sqlite3"
    db = sqlite3.connect(db_path)
    db.execute(f"PRAGMA user_version = {library_schema.LATEST_VERSION + 5}")
    db.close()
    with pytest.raises(RuntimeError, match="newer"):
        Library.open(db_path)


def test_failed_migration_rolls_back(tmp_path: Path) -> None:
    db = library_schema.connect(tmp_path / "broken.sqlite3")
    broken = (*library_schema.MIGRATIONS[:1], "CREATE TABLE extra (a); SELECT * FROM nowhere;")
    with pytest.raises(sqlite3.OperationalError):
        library_schema.migrate(db, broken)
    assert library_schema.user_version(db) == 1
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "extra" not in tables
    db.close()


def test_create_and_get_job(lib: Library) -> None:
    lib.create_job(
        "j1",
        "google/veo-3.1/text-to-video",
        {"prompt": "a cat surfing", "duration": "8s", "seed": 3},
        capability="video",
        model="veo-3.1",
        schema_fingerprint="abc",
        webhook_url="https://hook.example/x",
    )
    job = lib.get_job("j1")
    assert job is not None
    assert job.status is JobStatus.SUBMITTING
    assert job.prompt == "a cat surfing"
    assert job.input == {"prompt": "a cat surfing", "duration": "8s", "seed": 3}
    assert (job.capability, job.model, job.schema_fingerprint) == ("video", "veo-3.1", "abc")
    assert job.webhook_url == "https://hook.example/x"
    assert job.remote_id is None and job.remote_ids == ()
    assert lib.get_job("missing") is None


def test_duplicate_local_id_is_refused(lib: Library) -> None:
    _job(lib, "j1")
    with pytest.raises(LibraryError):
        _job(lib, "j1")


def test_prompt_is_extracted_from_other_fields(lib: Library) -> None:
    lib.create_job("m", "elevenlabs/music", {"music_length_ms": 3000, "text": "calm piano"})
    lib.create_job("n", "x/y", {"image_url": "https://a/b.png"})
    assert lib.get_job("m").prompt == "calm piano"  # type: ignore[union-attr]
    assert lib.get_job("n").prompt == ""  # type: ignore[union-attr]


def test_remote_id_history_and_status(lib: Library) -> None:
    _job(lib, "j1")
    lib.set_remote_id("j1", "ms-1")
    job = lib.get_job("j1")
    assert job is not None
    assert job.status is JobStatus.QUEUED
    assert job.remote_id == "ms-1" and job.submitted_at is not None
    lib.update_job("j1", status=JobStatus.FAILED, error="boom")
    lib.update_job("j1", status="submitting", error=None)  # retry in place
    lib.set_remote_id("j1", "ms-2")
    lib.set_remote_id("j1", "ms-2")
    job = lib.get_job("j1")
    assert job is not None
    assert job.remote_ids == ("ms-1", "ms-2")
    assert job.remote_id == "ms-2"
    assert job.error is None
    assert job.status is JobStatus.QUEUED
    with pytest.raises(LibraryError):
        lib.set_remote_id("nope", "ms-3")


def test_update_job_changes_only_given_fields(lib: Library) -> None:
    _job(lib, "j1")
    lib.update_job("j1", status=JobStatus.PROCESSING, started_at=10.0)
    lib.update_job("j1", task_json={"id": "ms-1", "status": "processing"})
    lib.update_job("j1", elapsed_ms=1500, finished_at=12.0, status="succeeded")
    job = lib.get_job("j1")
    assert job is not None
    assert job.status is JobStatus.SUCCEEDED
    assert (job.started_at, job.finished_at, job.elapsed_ms) == (10.0, 12.0, 1500)
    assert job.task() == {"id": "ms-1", "status": "processing"}
    lib.update_job("j1", task_json='{"raw": true}')
    assert lib.get_job("j1").task_json == '{"raw": true}'  # type: ignore[union-attr]
    lib.update_job("j1")  # nothing given: nothing happens
    with pytest.raises(ValueError):
        lib.update_job("j1", status="exploded")
    with pytest.raises(LibraryError):
        lib.update_job("missing", status="failed")


def test_reconcile_plan_covers_all_three_cases(lib: Library) -> None:
    for local_id in ("submitting", "queued", "processing", "done", "done-all", "failed"):
        _job(lib, local_id)
    for local_id in ("queued", "processing", "done", "done-all", "failed"):
        lib.set_remote_id(local_id, f"ms-{local_id}")
    lib.update_job("processing", status="processing")
    for local_id in ("done", "done-all"):
        lib.update_job(local_id, status="succeeded")
    lib.update_job("failed", status="failed")
    lib.add_output("done", 0, OutputKind.IMAGE, "https://cdn/x0.png")
    pending = lib.add_output("done", 1, OutputKind.IMAGE, "https://cdn/x1.png")
    finished = lib.add_output("done-all", 0, OutputKind.IMAGE, "https://cdn/y.png")
    file = lib.output_path_for("done-all", 0, "image/png", "https://cdn/y.png")
    file.write_bytes(b"png")
    lib.set_output_file(finished, file, "00", 3)

    plan = lib.jobs_to_reconcile()
    assert [job.local_id for job in plan.to_follow] == ["queued", "processing"]
    assert [job.local_id for job in plan.to_mark_unknown] == ["submitting"]
    assert [job.local_id for job in plan.to_download] == ["done"]

    lib.trash([pending])  # a trashed output is no longer owed a download
    file0 = lib.output_path_for("done", 0, "image/png", "")
    file0.write_bytes(b"0")
    lib.set_output_file(lib.outputs_for_job("done")[0].id, file0, "11", 1)
    assert lib.jobs_to_reconcile().to_download == ()


def test_mark_unknown_and_lost_touch_only_eligible_jobs(lib: Library) -> None:
    _job(lib, "a")
    _job(lib, "b")
    _job(lib, "c")
    lib.set_remote_id("b", "ms-b")
    lib.set_remote_id("c", "ms-c")
    lib.update_job("c", status="succeeded")
    assert lib.mark_unknown(["a", "b"]) == ["a"]
    assert lib.mark_lost("b") == ["b"]
    assert lib.mark_lost(["c"]) == []
    assert lib.get_job("b").status is JobStatus.LOST  # type: ignore[union-attr]
    assert lib.get_job("c").status is JobStatus.SUCCEEDED  # type: ignore[union-attr]
    assert lib.mark_unknown([]) == []


def test_recent_jobs_newest_first_and_delete_hides(lib: Library) -> None:
    for index in range(5):
        _job(lib, f"j{index}")
    assert [job.local_id for job in lib.recent_jobs(3)] == ["j4", "j3", "j2"]
    assert lib.delete_jobs(["j4", "nope"]) == ["j4"]
    assert lib.delete_jobs("j4") == []
    assert [job.local_id for job in lib.recent_jobs(2)] == ["j3", "j2"]
    assert lib.recent_jobs(1, include_deleted=True)[0].local_id == "j4"


def test_outputs_upsert_and_files(lib: Library) -> None:
    _job(lib, "j1")
    first = lib.add_output("j1", 0, "image", "https://cdn/a.png")
    second = lib.add_output("j1", 1, OutputKind.VIDEO, "https://cdn/b.mp4")
    again = lib.add_output("j1", 0, OutputKind.IMAGE, "https://cdn/a2.png")
    assert again == first != second
    target = lib.output_path_for("j1", 0, "image/png", "https://cdn/a2.png")
    target.write_bytes(b"\x89PNG")
    lib.set_output_file(first, target, "ab" * 32, 4, media_type="image/png", width=64, height=32)
    lib.add_output("j1", 0, OutputKind.IMAGE, "https://cdn/a3.png")  # keeps the file info
    outputs = lib.outputs_for_job("j1")
    assert [o.index for o in outputs] == [0, 1]
    assert outputs[0].remote_url == "https://cdn/a3.png"
    assert outputs[0].local_path == target.relative_to(lib.outputs_root.resolve()).as_posix()
    assert (outputs[0].width, outputs[0].height, outputs[0].size) == (64, 32, 4)
    assert outputs[0].is_downloaded and not outputs[1].is_downloaded
    assert outputs[1].kind is OutputKind.VIDEO
    assert lib.file_of(outputs[0]) == target.resolve()
    assert lib.get_output(second) == outputs[1]
    assert lib.get_output(99999) is None


def test_output_errors(lib: Library, tmp_path: Path) -> None:
    with pytest.raises(LibraryError):
        lib.add_output("no-such-job", 0, OutputKind.IMAGE, None)
    _job(lib, "j1")
    output_id = lib.add_output("j1", 0, "weird-kind", None)
    assert lib.get_output(output_id).kind is OutputKind.OTHER  # type: ignore[union-attr]
    outside = tmp_path / "elsewhere.png"
    with pytest.raises(LibraryError):
        lib.set_output_file(output_id, outside, "00", 1)
    with pytest.raises(LibraryError):
        lib.set_output_file(12345, Path("2024-01/x.png"), "00", 1)


def test_library_is_usable_from_several_threads(lib: Library) -> None:
    errors: list[BaseException] = []

    def worker(prefix: str) -> None:
        try:
            for index in range(25):
                _job(lib, f"{prefix}-{index}")
                lib.add_output(f"{prefix}-{index}", 0, OutputKind.IMAGE, None)
        except BaseException as error:  # collected for the assertion below
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(name,)) for name in "abcd"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(lib.recent_jobs(1000)) == 100
