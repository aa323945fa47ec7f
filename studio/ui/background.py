"""An owner for fire-and-forget coroutines: keeps references, reports failures, cancels on close."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Coroutine

log = logging.getLogger("studio.ui")


class BackgroundTasks:
    """Every coroutine the UI starts goes through spawn(); failures reach one handler."""

    def __init__(self, on_error: Callable[[str], None]) -> None:
        self._on_error = on_error
        self._tasks: set[asyncio.Task[Any]] = set()
        self._named: dict[str, asyncio.Task[Any]] = {}

    def spawn(self, coro: Coroutine[Any, Any, Any], *, name: str = "") -> asyncio.Task[Any]:
        """Start coro; a task with the same name that is still running is cancelled first."""
        if name and (previous := self._named.get(name)) is not None and not previous.done():
            previous.cancel()
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        if name:
            self._named[name] = task
        task.add_done_callback(self._on_done)
        return task

    def _on_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            log.error("background task failed", exc_info=exc)
            self._on_error(str(exc) or type(exc).__name__)

    async def aclose(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        self._tasks.clear()
        self._named.clear()
