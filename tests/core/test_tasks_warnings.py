"""Polling trouble: brief blips stay silent, lasting trouble warns on the row, recovery clears."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from typing_extensions import override

from studio.core.api import (
    MountseaClient,
    MountseaError,
    NetworkError,
    RateLimitedError,
    RetryPolicy,
    ServerError,
)
from studio.core.jobs import CONNECTION_WARNING, JobRunner, JobStatus
from studio.core.jobs._problems import ProblemWatch, problem_warning
from tests.conftest import wait_until
from tests.core.test_tasks_fakes import ENDPOINT, FakeClient, RecordingJournal, open_runner
from tests.fakes.simulator import IMAGE_SLUG, running_simulator

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable
    from pathlib import Path

    from studio.core.api import Task
    from studio.core.jobs import Job
    from tests.fakes.simulator import SimProcess

START = datetime(2026, 5, 18, 9, 0, tzinfo=UTC)
POLL_S = 2.0  # how far the fake clock moves between two polls
WARN_AFTER_S = 10.0
RATE_LIMITED = "Connection problem — still trying (rate limited by the server)"


class SteppingNow:
    """The runner's ``now``; moves only when a fake poll says so."""

    def __init__(self) -> None:
        self.value = START

    def __call__(self) -> datetime:
        return self.value

    def advance(self, seconds: float) -> None:
        self.value += timedelta(seconds=seconds)


@dataclass
class TroubledClient(FakeClient):
    """After the first answer, follow() reports ``reports`` (one per poll) before going on."""

    reports: list[MountseaError | None] = field(default_factory=list)
    now: SteppingNow = field(default_factory=SteppingNow)
    probe: Callable[[], str | None] | None = None
    warnings_after_report: list[str | None] = field(default_factory=list)

    @override
    async def follow(self, task_id: str, **options: Any) -> AsyncIterator[Task]:
        on_problem: Callable[[MountseaError | None], None] = options["on_problem"]
        polls = super().follow(task_id, **options)
        yield await anext(polls)
        for report in self.reports:
            self.now.advance(POLL_S)
            on_problem(report)
            if self.probe is not None:
                self.warnings_after_report.append(self.probe())
        async for task in polls:
            yield task


async def run_troubled(client: TroubledClient, tmp_path: Path) -> tuple[Job, RecordingJournal]:
    journal = RecordingJournal()
    options: dict[str, Any] = {"journal": journal, "now": client.now, "warn_after_s": WARN_AFTER_S}
    async with open_runner(client, tmp_path, **options) as runner:
        runner.submit(ENDPOINT, {"prompt": "a fox"})
        client.probe = lambda: runner.jobs()[0].warning
        await wait_until(lambda: runner.jobs()[0].status.is_settled)
        return runner.jobs()[0], journal


class OddTransientError(MountseaError):
    """A transient error of a kind the warning has no words for."""

    transient = True


def test_warning_texts_name_the_trouble_plainly() -> None:
    assert problem_warning(RateLimitedError("slow down")) == RATE_LIMITED
    assert problem_warning(ServerError("busy", status=503)) == (
        "Connection problem — still trying (server error 503)"
    )
    assert problem_warning(NetworkError("refused")) == CONNECTION_WARNING
    assert CONNECTION_WARNING == "Connection problem — still trying (no connection)"
    timeout = NetworkError("no answer")
    timeout.__cause__ = httpx.ReadTimeout("read timed out")
    assert problem_warning(timeout).endswith("(the server is not answering)")
    assert problem_warning(OddTransientError("?")) == "Connection problem — still trying"


def test_watch_shows_only_after_the_threshold_and_only_changes() -> None:
    now = SteppingNow()
    shown: list[str | None] = []
    watch = ProblemWatch(shown.append, 10.0, now)
    busy = ServerError("busy", status=503)
    for _ in range(5):  # 0 s .. 8 s of trouble
        watch.report(busy)
        now.advance(2.0)
    assert shown == []
    watch.report(busy)  # 10 s
    watch.report(busy)
    watch.report(RateLimitedError("slow"))  # the reason changed
    watch.report(None)
    watch.report(None)
    watch.report(busy)  # a new spell of trouble starts its own clock
    assert shown == [problem_warning(busy), RATE_LIMITED, None]


@pytest.mark.asyncio
async def test_a_brief_blip_never_shows(tmp_path: Path) -> None:
    blip: list[MountseaError | None] = [ServerError("busy", status=503)] * 3
    client = TroubledClient(reports=[*blip, None])  # 4 s of trouble, under the 10 s threshold

    done, journal = await run_troubled(client, tmp_path)

    assert done.status is JobStatus.SUCCEEDED
    assert client.warnings_after_report == [None] * 4
    assert [job.warning for _, job in journal.calls if job.warning] == []


@pytest.mark.asyncio
async def test_persistent_trouble_warns_and_the_next_good_poll_clears_it(tmp_path: Path) -> None:
    trouble: list[MountseaError | None] = [RateLimitedError("slow down")] * 7  # 2 s .. 14 s
    client = TroubledClient(reports=[*trouble, None])

    done, journal = await run_troubled(client, tmp_path)

    assert client.warnings_after_report == [None] * 5 + [RATE_LIMITED] * 2 + [None]
    assert done.status is JobStatus.SUCCEEDED and done.warning is None
    warnings = [job.warning for _, job in journal.calls]
    assert warnings.count(RATE_LIMITED) == 1  # set once, as one change
    cleared = warnings.index(RATE_LIMITED) + 1
    assert warnings[cleared] is None and journal.calls[cleared][1].status is JobStatus.QUEUED


class FaultsAfterSubmit:
    """The real client, but the simulator turns on a fault profile right after each POST."""

    def __init__(self, inner: MountseaClient, sim: SimProcess, profile: str) -> None:
        self.inner = inner
        self.sim = sim
        self.profile = profile

    async def run(self, slug: str, input: dict[str, Any], webhook_url: str | None = None) -> Task:
        task = await self.inner.run(slug, input, webhook_url)
        async with httpx.AsyncClient(base_url=self.sim.base_url) as admin:
            answer = await admin.post(
                "/_sim/faults", json={"profile": self.profile}, headers=self.sim.auth_headers
            )
            answer.raise_for_status()
        return task

    async def get_task(self, task_id: str) -> Task:
        return await self.inner.get_task(task_id)

    async def cancel_task(self, task_id: str) -> Task:
        return await self.inner.cancel_task(task_id)

    def follow(self, task_id: str, **options: Any) -> AsyncIterator[Task]:
        return self.inner.follow(task_id, **options)

    async def download(self, url: str, dest: Path) -> Path:
        return await self.inner.download(url, dest)


@pytest.mark.asyncio
async def test_simulator_503s_warn_then_the_job_still_succeeds(tmp_path: Path) -> None:
    fast_follow = {"initial_interval": 0.05, "factor": 1.2, "max_interval": 0.2, "deadline": 60.0}
    # Each poll's GET tries twice, so 20 faults are 10 failed polls: ≥ 0.45 s of follow sleeps.
    retry = RetryPolicy(max_attempts=2, base_delay=0.01, max_delay=0.02)
    journal = RecordingJournal()
    with running_simulator(speed=50.0) as sim:
        async with MountseaClient(sim.base_url, sim.api_key, retry=retry) as api:
            runner = JobRunner(
                FaultsAfterSubmit(api, sim, "5xx*20"),
                outputs_dir=tmp_path / "outputs",
                journal=journal,
                follow_options=fast_follow,
                warn_after_s=0.2,
            )
            try:
                job = runner.submit(IMAGE_SLUG, {"prompt": "a heron in fog"})
                await wait_until(lambda: runner.jobs()[0].status.is_settled, 60.0)
            finally:
                await runner.aclose()
        with sim.client() as admin:
            rules = admin.get("/_sim/faults").json()["rules"]
    done = runner.get(job.local_id)
    assert done is not None and done.status is JobStatus.SUCCEEDED, done
    assert done.warning is None and done.outputs and done.outputs[0].path is not None
    warnings = {snapshot.warning for _, snapshot in journal.calls}
    assert "Connection problem — still trying (server error 503)" in warnings
    assert rules == [{"kind": "5xx", "remaining": 0}]
