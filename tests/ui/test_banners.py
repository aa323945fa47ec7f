"""Messages belong to what they are about and close with it: an Undo with its endpoint, the
gallery's "Exported…" with the gallery, the preview's note with the preview."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QTabWidget

from bench.fill import build_library
from studio.core.jobs import Job
from studio.ui.gallery import GalleryPanel
from studio.ui.preview import PreviewItem, PreviewPane
from tests.conftest import wait_until
from tests.fakes.preview_media import make_png
from tests.ui.studio_harness import open_endpoint, running_studio, use_first_example

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

VEO = "google/veo-3.1/text-to-video"
SEEDANCE = "bytedance/seedance-2.0/text-to-video"
IMAGE = "google/nano-banana/text-to-image"
MUSIC = "elevenlabs/elevenlabs-music/music-generate"
KLING = "kuaishou/kling-v3/pro/text-to-video"


@pytest.mark.asyncio
async def test_an_examples_undo_closes_when_another_endpoint_opens() -> None:
    async with running_studio() as (window, controller):
        await open_endpoint(controller, VEO)
        page = window.endpoint_page
        assert page.form is not None
        page.form.set_value({"prompt": "mine"})
        use_first_example(window)
        assert window.banner.isVisible()
        assert window.banner.text.text() == "The form now holds example 1."
        await open_endpoint(controller, SEEDANCE)
        assert not window.banner.isVisible()  # its Undo would have put Veo's prompt here


@pytest.mark.asyncio
async def test_carrying_a_prompt_into_another_capability_is_a_choice_with_undo() -> None:
    async with running_studio() as (window, controller):
        await open_endpoint(controller, IMAGE)
        page = window.endpoint_page
        assert page.form is not None
        page.form.set_value({"prompt": "a red fox in snow"})
        await open_endpoint(controller, MUSIC)
        await wait_until(window.banner.isVisible)
        banner = window.banner
        assert banner.text.text() == "Not carried over from Nano Banana Text to Image: Prompt."
        assert page.form is not None and "prompt" not in page.form.value()
        assert banner.action.text() == "Carry over"
        banner.action.click()
        assert page.form.value()["prompt"] == "a red fox in snow"
        assert banner.text.text() == "Carried over from Nano Banana Text to Image: Prompt."
        assert banner.isVisible() and banner.action.text() == "Undo"
        banner.action.click()
        assert "prompt" not in page.form.value()


@pytest.mark.asyncio
async def test_remix_on_a_model_without_seed_does_not_promise_a_new_one() -> None:
    async with running_studio() as (window, controller):
        await open_endpoint(controller, IMAGE)
        controller.recall.recall_job(Job(endpoint=KLING, input={"prompt": "a kite"}), "remix")
        page = window.endpoint_page
        await wait_until(lambda: window.banner.isVisible() and page.current_slug() == KLING, 10)
        text = window.banner.text.text()
        assert "new seed" not in text and "no seed" in text
        controller.recall.recall_job(Job(endpoint=VEO, input={"prompt": "a", "seed": 4}), "remix")
        await wait_until(lambda: "new seed" in window.banner.text.text(), 10)


@pytest.mark.asyncio
async def test_the_gallerys_exported_message_closes_when_the_gallery_is_left(
    qtbot: QtBot, tmp_path: Path
) -> None:
    library = build_library(tmp_path / "lib", 3, 3)
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    panel = GalleryPanel(library)
    tabs.addTab(panel, "Gallery")
    tabs.addTab(QLabel("elsewhere"), "Other")
    tabs.show()
    try:
        await panel.settled()  # pages load in a thread
        first = panel.model.item_at(0)
        assert first is not None
        await panel.commands.export([first.id], tmp_path / "out", as_zip=False)
        assert panel.banner.isVisible() and panel.banner.text.text().startswith("Exported")
        tabs.setCurrentIndex(1)
        tabs.setCurrentIndex(0)
        assert not panel.banner.isVisible()
    finally:
        await panel.aclose()
        panel.close()
        library.close()


def test_the_previews_note_closes_when_the_preview_is_left(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _url: False))
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    pane = PreviewPane(autoplay_video=False)
    tabs.addTab(pane, "Create")
    tabs.addTab(QLabel("elsewhere"), "Gallery")
    tabs.show()
    pane.show_outputs([PreviewItem("image", make_png(tmp_path / "out.png", 8, 8))])
    pane.open_folder_button.click()
    assert pane.notice_text().startswith("Could not open a file manager")
    tabs.setCurrentIndex(1)
    tabs.setCurrentIndex(0)
    assert pane.notice_text() == ""
    pane.clear()
