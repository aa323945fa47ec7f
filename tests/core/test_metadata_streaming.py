"""Embedding metadata streams the file: memory stays small however large the output is (§3)."""

from __future__ import annotations

import struct
import tracemalloc
import zlib
from typing import TYPE_CHECKING

import pytest

from studio.core.media import build_request, embed_metadata, read_metadata
from studio.core.media._containers import ContainerError

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

LARGE = 48 * 1024 * 1024
PIECE = b"\x5a" * (1024 * 1024)
REQUEST = build_request("acme/pixel/text-to-image", {"prompt": "a very large lighthouse"})


def _write_large(path: Path, head: bytes, filler: int, tail: bytes) -> Path:
    """``head``, then ``filler`` bytes written a megabyte at a time, then ``tail``."""
    with path.open("wb") as out:
        out.write(head)
        for _ in range(filler // len(PIECE)):
            out.write(PIECE)
        out.write(tail)
    return path


def _png_chunk_header(kind: bytes, length: int) -> bytes:
    return struct.pack(">I", length) + kind


def large_png(path: Path) -> Path:
    ihdr = struct.pack(">IIBBBBB", 4000, 3000, 8, 6, 0, 0, 0)
    head = b"\x89PNG\r\n\x1a\n" + _png_chunk_header(b"IHDR", 13) + ihdr
    head += struct.pack(">I", zlib.crc32(b"IHDR" + ihdr)) + _png_chunk_header(b"IDAT", LARGE)
    iend = struct.pack(">I", 0) + b"IEND" + struct.pack(">I", zlib.crc32(b"IEND"))
    return _write_large(path, head, LARGE, b"\x00\x00\x00\x00" + iend)


def large_jpeg(path: Path) -> Path:
    app0 = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0\x00\x11\x08\x0b\xb8\x0f\xa0\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    sos = b"\xff\xda\x00\x0c\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00"
    return _write_large(path, b"\xff\xd8" + app0 + sof + sos, LARGE, b"\xff\xd9")


def large_webp(path: Path) -> Path:
    bits = (4000 - 1) | ((3000 - 1) << 14)
    vp8l_head = b"\x2f" + struct.pack("<I", bits)
    payload = len(vp8l_head) + LARGE
    chunk = b"VP8L" + struct.pack("<I", payload) + vp8l_head
    riff = b"RIFF" + struct.pack("<I", 4 + 8 + payload) + b"WEBP"
    return _write_large(path, riff + chunk, LARGE, b"")


@pytest.mark.parametrize(
    ("make", "name"),
    [(large_png, "big.png"), (large_jpeg, "big.jpg"), (large_webp, "big.webp")],
)
def test_embedding_a_large_file_keeps_memory_small(
    tmp_path: Path, make: Callable[[Path], Path], name: str
) -> None:
    path = make(tmp_path / name)
    size_before = path.stat().st_size
    tracemalloc.start()
    try:
        assert embed_metadata(path, REQUEST) is True
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024, f"peak {peak} bytes for a {size_before} byte file"
    assert path.stat().st_size > size_before
    assert read_metadata(path) == REQUEST
    with path.open("rb") as stream:  # the pixel data came through untouched
        stream.seek(path.stat().st_size // 2)
        assert stream.read(1024) == PIECE[:1024]
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_a_damaged_file_is_left_exactly_as_it_was(tmp_path: Path) -> None:
    path = large_png(tmp_path / "cut.png")
    with path.open("r+b") as stream:
        stream.truncate(LARGE // 2)  # the IDAT chunk now runs past the end of the file
    before = path.stat()
    with pytest.raises(ContainerError):
        embed_metadata(path, REQUEST)
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cut.png"]
