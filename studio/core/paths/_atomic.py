"""Atomic, durable file replacement: a crash leaves the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
from pathlib import Path

DEFAULT_FILE_MODE = 0o644


def write_atomically(path: Path, data: bytes, mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` through a synced temp file in the same folder.

    The temp file is named ``.<name>.<random>.tmp`` so a crash's leftovers can be found and
    removed (see ``stale_temps``). ``mode`` defaults to the replaced file's mode, else 0644.
    The folder is synced after the rename, so the rename itself outlives a power cut.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temp_name = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    temp = Path(temp_name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            mode = path.stat().st_mode & 0o7777 if path.exists() else DEFAULT_FILE_MODE
        temp.chmod(mode)
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def stale_temps(path: Path) -> list[Path]:
    """Temp files of interrupted ``write_atomically`` calls for ``path``."""
    return sorted(path.parent.glob(f".{glob.escape(path.name)}.*.tmp"))


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; folders cannot be opened this way on Windows.
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
