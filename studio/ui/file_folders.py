"""Where file dialogs start: the folder last used for that purpose (kept for the next start),
else the user's Pictures, Videos, Music or Documents folder by the kind of file.

Two purposes: OPEN (choosing input files for a form or Compare) and SAVE (Save as…, exports,
the request body). The folders come from QStandardPaths, so they are the platform's own on
Linux, macOS and Windows; never the folder the app was started in.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from studio.ui.window_state import window_state_store

OPEN = "open"
SAVE = "save"
_KEY = "folders/{}"

_Location = QStandardPaths.StandardLocation
_KIND_LOCATIONS: dict[str, QStandardPaths.StandardLocation] = {
    "image": _Location.PicturesLocation,
    "video": _Location.MoviesLocation,
    "audio": _Location.MusicLocation,
    "text": _Location.DocumentsLocation,
    "other": _Location.DocumentsLocation,
}
_FALLBACK_LOCATIONS = (_Location.DownloadLocation, _Location.HomeLocation)


def default_folder(kind: str) -> Path:
    """The user's Pictures, Videos, Music or Documents folder by kind if it exists, else
    Downloads, else home."""
    wanted = _KIND_LOCATIONS.get(kind)
    locations = (wanted, *_FALLBACK_LOCATIONS) if wanted is not None else _FALLBACK_LOCATIONS
    for location in locations:
        folder = QStandardPaths.writableLocation(location)
        if folder and Path(folder).is_dir():
            return Path(folder)
    return Path.home()


def last_folder(purpose: str) -> Path | None:
    """The folder last used for ``purpose`` if it still exists."""
    value = window_state_store().value(_KEY.format(purpose))
    if not isinstance(value, str) or not value:
        return None
    folder = Path(value)
    return folder if folder.is_dir() else None


def start_folder(purpose: str, kind: str) -> Path:
    """Where a dialog for ``purpose`` and a file of ``kind`` starts."""
    return last_folder(purpose) or default_folder(kind)


def remember_folder(purpose: str, chosen: Path) -> None:
    """The user chose ``chosen`` (a file, or a folder for a folder dialog): its folder is where
    the next dialog for ``purpose`` starts."""
    folder = chosen if chosen.is_dir() else chosen.parent
    window_state_store().setValue(_KEY.format(purpose), str(folder))
