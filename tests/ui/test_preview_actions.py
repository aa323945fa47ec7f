"""The preview pane's file actions: "Open folder" without a file manager, "Save as…" defaults."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from studio.ui.preview import PreviewItem, PreviewPane
from studio.ui.preview.save_target import name_filters, sanitised_stem, suggested_file_name
from tests.conftest import wait_until
from tests.fakes.preview_media import make_png, make_wav

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot


@pytest.fixture
def pane(qtbot: QtBot) -> Iterator[PreviewPane]:
    widget = PreviewPane(autoplay_video=False)
    qtbot.addWidget(widget)
    widget.resize(520, 420)
    widget.show()
    yield widget
    widget.clear()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh home with no XDG user-dirs file (so Pictures is ~/Pictures); no folder was used
    yet (each test has its own STUDIO_HOME)."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / ".config"))
    return folder


def _open_save_dialog(pane: PreviewPane) -> QFileDialog:
    pane.save_button.click()
    dialogs = [d for d in pane.findChildren(QFileDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def _dialog_folder(dialog: QFileDialog) -> Path:
    return Path(dialog.directory().absolutePath())


def test_open_folder_without_a_file_manager_says_where_the_file_is(
    pane: PreviewPane, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []

    def refuse(url: QUrl) -> bool:
        opened.append(url)
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(refuse))
    image = make_png(tmp_path / "out.png", 8, 8)
    pane.show_outputs([PreviewItem("image", image), PreviewItem("image", image)])
    assert pane.notice_text() == ""

    pane.open_folder_button.click()

    assert [Path(url.toLocalFile()) for url in opened] == [tmp_path]
    assert pane.notice_text() == f"Could not open a file manager. The file is in {tmp_path}"
    assert pane.notice_label.textFormat() == Qt.TextFormat.PlainText
    assert pane.notice_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    pane.show_next()
    assert pane.notice_text() == ""


def test_open_folder_that_works_shows_no_notice(
    pane: PreviewPane, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _url: True))
    pane.show_outputs([PreviewItem("image", make_png(tmp_path / "out.png", 8, 8))])

    pane.open_folder_button.click()

    assert pane.notice_text() == ""


def test_save_as_starts_in_pictures_with_a_named_png(
    pane: PreviewPane, home: Path, tmp_path: Path
) -> None:
    (home / "Pictures").mkdir()
    image = make_png(tmp_path / "3f9a1c0e77d2.png", 8, 8)
    pane.show_outputs([PreviewItem("image", image, prompt="A red fox, in snow!")])

    dialog = _open_save_dialog(pane)

    assert _dialog_folder(dialog) == home / "Pictures"
    assert Path(dialog.selectedFiles()[0]).name == "A-red-fox-in-snow.png"
    assert dialog.nameFilters()[0] == "PNG image (*.png)"
    assert dialog.selectedNameFilter() == "PNG image (*.png)"
    assert dialog.defaultSuffix() == "png"
    dialog.reject()


def test_save_as_without_a_music_folder_starts_at_home(
    pane: PreviewPane, home: Path, tmp_path: Path
) -> None:
    song = make_wav(tmp_path / "a1b2c3.wav", seconds=0.2)
    pane.show_outputs([PreviewItem("audio", song)])

    dialog = _open_save_dialog(pane)

    assert _dialog_folder(dialog) == home
    assert Path(dialog.selectedFiles()[0]).name == "a1b2c3.wav"  # no title: the file's own name
    assert dialog.nameFilters() == ["WAV audio (*.wav)", "All files (*)"]
    dialog.reject()


@pytest.mark.asyncio
async def test_save_as_reopens_in_the_folder_last_used(
    pane: PreviewPane, home: Path, tmp_path: Path
) -> None:
    (home / "Pictures").mkdir()
    saved: list[str] = []
    pane.file_saved.connect(saved.append)
    pane.show_outputs([PreviewItem("image", make_png(tmp_path / "x.png", 8, 8), title="Flux")])
    export = tmp_path / "export"
    export.mkdir()

    first = _open_save_dialog(pane)
    first.fileSelected.emit(str(export / "mine.png"))
    first.reject()
    await wait_until(lambda: bool(saved))

    other = PreviewPane()
    try:
        other.show_outputs([PreviewItem("text", None, text="hello")])
        other.show()
        second = _open_save_dialog(other)
        assert _dialog_folder(second) == export  # shared by every pane in this run
        second.reject()
    finally:
        other.close()
        other.deleteLater()


def test_suggested_names() -> None:
    fox = PreviewItem("image", Path("/cache/9f8e7d.webp"), title="fal-ai · flux · 2/3")
    assert suggested_file_name(fox) == "fal-ai-flux-2-3.webp"
    assert suggested_file_name(PreviewItem("image", Path("/cache/9f8e7d.webp"))) == "9f8e7d.webp"
    assert suggested_file_name(PreviewItem("text", None, text='{"a": 1}')) == "output.json"
    assert suggested_file_name(PreviewItem("text", None, text="hi", prompt="猫 在月亮上")) == (
        "猫-在月亮上.txt"
    )


def test_sanitised_stem_is_safe_and_short() -> None:
    stem = sanitised_stem("a/b\\c:d*e?" + " word" * 30)

    assert stem.startswith("a-b-c-d-e-word")
    assert len(stem) <= 60
    assert not stem.endswith("-")
    assert not set(stem) & set('/\\:*?"<> ')
    assert sanitised_stem("  ...  ") == ""


def test_name_filters_for_unknown_types() -> None:
    item = PreviewItem("other", Path("/cache/model.glb"))

    assert name_filters(item) == ["GLB file (*.glb)", "All files (*)"]
