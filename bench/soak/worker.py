"""The studio core in a child process the SIGKILL rounds can kill: submit, or resume and settle.

    python -m bench.soak.worker submit --base-url URL --api-key KEY --home DIR --count N --tag T
        [--speed S] [--freeze-mid-download]
    python -m bench.soak.worker resume --base-url URL --api-key KEY --home DIR [--speed S]

``submit`` records N jobs, then prints ``PROGRESS {"with_id": .., "settled": ..}`` after each
change until the parent kills it; with ``--freeze-mid-download`` it prints ``FROZEN`` halfway
through the first download and stops there, loop and all. ``resume`` reconciles what the killed
run left, waits until every job and its files are settled and prints ``SUMMARY {...}``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.soak.plan import Timing, planned_jobs
from bench.soak.run import until_settled
from studio.core.api import MountseaClient
from studio.core.library import Library
from studio.core.session import BackendJobs, Event, JobChanged

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from studio.core.api import Task

SETTLE_LIMIT_S = 600.0
NOT_KILLED_EXIT = 3


class FreezingClient:
    """The real client; optionally freezes the whole process halfway through a download."""

    def __init__(self, inner: MountseaClient, *, freeze: bool) -> None:
        self.inner = inner
        self.freeze = freeze

    async def run(self, slug: str, input: dict[str, Any], webhook_url: str | None = None) -> Task:
        return await self.inner.run(slug, input, webhook_url)

    async def get_task(self, task_id: str) -> Task:
        return await self.inner.get_task(task_id)

    async def cancel_task(self, task_id: str) -> Task:
        return await self.inner.cancel_task(task_id)

    def follow(self, task_id: str, **options: Any) -> AsyncIterator[Task]:
        return self.inner.follow(task_id, **options)

    async def download(self, url: str, dest: Path) -> Path:
        return await self.inner.download(url, dest, progress=self._on_progress)

    def _on_progress(self, received: int, total: int | None) -> None:
        if self.freeze and total is not None and received * 2 >= total:
            _say("FROZEN", {"received": received, "total": total})
            time.sleep(600)  # the parent kills the process while it stands here


def _say(prefix: str, data: Any) -> None:
    sys.stdout.write(f"{prefix} {json.dumps(data)}\n")
    sys.stdout.flush()


class Progress:
    """Counts from the session's events, printed after each change."""

    def __init__(self) -> None:
        self.jobs: dict[str, Any] = {}

    def publish(self, event: Event) -> None:
        if not isinstance(event, JobChanged):
            return
        self.jobs[event.job.local_id] = event.job
        with_id = sum(job.task_id is not None for job in self.jobs.values())
        settled = sum(job.status.is_settled for job in self.jobs.values())
        _say("PROGRESS", {"with_id": with_id, "settled": settled})


async def main(args: argparse.Namespace) -> int:
    timing = Timing(args.speed)
    library = Library.open(Path(args.home) / "library.sqlite3")
    inner = MountseaClient(args.base_url, args.api_key, **timing.client_options())
    client = FreezingClient(inner, freeze=args.freeze_mid_download)
    progress = Progress()
    services = await BackendJobs.open(
        client,
        library=library,
        outputs_dir=library.outputs_root,
        max_concurrent=8,
        follow_options=timing.follow_options(),
        backend="demo",
        publish=progress.publish if args.mode == "submit" else None,
        runner_options=timing.runner_options(),
    )
    try:
        report = await services.reconcile()
        if args.mode == "submit":
            for job in planned_jobs(args.count, args.tag):
                services.submit(job.endpoint, job.input, None)
        await until_settled(services, SETTLE_LIMIT_S)
        if args.mode == "submit":
            return NOT_KILLED_EXIT
        _say("SUMMARY", asdict(report))
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
    parser.add_argument("--home", required=True)
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--tag", default="k")
    parser.add_argument("--speed", type=float, default=20.0)
    parser.add_argument("--freeze-mid-download", action="store_true")
    return parser.parse_args(argv)


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    sys.exit(asyncio.run(main(parse_args(sys.argv[1:]))))
