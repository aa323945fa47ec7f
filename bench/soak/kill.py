"""SIGKILL rounds: a worker process runs jobs and is killed at a chosen moment, a second one
resumes; then the same fault-free audit as the profiles (nothing lost, nothing twice)."""

from __future__ import annotations

import asyncio
import json
import os
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.soak.audit import Audit, audit
from bench.soak.plan import planned_jobs
from bench.soak.simulator import Simulator, start_simulator
from studio.core.library import Library

if TYPE_CHECKING:
    from collections.abc import Callable

    from bench.soak.plan import Timing

REPO = Path(__file__).resolve().parents[2]
WAIT_S = 300.0

KILL_MOMENTS = ("submitting", "download", "half-done")
_DESCRIBED = {
    "submitting": "killed once a fifth of the tasks had their id, submits still going out",
    "download": "killed in the middle of a download",
    "half-done": "killed once half the tasks had ended, others running or waiting",
}


@dataclass
class KillResult:
    moment: str
    audit: Audit
    seconds: float
    summary: dict[str, Any]


def _worker(
    mode: str, sim: Simulator, home: Path, timing: Timing, *extra: str
) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "bench.soak.worker", mode, "--base-url", sim.base_url]
    command += ["--api-key", sim.api_key, "--home", str(home), "--speed", str(timing.speed)]
    paths = [str(REPO), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
    with (home.parent / f"worker-{mode}.log").open("ab") as log:
        return subprocess.Popen(
            [*command, *extra], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=log
        )


def _read_until(
    process: subprocess.Popen[bytes], wanted: Callable[[str, Any], bool], timeout: float
) -> tuple[str, Any]:
    """The first stdout line ``PREFIX {json}`` that `wanted` accepts (a bounded wait)."""
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    buffer = b""
    while True:
        *lines, buffer = buffer.split(b"\n")
        for line in lines:
            prefix, _, data = line.decode().partition(" ")
            payload = json.loads(data) if data else None
            if wanted(prefix, payload):
                return prefix, payload
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"the worker never got there (exit code {process.poll()})")
        ready, _, _ = select.select([process.stdout], [], [], remaining)
        chunk = os.read(process.stdout.fileno(), 65536) if ready else b""
        if ready and not chunk:
            raise RuntimeError(f"the worker ended (exit code {process.wait()}) before the moment")
        buffer += chunk


def _moment(moment: str, count: int) -> Callable[[str, Any], bool]:
    if moment == "download":
        return lambda prefix, _data: prefix == "FROZEN"
    if moment == "submitting":
        return lambda prefix, data: prefix == "PROGRESS" and data["with_id"] >= count // 5
    return lambda prefix, data: prefix == "PROGRESS" and data["settled"] >= count // 2


def _kill_at(
    moment: str, sim: Simulator, home: Path, *, count: int, tag: str, timing: Timing
) -> None:
    extra = ["--count", str(count), "--tag", tag]
    if moment == "download":
        extra.append("--freeze-mid-download")
    worker = _worker("submit", sim, home, timing, *extra)
    try:
        _read_until(worker, _moment(moment, count), WAIT_S)
        worker.send_signal(signal.SIGKILL)
        worker.wait(30)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
        if worker.stdout is not None:
            worker.stdout.close()


def _resume(sim: Simulator, home: Path, timing: Timing) -> dict[str, Any]:
    worker = _worker("resume", sim, home, timing)
    try:
        _, summary = _read_until(worker, lambda prefix, _d: prefix == "SUMMARY", WAIT_S * 2)
        worker.wait(60)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
        if worker.stdout is not None:
            worker.stdout.close()
    return dict(summary)


def _round(moment: str, tag: str, work: Path, count: int, timing: Timing) -> KillResult:
    started = time.monotonic()
    home = work / "home"
    home.mkdir(parents=True, exist_ok=True)
    sim = start_simulator(work, speed=timing.speed)
    try:
        _kill_at(moment, sim, home, count=count, tag=tag, timing=timing)
        summary = _resume(sim, home, timing)
        prompts = [job.prompt for job in planned_jobs(count, tag)]
        with Library.open(home / "library.sqlite3") as library:
            found = audit(library, sim, prompts)
    finally:
        sim.stop()
    return KillResult(_DESCRIBED[moment], found, time.monotonic() - started, summary)


async def run_kill_round(
    moment: str, tag: str, work: Path, count: int, timing: Timing
) -> KillResult:
    """Kill a worker at `moment`, resume in a new one, audit (blocking work in a thread)."""
    return await asyncio.to_thread(_round, moment, tag, work, count, timing)
