"""File dialogs start in the folder last used, else Pictures/Videos/Music by kind — never the
folder the app was started in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QFileDialog

from studio.core.schema import FieldKind, FieldSpec, MediaKind
from studio.ui.file_folders import OPEN, SAVE, remember_folder, start_folder
from studio.ui.forms.media_field import MediaField

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh home whose user folders are the usual ones (no XDG user-dirs file)."""
    folder = tmp_path / "home"
    for name in ("Pictures", "Videos", "Music", "Documents"):
        (folder / name).mkdir(parents=True)
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / ".config"))
    monkeypatch.chdir(tmp_path)  # "the project folder": where the app was started
    return folder


def test_dialogs_start_by_kind_then_in_the_folder_last_used(home: Path, tmp_path: Path) -> None:
    assert start_folder(OPEN, "image") == home / "Pictures"
    assert start_folder(OPEN, "video") == home / "Videos"
    assert start_folder(OPEN, "audio") == home / "Music"
    assert start_folder(SAVE, "text") == home / "Documents"
    assets = tmp_path / "assets"
    assets.mkdir()
    remember_folder(OPEN, assets / "still.png")
    assert start_folder(OPEN, "video") == assets  # the last folder, whatever the kind
    assert start_folder(SAVE, "image") == home / "Pictures"  # saving has its own
    assets.rmdir()
    assert start_folder(OPEN, "image") == home / "Pictures"  # gone: back to the default


def _visible_dialog(field: MediaField) -> QFileDialog:
    [dialog] = [d for d in field.findChildren(QFileDialog) if d.isVisible()]
    return dialog


def test_a_media_field_opens_where_the_last_file_was_chosen(
    home: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    spec = FieldSpec(name="audio_url", kind=FieldKind.MEDIA, title="Audio", media=MediaKind.AUDIO)
    field = MediaField(spec)
    qtbot.addWidget(field)
    field.show()
    field._choose.click()
    first = _visible_dialog(field)
    assert Path(first.directory().absolutePath()) == home / "Music"
    take = tmp_path / "takes" / "take 1.wav"
    take.parent.mkdir()
    take.write_bytes(b"RIFF")
    first.fileSelected.emit(str(take))
    first.reject()
    other = MediaField(spec)
    qtbot.addWidget(other)
    other.show()
    other._choose.click()
    second = _visible_dialog(other)
    assert Path(second.directory().absolutePath()) == take.parent
    second.reject()
