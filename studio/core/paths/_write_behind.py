"""Writing a long file's bytes to disk while more of it is still coming (Linux).

A download buffers its bytes in the page cache; on a machine with plenty of memory the kernel
starts writing them only after half a minute, so the final fsync waited for all of them at once
(200 MiB: 0.3-0.5 s after the last byte came). ``WriteBehind`` asks the kernel to start writing
each finished stretch as the file grows (``sync_file_range(SYNC_FILE_RANGE_WRITE)``: it does not
wait, and the pages stay cached for the preview). It changes nothing of what is durable when: the
fsync at the end is still what makes the file safe. Elsewhere it does nothing.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Callable

STRETCH_BYTES: Final = 8 * 1024 * 1024
_SYNC_FILE_RANGE_WRITE: Final = 2  # linux/fs.h
_log = logging.getLogger("studio.paths")


class WriteBehind:
    """Told how far a file has been written (and flushed), starts writing each STRETCH_BYTES."""

    def __init__(self, fd: int, start: int = 0, stretch: int = STRETCH_BYTES) -> None:
        self._fd = fd
        self._written = start
        self._stretch = stretch
        self._start = _sync_file_range()

    def wrote(self, end: int) -> None:
        """Bytes up to offset `end` are in the kernel's hands (the file object was flushed)."""
        if self._start is None or end - self._written < self._stretch:
            return
        if self._start(self._fd, self._written, end - self._written, _SYNC_FILE_RANGE_WRITE) != 0:
            self._start = None  # not on this file system: the final fsync does it all
            _log.debug("sync_file_range refused; writing at the end only")
            return
        self._written = end


_CALL: list[Callable[[int, int, int, int], int] | None] = []


def _sync_file_range() -> Callable[[int, int, int, int], int] | None:
    """libc's sync_file_range, looked up once; None where there is none."""
    if not _CALL:
        _CALL.append(_look_up() if sys.platform.startswith("linux") else None)
    return _CALL[0]


def _look_up() -> Callable[[int, int, int, int], int] | None:
    import ctypes  # here: only on Linux, once, in a download's thread

    try:
        function = ctypes.CDLL(None, use_errno=True).sync_file_range
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint]
    function.restype = ctypes.c_int
    call: Callable[[int, int, int, int], int] = function
    return call
