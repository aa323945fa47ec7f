"""End to end on the simulator: a still becomes a clip, the clip's last frame starts the next shot,
that shot is edited, and the edit's soundtrack is transcribed — each step one Send to….

Every request body is read off the wire: each inline input is the very file in the library. The
gallery's Made from / Used in show the chain at every step.
"""

from __future__ import annotations

import asyncio
import base64
import json
from typing import TYPE_CHECKING, Any

import pytest

from studio.core.jobs import JobStatus
from studio.core.paths import sidecar_path
from studio.core.session import Backend
from tests.conftest import wait_until
from tests.ui.studio_harness import generate_and_wait, open_endpoint, running_studio

if TYPE_CHECKING:
    from collections.abc import Callable

    import httpx

    from studio.core.chain import Source
    from studio.core.jobs import Job
    from studio.core.session import Settings
    from studio.ui.chain.popup import Entry
    from studio.ui.controller import StudioController
    from studio.ui.main_window import MainWindow

TEXT_TO_IMAGE = "google/nano-banana/text-to-image"
SEEDANCE = "bytedance/seedance-2.0/image-to-video"
KLING = "kuaishou/kling-v3/pro/image-to-video"
WAN_EDIT = "alibaba/wan-2.7/edit-video"
WHISPER = "openai/whisper-v3/transcribe"


class Wire:
    """Every submit body the studio sent, as JSON, by endpoint."""

    def __init__(self) -> None:
        self.bodies: dict[str, list[dict[str, Any]]] = {}

    async def opener(self, settings: Settings, key: str) -> Backend:
        backend = await Backend.open(settings, key)
        backend.http.event_hooks["request"].append(self._on_request)
        return backend

    async def _on_request(self, request: httpx.Request) -> None:
        path = request.url.path
        if request.method == "POST" and "/ms/v1/run/" in path:
            slug = path.split("/ms/v1/run/", 1)[1].replace("%2F", "/")
            self.bodies.setdefault(slug, []).append(json.loads(request.content))


def inline_bytes(value: Any) -> bytes:
    assert isinstance(value, str) and value.startswith("data:"), str(value)[:60]
    header, payload = value.split(",", 1)
    assert header.endswith(";base64")
    return base64.b64decode(payload)


async def send_with_popup(
    window: MainWindow, start: Callable[[], None], group: str, slug: str
) -> Entry:
    """Open Send to… the way ``start`` does and pick ``slug`` under ``group``."""
    flow = window.send_to
    assert flow is not None
    start()
    await wait_until(lambda: flow.popup is not None and bool(flow.popup.entries()), 60)
    assert flow.popup is not None
    entry = next(e for e in flow.popup.entries() if e.group == group and e.slug == slug)
    flow.popup.pick(entry)
    return entry


async def form_holds(window: MainWindow, slug: str, field: str) -> Source:
    """Wait until Create shows ``slug`` with a library output read into ``field``."""
    page = window.endpoint_page

    def ready() -> bool:
        form = page.form
        if page.detail is None or page.detail.slug != slug or form is None or form.is_busy():
            return False
        target = form.media_field(field)
        return target is not None and target.output() is not None

    await wait_until(ready, 60)
    assert page.form is not None
    target = page.form.media_field(field)
    assert target is not None
    source = target.output()
    assert source is not None
    return source


async def finished(controller: StudioController, slug: str) -> Job:
    job = await generate_and_wait(controller, slug, 180)
    assert job.status is JobStatus.SUCCEEDED, job.error
    await controller.session.wait_idle()
    return job


async def only_output(controller: StudioController, job: Job) -> Source:
    sources = await controller.session.sources_of_job(job.local_id)
    assert len(sources) == 1 and sources[0].file is not None and not sources[0].problem, sources
    return sources[0]


async def wait_until_recorded(
    controller: StudioController, output_id: int, made_from: list[int], used_in: list[int]
) -> None:
    """Until the library's lineage of this output holds these links."""
    for _ in range(200):
        lineage = await controller.session.lineage(output_id)
        found = (
            [link.source.output_id for link in lineage.made_from],
            [link.source.output_id for link in lineage.used_in],
        )
        if found == (made_from, used_in):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"output {output_id}: the library has {found}")


async def gallery_family(window: MainWindow, output_id: int) -> tuple[list[int], list[int]]:
    """Made from / Used in as the gallery's detail pane shows them for this output."""
    gallery = window.gallery
    await gallery.refreshed()
    gallery.select_output(output_id)
    lineage = gallery.detail.lineage
    await wait_until(lambda: gallery.current_item() is not None, 10)
    await wait_until(
        lambda: (item := gallery.current_item()) is not None and item.id == output_id, 10
    )
    await gallery.settled()
    return lineage.output_ids("made_from"), lineage.output_ids("used_in")


@pytest.mark.asyncio
async def test_still_to_clip_to_next_shot_to_edit_to_transcript() -> None:  # noqa: PLR0915
    wire = Wire()
    async with running_studio(open_backend=wire.opener) as (window, controller):
        page = window.endpoint_page
        flow = window.send_to
        assert flow is not None

        # 1. A still from a prompt.
        await open_endpoint(controller, TEXT_TO_IMAGE)
        assert page.form is not None
        page.form.set_value({"prompt": "a lighthouse on a cliff at dusk", "aspect_ratio": "16:9"})
        still_job = await finished(controller, TEXT_TO_IMAGE)
        still = await only_output(controller, still_job)

        # 2. Queue row → Send to… → Animate → Seedance image-to-video: one pick.
        await send_with_popup(
            window, lambda: flow.send_job(still_job.local_id), "Animate", SEEDANCE
        )
        held = await form_holds(window, SEEDANCE, "image_url")
        assert held.output_id == still.output_id
        assert page.form is not None and page.form.value()["prompt"].startswith("a lighthouse")
        assert window.banner.action.text() == "Undo"
        duration = page.form.field("duration")
        assert duration is not None
        duration.set_value("4")  # as the user picks it: the image stays the library's file
        clip_job = await finished(controller, SEEDANCE)
        clip = await only_output(controller, clip_job)
        assert still.file is not None
        sent = wire.bodies[SEEDANCE][-1]["input"]
        assert inline_bytes(sent["image_url"]) == still.file.read_bytes()

        # 3. Extend shot: the clip's last frame → Kling image-to-video, the same prompt.
        await send_with_popup(window, lambda: flow.send_job(clip_job.local_id), "Extend", KLING)
        frame = await form_holds(window, KLING, "start_image_url")
        assert frame.kind == "image" and frame.output_id not in (still.output_id, clip.output_id)
        frame_lineage = await controller.session.lineage(frame.output_id)
        (video_link,) = frame_lineage.made_from
        assert video_link.source.output_id == clip.output_id and video_link.field == "video"
        assert video_link.timestamp_s is not None and video_link.timestamp_s > 3.0
        assert page.form is not None and page.form.value()["prompt"].startswith("a lighthouse")
        shot_job = await finished(controller, KLING)
        shot = await only_output(controller, shot_job)
        assert frame.file is not None
        sent = wire.bodies[KLING][-1]["input"]
        assert inline_bytes(sent["start_image_url"]) == frame.file.read_bytes()

        # 4. The new shot → Edit → WAN edit-video.
        await send_with_popup(window, lambda: flow.send_job(shot_job.local_id), "Edit", WAN_EDIT)
        await form_holds(window, WAN_EDIT, "video_url")
        edit_job = await finished(controller, WAN_EDIT)
        edit = await only_output(controller, edit_job)
        assert shot.file is not None
        sent = wire.bodies[WAN_EDIT][-1]["input"]
        assert inline_bytes(sent["video_url"]) == shot.file.read_bytes()

        # 5. The edit's soundtrack → Transcribe → Whisper (the video goes to an audio field).
        await send_with_popup(
            window, lambda: flow.send_job(edit_job.local_id), "Transcribe", WHISPER
        )
        await form_holds(window, WHISPER, "audio_url")
        transcript_job = await finished(controller, WHISPER)
        transcript = await only_output(controller, transcript_job)
        assert edit.file is not None
        sent = wire.bodies[WHISPER][-1]["input"]
        assert inline_bytes(sent["audio_url"]) == edit.file.read_bytes()

        # The gallery shows the chain: Made from / Used in at every step.
        chain = [still, clip, frame, shot, edit, transcript]
        for number, item in enumerate(chain):
            before = [chain[number - 1].output_id] if number else []
            after = [chain[number + 1].output_id] if number + 1 < len(chain) else []
            # The library has the whole chain first (a link can be written after its job
            # settled); then the pane must show exactly that.
            await wait_until_recorded(controller, item.output_id, before, after)
            made_from, used_in = await gallery_family(window, item.output_id)
            assert (made_from, used_in) == (before, after), item.name

        # "Made from this" on the still shows the whole family, flattened.
        gallery = window.gallery
        gallery.select_output(still.output_id)
        gallery.show_made_from_current()
        await wait_until(lambda: gallery.model.filter().made_from == still.output_id, 10)
        await gallery.settled()
        shown = {gallery.model.item_at(row).id for row in range(gallery.model.rowCount())}  # type: ignore[union-attr]
        assert shown == {item.output_id for item in chain}

        # The sidecar of the clip names its source by file name and hash.
        assert clip.file is not None
        sidecar = json.loads(sidecar_path(clip.file).read_text("utf-8"))
        assert sidecar["request"]["sources"] == [
            {"field": "image_url", "position": 0, "file": still.name, "sha256": still.sha256}
        ]
