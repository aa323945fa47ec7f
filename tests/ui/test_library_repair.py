"""The app starts on a damaged library, says what it repaired, and sends nothing (issue 11 §1);
the status bar says when the disk is full (§5)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from studio.core import paths
from tests.conftest import wait_until
from tests.core.test_disk_full import NoRoomClient
from tests.core.test_journal import PngClient
from tests.core.test_library_recovery import PROMPTS, garbage_header, make_library
from tests.core.test_tasks_fakes import ENDPOINT
from tests.fakes.session import FakeBackend
from tests.ui.studio_harness import running_studio

if TYPE_CHECKING:
    from pathlib import Path

    from studio.core.session import Backend, Settings


@pytest.mark.asyncio
async def test_the_app_starts_on_a_damaged_library_and_says_what_it_did(tmp_path: Path) -> None:
    made = await make_library(paths.data_dir())  # where the app keeps it, outputs beside it
    garbage_header(made.db)
    client = PngClient()

    async def open_backend(_settings: Settings, _key: str) -> Backend:
        return FakeBackend(client)

    async with running_studio(open_backend=open_backend) as (window, controller):
        await wait_until(
            lambda: (
                controller.recovery_dialog is not None and controller.recovery_dialog.isVisible()
            )
        )
        dialog = controller.recovery_dialog
        assert dialog is not None
        text = dialog.body.text()
        assert "header is not SQLite's" in text
        assert "6 output(s) of 6 job(s) recovered" in text
        moved = dialog.report.moved_to[0]
        assert str(moved) in text and moved.exists() and ".damaged-" in moved.name
        dialog.grab().save(str(tmp_path / "recovery-dialog.png"))
        await wait_until(lambda: window.gallery.model.total() == len(PROMPTS), 10)
        rows = controller.queue.model.jobs()
        assert {job.prompt for job in rows} >= set(PROMPTS)
        dialog.accept()
    assert client.run_calls == []  # nothing was sent by itself


@pytest.mark.asyncio
async def test_the_status_bar_says_the_disk_is_full_with_the_folder() -> None:
    client = NoRoomClient()

    async def open_backend(_settings: Settings, _key: str) -> Backend:
        return FakeBackend(client)

    async with running_studio(open_backend=open_backend) as (window, controller):
        assert controller.queue.submit(ENDPOINT, {"prompt": "no room for me"}) is not None
        bar = window.statusBar()
        await wait_until(lambda: "disk is full" in bar.currentMessage())
        assert str(paths.outputs_dir()) in bar.currentMessage()
        assert not window.banner.isVisible(), window.banner.text.text()  # the row says what failed
