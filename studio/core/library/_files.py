"""Files of the library: safe output names inside the root, hashing, deletion and export copies."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from studio.core.library._types import LibraryError
from studio.core.paths import existing_sidecar, sidecar_path, sidecar_paths

if TYPE_CHECKING:
    from collections.abc import Iterable

_UNSAFE_STEM_CHARS: Final = re.compile(r"[^A-Za-z0-9_-]+")


def safe_stem(text: str, fallback: str = "output") -> str:
    """A file-name stem of plain ASCII letters, digits, '-' and '_' (no dots, no separators)."""
    stem = _UNSAFE_STEM_CHARS.sub("_", text).strip("_")[:80]
    return stem or fallback


def ensure_inside(root: Path, path: Path) -> Path:
    """The resolved path, or LibraryError when it is not strictly inside root."""
    resolved_root = root.resolve()
    resolved = (resolved_root / path).resolve()
    if resolved == resolved_root or not resolved.is_relative_to(resolved_root):
        raise LibraryError(f"path escapes the library folder: {path}")
    return resolved


def lexically_inside(root: Path, relative: str | None) -> Path | None:
    """root/relative when the stored path is a plain relative one; no file-system calls."""
    # Plain string work, as PurePosixPath would split it (empty and "." parts dropped): a
    # gallery page makes one per row, and parsing each path twice was half of its time.
    if relative is None or relative.startswith("/") or ":" in relative or "\\" in relative:
        return None
    parts = [part for part in relative.split("/") if part and part != "."]
    if not parts or ".." in parts:
        return None
    return root.joinpath(*parts)


def relative_inside(root: Path, path: Path) -> str:
    """The POSIX path of `path` relative to root, checked to be inside it."""
    resolved = ensure_inside(root, path)
    return resolved.relative_to(root.resolve()).as_posix()


def unique_path(candidate: Path, taken: set[Path] | None = None) -> Path:
    """candidate, or candidate with -1, -2… before the suffix when it, or a sidecar of that
    name, exists or is taken (a file and its sidecar always share the stem)."""
    taken = taken or set()
    path = candidate
    counter = 0
    while path in taken or any(p.exists() for p in (path, *sidecar_paths(path))):
        counter += 1
        path = candidate.with_name(f"{candidate.stem}-{counter}{candidate.suffix}")
    return path


def delete_with_sidecar(root: Path, relative: str) -> list[Path]:
    """Delete an output file and its sidecar (either name) if inside root; returns what was
    removed.

    Raises OSError when the file exists but cannot be removed, so its row is kept.
    """
    target = ensure_inside(root, Path(relative))
    removed: list[Path] = []
    for path in (target, *sidecar_paths(target)):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
    return removed


@dataclass(frozen=True, slots=True)
class ExportSource:
    """One file to export: where it is, the name it gets, and the sidecar to write when the
    file has none beside it."""

    path: Path
    name: str
    sidecar: bytes | None = None


def copy_to_folder(sources: Iterable[ExportSource], folder: Path) -> list[Path]:
    """Copy each file under its export name (plus its sidecar: the one beside it, else the bytes
    given) into folder; a name already there gets -1, -2…"""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for source in sources:
        target = unique_path(folder / source.name)
        shutil.copy2(source.path, target)
        written.append(target)
        written += _export_sidecar(source, target)
    return written


def _export_sidecar(source: ExportSource, target: Path) -> list[Path]:
    existing = existing_sidecar(source.path)
    if existing is not None:
        shutil.copy2(existing, sidecar_path(target))
    elif source.sidecar is not None:
        sidecar_path(target).write_bytes(source.sidecar)
    else:
        return []
    return [sidecar_path(target)]


def write_zip(sources: Iterable[ExportSource], zip_path: Path) -> list[Path]:
    """Write files (under their export names) and sidecars into a zip, atomically (temp file
    then rename)."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    names: set[str] = set()
    descriptor, temp_name = tempfile.mkstemp(dir=zip_path.parent, suffix=".zip.part")
    os.close(descriptor)
    try:
        with zipfile.ZipFile(temp_name, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for source in sources:
                name = _unique_member(source.name, names)
                archive.write(source.path, name)
                sidecar_name = sidecar_path(Path(name)).name
                existing = existing_sidecar(source.path)
                if existing is not None:
                    archive.write(existing, sidecar_name)
                elif source.sidecar is not None:
                    archive.writestr(sidecar_name, source.sidecar)
        Path(temp_name).replace(zip_path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return [zip_path]


def _unique_member(name: str, taken: set[str]) -> str:
    """name, or name with -1, -2… before its suffix, so that no two members (nor their
    sidecars) share a stem."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    candidate, counter = name, 0
    while _stem_of(candidate) in taken:
        counter += 1
        candidate = f"{stem}-{counter}.{suffix}" if dot else f"{stem}-{counter}"
    taken.add(_stem_of(candidate))
    return candidate


def _stem_of(name: str) -> str:
    return name.rpartition(".")[0] or name
