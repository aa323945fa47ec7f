"""Builds the real studio window for UI tests and drives it like a user would (no nested loops)."""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from studio.app import build_studio
from studio.core.session import KeyStore, Settings, save_settings
from tests.conftest import wait_until

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from studio.core.jobs import Job
    from studio.core.session import BackendOpener
    from studio.ui.controller import StudioController
    from studio.ui.main_window import MainWindow


@asynccontextmanager
async def running_studio(
    *,
    api_key: str = "",
    settings: Settings | None = None,
    start: bool = True,
    open_backend: BackendOpener | None = None,
    window: MainWindow | None = None,
) -> AsyncIterator[tuple[MainWindow, StudioController]]:
    """The app as `make run` builds it, with STUDIO_HOME under tmp (see conftest).

    ``open_backend`` gives it a scripted backend instead of the simulator or an API; ``window``
    a frame from ``studio.app.open_window`` to fill, as ``make run`` does.
    """
    save_settings(settings or Settings(sim_speed=60.0))
    KeyStore().set(api_key)
    window, controller = build_studio(open_backend=open_backend, window=window)
    window.show()
    try:
        if start:
            await controller.start()
        yield window, controller
    finally:
        await controller.aclose()
        window.close()


async def open_endpoint(controller: StudioController, slug: str) -> None:
    """Select a row in the marketplace and wait until its form is built."""
    window = controller.window
    assert window.marketplace.select_slug(slug)
    await wait_until(
        lambda: (
            window.endpoint_page.detail is not None
            and window.endpoint_page.detail.slug == slug
            and window.endpoint_page.form is not None
        ),
        20,
    )


def use_first_example(window: MainWindow) -> dict[str, Any]:
    """Press "Use example 1" on the Examples tab, as a user would."""
    page = window.endpoint_page
    detail = page.detail
    assert detail is not None and detail.examples
    from PySide6.QtWidgets import QPushButton

    button = next(b for b in page.examples.findChildren(QPushButton) if b.text() == "Use example 1")
    button.click()
    value: dict[str, Any] = dict(detail.examples[0]["input"])
    return value


async def generate_and_wait(controller: StudioController, slug: str, wait_s: float = 90) -> Job:
    """Click Generate and wait until the new queue row for `slug` is settled."""
    before = {job.local_id for job in controller.queue.model.jobs()}
    controller.window.endpoint_page.generate.click()

    def new_job() -> Job | None:
        return next(
            (
                job
                for job in controller.queue.model.jobs()
                if job.local_id not in before and job.endpoint == slug
            ),
            None,
        )

    await wait_until(lambda: (job := new_job()) is not None and job.status.is_settled, wait_s)
    job = new_job()
    assert job is not None
    return job
