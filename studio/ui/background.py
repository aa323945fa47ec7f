"""The UI's one owner of coroutines: it keeps them referenced, reports failures, cancels at exit.

Every coroutine the UI starts goes through ``spawn()``; ``aclose()`` (called once by the app at
shutdown) cancels whatever still runs. A failure goes to the caller's ``on_error`` if it gave one,
else to the handler the controller installs (the window's error banner), and always to the log.

``use_worker_threads()`` (the app, at the start of its loop) sets the threads that
``asyncio.to_thread`` hands work to.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from collections.abc import Callable, Coroutine, Hashable

log = logging.getLogger("studio.ui")

WORKER_THREADS: Final = 10  # as many as qasync's default executor has
WORKER_NAME: Final = "studio-worker"  # their names start with it


class BackgroundTasks:
    """Running coroutines of the UI; a keyed one replaces (cancels) the running one of its key."""

    def __init__(self) -> None:
        self._tasks: dict[asyncio.Task[Any], Callable[[str], None] | None] = {}
        self._keyed: dict[Hashable, asyncio.Task[Any]] = {}
        self._on_error: Callable[[str], None] = _log_only

    def set_error_handler(self, handler: Callable[[str], None]) -> None:
        """Where failures of coroutines spawned without their own ``on_error`` are shown."""
        self._on_error = handler

    def spawn(
        self,
        coro: Coroutine[Any, Any, Any],
        *,
        key: Hashable = None,
        on_error: Callable[[str], None] | None = None,
    ) -> asyncio.Task[Any]:
        """Start ``coro``. With a ``key``, a still running task of the same key is cancelled."""
        if key is not None and (previous := self._keyed.get(key)) is not None:
            previous.cancel()
        task = asyncio.ensure_future(coro)
        self._tasks[task] = on_error
        if key is not None:
            self._keyed[key] = task
        task.add_done_callback(lambda done: self._on_done(done, key))
        return task

    def running(self) -> int:
        return len(self._tasks)

    def is_running(self, key: Hashable) -> bool:
        """Whether the task spawned with ``key`` is still running."""
        task = self._keyed.get(key)
        return task is not None and not task.done()

    def _on_done(self, task: asyncio.Task[Any], key: Hashable) -> None:
        on_error = self._tasks.pop(task, None)
        if key is not None and self._keyed.get(key) is task:
            del self._keyed[key]
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            log.error("background task failed", exc_info=exc)
            (on_error or self._on_error)(str(exc) or type(exc).__name__)

    async def aclose(self) -> None:
        """Cancel everything still running and wait for it to end."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        self._tasks.clear()
        self._keyed.clear()


def _log_only(message: str) -> None:
    log.warning("background task failed: %s", message)


_OWNER = BackgroundTasks()


def background() -> BackgroundTasks:
    """The one owner (the app closes it at shutdown)."""
    return _OWNER


def spawn(
    coro: Coroutine[Any, Any, Any],
    *,
    key: Hashable = None,
    on_error: Callable[[str], None] | None = None,
) -> asyncio.Task[Any]:
    """Start ``coro`` under the one owner (see BackgroundTasks.spawn)."""
    return _OWNER.spawn(coro, key=key, on_error=on_error)


def spawn_if_running(
    coro: Coroutine[Any, Any, Any],
    *,
    key: Hashable = None,
    on_error: Callable[[str], None] | None = None,
) -> asyncio.Task[Any] | None:
    """``spawn()`` on the app's running loop; without one (a script or a synchronous test using a
    widget on its own) nothing could run the coroutine, so it is closed and None returned."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        coro.close()
        return None
    return spawn(coro, key=key, on_error=on_error)


def use_worker_threads() -> ThreadPoolExecutor:
    """The running loop's default executor (``asyncio.to_thread``): up to WORKER_THREADS
    threads, each started when work first needs it. qasync's own starts all ten QThreads at
    the first call: ~1.5 ms on the GUI thread, whose page faults meanwhile wait for the mapping
    of the threads' stacks (a gallery's first paint, make bench). Call it first thing on a
    new loop: an executor it replaces is not shut down."""
    executor = ThreadPoolExecutor(WORKER_THREADS, thread_name_prefix=WORKER_NAME)
    asyncio.get_running_loop().set_default_executor(executor)
    return executor
