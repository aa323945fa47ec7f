"""What the user sees when things go wrong: a bad key, rate limits, failed tasks, a dead backend."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QApplication

from studio.core.jobs import JobStatus
from studio.core.session import Settings
from studio.ui.background import spawn
from studio.ui.queue.model import QueueRole
from studio.ui.settings_dialog import SettingsDialog
from tests.conftest import wait_until
from tests.fakes.simulator import running_simulator
from tests.ui.studio_harness import generate_and_wait, open_endpoint, running_studio

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tests.fakes.simulator import SimProcess

IMAGE = "google/nano-banana/text-to-image"


@pytest.fixture(scope="module")
def sim() -> Iterator[SimProcess]:
    with running_simulator(speed=100.0) as process:
        yield process


@pytest.mark.asyncio
async def test_wrong_key_says_so_and_leads_to_settings(sim: SimProcess) -> None:
    settings = Settings(base_url=sim.base_url)
    async with running_studio(api_key="not-the-key", settings=settings) as (window, _controller):
        assert window.banner.isVisible()
        assert "API key was rejected" in window.banner.text.text()
        assert "not-the-key" not in window.banner.text.text()
        assert window.banner.action.text() == "Open Settings…"
        window.banner.action.click()
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog)]
        assert dialogs and dialogs[-1].isVisible()
        # Entering the right key switches backend at run time, without a restart.
        dialogs[-1].api_key.setText(sim.api_key)
        dialogs[-1].buttons.accepted.emit()
        await wait_until(lambda: window.marketplace.model.rowCount() == 35, 20)
        assert window.backend_label.text().startswith("API at")
        assert not window.banner.isVisible()


@pytest.mark.asyncio
async def test_rate_limits_are_retried_quietly() -> None:
    with running_simulator("--faults", "429*2", speed=100.0) as limited:
        settings = Settings(base_url=limited.base_url)
        async with running_studio(api_key=limited.api_key, settings=settings) as (window, _):
            assert window.marketplace.model.rowCount() == 35
            assert not window.banner.isVisible()


@pytest.mark.asyncio
async def test_failed_task_shows_its_message_in_the_row(sim: SimProcess) -> None:
    settings = Settings(base_url=sim.base_url)
    async with running_studio(api_key=sim.api_key, settings=settings) as (window, controller):
        await open_endpoint(controller, IMAGE)
        form = window.endpoint_page.form
        assert form is not None
        form.set_value({"prompt": "a vase [fail]"})
        job = await generate_and_wait(controller, IMAGE)
        assert job.status is JobStatus.FAILED
        model = controller.queue.model
        row = model.row_of(job.local_id)
        assert row is not None
        shown = model.data(model.index(row, 0), QueueRole.ERROR)
        assert shown and job.error and job.error in str(shown)


@pytest.mark.asyncio
async def test_server_validation_errors_land_on_the_form(sim: SimProcess) -> None:
    settings = Settings(base_url=sim.base_url)
    async with running_studio(api_key=sim.api_key, settings=settings) as (window, controller):
        await open_endpoint(controller, IMAGE)
        # Bypass local validation, as if the server's schema were stricter than ours.
        controller.queue.submit(IMAGE, {"prompt": ""}, None)
        await wait_until(
            lambda: any(j.status is JobStatus.FAILED for j in controller.queue.model.jobs()), 20
        )
        form = window.endpoint_page.form
        assert form is not None
        prompt_field = form.field("prompt")
        assert prompt_field is not None
        await wait_until(lambda: bool(prompt_field.error_text()), 5)


@pytest.mark.asyncio
async def test_simulator_stopped_mid_run_is_reported_without_freezing() -> None:
    async with running_studio() as (window, controller):
        backend = controller.session.backend
        assert backend is not None and backend.simulator is not None
        await wait_until(lambda: window.endpoint_page.detail is not None, 10)
        assert window.endpoint_page.detail is not None
        first_seen = window.endpoint_page.detail.slug
        await open_endpoint(controller, "google/veo-3.1/text-to-video")
        form = window.endpoint_page.form
        assert form is not None
        form.set_value({"prompt": "long take [slow]"})
        window.endpoint_page.generate.click()
        await wait_until(lambda: controller.queue.model.running_count() == 1, 10)
        backend.simulator.process.kill()
        await controller.session.probe()
        await wait_until(lambda: "Unreachable" in window.reachability.text(), 5)
        assert "stopped" in window.reachability.text()
        # The window still responds: an endpoint seen before opens again from the cache.
        assert window.marketplace.select_slug(first_seen)
        page = window.endpoint_page
        await wait_until(lambda: page.detail is not None and page.detail.slug == first_seen, 10)


@pytest.mark.asyncio
async def test_catalog_from_disk_when_the_api_cannot_be_reached() -> None:
    with running_simulator(speed=100.0) as gone_soon:
        settings = Settings(base_url=gone_soon.base_url)
        async with running_studio(api_key=gone_soon.api_key, settings=settings) as (window, _):
            assert window.marketplace.model.rowCount() == 35
            await wait_until(lambda: window.endpoint_page.detail is not None, 10)
    # The same API address, now unreachable: the last known catalog shows at once.
    async with running_studio(api_key="k", settings=settings, start=False) as (window, controller):
        spawn(controller.start(), key="start")
        await wait_until(lambda: window.marketplace.model.rowCount() == 35, 5)
        await wait_until(lambda: window.endpoint_page.detail is not None, 5)
        # Said at once, not after the request retries.
        await wait_until(lambda: "cannot be reached" in window.banner.text.text(), 5)
        assert "Unreachable" in window.reachability.text()
