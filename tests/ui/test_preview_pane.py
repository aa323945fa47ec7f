"""Tests for PreviewPane: choosing the view per output, stepping through outputs, the actions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QObject, QSize, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from studio.ui.preview import PreviewItem, PreviewPane
from tests.conftest import wait_until
from tests.fakes.preview_media import (
    QT_MEDIA_INTERRUPTED,
    QT_MEDIA_NOISE,
    make_mp4,
    make_png,
    make_wav,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.qt_log_ignore(*QT_MEDIA_NOISE, QT_MEDIA_INTERRUPTED)


@pytest.fixture
def pane(qtbot: QtBot) -> Iterator[PreviewPane]:
    widget = PreviewPane(autoplay_video=False)
    qtbot.addWidget(widget)
    widget.resize(520, 420)
    widget.show()
    yield widget
    widget.clear()


@pytest.fixture
def three_images(tmp_path: Path) -> list[PreviewItem]:
    sizes = [(320, 200), (200, 320), (256, 256)]
    return [
        PreviewItem(
            "image",
            make_png(tmp_path / f"out-{i}.png", w, h),
            url=f"https://cdn.example/out-{i}.png",
            title=f"Nano Banana · {i + 1}/3",
        )
        for i, (w, h) in enumerate(sizes)
    ]


def test_starts_empty_with_actions_disabled(pane: PreviewPane) -> None:
    assert pane.current_item() is None
    assert not pane.save_button.isEnabled()
    assert not pane.open_folder_button.isEnabled()
    assert not pane.copy_url_button.isEnabled()


@pytest.mark.asyncio
async def test_steps_through_images_with_buttons_and_keys(
    pane: PreviewPane, qtbot: QtBot, three_images: list[PreviewItem]
) -> None:
    seen: list[int] = []
    pane.current_changed.connect(seen.append)

    pane.show_outputs(three_images)
    assert pane.current_widget() is pane.image_view
    assert pane.counter_label.text() == "1 / 3"
    assert pane.title_label.text() == "Nano Banana · 1/3"
    assert not pane.previous_button.isEnabled()

    pane.next_button.click()
    await wait_until(lambda: not pane.image_view.is_loading())  # decoded in a worker thread
    assert pane.image_view.image_size() == QSize(200, 320)
    assert pane.counter_label.text() == "2 / 3"

    QTest.keyClick(pane.image_view.canvas, Qt.Key.Key_Right)
    assert pane.current_item() == three_images[2]
    assert not pane.next_button.isEnabled()
    QTest.keyClick(pane.image_view.canvas, Qt.Key.Key_Right)
    assert pane.current_index() == 2

    QTest.keyClick(pane, Qt.Key.Key_Left)
    assert pane.current_index() == 1
    pane.previous_button.click()
    assert seen == [0, 1, 2, 1, 0]


def test_single_output_hides_navigation(pane: PreviewPane, three_images: list[PreviewItem]) -> None:
    pane.show_outputs(three_images[:1])

    assert pane.previous_button.isHidden()
    assert pane.next_button.isHidden()
    assert pane.counter_label.isHidden()


def test_each_kind_gets_its_view(pane: PreviewPane, tmp_path: Path) -> None:
    items = [
        PreviewItem("video", make_mp4(tmp_path / "clip.mp4", seconds=0.5)),
        PreviewItem("audio", make_wav(tmp_path / "tone.wav", seconds=0.5)),
        PreviewItem(
            "text", None, text=json.dumps({"chunks": [{"text": "hi", "timestamp": [0, 1]}]})
        ),
        PreviewItem("other", None, text='{"seed":7}'),
        PreviewItem("image", None, url="https://cdn.example/late.png"),
        PreviewItem("video", None, text="Download failed: HTTP 404"),
    ]
    pane.show_outputs(items)
    shown = []
    for _ in items:
        shown.append(pane.current_widget())
        pane.show_next()

    assert shown == [
        pane.video_view,
        pane.audio_view,
        pane.text_view,
        pane.text_view,
        pane.text_view,
        pane.text_view,
    ]
    assert pane.text_view.toPlainText() == "Download failed: HTTP 404"
    pane.show_previous()
    assert "not downloaded yet" in pane.text_view.toPlainText()
    assert "https://cdn.example/late.png" in pane.text_view.toPlainText()


def test_leaving_a_video_releases_it(
    pane: PreviewPane, tmp_path: Path, three_images: list[PreviewItem]
) -> None:
    pane.show_outputs([PreviewItem("video", make_mp4(tmp_path / "clip.mp4", seconds=0.5))])
    assert not pane.video_view.player.source().isEmpty()

    pane.show_outputs(three_images)

    assert pane.video_view.player.source().isEmpty()


def test_copy_url_puts_it_on_the_clipboard(
    pane: PreviewPane, three_images: list[PreviewItem]
) -> None:
    pane.show_outputs(three_images)
    pane.show_next()

    pane.copy_url_button.click()

    assert QGuiApplication.clipboard().text() == "https://cdn.example/out-1.png"
    assert pane.status_label.text() == "URL copied"


def test_copy_url_disabled_without_url(pane: PreviewPane, tmp_path: Path) -> None:
    pane.show_outputs([PreviewItem("image", make_png(tmp_path / "local.png", 10, 10))])

    assert not pane.copy_url_button.isEnabled()
    assert pane.save_button.isEnabled()
    assert pane.open_folder_button.isEnabled()


class _UrlRecorder(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.urls.append(url)


def test_open_folder_opens_the_parent_directory(
    pane: PreviewPane, three_images: list[PreviewItem]
) -> None:
    recorder = _UrlRecorder()
    slot_name: Any = "open_url"  # PySide6 accepts only str here, though its stub says bytes.
    QDesktopServices.setUrlHandler("file", recorder, slot_name)
    try:
        pane.show_outputs(three_images)
        pane.open_folder_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")

    first = three_images[0].path
    assert first is not None
    assert [Path(url.toLocalFile()) for url in recorder.urls] == [first.parent]


def test_clear_returns_to_the_placeholder(
    pane: PreviewPane, three_images: list[PreviewItem]
) -> None:
    pane.show_outputs(three_images)
    seen: list[int] = []
    pane.current_changed.connect(seen.append)

    pane.clear()

    assert pane.current_item() is None
    assert pane.current_widget() not in {pane.image_view, pane.text_view}
    assert seen == [-1]
    assert not pane.save_button.isEnabled()


def _save_dialog(pane: PreviewPane) -> QFileDialog:
    dialogs = [d for d in pane.findChildren(QFileDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


@pytest.mark.asyncio
async def test_save_as_copies_the_file(
    pane: PreviewPane, three_images: list[PreviewItem], tmp_path: Path
) -> None:
    saved: list[str] = []
    pane.file_saved.connect(saved.append)
    pane.show_outputs(three_images)
    target = tmp_path / "export" / "mine.png"
    target.parent.mkdir()

    pane.save_button.click()
    dialog = _save_dialog(pane)
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    dialog.selectFile(str(target))
    dialog.accept()

    await wait_until(lambda: saved == [str(target)])
    source = three_images[0].path
    assert source is not None
    assert target.read_bytes() == source.read_bytes()
    assert pane.status_label.text() == "Saved mine.png"


@pytest.mark.asyncio
async def test_save_as_writes_text_outputs_and_reports_failures(
    pane: PreviewPane, tmp_path: Path
) -> None:
    saved: list[str] = []
    failed: list[str] = []
    pane.file_saved.connect(saved.append)
    pane.save_failed.connect(failed.append)
    pane.show_outputs([PreviewItem("text", None, text='{"text":"hi"}', title="Whisper")])

    pane.save_button.click()
    dialog = _save_dialog(pane)
    assert dialog.selectedFiles()[0].endswith("Whisper.json")
    dialog.fileSelected.emit(str(tmp_path / "t.json"))
    await wait_until(lambda: bool(saved))
    assert (tmp_path / "t.json").read_text(encoding="utf-8") == '{"text":"hi"}'
    dialog.reject()

    pane.save_button.click()
    _save_dialog(pane).fileSelected.emit(str(tmp_path / "no-such-dir" / "t.json"))
    await wait_until(lambda: bool(failed))
    assert "no-such-dir" in failed[0]


@pytest.mark.asyncio
async def test_audio_output_gets_a_waveform(pane: PreviewPane, tmp_path: Path) -> None:
    pane.show_outputs([PreviewItem("audio", make_wav(tmp_path / "song.wav", seconds=1.0))])

    await wait_until(lambda: pane.audio_view.peaks() is not None)

    assert pane.current_widget() is pane.audio_view
