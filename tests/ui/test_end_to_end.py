"""End to end: the real window, the embedded simulator, one endpoint of each capability."""

from __future__ import annotations

import pytest
from PySide6.QtMultimedia import QMediaPlayer

from studio.core.tasks_models import JobStatus
from tests.conftest import wait_until
from tests.ui.studio_harness import (
    generate_and_wait,
    open_endpoint,
    running_studio,
    use_first_example,
)


@pytest.mark.asyncio
async def test_generate_each_capability_and_preview_it() -> None:
    async with running_studio() as (window, controller):
        assert window.marketplace.model.rowCount() == 35
        assert "Demo" in window.backend_label.text()
        assert window.demo_badge.isVisible()
        preview = window.preview

        # Image: the example asks 1:1 (or its own ratio); the viewer holds the decoded picture.
        await open_endpoint(controller, "google/nano-banana/text-to-image")
        example = use_first_example(window)
        job = await generate_and_wait(controller, "google/nano-banana/text-to-image")
        assert job.status is JobStatus.SUCCEEDED, job.error
        controller.select_job(job)
        size = preview.image_view.image_size()
        assert size.width() > 0
        ratio = example.get("aspect_ratio", "1:1")
        w, h = (int(x) for x in ratio.split(":"))
        assert abs(size.width() / size.height() - w / h) < 0.02
        # Recorded in the library: the gallery shows it, with its parameters.
        await wait_until(lambda: window.gallery.model.total() == 1, 10)
        record = controller.library.get_job(job.local_id)
        assert record is not None
        assert (record.model, record.capability) == ("nano-banana", "image")
        assert record.schema_fingerprint

        # Video: duration from the player, frames actually decoded.
        await open_endpoint(controller, "google/veo-3.1/fast/text-to-video")
        page = window.endpoint_page
        assert page.form is not None
        page.form.set_value({"prompt": "a paper boat on a stream", "duration": "4s"})
        job = await generate_and_wait(controller, "google/veo-3.1/fast/text-to-video")
        assert job.status is JobStatus.SUCCEEDED, job.error
        controller.select_job(job)
        video = preview.video_view
        await wait_until(lambda: video.duration_ms() > 0, 20)
        assert video.duration_ms() == pytest.approx(4000, abs=150)
        await wait_until(lambda: video.frames_seen() >= 5, 20)
        assert video.last_frame_size().width() > 0

        # Music: the player reports the asked length.
        await open_endpoint(controller, "elevenlabs/elevenlabs-music/music-generate")
        assert page.form is not None
        page.form.set_value({"prompt": "warm lo-fi beat", "music_length_ms": 6000})
        job = await generate_and_wait(controller, "elevenlabs/elevenlabs-music/music-generate")
        assert job.status is JobStatus.SUCCEEDED, job.error
        music_url = job.outputs[0].media.url
        controller.select_job(job)
        audio = preview.audio_view
        await wait_until(lambda: audio.duration_ms() > 0, 20)
        assert audio.duration_ms() == pytest.approx(6000, abs=150)
        await wait_until(lambda: audio.peaks() is not None, 20)
        assert audio.player.mediaStatus() != QMediaPlayer.MediaStatus.InvalidMedia

        # Transcript of that music track: readable text in the preview.
        await open_endpoint(controller, "openai/whisper-v3/transcribe")
        assert page.form is not None
        page.form.set_value({"audio_url": music_url})
        job = await generate_and_wait(controller, "openai/whisper-v3/transcribe")
        assert job.status is JobStatus.SUCCEEDED, job.error
        controller.select_job(job)
        text = preview.text_view.toPlainText()
        assert job.text and job.text.split()[0] in text
        # Image, video and music outputs are in the gallery (a transcript has no file).
        await wait_until(lambda: window.gallery.model.total() == 3, 10)
