"""Atomic, durable file replacement: a crash leaves the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
from pathlib import Path
from typing import IO, TYPE_CHECKING

from studio.core.paths._private import PRIVATE_FILE_MODE, private_dir

if TYPE_CHECKING:
    from collections.abc import Iterator

DEFAULT_FILE_MODE = PRIVATE_FILE_MODE


def write_atomically(path: Path, data: bytes, mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` through a synced temp file in the same folder.

    See ``atomic_writer``; ``mode`` defaults to the replaced file's mode, else 0600.
    """
    with atomic_writer(path, mode) as handle:
        handle.write(data)


@contextlib.contextmanager
def atomic_writer(path: Path, mode: int | None = None) -> Iterator[IO[bytes]]:
    """A file to write ``path``'s new content into; it replaces ``path`` when the block ends.

    The temp file is named ``.<name>.<random>.tmp`` so a crash's leftovers can be found and
    removed (see ``stale_temps``); an exception removes it and leaves ``path`` as it was.
    ``mode`` defaults to the replaced file's mode, else 0600 (the studio's files are private).
    The folder is synced after the rename, so the rename itself outlives a power cut.
    """
    private_dir(path.parent)
    descriptor, temp_name = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    temp = Path(temp_name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            mode = path.stat().st_mode & 0o7777 if path.exists() else DEFAULT_FILE_MODE
        temp.chmod(mode)
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def stale_temps(path: Path) -> list[Path]:
    """Temp files of interrupted ``write_atomically`` calls for ``path``."""
    return sorted(path.parent.glob(f".{glob.escape(path.name)}.*.tmp"))


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (a no-op where folders cannot be
    opened, as on Windows)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
