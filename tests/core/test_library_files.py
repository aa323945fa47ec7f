"""Library file naming: targets chosen by us, always inside the root, never overwriting; hashing."""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import pytest

from studio.core.library import Library, LibraryError
from studio.core.library import _files as library_files
from studio.core.media import sha256_file

if TYPE_CHECKING:
    from collections.abc import Iterator

JUNE_2024 = 1_718_000_000.0  # 2024-06-10 UTC


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(tmp_path / "library.sqlite3", clock=lambda: JUNE_2024)
    yield library
    library.close()


def _inside(lib: Library, path: Path) -> bool:
    return path.resolve().is_relative_to(lib.outputs_root.resolve())


def test_target_layout(lib: Library) -> None:
    path = lib.output_path_for("job-1", 0, "image/png", "https://cdn.example/x/y.jpg")
    assert path == lib.outputs_root.resolve() / "2024-06" / "job-1-0.png"
    assert path.parent.is_dir() and not path.exists()


@pytest.mark.parametrize(
    ("media_type", "url", "extension"),
    [
        ("image/jpeg", "", "jpg"),
        ("video/mp4; codecs=avc1", "", "mp4"),
        ("audio/mpeg", "https://c/a.wav", "mp3"),
        (None, "https://c/files/clip.WEBM?sig=abc#frag", "webm"),
        ("application/x-unknown-thing", "https://c/a.flac", "flac"),
        (None, "https://c/noext", "bin"),
        (None, "https://c/a.toolongext", "bin"),
        (None, "https://c/a.p%2Fng", "bin"),
        (None, "https://c/evil.sh%00.png", "png"),
        (None, "", "bin"),
        ("", "https://c/..", "bin"),
    ],
)
def test_extension_choice(lib: Library, media_type: str | None, url: str, extension: str) -> None:
    path = lib.output_path_for("j", 0, media_type, url)
    assert path.suffix == f".{extension}"
    assert path.name == f"j-0.{extension}"


@pytest.mark.parametrize(
    "url",
    [
        "../../evil.sh",
        "https://cdn/../../../../etc/passwd",
        "https://cdn/%2e%2e%2f%2e%2e%2fevil.sh",
        "/etc/passwd",
        "C:\\Windows\\system32\\evil.dll",
        "file:///etc/shadow",
        "https://cdn/..\\..\\evil.bat",
    ],
)
def test_server_urls_cannot_choose_the_location(lib: Library, url: str) -> None:
    path = lib.output_path_for("j", 1, None, url)
    assert _inside(lib, path)
    assert path.parent == lib.outputs_root.resolve() / "2024-06"
    assert path.stem == "j-1"


@pytest.mark.parametrize(
    "local_id", ["../../escape", "/abs/path", "a/b\\c", "ünïcødé-名前", "\u202eexe.png", "", "..."]
)
def test_weird_local_ids_stay_inside(lib: Library, local_id: str) -> None:
    path = lib.output_path_for(local_id, 0, "image/png", "")
    assert _inside(lib, path)
    assert path.parent == lib.outputs_root.resolve() / "2024-06"
    assert path.name.isascii() and "/" not in path.name and ".." not in path.stem


def test_existing_files_are_never_overwritten(lib: Library) -> None:
    first = lib.output_path_for("j", 0, "image/png", "")
    first.write_bytes(b"one")
    second = lib.output_path_for("j", 0, "image/png", "")
    assert second.name == "j-0-1.png"
    third = lib.output_path_for("j", 0, "image/png", "")  # reserved, not yet written
    assert third.name == "j-0-2.png"
    assert first.read_bytes() == b"one"


def test_reservation_ends_when_the_file_is_recorded(lib: Library) -> None:
    lib.create_job("j", "e", {"prompt": "p"})
    output_id = lib.add_output("j", 0, "image", None)
    target = lib.output_path_for("j", 0, "image/png", "")
    target.write_bytes(b"x")
    lib.set_output_file(output_id, target, sha256_file(target), 1)
    target.unlink()  # e.g. deleted on disk: the name is free again
    assert lib.output_path_for("j", 0, "image/png", "") == target


def test_ensure_inside_rejects_escapes(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (tmp_path / "outside").mkdir()
    (root / "link").symlink_to(tmp_path / "outside")
    for bad in (Path("../x"), Path("/etc/passwd"), Path("link/file"), Path()):
        with pytest.raises(LibraryError):
            library_files.ensure_inside(root, bad)
    assert library_files.ensure_inside(root, Path("a/b.png")) == root.resolve() / "a" / "b.png"


def test_sha256_file(tmp_path: Path) -> None:
    data = b"x" * (3 * 1024 * 1024 + 5)  # several chunks
    path = tmp_path / "blob"
    path.write_bytes(data)
    assert sha256_file(path) == hashlib.sha256(data).hexdigest()


def _as_pure_path_reads_it(root: Path, relative: str | None) -> Path | None:
    """What lexically_inside answered when it parsed with PurePosixPath (before issue 12)."""
    if relative is None:
        return None
    stored = PurePosixPath(relative)
    parts = stored.parts
    unsafe = any(part == ".." or ":" in part or "\\" in part for part in parts)
    if stored.is_absolute() or not parts or unsafe:
        return None
    return root.joinpath(*parts)


@pytest.mark.parametrize(
    "relative",
    [None, "", "/", "//", ".", "./", "..", "a", "a/b", "a//b", "./a", "a/./b", "a/.", "a/b/",
     "a/..", "a/../b", "../a", "/a", "//a", "a:b", "a\\b", "a/b:c", "..a", "a..", "a/.../b",
     "media/2024/06/é ü.png", " a", "a /b"],
)  # fmt: skip
def test_stored_paths_are_read_as_posix_paths_are(relative: str | None) -> None:
    """Plain string work (a gallery page reads one path per row), with PurePosixPath's answers:
    empty and "." parts dropped; absolute, "..", drive-like and backslashed paths refused."""
    root = Path("/library/outputs")
    expected = _as_pure_path_reads_it(root, relative)
    assert library_files.lexically_inside(root, relative) == expected
