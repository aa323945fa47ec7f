"""Results that move together: pictures zoom and pan in sync (also into the A/B wipe), one transport
drives every video (all within one frame after a seek, a shorter one holding its last frame),
and audio is heard one column at a time with the solo keeping the position."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from studio.core.api import MediaKind
from studio.core.jobs import Job
from studio.ui.background import background
from studio.ui.compare.results import ResultsView
from tests.conftest import wait_until
from tests.fakes.preview_media import (
    QT_MEDIA_INTERRUPTED,
    QT_MEDIA_NOISE,
    make_mp4,
    make_png,
    make_wav,
)
from tests.ui.compare_helpers import START, done

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from studio.ui.compare.images import ViewState
    from studio.ui.compare.video_sync import VideoSync


def results_of(qtbot: QtBot, capability: str, count: int) -> ResultsView:
    view = ResultsView()
    qtbot.addWidget(view)
    view.resize(1200, 520)
    view.set_columns(capability, [(f"Model {i}", "") for i in range(count)])
    view.show()
    return view


def close(a: ViewState | None, b: ViewState | None) -> bool:
    assert a is not None and b is not None
    return abs(a.cx - b.cx) < 0.01 and abs(a.cy - b.cy) < 0.01 and abs(a.scale / b.scale - 1) < 0.01


async def show_pictures(view: ResultsView, paths: list[Path]) -> None:
    for index, path in enumerate(paths):
        view.show_job(index, done(Job("m", {}), path, MediaKind.IMAGE), START)
    await wait_until(lambda: all(c.canvas.has_image() for c in view.columns()))


@pytest.mark.asyncio
async def test_zoom_and_pan_move_every_picture_alike(qtbot: QtBot, tmp_path: Path) -> None:
    view = results_of(qtbot, "image", 3)
    sizes = ((640, 360), (1280, 720), (800, 800))
    await show_pictures(view, [make_png(tmp_path / f"{w}.png", w, h) for w, h in sizes])
    first, second, third = (c.canvas for c in view.columns())
    first.zoom_by(3.0, QPointF(60, 50))  # around a point off centre
    states = [canvas.view_state() for canvas in (first, second, third)]
    assert close(states[0], states[1]) and close(states[0], states[2])
    assert states[0] is not None and states[0].cx < 0.5  # it did move towards the pointer
    second.horizontalScrollBar().setValue(second.horizontalScrollBar().value() + 80)  # a pan
    assert close(second.view_state(), first.view_state())
    assert close(second.view_state(), third.view_state())
    view.view_sync.actual_size_all()
    assert [round(c.zoom_factor(), 3) for c in (first, second, third)] == [1.0, 1.0, 1.0]
    view.view_sync.fit_all()
    assert all(c.is_fit() for c in (first, second, third))
    await background().aclose()


@pytest.mark.asyncio
async def test_the_wipe_shows_a_left_of_the_divider_and_b_right_of_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    view = results_of(qtbot, "image", 2)
    red = make_png(tmp_path / "a.png", 400, 300, colour=(0, 0, 0))
    green = make_png(tmp_path / "b.png", 800, 600, colour=(0, 255, 0))
    await show_pictures(view, [red, green])
    assert view.wipe_button.isEnabled()
    view.set_wipe(0, 1)
    wipe = view.wipe
    assert view.pages.currentWidget() is wipe and wipe.has_pictures()
    rect = wipe.picture_rect()
    y = round(rect.center().y())
    left, right = round(rect.left() + rect.width() * 0.25), round(rect.left() + rect.width() * 0.75)
    shot = wipe.grab().toImage()
    assert QColor(shot.pixel(left, y)).green() < 60  # A has no green
    assert QColor(shot.pixel(right, y)).green() > 200  # B is all green
    x = round(wipe.width() * wipe.split())
    QTest.mousePress(wipe, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    QTest.mouseMove(wipe, QPoint(right + 20, y))
    QTest.mouseRelease(wipe, Qt.MouseButton.LeftButton, pos=QPoint(right + 20, y))
    shot = wipe.grab().toImage()
    assert QColor(shot.pixel(right, y)).green() < 60  # the divider moved past it: now A
    wipe.zoom_by(2.0)  # zooming the wipe moves the columns too
    assert close(wipe.view_state(), view.columns()[0].canvas.view_state())
    view.wipe_button.setChecked(False)
    assert view.pages.currentWidget() is view.columns_area
    await background().aclose()


def in_sync(video: VideoSync, target: int) -> bool:
    frame = video.frame_ms()
    return all(
        abs(lane.position() - min(target, lane.duration())) <= frame for lane in video.lanes()
    )


@pytest.mark.asyncio
@pytest.mark.qt_log_ignore(*QT_MEDIA_NOISE, QT_MEDIA_INTERRUPTED)
async def test_one_transport_drives_every_video(qtbot: QtBot, tmp_path: Path) -> None:
    view = results_of(qtbot, "video", 2)
    long_clip = make_mp4(tmp_path / "long.mp4", seconds=2.0)
    short_clip = make_mp4(tmp_path / "short.mp4", seconds=1.0)
    for index, clip in enumerate((long_clip, short_clip)):
        view.show_job(index, done(Job("m", {}), clip, MediaKind.VIDEO), START)
    video = view.video
    await wait_until(lambda: len(video.lanes()) == 2 and all(
        lane.is_loaded() and lane.view.has_frame() for lane in video.lanes()))  # fmt: skip
    assert not video.is_playing()  # posters, nothing plays by itself
    assert video.duration() == 2000 and video.clock() is video.lanes()[0]
    transport = view.transport
    transport.slider.setValue(600)
    await wait_until(lambda: in_sync(video, 600))
    transport.slider.setValue(1500)  # past the short one's end: it holds its last frame
    await wait_until(lambda: in_sync(video, 1500))
    short = video.lanes()[1]
    assert short.position() == short.duration() and short.view.has_frame()
    before = video.position()
    transport.forward_button.click()
    await wait_until(lambda: video.position() != before)
    assert abs(video.position() - (before + video.frame_ms())) <= 1
    transport.speed.setCurrentIndex(transport.speed.findData(2.0))
    assert all(lane.player.playbackRate() == 2.0 for lane in video.lanes())
    transport.slider.setValue(0)
    transport.play_button.click()
    await wait_until(lambda: video.position() > 1200, 20)  # the long one plays past the short
    assert short.view.has_frame()  # which holds its last frame meanwhile
    await wait_until(lambda: not video.is_playing(), 20)  # no loop: it stops at the end
    view.columns()[1].mute_button.setChecked(False)
    assert not short.audio.isMuted() and video.lanes()[0].audio.isMuted() is False
    await background().aclose()


@pytest.mark.asyncio
@pytest.mark.qt_log_ignore(*QT_MEDIA_NOISE, QT_MEDIA_INTERRUPTED)
async def test_audio_plays_one_column_and_solo_keeps_the_position(
    qtbot: QtBot, tmp_path: Path
) -> None:
    view = results_of(qtbot, "audio", 2)
    for index, seconds in enumerate((1.5, 0.75)):
        wav = make_wav(tmp_path / f"{index}.wav", seconds=seconds)
        view.show_job(index, done(Job("m", {}), wav, MediaKind.AUDIO), START)
    audio = view.audio
    lanes = audio.lanes()
    await wait_until(lambda: len(lanes) == 2 and all(lane.duration() > 0 for lane in lanes))
    await wait_until(lambda: all(lane.waveform._peaks for lane in lanes))
    first, second = view.columns()
    assert first.solo_button.isChecked() and not second.solo_button.isChecked()
    view.transport.slider.setValue(600)
    await wait_until(lambda: abs(lanes[0].position() - 600) <= 5)
    second.solo_button.click()
    assert audio.solo() == 1 and second.solo_button.isChecked()
    assert not first.solo_button.isChecked()
    await wait_until(lambda: abs(lanes[1].position() - 600) <= 5)  # the same moment
    # Waveforms share one time scale: the short file fills half the width, playheads line up.
    assert lanes[1].waveform.extent() == pytest.approx(0.5, abs=0.02)
    assert lanes[0].waveform.playhead_x() == pytest.approx(lanes[1].waveform.playhead_x(), abs=1)
    audio.play()
    assert lanes[1].player.playbackState() == lanes[1].player.PlaybackState.PlayingState
    assert lanes[0].player.playbackState() != lanes[0].player.PlaybackState.PlayingState
    audio.pause()
    await background().aclose()
