"""The Compare tab in the real app on the simulator, end to end (issue 9, "Done means"): three
image-to-video models from one start image, played in sync, a winner marked; after a restart the
comparison is reopened from the gallery with the winner still marked."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from studio.core.compare import Comparison, Verdict
from studio.core.jobs import JobStatus
from studio.ui.compare import ComparisonsView
from tests.conftest import wait_until
from tests.fakes.preview_media import QT_MEDIA_INTERRUPTED, QT_MEDIA_NOISE, make_png
from tests.ui.compare_helpers import I2V
from tests.ui.studio_harness import running_studio

if TYPE_CHECKING:
    from pathlib import Path

    from studio.ui.compare import ComparePanel
    from studio.ui.compare.video_sync import VideoSync
    from studio.ui.main_window import MainWindow


def in_sync(video: VideoSync, target: int) -> bool:
    """Every column within one frame of `target` (or of its own end, when shorter)."""
    frame = video.frame_ms()
    lanes = video.lanes()
    return len(lanes) == 3 and all(
        abs(lane.position() - min(target, lane.duration())) <= frame for lane in lanes
    )


async def set_up(compare: ComparePanel, start: Path) -> None:
    """Videos from an image: the start image, a prompt, 4 s, and the three models ticked."""
    compare.picker.set_task("image-to-video")
    compare.form.slots["image"].load_paths([start])
    compare.form.prompt.setPlainText("The harbour wakes up: boats sway, gulls circle")
    durations = compare.form.choices["duration_s"]
    durations.setCurrentIndex(durations.findData(4))
    await wait_until(lambda: bool(compare.form.slots["image"].files()), 20)

    def ready() -> bool:
        compare.replan()  # the models' settings arrive from the simulator meanwhile
        ticked = all(compare.picker.set_checked(slug, True) for slug in I2V)
        return ticked and compare.compare_button.text() == "Compare · 3 videos"

    await wait_until(ready, 30)


async def compare_and_play(compare: ComparePanel) -> None:
    """Compare, wait for three posters, play, seek, pause, step: always together."""
    assert compare.compare()
    run = compare.run
    assert run is not None
    await wait_until(lambda: all(e.local_id for e in run.comparison.rounds[0].entries), 30)
    for entry in run.comparison.rounds[0].entries:
        job = run.job(entry.local_id)
        assert job is not None  # the one start image went inline to every model
        assert any(str(value).startswith("data:image/png") for value in job.input.values())
    video = compare.results.video
    await wait_until(lambda: len(video.lanes()) == 3 and all(
        lane.is_loaded() and lane.view.has_frame() for lane in video.lanes()), 120)  # fmt: skip
    transport = compare.results.transport
    transport.play_button.click()
    await wait_until(lambda: video.is_playing() and video.position() > 400, 20)
    transport.slider.setValue(1000)  # a seek while playing: every column jumps with it
    assert in_sync(video, 1000)
    transport.play_button.click()
    await wait_until(lambda: not video.is_playing() and in_sync(video, video.position()))
    transport.forward_button.click()  # one frame on, still together
    await wait_until(lambda: in_sync(video, video.position()))
    transport.slider.setValue(2500)
    await wait_until(lambda: in_sync(video, 2500))


async def mark_winner(compare: ComparePanel) -> Comparison:
    columns = compare.results.columns()
    columns[1].winner_button.click()
    columns[2].reject_button.click()
    assert columns[1].verdict_label.text() == "★ Winner"
    run = compare.run
    assert run is not None
    await run.saved_now()
    assert run.comparison.winner() == (0, 1)
    return run.comparison


async def reopen_from_gallery(window: MainWindow, comparison_id: str) -> None:
    window.show_gallery()
    view = window.gallery.views.widget(1)
    assert isinstance(view, ComparisonsView)
    window.gallery.show_view(view)
    await wait_until(lambda: bool(view.records()), 20)
    assert view.select(comparison_id)
    view.open_button.click()
    compare = window.compare
    assert compare is not None
    await wait_until(lambda: compare.comparison is not None, 20)
    assert window.modes.currentWidget() is compare


@pytest.mark.asyncio
@pytest.mark.qt_log_ignore(*QT_MEDIA_NOISE, QT_MEDIA_INTERRUPTED)
async def test_three_image_to_video_models_in_sync_and_a_winner_kept(tmp_path: Path) -> None:
    start = make_png(tmp_path / "harbour.png", 1280, 720)
    async with running_studio() as (window, controller):
        compare = window.compare
        assert compare is not None
        window.show_compare()
        await wait_until(lambda: len(controller.session.endpoints) > 0, 20)
        await set_up(compare, start)
        await compare_and_play(compare)
        kept = await mark_winner(compare)
    async with running_studio() as (window, controller):  # the same STUDIO_HOME: a restart
        await reopen_from_gallery(window, kept.id)
        compare = window.compare
        assert compare is not None
        reopened = compare.comparison
        assert reopened is not None and reopened.id == kept.id and reopened.winner() == (0, 1)
        columns = compare.results.columns()
        assert [c.verdict for c in columns] == [Verdict.NONE, Verdict.WINNER, Verdict.REJECTED]
        assert columns[1].verdict_label.text() == "★ Winner"
        await wait_until(
            lambda: all(c.job is not None and c.job.status is JobStatus.SUCCEEDED for c in columns),
            20,
        )
        assert columns[1].job is not None  # fmt: skip
        assert columns[1].job.local_id == kept.rounds[0].entries[1].local_id
        assert compare.picker.chosen_slugs() == list(I2V)
        model = compare.table.translation_model
        assert model.index(model.row_of("image"), 0).data().startswith("harbour.png")
