"""Child: the real studio window runs 200 tasks on its demo simulator; a 1 ms heartbeat on the loop.

``--mode studio``: in a new ``STUDIO_HOME`` (set by the parent) with settings sim_speed and
max_concurrent (4 at a time), the window is built by ``studio.app.build_studio()`` as ``make run``
builds it, shown on its Create tab and started (demo simulator child, catalog), and start-up settled
as ``studio.app.run_studio`` does (``studio.ui.collector.settle_after_start``: a full collection,
then the survivors frozen). Once connected and idle for a second, the heartbeat
(``qt_tools.Heartbeat``) starts and the tasks are submitted the way the Generate button does
(``endpoint_page.generate_requested`` with a batch of up to 16 inputs per press and no library
inputs, a press every 200 ms), alternating a text-to-image and a text-to-video endpoint with the
catalog's own example inputs; the heartbeat stops when every job has settled (downloads included).
Every ``GET /ms/v1/tasks/{id}`` the app sends is counted per task by an httpx request hook on the
backend's HTTP client (added through ``build_studio(open_backend=...)``), and each task's duration
is its ``elapsed_ms`` from the server.

``--mode idle``: a bare QMainWindow of the same size on a qasync loop, the same heartbeat for
``--seconds``: the floor of this machine at that moment.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import qasync
from PySide6.QtWidgets import QApplication, QMainWindow

from bench.children.qt_tools import Heartbeat, longest, percentile, write_result

if TYPE_CHECKING:
    from collections.abc import Callable

    import httpx

    from studio.core.session import Backend, Settings
    from studio.ui.controller import StudioController
    from studio.ui.main_window import MainWindow

ENDPOINTS: Final = ("google/nano-banana/text-to-image", "google/veo-3.1/fast/text-to-video")
BATCH: Final = 16  # the endpoint page's largest batch
PRESS_EVERY_S: Final = 0.2
CATALOG: Final = Path(__file__).resolve().parents[2] / "studio" / "data" / "catalog.json"
_TASK_PATH = re.compile(r"^/ms/v1/tasks/([^/]+)$")


class PollCounter:
    """GET /ms/v1/tasks/{id} requests per task id, seen by an httpx request hook."""

    def __init__(self) -> None:
        self.polls: Counter[str] = Counter()

    def attach(self, http: httpx.AsyncClient) -> None:
        hooks = dict(http.event_hooks)
        hooks["request"] = [*hooks.get("request", []), self._on_request]
        http.event_hooks = hooks

    async def _on_request(self, request: httpx.Request) -> None:
        match = _TASK_PATH.match(request.url.path)
        if request.method == "GET" and match is not None:
            self.polls[match.group(1)] += 1


def example_inputs() -> dict[str, dict[str, Any]]:
    entries = json.loads(CATALOG.read_text(encoding="utf-8"))
    return {e["slug"]: dict(e["examples"][0]["input"]) for e in entries if e["slug"] in ENDPOINTS}


async def wait_until(condition: Callable[[], bool], limit_s: float, what: str) -> None:
    deadline = time.monotonic() + limit_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"no {what} after {limit_s:.0f} s")
        await asyncio.sleep(0.1)


async def submit_all(window: MainWindow, tasks: int) -> None:
    """Press Generate with batches of up to 16, alternating the two endpoints."""
    examples = example_inputs()
    sent = 0
    press = 0
    while sent < tasks:
        slug = ENDPOINTS[press % len(ENDPOINTS)]
        count = min(BATCH, tasks - sent)
        inputs = []
        for number in range(sent, sent + count):
            value = dict(examples[slug])
            value["prompt"] = f"{value['prompt']} #{number}"
            inputs.append(value)
        window.endpoint_page.generate_requested.emit(slug, inputs, "", [])
        sent += count
        press += 1
        await asyncio.sleep(PRESS_EVERY_S)


def task_rows(controller: StudioController, polls: Counter[str]) -> list[dict[str, Any]]:
    rows = []
    for job in controller.queue.model.jobs():
        elapsed = job.task.elapsed_ms if job.task is not None else None
        rows.append(
            {
                "endpoint": job.endpoint,
                "status": job.status.value,
                "polls": sum(polls[remote] for remote in job.remote_ids),
                "seconds": None if elapsed is None else elapsed / 1000,
            }
        )
    return rows


async def run_studio(tasks: int, settle_timeout: float) -> dict[str, Any]:
    from studio.app import build_studio
    from studio.core.session import Backend, BackendState
    from studio.ui.background import use_worker_threads
    from studio.ui.collector import settle_after_start
    from studio.ui.readahead import read_ahead_media

    use_worker_threads()  # as studio.app.run_studio does
    counter = PollCounter()

    async def open_backend(settings: Settings, api_key: str) -> Backend:
        backend = await Backend.open(settings, api_key)
        counter.attach(backend.http)
        return backend

    window, controller = build_studio(open_backend=open_backend)
    window.show()
    window.show_create()
    try:
        await controller.start()
        settle_after_start()  # as studio.app.run_studio does once the session has started
        await read_ahead_media()  # and then this
        session = controller.session
        await wait_until(
            lambda: (
                session.state.state is BackendState.CONNECTED
                and window.marketplace.proxy.rowCount() > 0
            ),
            120,
            "connected backend",
        )
        await asyncio.sleep(1.0)  # the first endpoint's page loads; not part of the run
        heartbeat = Heartbeat()
        heartbeat.start()
        began = time.perf_counter()
        await submit_all(window, tasks)
        jobs = controller.queue.model.jobs
        await wait_until(
            lambda: len(jobs()) >= tasks and all(job.status.is_settled for job in jobs()),
            settle_timeout,
            "end of all tasks",
        )
        seconds = time.perf_counter() - began
        gaps = heartbeat.stop()
        return {
            **gap_figures(gaps),
            "seconds": seconds,
            "tasks": task_rows(controller, counter.polls),
        }
    finally:
        await controller.aclose()
        window.close()


async def run_idle(seconds: float) -> dict[str, Any]:
    window = QMainWindow()
    window.resize(1400, 860)
    window.show()
    await asyncio.sleep(1.0)
    heartbeat = Heartbeat()
    heartbeat.start()
    await asyncio.sleep(seconds)
    gaps = heartbeat.stop()
    window.close()
    return {**gap_figures(gaps), "seconds": seconds}


def gap_figures(gaps: list[float]) -> dict[str, Any]:
    return {"max_ms": longest(gaps), "p99_ms": percentile(gaps, 0.99), "ticks": len(gaps)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=("studio", "idle"), required=True)
    parser.add_argument("--tasks", type=int, default=200)
    parser.add_argument("--speed", type=float, default=20.0)
    parser.add_argument("--concurrent", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=30.0, help="idle mode: how long")
    parser.add_argument("--settle-timeout", type=float, default=900.0)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    QApplication.setApplicationName("Mountsea Studio")
    QApplication.setOrganizationName("Mountsea")
    if args.mode == "studio":
        from studio.ui.raster import paint_on_gui_thread

        paint_on_gui_thread()  # as studio.app.main does, before the application
    app = QApplication(sys.argv)
    app.setQuitOnLastWindowClosed(False)
    if args.mode == "studio":
        from studio.core.session import Settings, save_settings
        from studio.ui.collector import MainThreadCollector
        from studio.ui.gil import favour_gui_thread

        favour_gui_thread()  # as studio.app.main does
        save_settings(Settings(sim_speed=args.speed, max_concurrent=args.concurrent))
        MainThreadCollector(app)  # the app's own garbage-collection policy (studio.app.main)
        result = qasync.run(run_studio(args.tasks, args.settle_timeout))
    else:
        result = qasync.run(run_idle(args.seconds))
    write_result(args.out, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
