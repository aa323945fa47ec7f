"""A fake session for the Compare tab (catalog details that can fail or change, submit, retry,
comparisons kept in memory), and a shown panel over it."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta
from importlib import resources
from typing import TYPE_CHECKING, Any

from studio.core.api import EndpointDetail, MediaKind, MediaRef, parse_endpoint_detail
from studio.core.jobs import Job, JobStatus, SavedOutput
from studio.core.library import ComparisonRecord
from studio.core.session import Settings
from studio.ui.compare import ComparePanel
from tests.conftest import wait_until

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from studio.core.api import Endpoint
    from studio.core.compare import Comparison
    from studio.core.session import BackendInfo
    from studio.ui.compare.column import ResultColumn

START = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
T2I = (
    "google/nano-banana/text-to-image",
    "openai/gpt-image-2/text-to-image",
    "google/nano-banana-pro/text-to-image",
)
I2V = (
    "google/veo-3.1/fast/image-to-video",
    "kuaishou/kling-v3/pro/image-to-video",
    "bytedance/seedance-2.0/fast/image-to-video",
)


def catalog() -> dict[str, EndpointDetail]:
    text = resources.files("studio").joinpath("data/catalog.json").read_text(encoding="utf-8")
    details = (parse_endpoint_detail(raw) for raw in json.loads(text))
    return {detail.slug: detail for detail in details}


class FakeSource:
    """The session's side of the Compare tab, in memory. `fresh` replaces what fetch_detail
    answers for a slug (a schema changed on the server); `failing` slugs cannot be fetched."""

    def __init__(self) -> None:
        self.details = catalog()
        self.fresh: dict[str, EndpointDetail] = {}
        self.failing: set[str] = set()
        self.submitted: list[Job] = []
        self.retried: list[str] = []
        self.kept: dict[str, Comparison] = {}
        self.settings = Settings()
        self.backend_info: BackendInfo | None = None
        self.jobs: dict[str, Job] = {}

    @property
    def endpoints(self) -> list[Endpoint]:
        return list(self.details.values())

    def cached_detail(self, slug: str) -> EndpointDetail | None:
        return self.details.get(slug)

    async def fetch_detail(self, slug: str) -> EndpointDetail | None:
        if slug in self.failing:
            raise ConnectionError("the network went away")
        return self.fresh.get(slug) or self.details.get(slug)

    def submit(
        self, endpoint: str, input: Mapping[str, Any], webhook_url: str | None = None
    ) -> Job:
        job = Job(endpoint=endpoint, input=dict(input), webhook_url=webhook_url)
        self.submitted.append(job)
        self.jobs[job.local_id] = job
        return job

    def retry(self, local_id: str) -> Job:
        self.retried.append(local_id)
        job = dataclasses.replace(
            self.jobs[local_id], status=JobStatus.QUEUED, error=None, finished_at=None,
            submitted_at=None,
        )  # fmt: skip
        self.jobs[local_id] = job
        return job

    async def job_snapshots(self, local_ids: Sequence[str]) -> dict[str, Job]:
        return {i: self.jobs[i] for i in local_ids if i in self.jobs}

    async def save_comparison(self, comparison: Comparison) -> None:
        self.kept[comparison.id] = comparison

    async def load_comparison(self, comparison_id: str) -> Comparison | None:
        return self.kept.get(comparison_id)

    async def list_comparisons(self) -> list[ComparisonRecord]:
        return [
            ComparisonRecord(
                c.id,
                c.created_at,
                c.created_at,
                c.title,
                c.capability,
                c.slugs,
                len(c.rounds),
                c.winner_local_id(),
            )
            for c in sorted(self.kept.values(), key=lambda c: -c.created_at)
        ]


class Setup:
    """A shown panel over the catalog, with a FakeSource."""

    def __init__(self, qtbot: QtBot) -> None:
        self.source = FakeSource()
        self.details = self.source.details
        self.panel = ComparePanel(self.source)
        qtbot.addWidget(self.panel)
        self.panel.resize(1300, 900)
        self.panel.show()

    def tick(self, *slugs: str) -> None:
        for slug in slugs:
            assert self.panel.picker.set_checked(slug, True), slug
        self.panel.replan()

    def column(self, slug: str) -> ResultColumn:
        comparison = self.panel.comparison
        assert comparison is not None
        return self.panel.results.columns()[comparison.slugs.index(slug)]

    def job_of(self, slug: str) -> Job:
        return next(job for job in reversed(self.source.submitted) if job.endpoint == slug)

    async def compare(self, prompt: str, *slugs: str, sent: int) -> None:
        self.tick(*slugs)
        self.panel.form.prompt.setPlainText(prompt)
        assert self.panel.compare()
        await wait_until(lambda: len(self.source.submitted) == sent)

    def update(self, job: Job) -> None:
        self.source.jobs[job.local_id] = job
        self.panel.show_job(job)


def moved(job: Job, status: JobStatus, seconds: float, **changes: Any) -> Job:
    finished = START + timedelta(seconds=seconds) if status.is_settled else None
    return dataclasses.replace(
        job, status=status, submitted_at=START, finished_at=finished, **changes
    )


def output(path: Path, kind: MediaKind) -> SavedOutput:
    return SavedOutput(MediaRef(url=f"https://x/{path.name}", kind=kind), path)


def done(job: Job, path: Path, kind: MediaKind, seconds: float = 5) -> Job:
    return moved(job, JobStatus.SUCCEEDED, seconds, outputs=(output(path, kind),))
