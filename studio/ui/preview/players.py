"""Qt Multimedia loaded in a worker thread before the first video or audio output is shown.

The first video preview imported Qt Multimedia and started its player on the GUI thread: ~35 ms
warm, ~120 ms in a busy queue (make bench, queue_stall), most of it the dynamic loader mapping
Qt Multimedia, its FFmpeg plugin and what that links (Qt Quick, Qml, Network, FFmpeg). Python's
import holds the interpreter while the loader works, so loading from a worker thread by import
alone would stall the GUI thread all the same. ``load_player_libraries()`` first asks the dynamic
loader itself for those files, through a foreign call that lets go of the interpreter, then
imports the bindings; afterwards the GUI thread's import finds everything loaded and a player
starts in ~1 ms. Where there is no ``dlopen`` (Windows) only the imports happen.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import os
from typing import TYPE_CHECKING, Final

from studio.ui.readahead import package_dir

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

_LIBRARIES: Final = ("libQt6Multimedia.so.[0-9]", "libQt6MultimediaWidgets.so.[0-9]")
_MODULES: Final = ("PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets")


def player_library_files() -> list[Path]:
    """Qt Multimedia's libraries and its backend plugins, in the order they are loaded."""
    pyside = package_dir("PySide6")
    if pyside is None:
        return []
    qt = pyside / "Qt"
    found = [path for pattern in _LIBRARIES for path in sorted((qt / "lib").glob(pattern))]
    found += sorted((qt / "plugins" / "multimedia").glob("*.so"))
    return found


def load_player_libraries() -> int:
    """Loads Qt Multimedia (for a worker thread): how many libraries the loader took."""
    loaded = 0
    open_library = _dlopen()
    if open_library is not None:
        flags = os.RTLD_NOW | os.RTLD_LOCAL  # as Python and Qt's plugin loader open them
        for path in player_library_files():
            with contextlib.suppress(OSError, ValueError):
                if open_library(os.fsencode(path), flags):  # never closed: Qt keeps them too
                    loaded += 1
    for name in _MODULES:
        importlib.import_module(name)
    return loaded


def _dlopen() -> Callable[[bytes, int], int | None] | None:
    """libc's dlopen as a foreign function: ctypes releases the interpreter around the call
    (``ctypes.CDLL`` itself does not)."""
    if os.name != "posix":
        return None
    try:
        function = ctypes.CDLL(None).dlopen
    except (AttributeError, OSError):
        return None
    function.restype = ctypes.c_void_p
    function.argtypes = [ctypes.c_char_p, ctypes.c_int]
    return function
