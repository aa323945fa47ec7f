"""A full disk: recognised in errors, and a small reserve of space kept for the last writes.

When a disk fills up, the writes that matter most are the last ones: marking a job "not sent"
so it is not sent at the next start. A reserve file (``Reserve``) holds a little space, given
back the moment a write fails for lack of it, so those writes still fit.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
from typing import TYPE_CHECKING, Final

from studio.core.paths._private import PRIVATE_FILE_MODE

if TYPE_CHECKING:
    from pathlib import Path

RESERVE_BYTES: Final = 256 * 1024
_ROOM_FACTOR: Final = 16  # a reserve is only taken when the disk has this many times more free
_FULL_ERRNOS: Final = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})


def is_disk_full(error: BaseException) -> bool:
    """A write failed because the disk (or the user's quota) is full; SQLite's too."""
    if isinstance(error, OSError):
        return error.errno in _FULL_ERRNOS
    if isinstance(error, sqlite3.OperationalError):
        return getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
    return False


class Reserve:
    """A file of ``size`` real bytes, deleted to make room when the disk is full."""

    def __init__(self, path: Path, size: int = RESERVE_BYTES) -> None:
        self.path = path
        self.size = size

    def keep(self) -> bool:
        """Make sure the reserve exists (when the disk has plenty of room); True if it does."""
        try:
            if self.path.is_file() and self.path.stat().st_size >= self.size:
                return True
            if shutil.disk_usage(self.path.parent).free < self.size * _ROOM_FACTOR:
                return False
            flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
            descriptor = os.open(self.path, flags, PRIVATE_FILE_MODE)
            try:
                os.write(descriptor, b"\0" * self.size)  # real blocks, not a sparse file
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
        except OSError:
            with contextlib.suppress(OSError):
                self.path.unlink(missing_ok=True)
            return False
        return True

    def release(self) -> bool:
        """Give the space back; True when there was a reserve to give."""
        try:
            self.path.unlink()
        except OSError:
            return False
        return True
