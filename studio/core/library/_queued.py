"""The runner's journal written behind: calls return at once, one worker thread writes them.

Every call of the LibraryJournal is a SQLite commit, and some wait for the disk (fsync): the row
of a new job, the mark that its submit may be leaving, the submit log's lines. On the event loop
each held the window for a millisecond to, on a busy disk, seconds. Here the loop only appends the
call to a queue; a thread of its own ("library-writes") takes whatever is queued and runs the
calls one after the other, also while the loop is busy.

What stays guaranteed:

* order: calls are written in the order they were made, across all jobs;
* recorded before sent: the runner awaits ``on_disk(local_id)`` after marking a job as sending
  and before its request leaves. It returns once that mark, and everything queued before it
  (the job's own row), is written, synced to disk as LibraryJournal does it; it raises what kept
  the mark from being written, and then nothing is sent;
* nothing is dropped: a write that failed (a full disk) is kept by the LibraryJournal and
  written again with the next one (its ``flush``), as before; ``aclose`` writes what is left.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
from collections import deque
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from studio.core.api import Endpoint
    from studio.core.jobs import Job
    from studio.core.library._journal import LibraryJournal

log = logging.getLogger(__name__)

_KEPT_FAILURES: Final = 1000  # failures nobody asked about are forgotten past this many


class _Waiter:
    """A coroutine waiting on another loop for every call up to ``seq`` to be written."""

    def __init__(self, seq: int) -> None:
        self.seq = seq
        self.loop = asyncio.get_running_loop()
        self.future: asyncio.Future[None] = self.loop.create_future()

    def wake(self) -> None:
        try:
            self.loop.call_soon_threadsafe(self._resolve)
        except RuntimeError:  # its loop is closed: nobody waits any more
            log.debug("a library write finished after its loop closed")

    def _resolve(self) -> None:
        if not self.future.done():
            self.future.set_result(None)


class QueuedJournal:
    """A JobJournal over a LibraryJournal that writes in a worker thread (see module docstring).

    Use its methods from one event loop; close with ``aclose`` (it writes what is queued).
    """

    def __init__(self, journal: LibraryJournal) -> None:
        self._journal = journal
        self._lock = threading.Lock()
        self._ready = threading.Condition(self._lock)
        self._queue: deque[tuple[int, Callable[[], Any]]] = deque()
        self._queued = 0  # calls handed over; each one's number is its place
        self._written = 0  # calls done (written or failed), all those numbered below it
        self._last: dict[str, int] = {}  # local id → number of its latest call
        self._failed: dict[int, BaseException] = {}
        self._waiters: list[_Waiter] = []
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="library-writes", daemon=True)
        self._thread.start()

    @property
    def backend(self) -> str:
        return self._journal.backend

    @property
    def idle(self) -> bool:
        """Every call so far is written (or failed)."""
        with self._lock:
            return self._written == self._queued

    # --- JobJournal ---------------------------------------------------------------------------

    def job_created(self, job: Job) -> None:
        self._put(functools.partial(self._journal.job_created, job), job.local_id)

    def job_changed(self, job: Job) -> None:
        self._put(functools.partial(self._journal.job_changed, job), job.local_id)

    async def on_disk(self, local_id: str) -> None:
        """Once the job's calls so far are written; raises what kept its latest one from it."""
        with self._lock:
            seq = self._last.get(local_id)
        if seq is None:
            return
        await self._until(seq)
        with self._lock:
            error = self._failed.pop(seq, None)
        if error is not None:
            raise error

    # --- the rest of LibraryJournal, in the same order ----------------------------------------

    def adopt(self, job: Job) -> None:
        self._put(functools.partial(self._journal.adopt, job), job.local_id)

    def remember_endpoints(self, endpoints: Iterable[Endpoint]) -> None:
        self._put(functools.partial(self._journal.remember_endpoints, list(endpoints)))

    def set_schema_fingerprint(self, endpoint: str, fingerprint: str) -> None:
        self._put(functools.partial(self._journal.set_schema_fingerprint, endpoint, fingerprint))

    def call(self, write: Callable[[], Any]) -> None:
        """Any other library write that must come after the journal's calls so far."""
        self._put(write)

    async def written(self) -> None:
        """Once every call so far is written (or failed); never raises."""
        with self._lock:
            seq = self._queued - 1
        if seq >= 0:
            await self._until(seq)

    async def aclose(self) -> bool:
        """Write what is queued, then rows whose last change failed (LibraryJournal.flush);
        True when none is left unwritten. Calls after this are written at once, here."""
        result: list[bool] = []
        self._put(lambda: result.append(self._journal.flush()))
        await self.written()
        with self._lock:
            self._closed = True
            self._ready.notify()
        await asyncio.to_thread(self._thread.join)
        return bool(result and result[0])

    # --- the worker ---------------------------------------------------------------------------

    def _put(self, call: Callable[[], Any], local_id: str | None = None) -> None:
        with self._lock:
            if self._closed:
                self._queued += 1
                self._written += 1
                call()  # after aclose: nothing runs the queue any more
                return
            seq = self._queued
            self._queued += 1
            if local_id is not None:
                self._last[local_id] = seq
            self._queue.append((seq, call))
            self._ready.notify()

    async def _until(self, seq: int) -> None:
        with self._lock:
            if self._written > seq:
                return
            waiter = _Waiter(seq)
            self._waiters.append(waiter)
        await waiter.future

    def _run(self) -> None:
        while True:
            with self._lock:
                while not self._queue and not self._closed:
                    self._ready.wait()
                if not self._queue:
                    return
                batch = list(self._queue)
                self._queue.clear()
            failures = {seq: error for seq, call in batch if (error := _apply(call)) is not None}
            self._done(batch[-1][0] + 1, failures)

    def _done(self, written: int, failures: dict[int, BaseException]) -> None:
        with self._lock:
            self._written = written
            self._failed.update(failures)
            while len(self._failed) > _KEPT_FAILURES:
                del self._failed[next(iter(self._failed))]
            due = [waiter for waiter in self._waiters if waiter.seq < written]
            self._waiters = [waiter for waiter in self._waiters if waiter.seq >= written]
        for waiter in due:
            waiter.wake()


def _apply(call: Callable[[], Any]) -> BaseException | None:
    try:
        call()
    except Exception as error:
        # LibraryJournal keeps the row for its next write; whoever awaits it hears of it.
        log.warning("library write failed: %r", error)
        return error
    return None
