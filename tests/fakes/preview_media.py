"""Small real media files for preview and waveform tests (PNG, H.264 MP4, WAV, MP3); no Qt."""

from __future__ import annotations

import math
import struct
import wave
import zlib
from typing import TYPE_CHECKING

import av
import numpy as np
from PIL import Image

if TYPE_CHECKING:
    from pathlib import Path

# Qt Multimedia's warnings on a headless machine (no sound server, VA-API or GPU), for
# pytest-qt's qt_log_ignore mark; most come once per process, so whichever test is first gets them.
QT_MEDIA_NOISE = (
    "PulseAudioService",
    "No audio device detected",
    "No RHI backend",
    r"Couldn't (load|resolve) \S+",
)
# Logged when a source is replaced while it is still opening (stepping quickly through outputs).
QT_MEDIA_INTERRUPTED = "Immediate exit requested"


def make_png(
    path: Path, width: int, height: int, colour: tuple[int, int, int] = (40, 120, 200)
) -> Path:
    """A PNG with a diagonal gradient, so a screenshot shows whether scaling looks right."""
    xs = np.linspace(0, 255, width, dtype=np.float32)[None, :]
    ys = np.linspace(0, 255, height, dtype=np.float32)[:, None]
    pixels = np.zeros((height, width, 3), dtype=np.uint8)
    pixels[..., 0] = ((xs + ys) / 2).astype(np.uint8)
    pixels[..., 1] = colour[1]
    pixels[..., 2] = (255 - ys).astype(np.uint8).repeat(width, axis=1)
    Image.fromarray(pixels, "RGB").save(path)
    return path


def make_png_bomb(path: Path, width: int, height: int) -> Path:
    """A valid 1-bit black PNG of width × height pixels that takes a few kB on disk (a row of
    zeros compresses a thousandfold): what a decompression bomb looks like."""
    row = bytes(1 + (width + 7) // 8)  # filter byte + packed bits
    packer = zlib.compressobj(6)
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    chunks = (_png_chunk(b"IHDR", header), _png_chunk(b"IDAT", data), _png_chunk(b"IEND", b""))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"".join(chunks))
    return path


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body)
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def make_mp4(
    path: Path, seconds: float = 2.0, size: tuple[int, int] = (160, 90), fps: int = 24
) -> Path:
    """An H.264/yuv420p MP4 with a moving bar, `seconds * fps` frames."""
    width, height = size
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for index in range(round(seconds * fps)):
            rgb = np.full((height, width, 3), 30, dtype=np.uint8)
            x = index * 4 % width
            rgb[:, x : x + 8] = (230, 180, 40)
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def tone_samples(seconds: float, rate: int) -> list[float]:
    """A 440 Hz tone whose loudness swells and fades twice, so peaks are far from flat."""
    count = round(seconds * rate)
    return [
        math.sin(2 * math.pi * 440 * i / rate)
        * (0.1 + 0.85 * abs(math.sin(math.pi * 2 * i / count)))
        for i in range(count)
    ]


def make_wav(path: Path, seconds: float = 1.5, rate: int = 22050) -> Path:
    """A mono 16-bit WAV of exactly `seconds` length."""
    frames = b"".join(struct.pack("<h", round(s * 32000)) for s in tone_samples(seconds, rate))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    return path


def make_mp3(path: Path, seconds: float = 1.5, rate: int = 44100) -> Path:
    """A mono MP3 (libmp3lame) with the same swelling tone."""
    samples = np.array(tone_samples(seconds, rate), dtype=np.float32)
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libmp3lame", rate=rate, layout="mono")
        chunk = 1152
        for start in range(0, samples.size, chunk):
            frame = av.AudioFrame.from_ndarray(
                samples[None, start : start + chunk], format="fltp", layout="mono"
            )
            frame.sample_rate = rate
            frame.pts = start
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def make_png_header_bomb(path: Path, width: int = 15000, height: int = 15000) -> Path:
    """A PNG whose header claims ``width`` × ``height`` RGBA pixels (a decompression bomb).

    Only its first rows are in the file: nothing may decode it, so what matters is the header
    (Pillow refuses such a file on open, from the header alone) and that the file is small.
    """

    def chunk(kind: bytes, payload: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + payload))
        return struct.pack(">I", len(payload)) + kind + payload + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    rows = zlib.compress(b"\x00" * ((1 + 4 * width) * 16), 9)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows)
    path.write_bytes(png + chunk(b"IEND", b""))
    return path
