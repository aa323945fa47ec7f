"""The C heap of a process whose worker threads allocate (library reads, downloads, previews).

glibc gives every thread that allocates while another holds the heap lock an arena of its own,
up to eight per core, and memory freed in an arena mostly stays with it: after scrolling a large
gallery, decode threads (when thumbnails were made in threads) had left ~20 MB resident that no
one used. Two arenas keep the threads from queueing on one lock while bounding what they can
strand.

``trim_heap()`` hands the heap's free pages back to the system: after start-up, and after each
gallery read (a page's rows come as JSON text and lists made and dropped in the reading thread;
scrolling 100,000 rows left ~5 MB more resident without it: make bench, gallery).
"""

from __future__ import annotations

import contextlib
import functools
import sys
from typing import Any, Final

_M_ARENA_MAX: Final = -8  # glibc's mallopt() parameter number
ARENAS: Final = 2


@functools.cache  # a process-wide setting: once is enough
def limit_arenas() -> None:
    """Cap glibc's arenas (before threads start allocating); elsewhere nothing happens."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes  # here: only this once, on Linux

    with contextlib.suppress(OSError, AttributeError):  # another C library: no mallopt
        ctypes.CDLL(None).mallopt(_M_ARENA_MAX, ARENAS)


def trim_heap() -> bool:
    """glibc's malloc_trim(0): free memory back to the system, from every arena; whether any
    was (elsewhere nothing happens). Any thread; ~0.1-1 ms."""
    libc = _libc()
    if libc is None:
        return False
    with contextlib.suppress(OSError, AttributeError):
        return bool(libc.malloc_trim(0))
    return False


@functools.cache
def _libc() -> Any:  # ctypes.CDLL, or None off Linux
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # here: only on Linux

    with contextlib.suppress(OSError):
        return ctypes.CDLL(None)
    return None
