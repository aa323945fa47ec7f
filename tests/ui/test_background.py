"""The threads asyncio.to_thread hands work to in the app (studio.ui.background)."""

from __future__ import annotations

import asyncio
import threading

from studio.ui.background import WORKER_NAME, WORKER_THREADS, use_worker_threads


def _workers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith(WORKER_NAME)]


async def _use_them() -> None:
    use_worker_threads()
    assert _workers() == []  # none started before the first piece of work
    name = await asyncio.to_thread(lambda: threading.current_thread().name)
    assert name.startswith(WORKER_NAME)
    assert len(_workers()) == 1
    gate = threading.Event()
    waits = range(WORKER_THREADS + 3)
    busy = [asyncio.ensure_future(asyncio.to_thread(gate.wait, 5)) for _ in waits]
    await asyncio.sleep(0.05)
    assert len(_workers()) == WORKER_THREADS  # no more than that, however much waits
    gate.set()
    assert all(await asyncio.gather(*busy))


def test_worker_threads_start_as_work_needs_them_up_to_their_number() -> None:
    # A loop of its own: the executor is the loop's from then on (the app sets it once, first
    # thing), and closing the loop ends its threads.
    asyncio.run(_use_them())
    assert _workers() == []
