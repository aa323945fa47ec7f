"""The frame picker (a frame becomes an image output named after its video and time; a broken
video gets no picker) and the mask painter (a PNG of the source's size with the painted pixels,
refusals without a source or for a picture too large)."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

import pytest
from PIL import Image
from PySide6.QtCore import QPointF

from studio.core.chain import MAX_MASK_PIXELS
from studio.core.jobs import JobStatus
from studio.core.media import read_metadata
from tests.conftest import wait_until
from tests.ui.studio_harness import open_endpoint, running_studio
from tests.ui.test_send_to import add_output

if TYPE_CHECKING:
    from pathlib import Path

    from studio.ui.forms.media_field import MediaField
    from studio.ui.main_window import MainWindow

GPT_EDIT = "openai/gpt-image-2/edit"


@pytest.mark.asyncio
async def test_a_picked_frame_is_an_image_output_then_offered_on() -> None:
    async with running_studio() as (window, controller):
        video = add_output(controller.session.library, "clip", "video")
        flow = window.send_to
        assert flow is not None
        window.gallery.frames_requested.emit([video])
        await wait_until(lambda: flow.frame_dialog is not None, 10)
        dialog = flow.frame_dialog
        assert dialog is not None
        await wait_until(lambda: dialog.shown_at() is not None, 10)
        dialog.slider.setValue(620)
        await wait_until(lambda: dialog.shown_at() == pytest.approx(0.6), 10)
        dialog.step(1)
        assert dialog.position_s() == pytest.approx(0.72)
        dialog.slider.setValue(650)
        dialog.use_button.click()
        await wait_until(lambda: flow.last_frame is not None, 10)
        frame = flow.last_frame
        assert frame is not None and frame.kind == "image" and frame.file is not None
        assert (frame.width, frame.height) == (64, 48)  # full size
        lineage = await controller.session.lineage(frame.output_id)
        (link,) = lineage.made_from
        assert link.source.output_id == video and link.timestamp_s == pytest.approx(0.6)
        request = read_metadata(frame.file)
        assert request is not None and request["input"]["timestamp_s"] == pytest.approx(0.6)
        assert request["sources"][0]["field"] == "video"
        await wait_until(lambda: flow.popup is not None and bool(flow.popup.entries()), 30)
        assert flow.popup is not None and "image · a red kite" in flow.popup.what.text()
        assert any(e.group == "Animate" for e in flow.popup.entries())


@pytest.mark.asyncio
async def test_an_undecodable_video_gets_no_picker_but_the_reason() -> None:
    async with running_studio() as (window, controller):
        library = controller.session.library
        library.create_job("bad", "v/x/text-to-video", {"prompt": "p"}, backend="demo")
        library.update_job("bad", status=JobStatus.SUCCEEDED)
        output = library.add_output("bad", 0, "video", "http://sim/bad")
        path = library.output_path_for("bad", 0, "video/mp4", "bad.mp4")
        path.write_bytes(b"\x00\x00\x00\x18ftypmp42 not really a video")
        library.set_output_file(output, path, "x", path.stat().st_size)
        flow = window.send_to
        assert flow is not None
        flow.pick_frame_of_outputs([output])
        await wait_until(lambda: "No frame picker" in window.banner.text.text(), 10)
        assert "cannot be decoded" in window.banner.text.text()
        assert flow.frame_dialog is None


def _png_file(folder: Path, size: tuple[int, int], mode: str = "RGB") -> Path:
    path = folder / f"source-{size[0]}x{size[1]}.png"
    Image.new(mode, size, "white" if mode == "RGB" else 0).save(path)
    return path


async def _gpt_edit(window: MainWindow) -> tuple[MediaField, MediaField]:
    page = window.endpoint_page
    assert page.form is not None
    source = page.form.media_field("image_urls")
    mask = page.form.media_field("mask_url")
    assert source is not None and mask is not None
    assert mask.paint_button().isVisibleTo(mask) and not source.paint_button().isVisibleTo(source)
    return source, mask


@pytest.mark.asyncio
async def test_the_mask_is_a_png_of_the_source_size_with_the_painted_pixels(
    tmp_path: Path,
) -> None:
    async with running_studio() as (window, controller):
        await open_endpoint(controller, GPT_EDIT)
        source, mask = await _gpt_edit(window)
        masks = window.masks
        assert masks is not None
        mask.paint_button().click()  # no picture to edit yet
        assert "Add the picture to edit first" in (mask.source_note() or "")
        assert masks.dialog is None
        source.set_local_file(_png_file(tmp_path, (300, 200)))
        await wait_until(lambda: not source.is_busy())
        mask.paint_button().click()
        await wait_until(lambda: masks.dialog is not None, 10)
        dialog = masks.dialog
        assert dialog is not None
        canvas = dialog.canvas
        canvas.brush_size = 10
        canvas.stroke([QPointF(50, 100), QPointF(150, 100)])  # a line across the middle
        dialog.invert_button.click()
        dialog.undo_button.click()  # the invert undone; the stroke stays
        assert canvas.can_redo()
        dialog.use_button.click()
        await wait_until(lambda: mask.local_file() is not None and not mask.is_busy(), 10)
        mask_file = mask.local_file()
        assert mask_file is not None and mask.overlay() is not None
        with Image.open(mask_file) as painted:
            assert (painted.format, painted.mode, painted.size) == ("PNG", "L", (300, 200))
            assert painted.getpixel((100, 100)) == 255  # painted: edit here
            assert painted.getpixel((100, 20)) == 0 and painted.getpixel((10, 100)) == 0
        sent = str(mask.value())
        assert sent.startswith("data:image/png;base64,")
        assert base64.b64decode(sent.split(",", 1)[1]) == mask_file.read_bytes()
        assert mask.thumbnail() is not None


@pytest.mark.asyncio
async def test_a_picture_too_large_for_the_painter_is_refused(tmp_path: Path) -> None:
    side = int(MAX_MASK_PIXELS**0.5) + 16
    huge = _png_file(tmp_path, (side, side), mode="1")  # small on disk, huge decoded
    async with running_studio() as (window, controller):
        await open_endpoint(controller, GPT_EDIT)
        source, mask = await _gpt_edit(window)
        source.set_local_file(huge)
        await wait_until(lambda: not source.is_busy(), 20)
        mask.paint_button().click()
        await wait_until(lambda: "too large" in (mask.source_note() or ""), 20)
        assert window.masks is not None and window.masks.dialog is None
