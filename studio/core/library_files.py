"""Files of the library: safe output names inside the root, hashing, deletion and export copies."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Final
from urllib.parse import unquote, urlsplit

from studio.core.library_types import LibraryError

if TYPE_CHECKING:
    from collections.abc import Iterable

_EXTENSIONS: Final = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/jpg": "jpg",
    "image/webp": "webp",
    "image/gif": "gif",
    "image/avif": "avif",
    "image/heic": "heic",
    "image/bmp": "bmp",
    "image/tiff": "tiff",
    "video/mp4": "mp4",
    "video/webm": "webm",
    "video/quicktime": "mov",
    "video/x-matroska": "mkv",
    "audio/mpeg": "mp3",
    "audio/mp3": "mp3",
    "audio/wav": "wav",
    "audio/x-wav": "wav",
    "audio/wave": "wav",
    "audio/ogg": "ogg",
    "audio/opus": "opus",
    "audio/flac": "flac",
    "audio/aac": "aac",
    "audio/mp4": "m4a",
    "audio/webm": "webm",
    "text/plain": "txt",
    "application/json": "json",
}
_SAFE_EXTENSION: Final = re.compile(r"[a-z0-9]{1,5}")
_UNSAFE_STEM_CHARS: Final = re.compile(r"[^A-Za-z0-9_-]+")
_CHUNK: Final = 1024 * 1024


def sanitize_extension(candidate: str | None) -> str | None:
    """``candidate`` lower-cased without a dot if it is 1–5 of [a-z0-9], else None."""
    if not candidate:
        return None
    candidate = candidate.strip().lower().lstrip(".")
    return candidate if _SAFE_EXTENSION.fullmatch(candidate) else None


def extension_for(media_type: str | None, url: str | None) -> str:
    """An extension we chose: from the media type, else the URL's suffix, else "bin"."""
    if media_type:
        base = media_type.split(";", 1)[0].strip().lower()
        known = _EXTENSIONS.get(base) or mimetypes.guess_extension(base)
        cleaned = sanitize_extension(known) if known else None
        if cleaned:
            return cleaned
    if url:
        last_segment = unquote(urlsplit(url).path).replace("\\", "/").rsplit("/", 1)[-1]
        if "." in last_segment:
            cleaned = sanitize_extension(last_segment.rsplit(".", 1)[-1])
            if cleaned:
                return cleaned
    return "bin"


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
    if relative is None:
        return None
    stored = PurePosixPath(relative)
    parts = stored.parts
    unsafe = any(part == ".." or ":" in part or "\\" in part for part in parts)
    if stored.is_absolute() or not parts or unsafe:
        return None
    return root.joinpath(*parts)


def relative_inside(root: Path, path: Path) -> str:
    """The POSIX path of `path` relative to root, checked to be inside it."""
    resolved = ensure_inside(root, path)
    return resolved.relative_to(root.resolve()).as_posix()


def unique_path(candidate: Path, taken: set[Path] | None = None) -> Path:
    """candidate, or candidate with -1, -2… before the suffix when it exists or is taken."""
    taken = taken or set()
    path = candidate
    counter = 0
    while path.exists() or path in taken:
        counter += 1
        path = candidate.with_name(f"{candidate.stem}-{counter}{candidate.suffix}")
    return path


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def sidecar_of(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def delete_with_sidecar(root: Path, relative: str) -> list[Path]:
    """Delete an output file and its sidecar if inside root; returns what was removed.

    Raises OSError when the file exists but cannot be removed, so its row is kept.
    """
    target = ensure_inside(root, Path(relative))
    removed: list[Path] = []
    for path in (target, sidecar_of(target)):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
    return removed


def copy_to_folder(sources: Iterable[tuple[Path, bytes | None]], folder: Path) -> list[Path]:
    """Copy each file (plus its sidecar: the bytes given, else the one beside it) into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for source, sidecar_bytes in sources:
        target = unique_path(folder / source.name)
        shutil.copy2(source, target)
        written.append(target)
        written += _export_sidecar(source, target, sidecar_bytes)
    return written


def _export_sidecar(source: Path, target: Path, sidecar_bytes: bytes | None) -> list[Path]:
    existing = sidecar_of(source)
    if existing.exists():
        shutil.copy2(existing, sidecar_of(target))
    elif sidecar_bytes is not None:
        sidecar_of(target).write_bytes(sidecar_bytes)
    else:
        return []
    return [sidecar_of(target)]


def write_zip(sources: Iterable[tuple[Path, bytes | None]], zip_path: Path) -> list[Path]:
    """Write files and sidecars into a zip, atomically (temp file then rename)."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    names: set[str] = set()
    descriptor, temp_name = tempfile.mkstemp(dir=zip_path.parent, suffix=".zip.part")
    os.close(descriptor)
    try:
        with zipfile.ZipFile(temp_name, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for source, sidecar_bytes in sources:
                name = _unique_member(source.name, names)
                archive.write(source, name)
                existing = sidecar_of(source)
                if existing.exists():
                    archive.write(existing, name + ".json")
                elif sidecar_bytes is not None:
                    archive.writestr(name + ".json", sidecar_bytes)
        Path(temp_name).replace(zip_path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return [zip_path]


def _unique_member(name: str, taken: set[str]) -> str:
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    candidate, counter = name, 0
    while candidate in taken:
        counter += 1
        candidate = f"{stem}-{counter}.{suffix}" if dot else f"{stem}-{counter}"
    taken.add(candidate)
    return candidate
