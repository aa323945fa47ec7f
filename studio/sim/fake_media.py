"""Dev aid behind ``--fake-media``: tiny placeholder files instead of the real media generator.

Images and videos become a small solid-colour PNG (videos too: this generator encodes no video),
audio a short silent WAV, transcriptions a fixed sentence. Use it only to exercise the HTTP side
quickly; the real program uses :func:`studio.sim.media.generate`.
"""

from __future__ import annotations

import hashlib
import io
import struct
import wave
import zlib
from typing import TYPE_CHECKING, Any

from studio.sim.media.results import Generated, RenderedFile

if TYPE_CHECKING:
    from collections.abc import Mapping

PLACEHOLDER_SIDE = 16


def generate_placeholder(
    entry: Mapping[str, Any], inputs: Mapping[str, Any], media: Mapping[str, bytes]
) -> Generated:
    """Same call shape as studio.sim.media.generate, deterministic in its inputs."""
    capability = entry.get("capability")
    seed = hashlib.sha256(repr(sorted(inputs.items())).encode()).digest()
    if capability == "transcribe":
        text = "This is a simulated transcript."
        chunk = {"text": text, "timestamp": [0.0, 2.0]}
        return Generated(files=(), extra_output={"text": text, "language": "en", "chunks": [chunk]})
    if capability == "audio":
        return Generated(files=(_silent_wav(),), extra_output={})
    count = inputs.get("num_images", 1) if capability == "image" else 1
    png = _solid_png(seed[:3])
    return Generated(files=tuple(png for _ in range(int(count))), extra_output={})


def _solid_png(rgb: bytes) -> RenderedFile:
    side = PLACEHOLDER_SIDE
    rows = b"".join(b"\x00" + rgb * side for _ in range(side))

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    data = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
    return RenderedFile(
        data=data, content_type="image/png", extension="png", width=side, height=side
    )


def _silent_wav(seconds: float = 0.5, rate: int = 8000) -> RenderedFile:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(b"\x00\x00" * int(seconds * rate))
    return RenderedFile(
        data=buffer.getvalue(), content_type="audio/wav", extension="wav", duration=seconds
    )
