"""Each endpoint's draft (prompt and form) comes back after a restart."""

from __future__ import annotations

import json

import pytest

from studio.core import paths
from studio.ui.endpoint.drafts import DraftKeeper
from tests.conftest import wait_until
from tests.ui.studio_harness import open_endpoint, running_studio

VEO = "google/veo-3.1/text-to-video"
IMAGE = "google/nano-banana/text-to-image"


@pytest.mark.asyncio
async def test_every_endpoints_draft_survives_a_restart() -> None:
    async with running_studio() as (window, controller):
        page = window.endpoint_page
        await open_endpoint(controller, VEO)
        assert page.form is not None
        page.form.set_value({"prompt": "rain on a window", "duration": "4s"})
        await open_endpoint(controller, IMAGE)
        assert page.form is not None
        page.form.set_value({"prompt": "a lighthouse", "aspect_ratio": "16:9"})
    # Quit: pending drafts were written on the way out.

    async with running_studio() as (window, controller):
        page = window.endpoint_page
        await wait_until(lambda: page.current_slug() == IMAGE, 20)  # the last endpoint opens
        await wait_until(
            lambda: (
                page.form is not None
                and page.form.value() == {"prompt": "a lighthouse", "aspect_ratio": "16:9"}
            ),
            10,
        )
        await open_endpoint(controller, VEO)  # its own draft, not the image's prompt
        assert page.form is not None
        assert page.form.value() == {"prompt": "rain on a window", "duration": "4s"}


@pytest.mark.asyncio
async def test_drafts_are_small_files_written_off_the_gui_thread() -> None:
    keeper = DraftKeeper()
    assert await keeper.load("a/b/c") is None
    keeper.remember("a/b/c", {"prompt": "p"})
    await keeper.aflush()
    file = paths.data_dir() / "drafts" / "a%2Fb%2Fc.json"
    assert json.loads(file.read_text(encoding="utf-8")) == {"prompt": "p"}
    assert await DraftKeeper().load("a/b/c") == {"prompt": "p"}
    keeper.remember("a/b/c", {})  # back at the defaults: the file goes
    await keeper.aflush()
    assert not file.exists()
    file.write_text("{not json", encoding="utf-8")
    assert await DraftKeeper().load("a/b/c") is None  # a damaged draft is dropped
