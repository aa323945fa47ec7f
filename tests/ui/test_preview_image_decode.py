"""The image preview decodes off the GUI thread, within Pillow's limits, and says what went wrong.

Rules checked here: no decode on the GUI thread; plain data back from the worker; no process-wide
limit raised (Pillow's MAX_IMAGE_PIXELS, Qt's allocation limit); a newer load drops an older one;
every coroutine the preview starts goes through studio.ui.background.spawn.
"""

from __future__ import annotations

import ast
import asyncio
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PIL import Image, ImageFile
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImageReader
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

import studio.ui.background as background_module
from studio.core import media
from studio.core.media import _decode as image_decode
from studio.ui.background import background, spawn
from studio.ui.preview import PreviewItem, PreviewPane
from studio.ui.preview.image_view import LOADING_TEXT
from tests.conftest import wait_until
from tests.fakes.preview_media import (
    QT_MEDIA_INTERRUPTED,
    QT_MEDIA_NOISE,
    make_png,
    make_png_bomb,
    make_wav,
)
from tests.ui.conftest import load_image

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterator

    from pytestqt.qtbot import QtBot

    from studio.ui.preview.image_view import ImageView

PREVIEW_SOURCES = Path(__file__).resolve().parents[2] / "studio" / "ui" / "preview"


@pytest.fixture
def threads_decoding(monkeypatch: pytest.MonkeyPatch) -> list[threading.Thread]:
    """The thread of every decode_preview() call and of every Pillow pixel load."""
    seen: list[threading.Thread] = []
    real_decode = image_decode.decode_preview
    real_load = ImageFile.ImageFile.load

    def decode(*args: Any, **kwargs: Any) -> Any:
        seen.append(threading.current_thread())
        return real_decode(*args, **kwargs)

    def load(self: ImageFile.ImageFile) -> Any:
        seen.append(threading.current_thread())
        return real_load(self)

    monkeypatch.setattr(media, "decode_preview", decode)  # as the view calls it
    monkeypatch.setattr(ImageFile.ImageFile, "load", load)
    return seen


class _Gate:
    """Holds decode_preview() of chosen files in the worker until opened."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *held: str) -> None:
        self.opened = threading.Event()
        self.started: list[str] = []
        self.finished: list[str] = []
        self._held = set(held)
        self._real = image_decode.decode_preview
        monkeypatch.setattr(media, "decode_preview", self._decode)

    def _decode(self, path: Path, screen: tuple[int, int], stop: Callable[[], bool]) -> Any:
        self.started.append(path.name)
        if path.name in self._held:
            assert self.opened.wait(10)
        result = self._real(path, screen, stop)
        self.finished.append(path.name)
        return result


@pytest.mark.asyncio
async def test_decoding_runs_in_a_worker_thread(
    image_view: ImageView, tmp_path: Path, threads_decoding: list[threading.Thread]
) -> None:
    assert await load_image(image_view, make_png(tmp_path / "a.png", 320, 200))

    assert len(threads_decoding) >= 2  # decode_preview(), then Pillow's pixel load
    assert threading.main_thread() not in threads_decoding
    assert image_view.image_size() == QSize(320, 200)


def test_without_the_apps_loop_nothing_is_decoded_on_the_gui_thread(
    image_view: ImageView, tmp_path: Path, threads_decoding: list[threading.Thread]
) -> None:
    finished: list[bool] = []
    image_view.load_finished.connect(finished.append)

    image_view.load(make_png(tmp_path / "a.png", 32, 32))  # a synchronous caller: no loop runs

    assert finished == [False]
    assert image_view.message_text() == "The image preview needs the application's event loop."
    assert threads_decoding == []


@pytest.mark.asyncio
@pytest.mark.parametrize(("width", "height"), [(15000, 15000), (10000, 10000)])
async def test_decompression_bomb_is_too_large_to_preview(
    image_view: ImageView, tmp_path: Path, width: int, height: int
) -> None:
    # 15000² is past Pillow's error limit; 10000² only past its warning limit.
    limits = (Image.MAX_IMAGE_PIXELS, QImageReader.allocationLimit())
    bomb = make_png_bomb(tmp_path / "bomb.png", width, height)
    assert bomb.stat().st_size < 100_000
    finished: list[bool] = []
    image_view.load_finished.connect(finished.append)

    assert not await load_image(image_view, bomb)

    assert image_view.message_text() == (
        f"bomb.png is too large to preview ({width} × {height} pixels)."
    )
    assert finished == [False]
    assert image_view.image_size().isEmpty()
    assert not image_view.canvas.isVisible()
    assert (Image.MAX_IMAGE_PIXELS, QImageReader.allocationLimit()) == limits


@pytest.mark.asyncio
async def test_truncated_file_says_it_is_damaged(image_view: ImageView, tmp_path: Path) -> None:
    whole = make_png(tmp_path / "whole.png", 300, 200).read_bytes()
    cut = tmp_path / "cut.png"
    cut.write_bytes(whole[: len(whole) // 2])

    assert not await load_image(image_view, cut)

    assert image_view.message_text().startswith("Cannot show cut.png: the file is damaged")


@pytest.mark.asyncio
async def test_large_image_fits_at_once_and_sharpens_at_100_percent(
    image_view: ImageView, tmp_path: Path
) -> None:
    path = tmp_path / "huge.png"
    Image.new("RGB", (6000, 4000), (30, 90, 160)).save(path, compress_level=1)
    assert image_decode.FULL_DECODE_MAX_PIXELS < 6000 * 4000

    assert await load_image(image_view, path)

    canvas = image_view.canvas
    assert image_view.image_size() == QSize(6000, 4000)
    assert image_view.info_text().startswith("6000 × 4000 · PNG · ")
    assert image_view.is_fit()
    viewport = canvas.viewport().size()
    fit = min(viewport.width() / 6000, viewport.height() / 4000)
    assert image_view.zoom_factor() == pytest.approx(fit, rel=1e-3)
    screen = image_view.screen().size()
    shown = canvas.pixmap_size()
    assert shown.width() <= screen.width() and shown.height() <= screen.height()

    QTest.keyClick(canvas, Qt.Key.Key_1)
    centre = canvas.mapToScene(canvas.viewport().rect().center())
    assert image_view.zoom_factor() == pytest.approx(1.0)

    await wait_until(lambda: canvas.pixmap_size() == QSize(6000, 4000), 30)
    assert image_view.zoom_factor() == pytest.approx(1.0)
    assert canvas.mapToScene(canvas.viewport().rect().center()) == centre


@pytest.mark.asyncio
async def test_loading_shows_and_a_newer_load_wins(
    image_view: ImageView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = make_png(tmp_path / "slow.png", 300, 100)
    quick = make_png(tmp_path / "quick.png", 100, 300)
    gate = _Gate(monkeypatch, "slow.png")

    image_view.load(slow)
    await wait_until(lambda: image_view.message_text() == LOADING_TEXT)
    assert image_view.is_loading()
    assert await load_image(image_view, quick)
    gate.opened.set()
    await wait_until(lambda: "slow.png" in gate.finished)
    # Give a stale result every chance to arrive: nothing may come of it.
    await asyncio.sleep(0.2)

    assert image_view.image_size() == QSize(100, 300)
    assert image_view.message_text() == ""


@pytest.mark.asyncio
async def test_clear_drops_a_running_decode(
    image_view: ImageView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = _Gate(monkeypatch, "slow.png")
    baseline = background().running()
    image_view.load(make_png(tmp_path / "slow.png", 300, 100))
    assert background().running() == baseline + 1  # the one owner holds the decode
    await wait_until(lambda: gate.started == ["slow.png"])

    image_view.clear()
    await wait_until(lambda: background().running() == baseline)  # cancelled there
    gate.opened.set()
    await wait_until(lambda: gate.finished == ["slow.png"])
    await asyncio.sleep(0.2)

    assert not image_view.is_loading()
    assert not image_view.canvas.has_image()
    assert image_view.message_text() == ""


@pytest.fixture
def spawned(monkeypatch: pytest.MonkeyPatch) -> list[Hashable]:
    """Keys of the coroutines the preview starts (through studio.ui.background.spawn)."""
    keys: list[Hashable] = []

    def recording_spawn(coro: Any, *, key: Hashable = None, on_error: Any = None) -> Any:
        keys.append(key[1] if isinstance(key, tuple) else key)
        return spawn(coro, key=key, on_error=on_error)

    monkeypatch.setattr(background_module, "spawn", recording_spawn)
    return keys


@pytest.fixture
def pane(qtbot: QtBot) -> Iterator[PreviewPane]:
    widget = PreviewPane(autoplay_video=False)
    qtbot.addWidget(widget)
    widget.resize(520, 420)
    widget.show()
    yield widget
    widget.clear()


@pytest.mark.asyncio
@pytest.mark.qt_log_ignore(*QT_MEDIA_NOISE, QT_MEDIA_INTERRUPTED)
async def test_every_preview_coroutine_goes_through_spawn(
    pane: PreviewPane, tmp_path: Path, spawned: list[Hashable]
) -> None:
    image = make_png(tmp_path / "a.png", 64, 48)
    pane.show_outputs(
        [PreviewItem("image", image), PreviewItem("audio", make_wav(tmp_path / "b.wav"))]
    )
    await wait_until(lambda: not pane.image_view.is_loading())
    pane.show_next()
    await wait_until(lambda: pane.audio_view.peaks() is not None)
    pane.show_previous()
    await wait_until(lambda: not pane.image_view.is_loading())
    saved: list[str] = []
    pane.file_saved.connect(saved.append)
    pane.save_current_as()
    (dialog,) = [d for d in pane.findChildren(QFileDialog) if d.isVisible()]
    dialog.fileSelected.emit(str(tmp_path / "copy.png"))
    dialog.reject()
    await wait_until(lambda: bool(saved))

    assert spawned == ["decode", "peaks", "decode", None]
    assert (tmp_path / "copy.png").read_bytes() == image.read_bytes()


def test_preview_code_starts_no_task_of_its_own_and_raises_no_limit() -> None:
    banned = {"create_task", "ensure_future", "QImageReader", "setAllocationLimit"}
    found = {
        f"{source.name}: {node.attr if isinstance(node, ast.Attribute) else node.id}"
        for source in PREVIEW_SOURCES.glob("*.py")
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
        if (isinstance(node, ast.Attribute) and node.attr in banned)
        or (isinstance(node, ast.Name) and node.id in banned)
    }
    assert found == set()
    assigned_limit = "MAX_IMAGE_PIXELS ="
    assert not any(
        assigned_limit in source.read_text(encoding="utf-8")
        for source in PREVIEW_SOURCES.glob("*.py")
    )
