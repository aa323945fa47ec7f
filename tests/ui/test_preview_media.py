"""Tests for the video and audio previews: real playback offscreen, frames, waveform, controls."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtMultimedia import QAudioDevice, QMediaDevices, QMediaPlayer
from PySide6.QtTest import QTest

from studio.ui.preview.audio_view import AudioView
from studio.ui.preview.transport import format_clock
from studio.ui.preview.waveform import bar_heights
from tests.conftest import wait_until
from tests.fakes.preview_media import QT_MEDIA_NOISE, make_mp4, make_wav

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from studio.ui.preview.video_view import VideoView

pytestmark = pytest.mark.qt_log_ignore(*QT_MEDIA_NOISE)
# The nearest qt_log_ignore mark wins, so tests feeding broken files repeat the list.
broken_media = pytest.mark.qt_log_ignore(*QT_MEDIA_NOISE, "Could not open media")

EndOfMedia = QMediaPlayer.MediaStatus.EndOfMedia


@pytest.fixture
def audio_view(qapp: QApplication) -> Iterator[AudioView]:
    view = AudioView()
    view.resize(500, 200)
    view.show()
    yield view
    view.stop()
    view.close()
    view.deleteLater()


@pytest.mark.asyncio
async def test_video_plays_to_the_end_with_every_frame(
    video_view: VideoView, tmp_path: Path
) -> None:
    video_view.load(make_mp4(tmp_path / "clip.mp4", seconds=2.0, size=(160, 90), fps=24))
    video_view.player.play()

    await wait_until(lambda: video_view.player.mediaStatus() == EndOfMedia, 20)

    assert video_view.duration_ms() == pytest.approx(2000, abs=50)
    assert video_view.frames_seen() > 10
    assert video_view.last_frame_size() == QSize(160, 90)
    assert video_view.transport.time_label.text() == "0:02 / 0:02"
    assert video_view.error_text() == ""


@pytest.mark.asyncio
async def test_video_controls_drive_the_player(video_view: VideoView, tmp_path: Path) -> None:
    video_view.load(make_mp4(tmp_path / "clip.mp4", seconds=1.0))
    await wait_until(lambda: video_view.duration_ms() > 0)
    transport = video_view.transport

    transport.loop_button.click()
    assert video_view.player.loops() == QMediaPlayer.Loops.Infinite.value
    transport.mute_button.click()
    assert video_view.audio_output.isMuted()
    assert transport.slider.maximum() == video_view.duration_ms()

    transport.slider.setValue(500)
    await wait_until(lambda: abs(video_view.player.position() - 500) < 100)

    QTest.keyClick(video_view, Qt.Key.Key_Space)
    await wait_until(
        lambda: video_view.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
    )
    QTest.keyClick(video_view, Qt.Key.Key_Space)
    assert video_view.player.playbackState() == QMediaPlayer.PlaybackState.PausedState


@broken_media
@pytest.mark.asyncio
async def test_broken_video_shows_an_error(video_view: VideoView, tmp_path: Path) -> None:
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\x00\x00\x00\x18ftypisom" + b"\x00" * 64)

    video_view.load(broken)

    await wait_until(lambda: video_view.error_text() != "", 10)
    assert "Cannot play" in video_view.error_text()


@pytest.mark.asyncio
async def test_audio_duration_and_waveform(audio_view: AudioView, tmp_path: Path) -> None:
    audio_view.load(make_wav(tmp_path / "tone.wav", seconds=1.5))

    await wait_until(lambda: audio_view.peaks() is not None and audio_view.duration_ms() > 0)

    peaks = audio_view.peaks()
    assert peaks is not None
    assert audio_view.duration_ms() == pytest.approx(1500, abs=50)
    assert peaks.duration_s == pytest.approx(1.5, abs=0.01)
    assert max(peaks.peaks) - min(peaks.peaks) > 0.5


@pytest.mark.asyncio
async def test_audio_plays_to_the_end_and_waveform_tracks_it(
    audio_view: AudioView, tmp_path: Path
) -> None:
    audio_view.load(make_wav(tmp_path / "tone.wav", seconds=1.0))
    await wait_until(lambda: audio_view.peaks() is not None)

    audio_view.player.play()
    await wait_until(lambda: audio_view.player.mediaStatus() == EndOfMedia, 15)

    assert audio_view.waveform.played_fraction() == pytest.approx(1.0, abs=0.05)


@pytest.mark.asyncio
async def test_click_on_waveform_seeks(audio_view: AudioView, tmp_path: Path) -> None:
    audio_view.load(make_wav(tmp_path / "tone.wav", seconds=2.0))
    await wait_until(lambda: audio_view.peaks() is not None and audio_view.duration_ms() > 0)
    waveform = audio_view.waveform

    QTest.mouseClick(
        waveform,
        Qt.MouseButton.LeftButton,
        pos=QPoint(waveform.width() // 4, waveform.height() // 2),
    )

    await wait_until(lambda: abs(audio_view.player.position() - 500) < 60)
    assert waveform.played_fraction() == pytest.approx(0.25, abs=0.03)


@broken_media
@pytest.mark.asyncio
async def test_undecodable_audio_says_so(audio_view: AudioView, tmp_path: Path) -> None:
    junk = tmp_path / "junk.mp3"
    junk.write_bytes(b"definitely not audio" * 10)

    audio_view.load(junk)

    await wait_until(lambda: audio_view.waveform.message().startswith("No waveform"))
    assert audio_view.peaks() is None


def test_bar_heights_keep_the_loudest_peak_of_each_share() -> None:
    assert bar_heights([0.1, 0.9, 0.2, 0.3, 0.5, 0.4], 3) == [0.9, 0.3, 0.5]
    assert bar_heights([0.5, 1.0], 4) == [0.5, 0.5, 1.0, 1.0]
    assert bar_heights([], 10) == []


def test_clock_format() -> None:
    assert format_clock(3_400) == "0:03"
    assert format_clock(75_000) == "1:15"
    assert format_clock(3_723_000) == "1:02:03"


def test_video_gets_its_sound_output_once_a_sound_device_appears(
    video_view: VideoView, monkeypatch: pytest.MonkeyPatch
) -> None:
    if QMediaDevices.audioOutputs():
        pytest.skip("this machine has a sound device: the view starts with its output")
    assert video_view.player.audioOutput() is None  # none to play to
    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: [QAudioDevice()]))
    video_view._devices.audioOutputsChanged.emit()  # headphones plugged in
    assert video_view.player.audioOutput() is video_view.audio_output


@pytest.mark.asyncio
async def test_stopping_a_view_without_a_file_leaves_the_player_alone(
    video_view: VideoView, audio_view: AudioView, tmp_path: Path
) -> None:
    """Each call into a player waits for its threads with the interpreter held; the preview
    stops both views at every output it shows, images too."""
    for view in (video_view, audio_view):
        calls: list[str] = []
        real_stop = view.player.stop

        def counted(calls: list[str] = calls, real: Callable[[], None] = real_stop) -> None:
            calls.append("stop")
            real()

        view.player.stop = counted  # type: ignore[method-assign]
        view.stop()
        assert calls == []
        media = make_mp4(tmp_path / "v.mp4") if view is video_view else make_wav(tmp_path / "a.wav")
        view.load(media)
        view.stop()
        assert calls == ["stop"] and view.player.source().isEmpty()
