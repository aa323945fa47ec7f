"""The queue and preview in the real window: the newest finished job shows, Clear finished and
its Undo, and the status bar's message never disagrees with its backend indicator."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from studio.core.jobs import Job, JobStatus, utc_now
from studio.core.library import LibraryJournal
from studio.core.session import BackendChanged, BackendState
from studio.ui.queue import QueueRole
from tests.conftest import wait_until
from tests.ui.studio_harness import (
    generate_and_wait,
    open_endpoint,
    running_studio,
    use_first_example,
)

if TYPE_CHECKING:
    from studio.ui.main_window import MainWindow

IMAGE = "google/nano-banana/text-to-image"
WHISPER = "openai/whisper-v3/transcribe"


@pytest.mark.asyncio
async def test_finished_jobs_show_and_clear_finished_can_be_undone() -> None:
    async with running_studio() as (window, controller):
        await open_endpoint(controller, WHISPER)
        use_first_example(window)
        heard = await generate_and_wait(controller, WHISPER)
        await open_endpoint(controller, IMAGE)
        use_first_example(window)
        first = await generate_and_wait(controller, IMAGE)
        second = await generate_and_wait(controller, IMAGE)
        queue, preview = window.queue, window.preview
        # The newest finished job is in the preview, under the endpoint's name, its row current.
        await wait_until(lambda: controller.preview_choice.shown == second.local_id)
        assert preview.title_label.text() == "Nano Banana Text to Image"
        current = queue.current_job()
        assert current is not None and current.local_id == second.local_id
        # With a picture shown and rows in the queue the window still fits 1024 × 700; the
        # queue's header says it shorter there.
        await wait_until(lambda: preview.image_view.info_text() != "")
        window.resize(1024, 700)
        await wait_until(lambda: window.width() == 1024)
        assert window.minimumSizeHint().width() <= 1024
        await wait_until(lambda: queue.clear_button.text() == "Clear")
        assert queue.header.count_label.short == "0 of 3 running"
        # A transcription has no prompt: its row names the audio.
        model = queue.view_model.model
        row = model.row_of(heard.local_id)
        assert row is not None
        assert str(model.index(row).data(QueueRole.PROMPT)).endswith(".mp3")
        # The user picks the older one: it stays while another finishes.
        queue.select_job(first.local_id)
        assert controller.preview_choice.shown == first.local_id
        # Clear finished empties the queue; Undo puts the rows back.
        queue.clear_button.click()
        await wait_until(lambda: model.rowCount() == 0)
        assert window.banner.isVisible() and window.banner.action.text() == "Undo"
        window.banner.action.click()
        await wait_until(lambda: model.rowCount() == 3)
        assert [j.local_id for j in model.jobs()] == [
            second.local_id,
            first.local_id,
            heard.local_id,
        ]


def _agree(window: MainWindow) -> str | None:
    """What disagrees between the status bar's message and its indicator, if anything."""
    message = window.statusBar().currentMessage()
    indicator = window.reachability.text()
    starting = "Starting" in message or "Connecting" in message
    if starting and indicator:
        return f"{message!r} beside {indicator!r}"
    if "Connected" in indicator and window.backend_label.text().startswith("Starting"):
        return f"{window.backend_label.text()!r} beside {indicator!r}"
    return None


@pytest.mark.asyncio
async def test_the_status_bar_and_the_indicator_never_disagree() -> None:
    async with running_studio(start=False) as (window, controller):
        seen: list[tuple[BackendState, str | None]] = []
        controller.events.backend_changed.connect(
            lambda event: (
                seen.append((event.state, _agree(window)))
                if isinstance(event, BackendChanged)
                else None
            )
        )
        await controller.start()
        await wait_until(lambda: (BackendState.CONNECTED, None) in seen)
        assert window.reachability.text() == "● Connected"
        assert window.statusBar().currentMessage() == ""
        # Switching backends: starting again, then connected again, never both at once.
        await controller.session.switch_backend()
        await wait_until(lambda: [s for s, _ in seen].count(BackendState.CONNECTED) == 2)
        assert [problem for _, problem in seen if problem] == []
        assert BackendState.STARTING in [s for s, _ in seen]


@pytest.mark.asyncio
async def test_a_task_left_running_on_the_api_shows_as_paused_on_demo() -> None:
    api = "https://api.example"
    async with running_studio() as (_window, controller):
        journal = LibraryJournal(controller.session.library, backend=api)
        job = Job(IMAGE, {"prompt": "sent to the API yesterday"}, backend=api)
        journal.job_created(job)
        sent = replace(
            job,
            status=JobStatus.PROCESSING,
            task_id="ms-api-1",
            remote_ids=("ms-api-1",),
            submitted_at=utc_now() - timedelta(minutes=5),
        )
        journal.job_changed(sent)
        journal.flush()
    async with running_studio() as (window, controller):  # the demo again
        model = window.queue.view_model.model
        await wait_until(lambda: model.row_of(job.local_id) is not None)
        index = model.index(model.row_of(job.local_id) or 0)
        assert index.data(QueueRole.STATUS_LABEL) == "Paused"
        assert index.data(QueueRole.DETAIL).startswith("Paused — on the API")
        assert index.data(QueueRole.ELAPSED) == ""  # no timer climbing for minutes
        assert window.queue.count_label.text().startswith("0 running")
        assert "Cancel" not in {
            a.text() for a in window.queue.actions_for(index.data(QueueRole.JOB)) if a.isEnabled()
        }
