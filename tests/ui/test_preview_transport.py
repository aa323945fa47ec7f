"""Transport controls: click-to-seek on the slider and theme-coloured icons."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QMouseEvent, QPalette
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from studio.ui.preview.audio_view import AudioView
from studio.ui.preview.transport import SeekSlider
from studio.ui.theme import apply_theme, contrast_ratio
from tests.conftest import wait_until
from tests.fakes.preview_media import QT_MEDIA_NOISE, make_mp4, make_wav

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from studio.ui.preview.video_view import VideoView

pytestmark = pytest.mark.qt_log_ignore(*QT_MEDIA_NOISE)

EndOfMedia = QMediaPlayer.MediaStatus.EndOfMedia
PlayingState = QMediaPlayer.PlaybackState.PlayingState
Role = QPalette.ColorRole


@pytest.fixture
def slider(qtbot: QtBot) -> SeekSlider:
    widget = SeekSlider()
    qtbot.addWidget(widget)
    widget.setRange(0, 10_000)
    widget.setPageStep(5000)
    widget.resize(400, 30)
    widget.show()
    return widget


def _click_at(widget: SeekSlider, fraction: float) -> None:
    point = QPoint(round(widget.width() * fraction), widget.height() // 2)
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=point)


def _fraction(widget: SeekSlider) -> float:
    return (widget.value() - widget.minimum()) / (widget.maximum() - widget.minimum())


@pytest.mark.parametrize("fraction", [0.75, 0.11, 0.9])
def test_click_on_the_groove_jumps_there(slider: SeekSlider, fraction: float) -> None:
    _click_at(slider, fraction)

    # Not a 5 s page step from 0 (0.5), but where the click was (the handle's width aside).
    assert _fraction(slider) == pytest.approx(fraction, abs=0.04)
    assert not slider.isSliderDown()


def test_press_then_drag_follows_the_pointer(slider: SeekSlider) -> None:
    moved: list[int] = []
    slider.sliderMoved.connect(moved.append)
    y = slider.height() / 2

    def send(kind: QMouseEvent.Type, x: float, buttons: Qt.MouseButton) -> None:
        point = QPointF(x, y)
        event = QMouseEvent(
            kind, point, slider.mapToGlobal(point), Qt.MouseButton.LeftButton, buttons,
            Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        QApplication.sendEvent(slider, event)

    send(QMouseEvent.Type.MouseButtonPress, slider.width() * 0.3, Qt.MouseButton.LeftButton)
    assert slider.isSliderDown()
    send(QMouseEvent.Type.MouseMove, slider.width() * 0.6, Qt.MouseButton.LeftButton)
    send(QMouseEvent.Type.MouseButtonRelease, slider.width() * 0.6, Qt.MouseButton.NoButton)

    assert _fraction(slider) == pytest.approx(0.6, abs=0.04)
    assert moved and moved[-1] == slider.value()


@pytest.mark.asyncio
async def test_click_on_video_slider_seeks_the_player(
    video_view: VideoView, tmp_path: Path
) -> None:
    video_view.load(make_mp4(tmp_path / "clip.mp4", seconds=2.0))
    await wait_until(lambda: video_view.duration_ms() > 0)
    slider = video_view.transport.slider

    _click_at(slider, 0.75)

    assert slider.value() == pytest.approx(0.75 * video_view.duration_ms(), abs=80)
    await wait_until(lambda: abs(video_view.player.position() - 1500) < 100)
    assert video_view.transport.time_label.text() == "0:01 / 0:02"


@pytest.mark.asyncio
async def test_click_on_audio_slider_seeks_the_player(qapp: QApplication, tmp_path: Path) -> None:
    view = AudioView()
    view.resize(500, 200)
    view.show()
    try:
        view.load(make_wav(tmp_path / "tone.wav", seconds=2.0))
        await wait_until(lambda: view.duration_ms() > 0 and view.peaks() is not None)

        _click_at(view.transport.slider, 0.25)

        await wait_until(lambda: abs(view.player.position() - 500) < 100)
        assert view.waveform.played_fraction() == pytest.approx(0.25, abs=0.05)
    finally:
        view.stop()
        view.close()
        view.deleteLater()


def _ink(icon: QIcon) -> QColor:
    """The colour of the glyph: its most opaque pixel."""
    image = icon.pixmap(16, 16).toImage()
    pixels = (image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height()))
    return max(pixels, key=lambda colour: colour.alpha())


def test_icons_are_legible_and_follow_the_theme(
    restore_theme: QApplication, video_view: VideoView
) -> None:
    transport = video_view.transport
    buttons = (transport.play_button, transport.loop_button, transport.mute_button)

    for theme in ("dark", "light", "dark"):
        apply_theme(restore_theme, theme)
        palette = transport.palette()
        for button in buttons:
            ink = _ink(button.icon())
            assert ink.rgb() == palette.color(Role.ButtonText).rgb()
            assert contrast_ratio(ink, palette.color(Role.Window)) >= 4.5


def test_mute_and_play_icons_change_with_state(video_view: VideoView) -> None:
    transport = video_view.transport
    unmuted = transport.mute_button.icon().pixmap(16, 16).toImage()

    transport.mute_button.click()

    assert transport.mute_button.icon().pixmap(16, 16).toImage() != unmuted
    playing = QIcon(transport.play_button.icon()).pixmap(16, 16).toImage()
    transport.mute_button.click()
    assert transport.mute_button.icon().pixmap(16, 16).toImage() == unmuted
    assert transport.play_button.icon().pixmap(16, 16).toImage() == playing
