"""Where a file's sidecar is: ``<stem>.sidecar.json`` beside ``<stem>.<ext>``.

Earlier versions wrote ``<file name>.json``, which gave a transcript ``x.json`` the sidecar
``x.json.json``. Those are still read (and removed with their file); new ones are written under
the new name only, so no name ever carries an extension twice.
"""

from __future__ import annotations

import glob
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from pathlib import Path

SIDECAR_SUFFIX: Final = ".sidecar.json"
LEGACY_SIDECAR_SUFFIX: Final = ".json"
_UNFINISHED: Final = (".part", ".tmp")


def sidecar_path(path: Path) -> Path:
    """Where the sidecar of ``path`` is written: its name with ``.sidecar.json`` for its suffix."""
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    return path.with_name(stem + SIDECAR_SUFFIX)


def sidecar_paths(path: Path) -> tuple[Path, Path]:
    """Both names a sidecar of ``path`` may have: this version's, then the earlier one."""
    return sidecar_path(path), path.with_name(path.name + LEGACY_SIDECAR_SUFFIX)


def existing_sidecar(path: Path) -> Path | None:
    """The sidecar beside ``path`` under either name (this version's first), if there is one."""
    return next((candidate for candidate in sidecar_paths(path) if candidate.is_file()), None)


def sidecar_owner(path: Path) -> Path | None:
    """The file whose sidecar ``path`` is named as, when that file exists; else None.

    ``a-0.sidecar.json`` belongs to ``a-0.<anything>``; an earlier ``a-0.png.json`` to
    ``a-0.png``. A transcript ``a-0.json`` belongs to nobody: it is an output.
    """
    name = path.name
    if name.endswith(SIDECAR_SUFFIX):
        stem = name[: -len(SIDECAR_SUFFIX)]
        for candidate in sorted(path.parent.glob(glob.escape(stem) + ".*")):
            if _could_own(candidate, path):
                return candidate
        return None
    if name.endswith(LEGACY_SIDECAR_SUFFIX):
        owner = path.with_name(name[: -len(LEGACY_SIDECAR_SUFFIX)])
        return owner if owner.is_file() else None
    return None


def _could_own(candidate: Path, sidecar: Path) -> bool:
    name = candidate.name
    if candidate == sidecar or name.endswith((SIDECAR_SUFFIX, *_UNFINISHED)):
        return False
    return candidate.stem == sidecar.name[: -len(SIDECAR_SUFFIX)] and candidate.is_file()
