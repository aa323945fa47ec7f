"""Library jobs per backend (schema v3), legacy rows, late endpoint facts and durable writes."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from studio.core.jobs import JobStatus
from studio.core.library import Library, LibraryError, OutputFilter, OutputKind
from studio.core.library import _migrations as library_schema
from tests.core.test_library import StepClock

if TYPE_CHECKING:
    from collections.abc import Iterator

DEMO = "demo"
API = "https://api.mountsea.ai"
ENDPOINT = "google/nano-banana/text-to-image"
SENDING = "The request may have reached the server."


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    with Library.open(tmp_path / "lib" / "library.sqlite3", clock=StepClock()) as library:
        yield library


def _ids(records: tuple[object, ...]) -> list[str]:
    return [record.local_id for record in records]  # type: ignore[attr-defined]


def test_v2_database_migrates_to_v3_keeping_every_row(tmp_path: Path) -> None:
    db_path = tmp_path / "v2.sqlite3"
    db = library_schema.connect(db_path)
    library_schema.migrate(db, library_schema.MIGRATIONS[:2])
    db.execute(
        "INSERT INTO jobs (local_id, endpoint, model, input_json, prompt, status, remote_id, "
        "created_at) VALUES ('old', 'e/x', 'pixel', '{\"prompt\": \"harbour lights\"}', "
        "'harbour lights', 'processing', 'ms-7', 1.0)"
    )
    db.execute(
        'INSERT INTO outputs (local_id, "index", kind, created_at) '
        "VALUES ('old', 0, 'image', 2.0)"
    )
    db.close()
    with Library.open(db_path) as lib:
        assert library_schema.user_version(lib._db) == library_schema.LATEST_VERSION
        job = lib.get_job("old")
        assert job is not None
        assert (job.backend, job.status, job.remote_id, job.model) == (
            "",
            JobStatus.PROCESSING,
            "ms-7",
            "pixel",
        )
        assert [o.index for o in lib.outputs_for_job("old")] == [0]
        assert [i.local_id for i in lib.page_outputs(OutputFilter(text="harbour"), 0, 10)] == [
            "old"
        ]
        indexes = {row[1] for row in lib._db.execute("PRAGMA index_list(jobs)")}
        assert "jobs_backend_status" in indexes


def test_create_job_records_its_backend(lib: Library) -> None:
    lib.create_job("d", ENDPOINT, {"prompt": "x"}, backend=DEMO)
    lib.create_job("a", ENDPOINT, {"prompt": "y"}, backend=API)
    lib.create_job("n", ENDPOINT, {"prompt": "z"})
    assert [(j.local_id, j.backend) for j in lib.recent_jobs()] == [
        ("n", ""), ("a", API), ("d", DEMO)
    ]  # fmt: skip  # history shows every backend's jobs


def test_capability_model_and_backend_can_be_set_later(lib: Library) -> None:
    lib.create_job("j", ENDPOINT, {"prompt": "a lighthouse"}, backend=DEMO)
    lib.update_job("j", capability="image", model="nano-banana", schema_fingerprint="sha256:1")
    lib.update_job("j", backend=API)
    job = lib.get_job("j")
    assert job is not None
    assert (job.capability, job.model, job.schema_fingerprint, job.backend) == (
        "image", "nano-banana", "sha256:1", API
    )  # fmt: skip
    assert job.status is JobStatus.SUBMITTING  # nothing else changed
    lib.add_output("j", 0, OutputKind.IMAGE, "https://cdn/j.png")
    found = lib.page_outputs(OutputFilter(text="nano"), 0, 10)  # the search index follows
    assert [item.local_id for item in found] == ["j"]
    assert lib.distinct_models() == ["nano-banana"]


def _jobs_of(lib: Library, backend: str) -> None:
    """One job of ``backend`` in each state reconcile cares about, plus a finished one."""
    prefix = backend.rsplit("/", 1)[-1] or "legacy"
    for state in ("unsent", "running", "owed", "done"):
        lib.create_job(f"{prefix}-{state}", ENDPOINT, {"prompt": state}, backend=backend)
    for state in ("running", "owed", "done"):
        lib.set_remote_id(f"{prefix}-{state}", f"ms-{state}")  # the same ids on every backend
    lib.update_job(f"{prefix}-running", status="processing")
    lib.update_job(f"{prefix}-owed", status="succeeded")
    lib.add_output(f"{prefix}-owed", 0, OutputKind.IMAGE, f"https://cdn/{prefix}.png")
    lib.update_job(f"{prefix}-done", status="failed")


def test_reconcile_plan_is_scoped_to_one_backend(lib: Library) -> None:
    for backend in (DEMO, API, ""):
        _jobs_of(lib, backend)
    plan = lib.jobs_to_reconcile(DEMO)
    assert _ids(plan.to_follow) == ["demo-running"]
    assert _ids(plan.to_mark_unknown) == ["demo-unsent"]
    assert _ids(plan.to_download) == ["demo-owed"]
    assert _ids(plan.elsewhere) == [
        "api.mountsea.ai-unsent", "api.mountsea.ai-running", "legacy-unsent", "legacy-running"
    ]  # fmt: skip
    api_plan = lib.jobs_to_reconcile(API)
    assert _ids(api_plan.to_follow) == ["api.mountsea.ai-running"]
    assert _ids(lib.jobs_to_reconcile("").to_follow) == ["legacy-running"]
    everything = lib.jobs_to_reconcile()  # unscoped: every backend, nothing "elsewhere"
    assert len(everything.to_follow) == 3 and everything.elsewhere == ()
    assert lib.jobs_to_reconcile("https://other.example").is_empty


def test_legacy_rows_are_claimed_once_by_the_first_backend(lib: Library) -> None:
    _jobs_of(lib, "")
    lib.create_job("legacy-unknown", ENDPOINT, {"prompt": "u"})
    lib.mark_unknown("legacy-unknown")
    assert lib.claim_legacy_jobs("") == []  # a nameless backend claims nothing
    claimed = lib.claim_legacy_jobs(DEMO)
    assert claimed == ["legacy-owed", "legacy-running", "legacy-unsent"]
    assert lib.claim_legacy_jobs(API) == []  # already someone's
    plan = lib.jobs_to_reconcile(DEMO)
    assert (_ids(plan.to_follow), _ids(plan.to_download)) == (["legacy-running"], ["legacy-owed"])
    assert lib.jobs_to_reconcile(API).to_follow == ()
    unclaimed = {job.local_id for job in lib.recent_jobs() if job.backend == ""}
    assert unclaimed == {"legacy-done", "legacy-unknown"}  # nothing left to do for these


class StatementLog:
    """Every SQL statement the library's connection runs, in order."""

    def __init__(self, lib: Library) -> None:
        self.statements: list[str] = []
        lib._db.set_trace_callback(self.statements.append)

    def pragmas_and_commits(self) -> list[str]:
        keep = ("PRAGMA synchronous", "PRAGMA fullfsync", "BEGIN", "COMMIT", "ROLLBACK")
        return [s for s in self.statements if s.startswith(keep)]


DURABLE_COMMIT = [
    "PRAGMA synchronous=FULL", "PRAGMA fullfsync=ON", "BEGIN IMMEDIATE", "COMMIT",
    "PRAGMA fullfsync=OFF", "PRAGMA synchronous=NORMAL",
]  # fmt: skip


def test_a_durable_update_commits_with_synchronous_full(lib: Library) -> None:
    lib.create_job("j", ENDPOINT, {"prompt": "x"}, backend=DEMO)
    log = StatementLog(lib)
    lib.update_job("j", error=SENDING, durable=True)
    assert log.pragmas_and_commits() == DURABLE_COMMIT
    log.statements.clear()
    lib.update_job("j", status="queued")
    assert log.pragmas_and_commits() == ["BEGIN IMMEDIATE", "COMMIT"]  # the cheap path
    log.statements.clear()
    with pytest.raises(LibraryError):
        lib.update_job("missing", error=SENDING, durable=True)
    assert log.pragmas_and_commits()[-3:] == [
        "ROLLBACK", "PRAGMA fullfsync=OFF", "PRAGMA synchronous=NORMAL"
    ]  # fmt: skip
    assert lib._db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL again
    log.statements.clear()
    lib.create_job("k", ENDPOINT, {"prompt": "y"})
    assert log.pragmas_and_commits() == DURABLE_COMMIT


def test_the_sending_mark_survives_a_sigkill_right_after_it(tmp_path: Path) -> None:
    db_path = tmp_path / "killed" / "library.sqlite3"
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from studio.core.library import Library
        lib = Library.open(Path({str(db_path)!r}))
        lib.create_job("leaving", {ENDPOINT!r}, {{"prompt": "waves"}}, backend="demo")
        lib.update_job("leaving", error={SENDING!r}, durable=True)
        os.kill(os.getpid(), signal.SIGKILL)  # the POST would leave now
        """
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=Path.cwd(), check=False)
    assert result.returncode == -signal.SIGKILL
    with sqlite3.connect(db_path) as raw:  # read without Library's own WAL recovery on top
        row = raw.execute("SELECT status, error, backend FROM jobs").fetchall()
    assert row == [("submitting", SENDING, "demo")]
    with Library.open(db_path) as reopened:
        [job] = reopened.jobs_to_reconcile("demo").to_mark_unknown
        assert (job.local_id, job.error) == ("leaving", SENDING)
