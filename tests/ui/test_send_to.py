"""Send to… from the gallery, the queue and the preview; drag and drop; field choice; bad input.

Outputs are put straight into the app's library (as a finished job would leave them), so each
test is about the UI, not about generating.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PIL import Image
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent

from studio.core.api import MediaKind, MediaRef
from studio.core.chain import InputUse
from studio.core.jobs import Job, JobStatus, SavedOutput, utc_now
from studio.core.schema import MediaInput
from studio.ui.chain.popup import Entry, SendToPopup
from studio.ui.queue.words import tooltip
from tests.conftest import wait_until
from tests.core.test_chain_frames_masks import make_video
from tests.ui.studio_harness import open_endpoint, running_studio

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from studio.core.library import Library
    from studio.ui.main_window import MainWindow

VEO_REFERENCE = "google/veo-3.1/reference-to-video"
VEO_FIRST_LAST = "google/veo-3.1/first-last-frame-to-video"
KLING = "kuaishou/kling-v3/pro/image-to-video"
TEXT_TO_IMAGE = "google/nano-banana/text-to-image"


def add_output(
    library: Library, local_id: str, kind: str = "image", prompt: str = "a red kite"
) -> int:
    """A finished job of this kind with one output file, as the runner leaves it."""
    endpoint = TEXT_TO_IMAGE if kind == "image" else "google/veo-3.1/text-to-video"
    library.create_job(local_id, endpoint, {"prompt": prompt}, capability=kind, backend="demo")
    library.update_job(local_id, status=JobStatus.SUCCEEDED)
    output_id = library.add_output(local_id, 0, kind, f"http://sim/{local_id}")
    suffix = "png" if kind == "image" else "mp4"
    path = library.output_path_for(local_id, 0, f"{kind}/{suffix}", f"x.{suffix}")
    if kind == "image":
        Image.new("RGB", (64, 36), "teal").save(path)
    else:
        make_video(path)
    library.set_output_file(output_id, path, local_id, path.stat().st_size, width=64, height=36)
    return output_id


async def popup_entries(window: MainWindow) -> list[Entry]:
    flow = window.send_to
    assert flow is not None
    await wait_until(lambda: flow.popup is not None and bool(flow.popup.entries()), 30)
    assert flow.popup is not None
    return flow.popup.entries()


def test_the_popup_groups_searches_and_greys_out_with_a_reason(qtbot: QtBot) -> None:
    start = MediaInput("image_url", "image", False, "start", "Image URL")
    end = MediaInput("end_image_url", "image", False, "end", "End image URL")
    entries = [
        Entry("Animate", "b/seedance/i2v", "Seedance i2v", (start,), 3),
        Entry("Animate", "k/kling/i2v", "Kling i2v", (start,)),
        Entry("Use as end frame", "b/seedance/i2v", "Seedance i2v", (end,)),
    ]
    popup = SendToPopup("Send to…")
    qtbot.addWidget(popup)
    popup.set_entries(entries)
    assert popup.entries() == entries
    assert popup.tree.topLevelItem(0).text(0) == "Animate"  # type: ignore[union-attr]
    popup.search.setText("kling")
    assert [e.slug for e in popup.entries()] == ["k/kling/i2v"]
    popup.search.setText("end frame")
    assert [e.group for e in popup.entries()] == ["Use as end frame"]
    picked: list[Entry] = []
    popup.picked.connect(picked.append)
    popup.pick(popup.entries()[0])
    assert picked == [entries[2]]
    greyed = SendToPopup("Send to…")
    qtbot.addWidget(greyed)
    greyed.set_entries(entries, "x.png: Its file is gone from the library folder (x.png).")
    assert greyed.message.text().startswith("x.png: Its file is gone")
    item = greyed.tree.topLevelItem(1)
    assert item is not None and not item.flags() & Qt.ItemFlag.ItemIsEnabled
    greyed.pick(entries[0])
    assert picked == [entries[2]]  # nothing picked from a greyed-out list


@pytest.mark.asyncio
async def test_several_gallery_images_fill_a_list_in_order_and_undo_restores() -> None:
    async with running_studio() as (window, controller):
        library = controller.session.library
        first, second = add_output(library, "one"), add_output(library, "two")
        await open_endpoint(controller, TEXT_TO_IMAGE)
        page = window.endpoint_page
        assert page.form is not None
        page.form.set_value({"prompt": "what I was writing"})
        gallery = window.gallery
        await gallery.refreshed()
        gallery._select_ids([first, second], first)
        window.show_gallery()
        gallery.gallery_actions.send_to.trigger()
        entries = await popup_entries(window)
        groups = [e.group for e in entries]
        assert (
            groups.index("Animate")
            < groups.index("Use as end frame")
            < groups.index("Use as reference")
        )
        assert window.send_to is not None and window.send_to.popup is not None
        assert "2 outputs" in window.send_to.popup.what.text()
        reference = next(e for e in entries if e.slug == VEO_REFERENCE)
        window.send_to.popup.pick(reference)
        await wait_until(lambda: page.detail is not None and page.detail.slug == VEO_REFERENCE, 20)
        await wait_until(lambda: page.form is not None and len(page.form.uses()) == 2, 20)
        assert window.modes.currentWidget() is window.main_splitter
        assert [(u.field, u.position, u.output_id) for u in page.form.uses()] == [
            ("image_urls", 0, second),  # in the grid's order: newest first
            ("image_urls", 1, first),
        ]
        assert page.form.value()["prompt"] == "a red kite"
        assert "2 output" in window.banner.text.text()
        window.banner.action.click()  # Undo
        await wait_until(lambda: page.detail is not None and page.detail.slug == TEXT_TO_IMAGE, 20)
        await wait_until(
            lambda: page.form is not None and page.form.value() == {"prompt": "what I was writing"}
        )


@pytest.mark.asyncio
async def test_two_fitting_fields_are_asked_for_and_a_lost_field_is_named() -> None:
    async with running_studio() as (window, controller):
        still = add_output(controller.session.library, "still")
        flow = window.send_to
        assert flow is not None
        sources = await controller.session.sources([still])
        first = MediaInput("first_frame_url", "image", False, "start", "First frame URL")
        last = MediaInput("last_frame_url", "image", False, "end", "Last frame URL")
        flow.choose(Entry("Animate", VEO_FIRST_LAST, "Veo", (first, last)), sources)
        menu = flow.field_menu
        assert menu is not None
        titles = [a.text() for a in menu.actions() if not a.isSeparator()]
        assert titles[-2:] == ["First frame URL", "Last frame URL"]
        menu.actions()[-1].trigger()
        page = window.endpoint_page
        await wait_until(lambda: page.form is not None and bool(page.form.uses()), 20)
        assert page.form is not None and page.form.uses()[0].field == "last_frame_url"
        # Kling's schema has no "image_url" (as if it changed since): it opens, naming the field.
        lost = MediaInput("image_url", "image", False, "start", "Image URL")
        flow.send(KLING, lost, sources)
        await wait_until(lambda: page.detail is not None and page.detail.slug == KLING, 20)
        await wait_until(lambda: "no longer has the field “image_url”" in window.banner.text.text())
        assert page.form is not None and page.form.value() == {"prompt": "a red kite"}


@pytest.mark.asyncio
async def test_queue_row_and_preview_send_and_a_gone_file_is_said() -> None:
    async with running_studio() as (window, controller):
        library = controller.session.library
        still = add_output(library, "still")
        (source,) = await controller.session.sources([still])
        assert source.file is not None
        window.preview.show_outputs([])
        from studio.ui.preview import PreviewItem

        window.preview.show_outputs([PreviewItem("image", source.file)])
        assert window.preview.send_button.isEnabled()
        assert not window.preview.frames_button.isVisible()
        window.preview.send_button.click()
        entries = await popup_entries(window)
        assert any(e.group == "Animate" for e in entries)
        assert window.send_to is not None and window.send_to.popup is not None
        window.send_to.popup.close()
        # The queue row's context menu: Send to… (its shortcut shown), Extend shot off for a still.
        media = MediaRef(url="http://sim/still", kind=MediaKind.IMAGE)
        row = Job(
            endpoint=TEXT_TO_IMAGE, input={"prompt": "a red kite"}, local_id="still",
            status=JobStatus.SUCCEEDED, outputs=(SavedOutput(media, source.file),),
        )  # fmt: skip
        controller.queue.show(row)
        menu = window.queue.context_menu_for(row)
        send = next(a for a in menu.actions() if a.text() == "Send to…")
        extend = next(a for a in menu.actions() if a.text() == "Extend shot")
        assert send.shortcut().toString() == "Ctrl+T" and not extend.isEnabled()
        send.trigger()
        entries = await popup_entries(window)
        assert window.send_to.popup is not None and "a red kite" in window.send_to.popup.what.text()
        window.send_to.popup.close()
        source.file.unlink()  # the file is gone from the library folder
        window.send_to.send_job("still")
        entries = await popup_entries(window)
        popup = window.send_to.popup
        assert popup is not None and "gone" in popup.message.text()
        item = popup.tree.topLevelItem(1)
        assert item is not None and not item.flags() & Qt.ItemFlag.ItemIsEnabled


@pytest.mark.asyncio
async def test_dropping_outputs_on_create_fills_a_field_or_opens_send_to() -> None:
    async with running_studio() as (window, controller):
        library = controller.session.library
        still = add_output(library, "still")
        await open_endpoint(controller, KLING)
        page = window.endpoint_page
        assert page.form is not None
        assert window.modes.tabBar().changeCurrentOnDrag()
        gallery = window.gallery
        await gallery.refreshed()
        row = gallery.model.row_of(still)
        assert row is not None
        mime = gallery.model.mimeData([gallery.model.index(row)])
        flow = window.send_to
        assert flow is not None
        flow.watch_drops(True)
        try:
            field = page.form.media_field("start_image_url")
            assert field is not None
            drop = QDropEvent(
                QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )  # fmt: skip
            # Qt delivers a drop only inside a real drag: the window's filter gets it directly.
            assert flow.handle_drag(field, drop)
            await wait_until(lambda: field.output() is not None, 10)
            assert field.output() is not None and field.output().output_id == still  # type: ignore[union-attr]
            spot = page.header.mapTo(window, page.header.rect().center())
            elsewhere = QDropEvent(
                QPointF(spot), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )  # fmt: skip
            assert flow.handle_drag(window, elsewhere)  # over the window: Create is under it
            entries = await popup_entries(window)
            assert entries and flow.popup is not None
        finally:
            flow.watch_drops(False)
        # Dropped on the window outside Create, an output is never "recalled".
        recalled: list[str] = []
        window.file_dropped.connect(recalled.append)
        window.dropEvent(
            QDropEvent(
                QPointF(1, 1), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )
        )  # fmt: skip
        assert recalled == []


@pytest.mark.asyncio
async def test_recall_puts_the_same_files_back_and_says_when_one_is_gone() -> None:
    async with running_studio() as (window, controller):
        library = controller.session.library
        still, end = add_output(library, "still"), add_output(library, "end")
        sent = "data:image/png;base64,iVBORw0KGgo="  # what the job sent, kept in its input
        input_value = {"prompt": "go", "image_url": sent, "end_image_url": sent}
        library.create_job("clip", "bytedance/seedance-2.0/image-to-video", input_value)
        library.record_inputs(
            "clip", [InputUse("image_url", 0, still), InputUse("end_image_url", 0, end)]
        )
        (gone,) = await controller.session.sources([end])
        assert gone.file is not None
        gone.file.unlink()
        controller.recall.recall_job(
            Job(
                endpoint="bytedance/seedance-2.0/image-to-video", input=input_value, local_id="clip"
            ),
            "remix",
        )
        page = window.endpoint_page
        await wait_until(lambda: page.form is not None and bool(page.form.uses()), 20)
        assert page.form is not None
        assert [(u.field, u.output_id) for u in page.form.uses()] == [("image_url", still)]
        start_field = page.form.media_field("image_url")
        end_field = page.form.media_field("end_image_url")
        assert start_field is not None and end_field is not None
        (kept,) = await controller.session.sources([still])
        await wait_until(lambda: start_field.local_file() == kept.file, 10)  # read in a thread
        assert "gone" in (end_field.source_note() or "")
        assert end_field.value() == sent  # the copy sent with the job stays
        names = await controller.session.input_names(["clip"])
        assert names["clip"][1].endswith("→ image_url")
        row = tooltip(Job(endpoint="e", input={}), utc_now(), names["clip"])
        assert f"Made from: {names['clip'][0]}; {names['clip'][1]}" in row
