"""A Qt-free studio core for the crash test: submit 20 jobs and be killed, or resume and settle.

    python -m tests.fakes.crash_worker submit --base-url URL --api-key KEY [--kill-after-post N]
    python -m tests.fakes.crash_worker resume --base-url URL --api-key KEY

The library lives under $STUDIO_HOME. ``submit`` prints a ``CRASH-POINT {...}`` line and then
freezes in the middle of a download (the test SIGKILLs it), once some jobs are done, some run
remotely and some still wait to be sent; with ``--kill-after-post N`` it SIGKILLs itself right
after the N-th POST was answered (or the first later one with no other POST out), before the
answer is recorded. ``resume`` reconciles, waits until every job and its files are settled and
prints ``SUMMARY {...}`` (the reconcile report).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import signal
import sys
import time
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from studio.core.api import MountseaClient
from studio.core.jobs import JobStatus
from studio.core.library import Library
from studio.core.session._backend_jobs import BackendJobs
from tests.conftest import wait_until

if TYPE_CHECKING:
    from collections.abc import AsyncIterator
    from pathlib import Path

    from studio.core.api import Task

MARKER = "CRASH-POINT"
SUMMARY = "SUMMARY"
NO_CRASH_EXIT = 3
BACKEND = "demo"  # both runs talk to the same simulator, so start-up follows its jobs
SETTLE_TIMEOUT_S = 120.0
FOLLOW = {"initial_interval": 0.1, "factor": 1.3, "max_interval": 0.4, "deadline": 120.0}
IMAGE = "google/nano-banana/text-to-image"
MUSIC = "elevenlabs/elevenlabs-music/music-generate"
VIDEO = "google/veo-3.1/lite/text-to-video"


def planned_jobs() -> list[tuple[str, dict[str, Any]]]:
    """20 mixed jobs, each with its own prompt; a few are [slow] so they outlive the crash."""
    jobs: list[tuple[str, dict[str, Any]]] = []
    for index in range(20):
        prompt = f"crash job {index}" + (" [slow]" if index % 5 == 1 else "")
        if index % 7 == 3:
            jobs.append((VIDEO, {"prompt": prompt, "duration": "4s"}))
        elif index % 4 == 2:
            jobs.append((MUSIC, {"prompt": prompt, "music_length_ms": 3000}))
        else:
            jobs.append((IMAGE, {"prompt": prompt}))
    return jobs


class CrashingClient:
    """The real client, with the two places where this process stops itself."""

    def __init__(self, inner: MountseaClient, *, freeze: bool, kill_after_post: int | None) -> None:
        self.inner = inner
        self.freeze = freeze and kill_after_post is None
        self.kill_after_post = kill_after_post
        self.services: BackendJobs | None = None
        self.posts = 0
        self.in_flight = 0

    async def run(self, slug: str, input: dict[str, Any], webhook_url: str | None = None) -> Task:
        self.in_flight += 1
        try:
            task = await self.inner.run(slug, input, webhook_url)
        finally:
            self.in_flight -= 1
        self.posts += 1
        # Killed at the first answer from the N-th on that is the only POST out: another one in
        # flight would rightly become "unknown" too, and the test expects exactly one. "Out"
        # from the moment its "sending" mark is on disk (the POST leaves right after that).
        due = self.kill_after_post is not None and self.posts >= self.kill_after_post
        if due and self.in_flight == 0 and self._marked_sending() == 1:
            _say(MARKER, {"prompt": input.get("prompt"), "task_id": task.task_id})
            os.kill(os.getpid(), signal.SIGKILL)
        return task

    def _marked_sending(self) -> int:
        """Jobs whose POST may have left and whose answer is not recorded (this one included)."""
        if self.services is None:
            return 1
        jobs = self.services.runner.jobs()
        return sum(j.status is JobStatus.SUBMITTING and j.submitted_at is not None for j in jobs)

    async def get_task(self, task_id: str) -> Task:
        return await self.inner.get_task(task_id)

    async def cancel_task(self, task_id: str) -> Task:
        return await self.inner.cancel_task(task_id)

    def follow(self, task_id: str, **options: Any) -> AsyncIterator[Task]:
        return self.inner.follow(task_id, **options)

    async def download(self, url: str, dest: Path) -> Path:
        return await self.inner.download(url, dest, progress=self._on_progress)

    def _on_progress(self, received: int, total: int | None) -> None:
        if not self.freeze or total is None or received * 2 < total:
            return
        counts = self._crash_point_counts()
        if counts is not None:
            _say(MARKER, counts)
            time.sleep(600)  # frozen mid-download, loop and all, until the test kills us

    def _crash_point_counts(self) -> dict[str, int] | None:
        """Counts when some jobs are done, some run remotely, some wait and no POST is out."""
        assert self.services is not None
        jobs = self.services.runner.jobs()
        counts = {
            "succeeded": sum(job.status is JobStatus.SUCCEEDED for job in jobs),
            "remote": sum(job.task_id is not None and job.status.is_running for job in jobs),
            "waiting": sum(job.is_waiting_locally for job in jobs),
            "posting": sum(
                job.status is JobStatus.SUBMITTING
                and job.submitted_at is not None
                and job.task_id is None
                for job in jobs
            ),
        }
        ready = counts["succeeded"] >= 3 and counts["remote"] >= 2 and counts["waiting"] >= 1
        return counts if ready and counts["posting"] == 0 else None


def _say(prefix: str, data: Any) -> None:
    sys.stdout.write(f"{prefix} {json.dumps(data)}\n")
    sys.stdout.flush()


async def _until_settled(services: BackendJobs) -> None:
    """Every job settled and its files recorded."""
    await wait_until(services.is_settled, SETTLE_TIMEOUT_S)
    await services.wait_idle()


async def main(args: argparse.Namespace) -> int:
    library = Library.open()
    inner = MountseaClient(args.base_url, args.api_key)
    submit = args.mode == "submit"
    client = CrashingClient(inner, freeze=submit, kill_after_post=args.kill_after_post)
    services = await BackendJobs.open(
        client,
        library=library,
        outputs_dir=library.outputs_root,
        follow_options=FOLLOW,
        backend=BACKEND,
    )
    client.services = services
    try:
        report = await services.reconcile()
        if submit:
            for endpoint, values in planned_jobs():
                services.runner.submit(endpoint, values)
        await _until_settled(services)
        if submit:
            return NO_CRASH_EXIT  # the crash point never came
        _say(SUMMARY, asdict(report))
        return 0
    finally:
        await services.aclose()
        await inner.aclose()
        library.close()


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=("submit", "resume"))
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--api-key", required=True)
    parser.add_argument("--kill-after-post", type=int, default=None)
    return parser.parse_args(argv)


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    sys.exit(asyncio.run(main(parse_args(sys.argv[1:]))))
