"""The C heap of a process whose worker threads allocate (library reads, downloads, previews).

glibc gives every thread that allocates while another holds the heap lock an arena of its own,
up to eight per core, and memory freed in an arena mostly stays with it: after scrolling a large
gallery, decode threads (when thumbnails were made in threads) had left ~20 MB resident that no
one used. Two arenas keep the threads from queueing on one lock while bounding what they can
strand.
"""

from __future__ import annotations

import contextlib
import functools
import sys
from typing import Final

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
