"""Ask the kernel to read the media libraries into its page cache once the studio has started.

The first video preview imports Qt Multimedia and starts its player on the GUI thread, and the
first finished output is probed with PyAV; both load tens of MB of shared libraries. From a cold
disk cache that took the GUI thread 195 ms during a busy queue (make bench, queue_stall), from a
warm one ~35 ms. ``read_ahead_media()`` names those files to the kernel (``posix_fadvise``
WILLNEED) in a worker thread, after start-up: the kernel reads them in the background. Nothing is
loaded into the studio, so its memory does not grow; where the call does not exist, nothing
happens.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import os
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

# Qt's multimedia, its FFmpeg and plugin; the bindings; PyAV, Pillow and numpy with their libs.
# Qt loads these by their soname (name.so.MAJOR): the wheel's other copies are never read.
_QT_LIBRARIES: Final = (
    "libQt6Multimedia.so.[0-9]",
    "libQt6MultimediaWidgets.so.[0-9]",
    "libQt6Network.so.[0-9]",
    "libav*.so.[0-9][0-9]",
    "libsw*.so.[0-9]",
)
_PACKAGES: Final = ("av", "PIL", "numpy")
_LIBRARY_SUFFIXES: Final = (".so", ".pyd", ".dylib")


def media_library_files() -> list[Path]:
    """The shared libraries the studio loads only when it first shows or probes media."""
    found: list[Path] = []
    qt = package_dir("PySide6")
    if qt is not None:
        for pattern in _QT_LIBRARIES:
            found += sorted((qt / "Qt" / "lib").glob(pattern))
        found += sorted((qt / "Qt" / "plugins" / "multimedia").glob("*"))
        found += sorted(qt.glob("QtMultimedia*"))
        found += sorted(qt.glob("QtNetwork*"))
    for package in _PACKAGES:
        folder = package_dir(package)
        if folder is not None:
            found += _libraries_in([folder, folder.with_name(f"{folder.name}.libs")])
            found += _libraries_in([folder.with_name(f"{package.lower()}.libs")])
    return [path for path in dict.fromkeys(path.resolve() for path in found) if path.is_file()]


def advise(files: Iterable[Path]) -> int:
    """Tell the kernel each file will be needed soon; how many it was told of."""
    advise_call = getattr(os, "posix_fadvise", None)
    if advise_call is None:
        return 0
    told = 0
    for path in files:
        with contextlib.suppress(OSError):
            descriptor = os.open(path, os.O_RDONLY)
            try:
                advise_call(descriptor, 0, 0, os.POSIX_FADV_WILLNEED)
                told += 1
            finally:
                os.close(descriptor)
    return told


async def read_ahead_media() -> int:
    """Name the media libraries to the kernel from a worker thread; how many files."""
    return await asyncio.to_thread(lambda: advise(media_library_files()))


def package_dir(name: str) -> Path | None:
    """Where an installed package lives, without importing it."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _libraries_in(folders: Iterable[Path]) -> Iterator[Path]:
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.suffix in _LIBRARY_SUFFIXES or ".so." in path.name:
                    yield path
