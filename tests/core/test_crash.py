"""Nothing is lost: a worker SIGKILLed mid-run resumes every job, fetching each file exactly once.

The worker (tests/fakes/crash_worker.py) runs the real core on a plain asyncio loop against the
real simulator. Downloaded images get metadata embedded afterwards, so their bytes differ from
the server's; the sidecar written before embedding keeps the downloaded file's hash and size,
and that is what is compared with the simulator's own file.
"""

from __future__ import annotations

import json
import os
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from studio.core.jobs import JobStatus
from studio.core.library import Library
from studio.core.media import sha256_file, source_facts_of
from studio.core.session import INTERRUPTED_SUBMIT_MESSAGE
from tests.fakes.crash_worker import BACKEND, MARKER, SUMMARY
from tests.fakes.simulator import running_simulator

if TYPE_CHECKING:
    from tests.fakes.simulator import SimProcess

REPO = Path(__file__).resolve().parents[2]
SPEED = 6.0  # images ~0.7 s, [slow] ones and music ~2 s, video ~4 s
JOBS = 20


def start_worker(mode: str, sim: SimProcess, home: Path, *extra: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "tests.fakes.crash_worker", mode]
    command += ["--base-url", sim.base_url, "--api-key", sim.api_key, *extra]
    env = {**os.environ, "STUDIO_HOME": str(home), "PYTHONPATH": str(REPO)}
    stderr = (home.parent / f"worker-{mode}.log").open("ab")
    with stderr:
        return subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=stderr)


def read_line_starting(process: subprocess.Popen[bytes], prefix: str, timeout: float) -> str:
    """The first stdout line with ``prefix`` (a bounded wait, not a timing assertion)."""
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    buffer = b""
    while True:
        lines = buffer.split(b"\n")
        for line in lines[:-1]:
            if line.startswith(prefix.encode()):
                return line.decode().removeprefix(prefix).strip()
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no {prefix} line; exit code {process.poll()}")
        ready, _, _ = select.select([process.stdout], [], [], remaining)
        chunk = os.read(process.stdout.fileno(), 4096) if ready else b""
        if ready and not chunk:
            raise RuntimeError(f"worker ended (code {process.wait()}) without {prefix}")
        buffer += chunk


def resume(sim: SimProcess, home: Path) -> dict[str, Any]:
    worker = start_worker("resume", sim, home)
    try:
        summary: dict[str, Any] = json.loads(read_line_starting(worker, SUMMARY, 90.0))
        assert worker.wait(30) == 0
    finally:
        if worker.poll() is None:
            worker.kill()
        worker.wait()
        assert worker.stdout is not None
        worker.stdout.close()
    return summary


def tasks_on_server(sim: SimProcess) -> int:
    with sim.client() as client:
        count: int = client.get("/_sim/stats").json()["tasks"]
    return count


def check_library_file(library: Library, sim: SimProcess, home: Path) -> None:
    """Integrity, one complete file per output, hashes on record, the server's bytes on disk."""
    with sqlite3.connect(home / "data" / "library.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    outputs_root = library.outputs_root
    media_files = sorted(
        p for p in outputs_root.rglob("*") if p.is_file() and not p.name.endswith(".json")
    )
    assert not [p for p in media_files if p.name.endswith((".part", ".tmp"))]
    recorded = []
    for job in library.recent_jobs(100):
        for output in library.outputs_for_job(job.local_id):
            file = library.file_of(output)
            assert file is not None, f"{job.local_id} output {output.index} has no file"
            assert output.sha256 == sha256_file(file) and output.size == file.stat().st_size
            _, _, task_id, name = urlsplit(output.remote_url or "").path.split("/")
            original = sim.data_dir / task_id / name
            source = source_facts_of(file)
            assert source == {"sha256": sha256_file(original), "size": original.stat().st_size}
            recorded.append(file)
    assert sorted(recorded) == media_files  # exactly one file per output, nothing else


def test_sigkill_mid_run_then_resume_settles_every_job_once(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with running_simulator(speed=SPEED) as sim:
        worker = start_worker("submit", sim, home)
        try:
            at_crash = json.loads(read_line_starting(worker, MARKER, 60.0))
            worker.send_signal(signal.SIGKILL)
            assert worker.wait(10) == -signal.SIGKILL
        finally:
            if worker.poll() is None:
                worker.kill()
            assert worker.stdout is not None
            worker.stdout.close()
        assert at_crash["succeeded"] >= 3 and at_crash["waiting"] >= 1
        assert list(home.rglob("*.part")), "the kill was to land in the middle of a download"

        summary = resume(sim, home)
        assert summary["followed"] and summary["sent"] and not summary["unknown"]
        assert tasks_on_server(sim) == JOBS  # every job was POSTed exactly once
        with Library.open(home / "data" / "library.sqlite3") as library:
            jobs = library.recent_jobs(100)
            assert len(jobs) == JOBS
            assert {job.status for job in jobs} == {JobStatus.SUCCEEDED}
            assert {job.backend for job in jobs} == {BACKEND}
            assert all(len(job.remote_ids) == 1 for job in jobs)
            assert len({job.remote_id for job in jobs}) == JOBS
            check_library_file(library, sim, home)


def test_sigkill_between_post_answer_and_record_leaves_the_job_unknown(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with running_simulator(speed=SPEED) as sim:
        worker = start_worker("submit", sim, home, "--kill-after-post", "6")
        try:
            killed = json.loads(read_line_starting(worker, MARKER, 60.0))
            assert worker.wait(10) == -signal.SIGKILL
        finally:
            if worker.poll() is None:
                worker.kill()
            assert worker.stdout is not None
            worker.stdout.close()

        summary = resume(sim, home)
        with Library.open(home / "data" / "library.sqlite3") as library:
            jobs = {job.prompt: job for job in library.recent_jobs(100)}
            assert len(jobs) == JOBS
            lost_answer = jobs.pop(killed["prompt"])
            assert summary["unknown"] == [lost_answer.local_id]
            assert lost_answer.status is JobStatus.UNKNOWN and lost_answer.remote_ids == ()
            assert lost_answer.error == INTERRUPTED_SUBMIT_MESSAGE
            assert lost_answer.backend == BACKEND  # the durable "sending" mark was found
            assert {job.status for job in jobs.values()} == {JobStatus.SUCCEEDED}
            # 19 tasks made by the app plus the one whose answer was lost: nothing re-sent.
            assert tasks_on_server(sim) == JOBS
            check_library_file(library, sim, home)
