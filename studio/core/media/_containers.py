"""Byte-level metadata blocks in PNG, JPEG and WebP files: written and read without touching pixels.

Editing the containers directly (text chunks, APP1 segments, RIFF chunks) keeps every pixel and
every other chunk exactly as the server sent it; a re-save through an encoder would not.

Everything works on open, seekable files and streams: only block headers and the small metadata
blocks are read into memory; pixel data is copied from file to file in bounded pieces, so a 2 GB
output costs a few megabytes to finish, not 2 GB. The canvas size is read from the headers too
(``image_size``), without decoding anything.
"""

from __future__ import annotations

import os
import struct
import zlib
from dataclasses import dataclass
from enum import StrEnum
from typing import IO, TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Mapping

PNG_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
XMP_PNG_KEYWORD: Final = "XML:com.adobe.xmp"
_JPEG_XMP_HEADER: Final = b"http://ns.adobe.com/xap/1.0/\x00"
_JPEG_XMP_EXTENSION: Final = b"http://ns.adobe.com/xmp/extension/\x00"
JPEG_XMP_MAX: Final = 0xFFFF - 2 - len(_JPEG_XMP_HEADER)
_TEXT_CHUNKS: Final = (b"tEXt", b"zTXt", b"iTXt")
_MAX_TEXT: Final = 8 * 1024 * 1024  # a compressed text chunk may not inflate past this
_MAX_KEYWORD: Final = 80  # PNG keywords are 1–79 bytes, then NUL
_WEBP_XMP_FLAG: Final = 0x04
_WEBP_ALPHA_FLAG: Final = 0x10
_COPY_PIECE: Final = 1024 * 1024
# JPEG start-of-frame markers (baseline, progressive, lossless…); not DHT (C4), JPG (C8), DAC (CC).
_JPEG_FRAMES: Final = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}

Stream = IO[bytes]


class ContainerFormat(StrEnum):
    PNG = "png"
    JPEG = "jpeg"
    WEBP = "webp"


class ContainerError(ValueError):
    """The bytes are not a well-formed file of the format they claim."""


def detect(head: bytes) -> ContainerFormat | None:
    """The format from a file's first 12 bytes (or more)."""
    if head.startswith(PNG_SIGNATURE):
        return ContainerFormat.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return ContainerFormat.JPEG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ContainerFormat.WEBP
    return None


def detect_stream(stream: Stream) -> ContainerFormat | None:
    stream.seek(0)
    return detect(stream.read(12))


@dataclass(frozen=True, slots=True)
class Block:
    """One chunk or segment of a file: its type, where it starts and its length in the file."""

    kind: bytes
    offset: int  # of the whole block, header included
    length: int  # of the whole block, header (and CRC or padding) included
    payload_offset: int
    payload_length: int


def _size(stream: Stream) -> int:
    return stream.seek(0, os.SEEK_END)


def _read_exactly(stream: Stream, offset: int, length: int) -> bytes:
    stream.seek(offset)
    data = stream.read(length)
    if len(data) != length:
        raise ContainerError("the file ends inside a block")
    return data


def _payload(stream: Stream, block: Block, limit: int | None = None) -> bytes:
    length = block.payload_length if limit is None else min(limit, block.payload_length)
    return _read_exactly(stream, block.payload_offset, length)


def copy_range(source: Stream, target: Stream, offset: int, length: int) -> None:
    """Copy ``length`` bytes of ``source`` from ``offset`` in pieces of at most 1 MB."""
    source.seek(offset)
    while length > 0:
        piece = source.read(min(_COPY_PIECE, length))
        if not piece:
            raise ContainerError("the file ends inside a block")
        target.write(piece)
        length -= len(piece)


# ---- PNG -------------------------------------------------------------------------------------


def _png_blocks(stream: Stream) -> list[Block]:
    """Every chunk after the signature, up to IEND; only the 8-byte headers are read."""
    size = _size(stream)
    blocks, position = [], len(PNG_SIGNATURE)
    while position + 12 <= size:
        length, kind = struct.unpack(">I4s", _read_exactly(stream, position, 8))
        end = position + 12 + length
        if end > size:
            raise ContainerError("truncated PNG chunk")
        blocks.append(Block(kind, position, 12 + length, position + 8, length))
        position = end
        if kind == b"IEND":
            break
    if not blocks or blocks[0].kind != b"IHDR":
        raise ContainerError("PNG without IHDR")
    return blocks


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload)
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def _itxt(keyword: str, text: str) -> bytes:
    # keyword NUL, compression flag 0, method 0, empty language NUL, empty translation NUL, text
    return keyword.encode("latin-1") + b"\x00\x00\x00\x00\x00" + text.encode("utf-8")


def _inflate(payload: bytes) -> bytes:
    inflater = zlib.decompressobj()
    result = inflater.decompress(payload, _MAX_TEXT)
    if inflater.unconsumed_tail:
        raise ContainerError("PNG text chunk inflates past the limit")
    return result


def _png_text(kind: bytes, payload: bytes) -> tuple[str, str]:
    keyword, _, rest = payload.partition(b"\x00")
    name = keyword.decode("latin-1")
    if kind == b"tEXt":
        return name, rest.decode("latin-1")
    if kind == b"zTXt":
        return name, _inflate(rest[1:]).decode("latin-1")
    compressed, body = rest[:1] == b"\x01", rest[2:]
    _language, _, body = body.partition(b"\x00")
    _translated, _, body = body.partition(b"\x00")
    return name, (_inflate(body) if compressed else body).decode("utf-8", "replace")


def _png_keyword(stream: Stream, block: Block) -> str:
    return _payload(stream, block, _MAX_KEYWORD).partition(b"\x00")[0].decode("latin-1")


def write_png_with_text(source: Stream, target: Stream, texts: Mapping[str, str]) -> None:
    """The PNG with one iTXt chunk per entry, replacing older chunks of the same keywords."""
    blocks = _png_blocks(source)
    target.write(PNG_SIGNATURE)
    copy_range(source, target, blocks[0].offset, blocks[0].length)
    # Right after IHDR, so readers that stop at the first IDAT (Pillow's open) still see them.
    for key, value in texts.items():
        target.write(_png_chunk(b"iTXt", _itxt(key, value)))
    for block in blocks[1:]:
        if block.kind in _TEXT_CHUNKS and _png_keyword(source, block) in texts:
            continue
        copy_range(source, target, block.offset, block.length)


def png_texts(stream: Stream) -> dict[str, str]:
    """Every text chunk of the PNG (first one wins per keyword); damaged or huge ones skipped."""
    texts: dict[str, str] = {}
    for block in _png_blocks(stream):
        if block.kind not in _TEXT_CHUNKS or block.payload_length > _MAX_TEXT:
            continue
        try:
            key, value = _png_text(block.kind, _payload(stream, block))
        except (ContainerError, zlib.error, UnicodeDecodeError):
            continue
        texts.setdefault(key, value)
    return texts


def _png_size(stream: Stream) -> tuple[int, int]:
    header = _read_exactly(stream, len(PNG_SIGNATURE), 16)
    if header[4:8] != b"IHDR":
        raise ContainerError("PNG without IHDR")
    width, height = struct.unpack(">II", header[8:16])
    return width, height


# ---- JPEG ------------------------------------------------------------------------------------


def _jpeg_segments(stream: Stream) -> tuple[list[Block], int]:
    """The marker segments before the scan data, and where the rest (SOS on) starts."""
    size = _size(stream)
    segments, position = [], 2
    while position + 4 <= size:
        head = _read_exactly(stream, position, 4)
        if head[0] != 0xFF:
            raise ContainerError("JPEG marker expected")
        marker = head[1]
        if marker == 0xFF:
            position += 1  # fill byte
            continue
        if marker in (0xDA, 0xD9):
            break
        (length,) = struct.unpack(">H", head[2:4])
        if length < 2 or position + 2 + length > size:
            raise ContainerError("truncated JPEG segment")
        segments.append(Block(head[:2], position, 2 + length, position + 4, length - 2))
        position += 2 + length
    return segments, position


def _is_xmp_segment(stream: Stream, segment: Block) -> bool:
    if segment.kind != b"\xff\xe1":
        return False
    head = _payload(stream, segment, len(_JPEG_XMP_EXTENSION))
    return head.startswith((_JPEG_XMP_HEADER, _JPEG_XMP_EXTENSION))


def write_jpeg_with_xmp(source: Stream, target: Stream, xmp: bytes) -> None:
    """The JPEG with one XMP APP1 segment (older XMP removed) after the leading APPn segments."""
    if len(xmp) > JPEG_XMP_MAX:
        raise ContainerError("XMP packet too large for one JPEG segment")
    segments, rest = _jpeg_segments(source)
    kept = [segment for segment in segments if not _is_xmp_segment(source, segment)]
    insert_at = 0
    while insert_at < len(kept) and 0xE0 <= kept[insert_at].kind[1] <= 0xEF:
        insert_at += 1
    body = _JPEG_XMP_HEADER + xmp
    ours = b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
    target.write(b"\xff\xd8")
    for position, segment in enumerate(kept):
        if position == insert_at:
            target.write(ours)
        copy_range(source, target, segment.offset, segment.length)
    if insert_at == len(kept):
        target.write(ours)
    copy_range(source, target, rest, _size(source) - rest)


def jpeg_xmp(stream: Stream) -> bytes | None:
    segments, _rest = _jpeg_segments(stream)
    for segment in segments:
        if segment.kind == b"\xff\xe1":
            payload = _payload(stream, segment)
            if payload.startswith(_JPEG_XMP_HEADER):
                return payload[len(_JPEG_XMP_HEADER) :]
    return None


def _jpeg_size(stream: Stream) -> tuple[int, int]:
    segments, _rest = _jpeg_segments(stream)
    for segment in segments:
        if segment.kind[1] in _JPEG_FRAMES and segment.payload_length >= 5:
            height, width = struct.unpack(">HH", _payload(stream, segment, 5)[1:5])
            return width, height
    raise ContainerError("JPEG without a frame header")


# ---- WebP ------------------------------------------------------------------------------------


def _riff_blocks(stream: Stream) -> list[Block]:
    size = _size(stream)
    blocks, position = [], 12
    while position + 8 <= size:
        kind, length = struct.unpack("<4sI", _read_exactly(stream, position, 8))
        end = position + 8 + length
        if end > size:
            raise ContainerError("truncated WebP chunk")
        padded = 8 + length + (length & 1)
        blocks.append(Block(kind, position, min(padded, size - position), position + 8, length))
        position = end + (length & 1)
    if not blocks:
        raise ContainerError("WebP without chunks")
    return blocks


def _riff_header(kind: bytes, length: int) -> bytes:
    return kind + struct.pack("<I", length)


def _riff_chunk(kind: bytes, payload: bytes) -> bytes:
    padding = b"\x00" if len(payload) & 1 else b""
    return _riff_header(kind, len(payload)) + payload + padding


def _webp_canvas(kind: bytes, payload: bytes) -> tuple[int, int, bool]:
    """Canvas width, height and whether alpha is used, from a bitstream or VP8X header."""
    if kind == b"VP8X" and len(payload) >= 10:
        width = int.from_bytes(payload[4:7], "little") + 1
        height = int.from_bytes(payload[7:10], "little") + 1
        return width, height, bool(payload[0] & _WEBP_ALPHA_FLAG)
    if kind == b"VP8 " and len(payload) >= 10:
        width, height = struct.unpack("<HH", payload[6:10])
        return width & 0x3FFF, height & 0x3FFF, False
    if kind == b"VP8L" and len(payload) >= 5 and payload[0] == 0x2F:
        (bits,) = struct.unpack("<I", payload[1:5])
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, bool((bits >> 28) & 1)
    raise ContainerError("unknown WebP bitstream")


def _vp8x(flags: int, width: int, height: int) -> bytes:
    size = struct.pack("<I", width - 1)[:3] + struct.pack("<I", height - 1)[:3]
    return bytes([flags, 0, 0, 0]) + size


def write_webp_with_xmp(source: Stream, target: Stream, xmp: bytes) -> None:
    """The WebP in extended format with one XMP chunk at the end (older XMP removed)."""
    blocks = [block for block in _riff_blocks(source) if block.kind != b"XMP "]
    first = blocks[0]
    first_head = _payload(source, first, 10)
    if first.kind == b"VP8X":
        header = _riff_chunk(b"VP8X", bytes([first_head[0] | _WEBP_XMP_FLAG]) + first_head[1:])
        blocks = blocks[1:]
        extra = first.payload_length - len(first_head)  # a longer VP8X keeps its tail
    else:
        width, height, alpha = _webp_canvas(first.kind, first_head)
        flags = _WEBP_XMP_FLAG | (_WEBP_ALPHA_FLAG if alpha else 0)
        header, extra = _riff_chunk(b"VP8X", _vp8x(flags, width, height)), 0
    if extra:
        raise ContainerError("unexpected VP8X chunk size")
    ours = _riff_chunk(b"XMP ", xmp)
    body = 4 + len(header) + sum(8 + b.payload_length + (b.payload_length & 1) for b in blocks)
    target.write(_riff_header(b"RIFF", body + len(ours)) + b"WEBP" + header)
    for block in blocks:
        target.write(_riff_header(block.kind, block.payload_length))
        copy_range(source, target, block.payload_offset, block.payload_length)
        if block.payload_length & 1:
            target.write(b"\x00")
    target.write(ours)


def webp_xmp(stream: Stream) -> bytes | None:
    for block in _riff_blocks(stream):
        if block.kind == b"XMP ":
            return _payload(stream, block)
    return None


def _webp_size(stream: Stream) -> tuple[int, int]:
    first = _riff_blocks(stream)[0]
    width, height, _alpha = _webp_canvas(first.kind, _payload(stream, first, 10))
    return width, height


# ---- any of them -----------------------------------------------------------------------------


def image_size(stream: Stream) -> tuple[ContainerFormat, int, int] | None:
    """Format and canvas size from the headers alone (nothing decoded); None for other formats.

    Raises ContainerError for a damaged file of one of the three formats.
    """
    kind = detect_stream(stream)
    if kind is None:
        return None
    readers = {
        ContainerFormat.PNG: _png_size,
        ContainerFormat.JPEG: _jpeg_size,
        ContainerFormat.WEBP: _webp_size,
    }
    try:
        width, height = readers[kind](stream)
    except struct.error as error:
        raise ContainerError(str(error)) from error
    return kind, width, height
