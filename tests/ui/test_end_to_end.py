"""End to end: the real window, the embedded simulator, one endpoint of each capability."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtMultimedia import QMediaPlayer

from studio.core.jobs import Job, JobStatus
from tests.conftest import wait_until
from tests.ui.studio_harness import (
    generate_and_wait,
    open_endpoint,
    running_studio,
    use_first_example,
)

if TYPE_CHECKING:
    from typing import Any

    from studio.ui.controller import StudioController
    from studio.ui.main_window import MainWindow


async def generate(
    controller: StudioController, slug: str, value: dict[str, Any] | None = None
) -> Job:
    """Open the endpoint, fill the form (from its first example when no value), Generate."""
    await open_endpoint(controller, slug)
    form = controller.window.endpoint_page.form
    assert form is not None
    if value is None:
        use_first_example(controller.window)
    else:
        form.set_value(value)
    job = await generate_and_wait(controller, slug)
    assert job.status is JobStatus.SUCCEEDED, job.error
    controller.select_job(job)
    return job


async def check_image(window: MainWindow, controller: StudioController) -> None:
    slug = "google/nano-banana/text-to-image"
    example = controller.window.endpoint_page
    job = await generate(controller, slug)
    await wait_until(lambda: not window.preview.image_view.is_loading())  # a worker decodes it
    size = window.preview.image_view.image_size()
    assert example.detail is not None
    ratio = str(example.detail.examples[0]["input"].get("aspect_ratio", "1:1"))
    w, h = (int(x) for x in ratio.split(":"))
    assert size.width() > 0 and abs(size.width() / size.height() - w / h) < 0.02
    # Recorded in the library with what the catalog says of it; the gallery shows it.
    await wait_until(lambda: window.gallery.model.total() == 1, 10)
    record = controller.session.library.get_job(job.local_id)
    assert record is not None
    assert (record.model, record.capability) == ("nano-banana", "image")
    assert record.schema_fingerprint


async def check_video(window: MainWindow, controller: StudioController) -> None:
    value = {"prompt": "a paper boat on a stream", "duration": "4s"}
    await generate(controller, "google/veo-3.1/fast/text-to-video", value)
    video = window.preview.video_view
    await wait_until(lambda: video.duration_ms() > 0, 20)
    # Not pytest.approx: it looks at numpy in sys.modules, which the waveform's thread may be
    # importing at that moment (a partly initialised module; seen when this file runs alone).
    assert abs(video.duration_ms() - 4000) <= 150
    await wait_until(lambda: video.frames_seen() >= 5, 20)
    assert video.last_frame_size().width() > 0


async def check_music(window: MainWindow, controller: StudioController) -> str:
    value = {"prompt": "warm lo-fi beat", "music_length_ms": 6000}
    job = await generate(controller, "elevenlabs/elevenlabs-music/music-generate", value)
    audio = window.preview.audio_view
    await wait_until(lambda: audio.duration_ms() > 0, 20)
    assert abs(audio.duration_ms() - 6000) <= 150
    await wait_until(lambda: audio.peaks() is not None, 20)
    assert audio.player.mediaStatus() != QMediaPlayer.MediaStatus.InvalidMedia
    return job.outputs[0].media.url


async def check_transcript(window: MainWindow, controller: StudioController, url: str) -> None:
    job = await generate(controller, "openai/whisper-v3/transcribe", {"audio_url": url})
    text = window.preview.text_view.toPlainText()
    assert job.text and job.text.split()[0] in text


@pytest.mark.asyncio
async def test_generate_each_capability_and_preview_it() -> None:
    async with running_studio() as (window, controller):
        assert window.marketplace.model.rowCount() == 35
        assert "Demo" in window.backend_label.text()
        assert window.demo_badge.isVisible()
        await check_image(window, controller)
        await check_video(window, controller)
        music_url = await check_music(window, controller)
        await check_transcript(window, controller, music_url)
        # Image, video, music and the transcript (a text file) are in the gallery.
        await wait_until(lambda: window.gallery.model.total() == 4, 10)
