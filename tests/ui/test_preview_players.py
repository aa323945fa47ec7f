"""Qt Multimedia is loaded in a worker thread, and the preview's player built, before the first
video or audio output arrives (studio.ui.preview.players, PreviewPane.prepare_player)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from studio.core.session import Settings
from studio.ui.preview import PreviewKind, PreviewPane
from studio.ui.preview.players import player_library_files
from tests.conftest import wait_until
from tests.ui.studio_harness import open_endpoint, running_studio, use_first_example

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

_PROBE = """
import asyncio, json, sys, threading
from studio.ui.preview.players import load_player_libraries
threads = []
def load():
    threads.append(threading.current_thread() is not threading.main_thread())
    return load_player_libraries()
before = "PySide6.QtMultimedia" in sys.modules
loaded = asyncio.run(asyncio.to_thread(load))
maps = open("/proc/self/maps").read()
print(json.dumps({"before": before, "loaded": loaded, "in_worker": threads,
      "module": "PySide6.QtMultimedia" in sys.modules,
      "mapped": [n for n in ("libQt6Multimedia.so", "libffmpegmediaplugin.so") if n in maps]}))
"""


@pytest.fixture
def pane(qtbot: QtBot) -> Iterator[PreviewPane]:
    widget = PreviewPane(autoplay_video=False)
    qtbot.addWidget(widget)
    yield widget
    widget.clear()


def test_the_player_libraries_are_qt_multimedia_and_its_plugins() -> None:
    names = [path.name for path in player_library_files()]
    assert names[:2] == ["libQt6Multimedia.so.6", "libQt6MultimediaWidgets.so.6"]
    assert "libffmpegmediaplugin.so" in names


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/maps")
def test_a_worker_thread_loads_the_libraries_and_the_bindings() -> None:
    command = [sys.executable, "-c", _PROBE]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(command, check=True, capture_output=True, text=True, env=env, timeout=120)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["before"] is False
    assert found["in_worker"] == [True]
    assert found["loaded"] == len(player_library_files())
    assert found["module"] is True
    assert found["mapped"] == ["libQt6Multimedia.so", "libffmpegmediaplugin.so"]


@pytest.mark.asyncio
async def test_prepare_player_builds_the_view_of_that_kind_once(pane: PreviewPane) -> None:
    assert pane._video_view is None and pane._audio_view is None
    await pane.prepare_player(PreviewKind.IMAGE)  # no player for pictures
    assert pane._video_view is None and pane._audio_view is None
    await pane.prepare_player(PreviewKind.VIDEO)
    video = pane._video_view
    assert video is not None and pane._audio_view is None
    await pane.prepare_player(PreviewKind.VIDEO)
    assert pane._video_view is video  # built once
    await pane.prepare_player(PreviewKind.AUDIO)
    assert pane._audio_view is not None
    assert pane.current_widget() is not video  # readied, not shown


@pytest.mark.asyncio
async def test_a_video_task_under_way_readies_the_player_before_its_output() -> None:
    slug = "google/veo-3.1/fast/text-to-video"
    async with running_studio(settings=Settings(sim_speed=0.5)) as (window, controller):
        await open_endpoint(controller, slug)
        use_first_example(window)
        assert window.preview._video_view is None
        window.endpoint_page.generate.click()
        await wait_until(lambda: window.preview._video_view is not None, 30)
        jobs = [job for job in controller.queue.model.jobs() if job.endpoint == slug]
        assert jobs and not any(job.status.is_settled for job in jobs)  # no output yet
        assert window.preview.current_widget() is not window.preview._video_view
