"""A finished task raises an opt-in notification, only when the window is not in front."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from studio.core.jobs import Job, JobStatus
from studio.core.session import Settings

if TYPE_CHECKING:
    from studio.ui.controller import StudioController
from tests.ui.studio_harness import running_studio


def alerts_for(
    controller: StudioController, monkeypatch: pytest.MonkeyPatch, *, active: bool
) -> list[QWidget]:
    seen: list[QWidget] = []
    monkeypatch.setattr(QApplication, "alert", lambda widget, *_: seen.append(widget))
    monkeypatch.setattr(type(controller.window), "isActiveWindow", lambda _self: active)
    done = Job(endpoint="google/nano-banana/text-to-image", input={}, status=JobStatus.SUCCEEDED)
    failed = Job(endpoint="x/y/z", input={}, status=JobStatus.FAILED, error="boom")
    canceled = Job(endpoint="x/y/z", input={}, status=JobStatus.CANCELED)
    for job in (done, failed, canceled):
        controller.queue.job_finished.emit(job)
    return seen


@pytest.mark.asyncio
async def test_background_window_is_alerted_for_success_and_failure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with running_studio(start=False) as (window, controller):
        seen = alerts_for(controller, monkeypatch, active=False)
        assert seen == [window, window]  # succeeded and failed; a cancel is the user's own doing


@pytest.mark.asyncio
async def test_no_alert_when_in_front_or_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    async with running_studio(start=False) as (_window, controller):
        assert alerts_for(controller, monkeypatch, active=True) == []
    settings = Settings(notifications=False)
    async with running_studio(start=False, settings=settings) as (_window, controller):
        assert alerts_for(controller, monkeypatch, active=False) == []
