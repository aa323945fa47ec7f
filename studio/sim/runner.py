"""Drives each task through its simulated timeline on the event loop; generation runs in threads."""

from __future__ import annotations

import asyncio
import functools
import logging
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from studio.sim.lifecycle import TaskRecord, TaskStatus, TaskStore, utc_now
from studio.sim.rendering import GenerateFn, LocalFileLookup, RenderResult, render_task
from studio.sim.timing import Outcome, find_magic_words, plan_task

if TYPE_CHECKING:
    from collections.abc import Callable, Coroutine, Mapping
    from concurrent.futures import Executor
    from datetime import datetime
    from pathlib import Path

    from studio.sim.webhooks import WebhookSender

log = logging.getLogger(__name__)

FAILED_MESSAGE = "task failed (simulated by [fail])"
TIMEOUT_MESSAGE = "task timed out (simulated by [timeout])"


class TaskRunner:
    """Owns one background coroutine per live task; ``close()`` cancels them all."""

    def __init__(
        self,
        *,
        store: TaskStore,
        generate: GenerateFn,
        executor: Executor,
        webhooks: WebhookSender,
        data_dir: Path,
        base_url: Callable[[], str],
        local_file: LocalFileLookup,
        speed: float = 1.0,
    ) -> None:
        self._store = store
        self._generate = generate
        self._executor = executor
        self._webhooks = webhooks
        self._data_dir = data_dir
        self._base_url = base_url
        self._local_file = local_file
        self._speed = speed
        self._running: dict[str, asyncio.Task[None]] = {}

    def launch(
        self, record: TaskRecord, entry: Mapping[str, Any], inputs: Mapping[str, Any]
    ) -> None:
        """Plan the new task's timeline and run it in the background."""
        plan = plan_task(record.task_id, str(entry["capability"]), inputs, self._speed)
        start_at = record.created_at + timedelta(seconds=plan.queued_seconds)
        end_at = record.created_at + timedelta(seconds=plan.total_seconds)
        self._store.plan(record.task_id, start_at, end_at)
        self._spawn(record.task_id, self._run(record.task_id, entry, inputs, self._local_file))

    def resume(
        self,
        record: TaskRecord,
        entry: Mapping[str, Any],
        inputs: Mapping[str, Any],
        submitted_base_url: str,
    ) -> None:
        """Go on with a task loaded from disk from where the wall clock says it is.

        Its input may name files of this simulator under the base URL it had when submitted.
        """
        local_file = rebased_lookup(self._local_file, submitted_base_url, self._base_url())
        self._spawn(record.task_id, self._run(record.task_id, entry, inputs, local_file))

    def cancel(self, task_id: str) -> TaskRecord:
        """``canceled`` now; raises KeyError / InvalidTransitionError from the store."""
        record = self._store.cancel(task_id)
        background = self._running.pop(task_id, None)
        if background is not None:
            background.cancel()
        self.notify(record)
        return record

    async def close(self) -> None:
        tasks = list(self._running.values())
        for background in tasks:
            background.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def _spawn(self, task_id: str, coroutine: Coroutine[Any, Any, None]) -> None:
        background = asyncio.get_running_loop().create_task(coroutine)
        self._running[task_id] = background
        background.add_done_callback(lambda _: self._running.pop(task_id, None))

    async def _run(
        self,
        task_id: str,
        entry: Mapping[str, Any],
        inputs: Mapping[str, Any],
        local_file: LocalFileLookup,
    ) -> None:
        record = self._store.get(task_id)
        assert record is not None
        outcome = find_magic_words(inputs).outcome
        if record.status is TaskStatus.QUEUED:
            await sleep_until(record.planned_start_at)
            self._store.start(task_id)
        rendering: asyncio.Future[RenderResult] | None = None
        if outcome is Outcome.SUCCEED:
            # Always rendered again on resume: files of a killed run may be missing or partial.
            rendering = self._start_rendering(task_id, entry, inputs, local_file)
        try:
            await sleep_until(record.planned_end_at)
            record = await self._finish(task_id, outcome, rendering)
        finally:
            if rendering is not None and not rendering.done():
                rendering.cancel()
        self.notify(record)

    def _start_rendering(
        self,
        task_id: str,
        entry: Mapping[str, Any],
        inputs: Mapping[str, Any],
        local_file: LocalFileLookup,
    ) -> asyncio.Future[RenderResult]:
        job = functools.partial(
            render_task,
            self._generate,
            entry=entry,
            inputs=inputs,
            local_file=local_file,
            task_dir=self._data_dir / task_id,
            files_url=f"{self._base_url()}/files/{task_id}",
        )
        return asyncio.get_running_loop().run_in_executor(self._executor, job)

    async def _finish(
        self, task_id: str, outcome: Outcome, rendering: asyncio.Future[RenderResult] | None
    ) -> TaskRecord:
        if outcome is Outcome.FAIL:
            return self._store.fail(task_id, TaskStatus.FAILED, 500, FAILED_MESSAGE)
        if outcome is Outcome.TIMEOUT:
            return self._store.fail(task_id, TaskStatus.TIMEOUT, 504, TIMEOUT_MESSAGE)
        assert rendering is not None
        try:
            result = await rendering
        except Exception as error:
            log.warning("generation for %s failed: %r", task_id, error)
            return self._store.fail(task_id, TaskStatus.FAILED, 500, f"generation failed: {error}")
        return self._store.succeed(task_id, result.output, result.file_names)

    def notify(self, record: TaskRecord) -> None:
        """Send the terminal webhook, if any; the store remembers once it was delivered."""
        if record.webhook_url is None:
            return
        task_id = record.task_id
        self._webhooks.send(
            record.webhook_url,
            record.to_json(),
            on_delivered=lambda: self._store.mark_webhook_delivered(task_id),
        )


async def sleep_until(moment: datetime | None) -> None:
    """Sleep until a wall-clock moment (not at all if it is past or unknown)."""
    if moment is not None:
        await asyncio.sleep(max(0.0, (moment - utc_now()).total_seconds()))


def rebased_lookup(lookup: LocalFileLookup, old_base_url: str, base_url: str) -> LocalFileLookup:
    """``lookup`` that also accepts ``/files`` URLs under the simulator's previous base URL."""
    old_prefix = f"{old_base_url}/files/"
    if not old_base_url or old_base_url == base_url:
        return lookup

    def find(url: str) -> Path | None:
        if url.startswith(old_prefix):
            url = f"{base_url}/files/{url.removeprefix(old_prefix)}"
        return lookup(url)

    return find
