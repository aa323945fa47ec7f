"""Private files and folders: the studio's own data is readable by its user only (0600 / 0700).

Where the platform has no POSIX modes (Windows), the calls still create what was asked for and
the modes are simply not enforced. Folders the user chose that already exist are left as they
are; folders the studio creates, and its own folders, are made private.
"""

from __future__ import annotations

import contextlib
import os
from typing import IO, TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    from pathlib import Path

PRIVATE_DIR_MODE: Final = 0o700
PRIVATE_FILE_MODE: Final = 0o600


def private_dir(path: Path, *, tighten: bool = False) -> Path:
    """``path`` as a folder; every folder created on the way is 0700 (umask notwithstanding).

    ``Path.mkdir(parents=True, mode=...)`` gives the mode only to the last folder, so each
    missing one is made here. ``tighten`` also takes group/other access away from an existing
    ``path`` (for the studio's own folders, made world-readable by older versions).
    """
    missing = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another thread or process made it first
            folder.mkdir(mode=PRIVATE_DIR_MODE)
        _chmod(folder, PRIVATE_DIR_MODE)
    if tighten and not missing:
        make_private(path)
    return path


def make_private(path: Path) -> None:
    """Take group and other access away from an existing file or folder (never widen it)."""
    with contextlib.suppress(OSError):
        current = path.stat().st_mode & 0o7777
        if current & 0o077:
            _chmod(path, current & ~0o077)


def open_private(path: Path, how: Literal["wb", "ab"] = "wb") -> IO[bytes]:
    """Open a file for writing (truncating, or appending); created 0600 when it is new."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if how == "ab" else os.O_TRUNC)
    flags |= getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags, PRIVATE_FILE_MODE)
    try:
        return os.fdopen(descriptor, how)
    except BaseException:
        os.close(descriptor)
        raise


def _chmod(path: Path, mode: int) -> None:
    with contextlib.suppress(OSError):
        path.chmod(mode)
