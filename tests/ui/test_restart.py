"""Quit in the middle of a video task, start again: it finishes and lands in the gallery."""

from __future__ import annotations

import pytest

from studio.core.jobs import JobStatus
from studio.core.library import OutputFilter
from studio.core.session import Settings
from tests.conftest import wait_until
from tests.ui.studio_harness import open_endpoint, running_studio

VIDEO = "google/veo-3.1/fast/text-to-video"


@pytest.mark.asyncio
async def test_video_started_before_quit_finishes_after_restart() -> None:
    settings = Settings(sim_speed=15.0)
    async with running_studio(settings=settings) as (window, controller):
        await open_endpoint(controller, VIDEO)
        form = window.endpoint_page.form
        assert form is not None
        form.set_value({"prompt": "a lighthouse beam sweeping the harbour [slow]"})
        window.endpoint_page.generate.click()
        model = controller.queue.model
        await wait_until(lambda: any(j.task_id and j.status.is_running for j in model.jobs()), 20)
        (job,) = model.jobs()
        assert job.status.is_running
    # The app has quit (simulator stopped too) while the video was still being made.

    async with running_studio(settings=settings) as (window, controller):
        model = controller.queue.model

        def finished() -> bool:
            row = model.job(job.local_id)
            return row is not None and row.status is JobStatus.SUCCEEDED and bool(row.outputs)

        await wait_until(finished, 60)
        await wait_until(lambda: window.gallery.model.total() == 1, 15)
        window.gallery.set_filter(OutputFilter(text="lighthouse"))
        await wait_until(lambda: window.gallery.model.total() == 1, 5)
        window.gallery.set_filter(OutputFilter(text="submarine"))
        await wait_until(lambda: window.gallery.model.total() == 0, 5)
        assert len(model.jobs()) == 1  # the same row, not a second task
