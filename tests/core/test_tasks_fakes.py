"""A scriptable in-memory stand-in for the Mountsea client, for task-runner and queue tests."""

from __future__ import annotations

import asyncio
import itertools
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from studio.core.api import (
    ConflictError,
    DownloadError,
    Endpoint,
    EndpointDetail,
    MediaKind,
    MediaRef,
    NotFoundError,
    Task,
    TaskError,
    TaskStatus,
)
from studio.core.jobs import JobRunner

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable
    from pathlib import Path

    from studio.core.jobs import Job, TaskClient

ENDPOINT = "acme/pixel/text-to-image"


def make_task(
    task_id: str,
    status: TaskStatus,
    *,
    endpoint: str = ENDPOINT,
    media: tuple[MediaRef, ...] = (),
    error: TaskError | None = None,
    text: str | None = None,
) -> Task:
    raw: dict[str, Any] = {"task_id": task_id, "endpoint": endpoint, "status": status.value}
    return Task(
        task_id=task_id,
        endpoint=endpoint,
        model="pixel",
        capability="image",
        mode="text-to-image",
        status=status,
        status_text=status.value,
        created_at=None,
        started_at=None,
        completed_at=None,
        elapsed_ms=None,
        output=None,
        media=media,
        text=text,
        error=error,
        raw=raw,
    )


DEFAULT_MEDIA = (
    MediaRef(url="https://cdn.example/a/out.png", kind=MediaKind.IMAGE, content_type="image/png"),
    MediaRef(
        url="https://cdn.example/x/../evil.sh",
        kind=MediaKind.OTHER,
        file_name="../../evil.sh",
    ),
)


@dataclass
class FakeClient:
    """Tasks finish queued → processing → outcome. Inputs may steer a job: ``outcome`` (a status
    value) and ``hold`` (stay processing until ``release()`` or a cancel)."""

    media: tuple[MediaRef, ...] = DEFAULT_MEDIA
    default_outcome: str = "succeeded"
    run_error: Exception | None = None
    run_errors: list[Exception] = field(default_factory=list)  # one per call, before run_error
    follow_errors: list[Exception] = field(default_factory=list)
    run_gate: asyncio.Event | None = None
    download_gate: asyncio.Event | None = None
    on_run: Callable[[str, dict[str, Any]], None] | None = None
    tasks: dict[str, Task] = field(default_factory=dict)
    run_calls: list[tuple[str, dict[str, Any], str | None]] = field(default_factory=list)
    cancel_calls: list[str] = field(default_factory=list)
    get_calls: list[str] = field(default_factory=list)
    downloads: list[tuple[str, Path]] = field(default_factory=list)
    endpoints: list[EndpointDetail] = field(default_factory=list)  # the catalog it serves
    active: int = 0
    max_active: int = 0
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _inputs: dict[str, dict[str, Any]] = field(default_factory=dict)
    _wakeups: dict[str, asyncio.Event] = field(default_factory=dict)
    _released: bool = False

    async def run(self, slug: str, input: dict[str, Any], webhook_url: str | None = None) -> Task:
        self.run_calls.append((slug, input, webhook_url))
        if self.on_run is not None:
            self.on_run(slug, input)
        self._enter()
        try:
            if self.run_gate is not None:
                await self.run_gate.wait()
            if self.run_errors:
                raise self.run_errors.pop(0)
            if self.run_error is not None:
                raise self.run_error
        except BaseException:
            self._leave()
            raise
        task_id = f"ms-{next(self._ids)}"
        self._inputs[task_id] = input
        self._wakeups[task_id] = asyncio.Event()
        self.tasks[task_id] = make_task(task_id, TaskStatus.QUEUED, endpoint=slug)
        return self.tasks[task_id]

    async def get_task(self, task_id: str) -> Task:
        self.get_calls.append(task_id)
        return self._lookup(task_id)

    async def cancel_task(self, task_id: str) -> Task:
        self.cancel_calls.append(task_id)
        task = self._lookup(task_id)
        if task.status.is_terminal:
            raise ConflictError("This task has already finished.", status=409)
        self.set_status(task_id, TaskStatus.CANCELED)
        return self.tasks[task_id]

    async def follow(self, task_id: str, **options: Any) -> AsyncIterator[Task]:
        if self.follow_errors:
            raise self.follow_errors.pop(0)
        task = self._lookup(task_id)
        yield task
        if task.status is TaskStatus.QUEUED:
            self.set_status(task_id, TaskStatus.PROCESSING)
            yield self.tasks[task_id]
        if self._inputs.get(task_id, {}).get("hold") and not self._released:
            await self._wakeups[task_id].wait()
        if not self.tasks[task_id].status.is_terminal:
            self._complete(task_id)
        yield self.tasks[task_id]

    async def download(self, url: str, dest: Path) -> Path:
        self.downloads.append((url, dest))
        if self.download_gate is not None:
            await self.download_gate.wait()
        if "broken" in url:
            raise DownloadError("The file could not be downloaded (HTTP 500).", status=500)
        _write_file(dest, b"fake:" + url.encode())
        return dest

    async def list_endpoints(self) -> list[Endpoint]:
        return list(self.endpoints)

    async def get_endpoint(self, slug: str) -> EndpointDetail:
        found = next((e for e in self.endpoints if e.slug == slug), None)
        if found is None:
            raise NotFoundError("This endpoint does not exist.", status=404)
        return found

    async def aclose(self) -> None:
        """Nothing to release."""

    def release(self) -> None:
        """Let every held task finish."""
        self._released = True
        for event in self._wakeups.values():
            event.set()

    def set_status(self, task_id: str, status: TaskStatus, **changes: Any) -> None:
        """Change the server-side state without telling the follower (unless it waits)."""
        was_terminal = self.tasks[task_id].status.is_terminal
        self.tasks[task_id] = replace(self.tasks[task_id], status=status, **changes)
        if status.is_terminal and not was_terminal:
            self._leave()
            self._wakeups[task_id].set()

    def _complete(self, task_id: str) -> None:
        outcome = TaskStatus(self._inputs[task_id].get("outcome", self.default_outcome))
        if outcome is TaskStatus.SUCCEEDED:
            self.set_status(task_id, outcome, media=self.media)
        else:
            self.set_status(task_id, outcome, error=TaskError(code=500, message="task failed"))

    def _lookup(self, task_id: str) -> Task:
        if task_id not in self.tasks:
            raise NotFoundError("This task does not exist.", status=404)
        return self.tasks[task_id]

    def _enter(self) -> None:
        self.active += 1
        self.max_active = max(self.max_active, self.active)

    def _leave(self) -> None:
        self.active -= 1


@dataclass
class RecordingJournal:
    """Keeps every journal call in order as (kind, job snapshot)."""

    calls: list[tuple[str, Job]] = field(default_factory=list)

    def job_created(self, job: Job) -> None:
        self.calls.append(("created", job))

    def job_changed(self, job: Job) -> None:
        self.calls.append(("changed", job))


def _write_file(path: Path, data: bytes) -> None:
    path.write_bytes(data)


async def instant_sleep(_seconds: float) -> None:
    await asyncio.sleep(0)


@asynccontextmanager
async def open_runner(
    client: TaskClient, tmp_path: Path, **options: Any
) -> AsyncIterator[JobRunner]:
    """A runner with instant reconnect sleeps (unless `sleep` is given), closed even when the
    test fails."""
    options.setdefault("sleep", instant_sleep)
    runner = JobRunner(client, outputs_dir=tmp_path / "outputs", **options)
    try:
        yield runner
    finally:
        await runner.aclose()
