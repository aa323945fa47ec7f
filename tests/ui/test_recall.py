"""Recall from a queue row or the gallery fills the form; what was being edited can be undone."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PIL import Image

from studio.core.jobs import Job
from studio.core.library import Recall, RecallMode
from studio.core.media import build_request, embed_metadata
from tests.conftest import wait_until
from tests.ui.studio_harness import open_endpoint, running_studio

if TYPE_CHECKING:
    from pathlib import Path

VEO = "google/veo-3.1/text-to-video"
IMAGE = "google/nano-banana/text-to-image"


@pytest.mark.asyncio
async def test_remix_from_a_row_then_undo() -> None:
    async with running_studio() as (window, controller):
        await open_endpoint(controller, IMAGE)
        page = window.endpoint_page
        assert page.form is not None
        page.form.set_value({"prompt": "what I was typing"})
        past = Job(
            endpoint=VEO,
            input={"prompt": "a red kite", "duration": "4s", "seed": 42, "aspect_ratio": "9:16"},
        )
        controller.recall.recall_job(past, "remix")
        await wait_until(lambda: page.detail is not None and page.detail.slug == VEO, 10)
        assert page.form is not None
        await wait_until(lambda: page.form is not None and "seed" not in page.form.value(), 5)
        value = page.form.value()
        assert value == {"prompt": "a red kite", "duration": "4s", "aspect_ratio": "9:16"}
        assert window.banner.isVisible() and window.banner.action.text() == "Undo"
        window.banner.action.click()
        await wait_until(lambda: page.detail is not None and page.detail.slug == IMAGE, 10)
        await wait_until(
            lambda: page.form is not None and page.form.value() == {"prompt": "what I was typing"},
            5,
        )


@pytest.mark.asyncio
async def test_use_all_keeps_the_seed_and_use_prompt_keeps_my_settings() -> None:
    async with running_studio() as (window, controller):
        await open_endpoint(controller, VEO)
        page = window.endpoint_page
        assert page.form is not None
        page.form.set_value({"prompt": "old", "duration": "6s"})
        controller.recall.apply_recall(Recall(VEO, {"prompt": "new words"}, RecallMode.USE_PROMPT))
        await wait_until(
            lambda: (
                page.form is not None
                and page.form.value() == {"prompt": "new words", "duration": "6s"}
            ),
            10,
        )
        exact = {"prompt": "p", "seed": 7}
        controller.recall.apply_recall(Recall(VEO, exact, RecallMode.USE_ALL))
        await wait_until(lambda: page.form is not None and page.form.value() == exact, 10)


@pytest.mark.asyncio
async def test_dropping_a_studio_file_recalls_its_parameters(tmp_path: Path) -> None:
    picture = tmp_path / "made-here.png"
    Image.new("RGB", (32, 18), "teal").save(picture)
    request = build_request(
        VEO, {"prompt": "dropped prompt", "seed": 5}, task_id="ms-1", model="veo-3.1"
    )
    embed_metadata(picture, request)
    plain = tmp_path / "plain.png"
    Image.new("RGB", (8, 8)).save(plain)
    async with running_studio() as (window, _controller):
        page = window.endpoint_page
        window.file_dropped.emit(str(plain))
        await wait_until(lambda: "no Mountsea Studio parameters" in window.banner.text.text(), 5)
        window.file_dropped.emit(str(picture))
        await wait_until(lambda: page.detail is not None and page.detail.slug == VEO, 10)
        expected = {"prompt": "dropped prompt", "seed": 5}
        await wait_until(lambda: page.form is not None and page.form.value() == expected, 5)


@pytest.mark.asyncio
async def test_reset_offers_undo_in_the_window() -> None:
    async with running_studio() as (window, controller):
        await open_endpoint(controller, VEO)
        page = window.endpoint_page
        assert page.form is not None
        page.form.set_value({"prompt": "keep me"})
        page.reset.click()
        assert page.form.value() == {}
        assert window.banner.action.text() == "Undo"
        window.banner.action.click()
        assert page.form.value() == {"prompt": "keep me"}
