"""Recall from a queue row or the gallery fills the form; what was being edited can be undone."""

from __future__ import annotations

import pytest

from studio.core.library import Recall, RecallMode
from studio.core.tasks_models import Job
from tests.conftest import wait_until
from tests.ui.studio_harness import open_endpoint, running_studio

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
        controller.recall_job(past, "remix")
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
        controller.apply_recall(Recall(VEO, {"prompt": "new words"}, RecallMode.USE_PROMPT))
        await wait_until(
            lambda: (
                page.form is not None
                and page.form.value() == {"prompt": "new words", "duration": "6s"}
            ),
            10,
        )
        exact = {"prompt": "p", "seed": 7}
        controller.apply_recall(Recall(VEO, exact, RecallMode.USE_ALL))
        await wait_until(lambda: page.form is not None and page.form.value() == exact, 10)
