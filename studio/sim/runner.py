"""Drives each task through its simulated timeline on the event loop; generation runs in threads."""

from __future__ import annotations

import asyncio
import functools
import logging
from typing import TYPE_CHECKING, Any

from studio.sim.lifecycle import TaskRecord, TaskStatus, TaskStore
from studio.sim.rendering import GenerateFn, LocalFileLookup, RenderResult, render_task
from studio.sim.timing import Outcome, plan_task

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from concurrent.futures import Executor
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
        """Start the task's timeline in the background (inputs live only as long as it runs)."""
        coroutine = self._run(record.task_id, entry, inputs)
        background = asyncio.get_running_loop().create_task(coroutine)
        self._running[record.task_id] = background
        background.add_done_callback(lambda _: self._running.pop(record.task_id, None))

    def cancel(self, task_id: str) -> TaskRecord:
        """``canceled`` now; raises KeyError / InvalidTransitionError from the store."""
        record = self._store.cancel(task_id)
        background = self._running.pop(task_id, None)
        if background is not None:
            background.cancel()
        self._notify(record)
        return record

    async def close(self) -> None:
        tasks = list(self._running.values())
        for background in tasks:
            background.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _run(self, task_id: str, entry: Mapping[str, Any], inputs: Mapping[str, Any]) -> None:
        plan = plan_task(task_id, str(entry["capability"]), inputs, self._speed)
        await asyncio.sleep(plan.queued_seconds)
        self._store.start(task_id)
        rendering: asyncio.Future[RenderResult] | None = None
        if plan.outcome is Outcome.SUCCEED:
            rendering = self._start_rendering(task_id, entry, inputs)
        try:
            await asyncio.sleep(plan.processing_seconds)
            record = await self._finish(task_id, plan.outcome, rendering)
        finally:
            if rendering is not None and not rendering.done():
                rendering.cancel()
        self._notify(record)

    def _start_rendering(
        self, task_id: str, entry: Mapping[str, Any], inputs: Mapping[str, Any]
    ) -> asyncio.Future[RenderResult]:
        job = functools.partial(
            render_task,
            self._generate,
            entry=entry,
            inputs=inputs,
            local_file=self._local_file,
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

    def _notify(self, record: TaskRecord) -> None:
        if record.webhook_url is not None:
            self._webhooks.send(record.webhook_url, record.to_json())
