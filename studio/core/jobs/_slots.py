"""A FIFO concurrency limit for the task runner whose size can change while jobs wait."""

from __future__ import annotations

import asyncio
from collections import deque


class Slots:
    """A FIFO concurrency limit whose size can change while jobs wait for it."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.active = 0
        self._waiters: deque[asyncio.Future[None]] = deque()

    async def acquire(self) -> None:
        if self.active < self.limit and not self._waiters:
            self.active += 1
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release()  # the slot was handed over just before the cancel: pass it on
            elif waiter in self._waiters:
                self._waiters.remove(waiter)
            raise

    def take(self) -> None:
        """Occupy a slot without waiting (jobs that already run remotely), even past the limit."""
        self.active += 1

    def release(self) -> None:
        self.active -= 1
        self._wake()

    def set_limit(self, limit: int) -> None:
        self.limit = limit
        self._wake()

    def _wake(self) -> None:
        while self._waiters and self.active < self.limit:
            waiter = self._waiters.popleft()
            if not waiter.done():
                self.active += 1
                waiter.set_result(None)
