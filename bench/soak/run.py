"""One soak run: mixed jobs through BackendJobs and the JobRunner, as the app runs them, against
the simulator with a fault profile; then the fault-free audit."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bench.soak.audit import Audit, audit
from bench.soak.plan import PlannedJob, Timing, planned_jobs
from bench.soak.simulator import start_simulator
from studio.core.api import MountseaClient, RateLimitedError, ServerError
from studio.core.jobs import JobStatus
from studio.core.library import Library
from studio.core.session import BackendJobs

if TYPE_CHECKING:
    from collections.abc import AsyncIterator
    from pathlib import Path

    from bench.soak.simulator import Simulator
    from studio.core.api import Task

log = logging.getLogger("bench.soak")


@dataclass
class SubmitLog:
    """Every answer each job's submit got, in order: "created", "429", "503" or an error name."""

    answers: dict[str, list[str]] = field(default_factory=dict)

    def note(self, prompt: str, answer: str) -> None:
        self.answers.setdefault(prompt, []).append(answer)

    def turned_away(self) -> list[str]:
        """Prompts whose submit was answered 429 or 503 at least once."""
        return [p for p, seen in self.answers.items() if {"429", "503"} & set(seen)]

    def then_ambiguous(self, prompt: str) -> bool:
        """Its last answer was neither created nor "not now": a reset, a 502, a garbled reply."""
        last = self.answers.get(prompt, [""])[-1]
        return last not in ("created", "429", "503")


class ObservingClient:
    """The real MountseaClient; only notes what each submit was answered."""

    def __init__(self, inner: MountseaClient, submits: SubmitLog) -> None:
        self.inner = inner
        self.submits = submits

    async def run(self, slug: str, input: dict[str, Any], webhook_url: str | None = None) -> Task:
        prompt = str(input.get("prompt", ""))
        try:
            task = await self.inner.run(slug, input, webhook_url)
        except RateLimitedError:
            self.submits.note(prompt, "429")
            raise
        except ServerError as error:
            self.submits.note(prompt, str(error.status))
            raise
        except Exception as error:
            self.submits.note(prompt, type(error).__name__)
            raise
        self.submits.note(prompt, "created")
        return task

    async def get_task(self, task_id: str) -> Task:
        return await self.inner.get_task(task_id)

    async def cancel_task(self, task_id: str) -> Task:
        return await self.inner.cancel_task(task_id)

    def follow(self, task_id: str, **options: Any) -> AsyncIterator[Task]:
        return self.inner.follow(task_id, **options)

    async def download(self, url: str, dest: Path) -> Path:
        return await self.inner.download(url, dest)


@dataclass
class RunResult:
    profile: str
    audit: Audit
    submits: SubmitLog
    seconds: float
    cancels: int


@dataclass(frozen=True)
class RunSettings:
    count: int
    timing: Timing
    concurrency: int
    real_media: bool
    settle_limit_s: float


async def run_profile(profile: str, tag: str, work: Path, settings: RunSettings) -> RunResult:
    """Run `settings.count` jobs under `profile`, then audit them with the faults switched off."""
    started = time.monotonic()
    simulator = await asyncio.to_thread(
        start_simulator,
        work,
        speed=settings.timing.speed,
        faults=profile,
        real_media=settings.real_media,
    )
    library = Library.open(work / "home" / "library.sqlite3")
    submits = SubmitLog()
    try:
        plan = planned_jobs(settings.count, tag)
        cancels = await _run_jobs(simulator, library, plan, submits, settings)
        await asyncio.to_thread(simulator.set_faults, "none")
        prompts = [job.prompt for job in plan]
        found = await asyncio.to_thread(audit, library, simulator, prompts)
    finally:
        library.close()
        await asyncio.to_thread(simulator.stop)
    return RunResult(profile, found, submits, time.monotonic() - started, cancels)


async def _run_jobs(
    simulator: Simulator,
    library: Library,
    plan: list[PlannedJob],
    submits: SubmitLog,
    settings: RunSettings,
) -> int:
    timing = settings.timing
    inner = MountseaClient(simulator.base_url, simulator.api_key, **timing.client_options())
    services = await BackendJobs.open(
        ObservingClient(inner, submits),
        library=library,
        outputs_dir=library.outputs_root,
        max_concurrent=settings.concurrency,
        follow_options=timing.follow_options(),
        backend="demo",
        runner_options=timing.runner_options(),
    )
    cancelling: list[asyncio.Task[bool]] = []
    try:
        ids = [services.submit(job.endpoint, job.input, None).local_id for job in plan]
        to_cancel = [local_id for local_id, job in zip(ids, plan, strict=True) if job.cancel]
        loop = asyncio.get_running_loop()
        cancelling = [loop.create_task(_cancel_once_running(services, i)) for i in to_cancel]
        await until_settled(services, settings.settle_limit_s)
    finally:
        for task in cancelling:
            task.cancel()
        outcomes = await asyncio.gather(*cancelling, return_exceptions=True)
        await services.aclose()
        await inner.aclose()
    return sum(outcome is True for outcome in outcomes)


async def _cancel_once_running(services: BackendJobs, local_id: str) -> bool:
    """Cancel the job once it runs on the server (not if it ends first); True if asked."""
    while True:
        job = services.runner.get(local_id)
        if job is None or job.status.is_settled:
            return False
        if job.status is JobStatus.PROCESSING and not job.is_downloading:
            await services.runner.cancel(local_id)
            return True
        await asyncio.sleep(0.05)


async def until_settled(services: BackendJobs, limit_s: float) -> None:
    """Every job settled and its files recorded, or the limit (what is left counts as stuck)."""
    deadline = time.monotonic() + limit_s
    while True:
        if services.is_settled() or time.monotonic() >= deadline:
            break
        await asyncio.sleep(0.1)
    remaining = max(deadline - time.monotonic(), 1.0)
    try:
        await asyncio.wait_for(services.wait_idle(), remaining)
    except TimeoutError:
        log.warning("file work still going at the time limit")
