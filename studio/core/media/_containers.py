"""Byte-level metadata blocks in PNG, JPEG and WebP files: written and read without touching pixels.

Editing the containers directly (text chunks, APP1 segments, RIFF chunks) keeps every pixel and
every other chunk exactly as the server sent it; a re-save through an encoder would not.
"""

from __future__ import annotations

import struct
import zlib
from enum import StrEnum
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Mapping

PNG_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
XMP_PNG_KEYWORD: Final = "XML:com.adobe.xmp"
_JPEG_XMP_HEADER: Final = b"http://ns.adobe.com/xap/1.0/\x00"
_JPEG_XMP_EXTENSION: Final = b"http://ns.adobe.com/xmp/extension/\x00"
JPEG_XMP_MAX: Final = 0xFFFF - 2 - len(_JPEG_XMP_HEADER)
_TEXT_CHUNKS: Final = (b"tEXt", b"zTXt", b"iTXt")
_MAX_TEXT: Final = 8 * 1024 * 1024  # a compressed text chunk may not inflate past this
_WEBP_XMP_FLAG: Final = 0x04
_WEBP_ALPHA_FLAG: Final = 0x10


class ContainerFormat(StrEnum):
    PNG = "png"
    JPEG = "jpeg"
    WEBP = "webp"


class ContainerError(ValueError):
    """The bytes are not a well-formed file of the format they claim."""


def detect(data: bytes) -> ContainerFormat | None:
    if data.startswith(PNG_SIGNATURE):
        return ContainerFormat.PNG
    if data.startswith(b"\xff\xd8\xff"):
        return ContainerFormat.JPEG
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ContainerFormat.WEBP
    return None


# ---- PNG -------------------------------------------------------------------------------------


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes, bytes]]:
    """(type, payload, raw bytes) for every chunk after the signature."""
    chunks, position = [], len(PNG_SIGNATURE)
    while position + 12 <= len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        end = position + 12 + length
        if end > len(data):
            raise ContainerError("truncated PNG chunk")
        kind = data[position + 4 : position + 8]
        chunks.append((kind, data[position + 8 : end - 4], data[position:end]))
        position = end
        if kind == b"IEND":
            break
    if not chunks or chunks[0][0] != b"IHDR":
        raise ContainerError("PNG without IHDR")
    return chunks


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


def png_with_text(data: bytes, texts: Mapping[str, str]) -> bytes:
    """The PNG with one iTXt chunk per entry, replacing older chunks of the same keywords."""
    chunks = _png_chunks(data)
    kept = [
        raw
        for kind, payload, raw in chunks[1:]
        if kind not in _TEXT_CHUNKS or payload.partition(b"\x00")[0].decode("latin-1") not in texts
    ]
    # Right after IHDR, so readers that stop at the first IDAT (Pillow's open) still see them.
    ours = [_png_chunk(b"iTXt", _itxt(key, value)) for key, value in texts.items()]
    return PNG_SIGNATURE + chunks[0][2] + b"".join(ours) + b"".join(kept)


def png_texts(data: bytes) -> dict[str, str]:
    """Every text chunk of the PNG (first one wins per keyword); damaged chunks are skipped."""
    texts: dict[str, str] = {}
    for kind, payload, _raw in _png_chunks(data):
        if kind in _TEXT_CHUNKS:
            try:
                key, value = _png_text(kind, payload)
            except (ContainerError, zlib.error, UnicodeDecodeError):
                continue
            texts.setdefault(key, value)
    return texts


# ---- JPEG ------------------------------------------------------------------------------------


def _jpeg_segments(data: bytes) -> tuple[list[bytes], bytes]:
    """The marker segments before the scan data, and the rest (from SOS on) untouched."""
    segments, position = [], 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            raise ContainerError("JPEG marker expected")
        marker = data[position + 1]
        if marker == 0xFF:
            position += 1  # fill byte
            continue
        if marker in (0xDA, 0xD9):
            break
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        segments.append(data[position : position + 2 + length])
        position += 2 + length
    return segments, data[position:]


def _is_xmp_segment(segment: bytes) -> bool:
    body = segment[4:]
    return segment[1] == 0xE1 and (body.startswith((_JPEG_XMP_HEADER, _JPEG_XMP_EXTENSION)))


def jpeg_with_xmp(data: bytes, xmp: bytes) -> bytes:
    """The JPEG with one XMP APP1 segment (older XMP removed) after the leading APPn segments."""
    if len(xmp) > JPEG_XMP_MAX:
        raise ContainerError("XMP packet too large for one JPEG segment")
    segments, rest = _jpeg_segments(data)
    segments = [segment for segment in segments if not _is_xmp_segment(segment)]
    insert_at = 0
    while insert_at < len(segments) and 0xE0 <= segments[insert_at][1] <= 0xEF:
        insert_at += 1
    body = _JPEG_XMP_HEADER + xmp
    ours = b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
    segments.insert(insert_at, ours)
    return data[:2] + b"".join(segments) + rest


def jpeg_xmp(data: bytes) -> bytes | None:
    segments, _rest = _jpeg_segments(data)
    for segment in segments:
        if segment[1] == 0xE1 and segment[4:].startswith(_JPEG_XMP_HEADER):
            return segment[4 + len(_JPEG_XMP_HEADER) :]
    return None


# ---- WebP ------------------------------------------------------------------------------------


def _riff_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    chunks, position = [], 12
    while position + 8 <= len(data):
        kind = data[position : position + 4]
        (size,) = struct.unpack("<I", data[position + 4 : position + 8])
        end = position + 8 + size
        if end > len(data):
            raise ContainerError("truncated WebP chunk")
        chunks.append((kind, data[position + 8 : end]))
        position = end + (size & 1)
    if not chunks:
        raise ContainerError("WebP without chunks")
    return chunks


def _riff_chunk(kind: bytes, payload: bytes) -> bytes:
    padding = b"\x00" if len(payload) & 1 else b""
    return kind + struct.pack("<I", len(payload)) + payload + padding


def _webp_canvas(kind: bytes, payload: bytes) -> tuple[int, int, bool]:
    """Canvas width, height and whether alpha is used, from a simple-format bitstream header."""
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


def webp_with_xmp(data: bytes, xmp: bytes) -> bytes:
    """The WebP in extended format with one XMP chunk at the end (older XMP removed)."""
    chunks = [(kind, payload) for kind, payload in _riff_chunks(data) if kind != b"XMP "]
    first_kind, first_payload = chunks[0]
    if first_kind == b"VP8X":
        header = bytes([first_payload[0] | _WEBP_XMP_FLAG]) + first_payload[1:]
        chunks[0] = (b"VP8X", header)
    else:
        width, height, alpha = _webp_canvas(first_kind, first_payload)
        flags = _WEBP_XMP_FLAG | (_WEBP_ALPHA_FLAG if alpha else 0)
        chunks.insert(0, (b"VP8X", _vp8x(flags, width, height)))
    chunks.append((b"XMP ", xmp))
    body = b"WEBP" + b"".join(_riff_chunk(kind, payload) for kind, payload in chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def webp_xmp(data: bytes) -> bytes | None:
    for kind, payload in _riff_chunks(data):
        if kind == b"XMP ":
            return payload
    return None
