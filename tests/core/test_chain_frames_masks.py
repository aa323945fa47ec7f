"""Frames from a video (first, any time, last, full size) and masks (exact size, refusals)."""

from __future__ import annotations

import base64
import io
from fractions import Fraction
from typing import TYPE_CHECKING

import av
import numpy as np
import pytest
from PIL import Image

from studio.core.chain import (
    MAX_MASK_PIXELS,
    FrameError,
    MaskError,
    decode_frame,
    frame_png,
    load_mask_source,
    mask_png,
    mask_problem,
    probe_video,
)

if TYPE_CHECKING:
    from pathlib import Path

FPS = 10
SHADES = [20 * n for n in range(12)]  # one grey level per frame: 1.2 s


def make_video(path: Path, width: int = 64, height: int = 48) -> Path:
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"qp": "0"}
        for index, shade in enumerate(SHADES):
            pixels = np.full((height, width, 3), shade, dtype=np.uint8)
            frame = av.VideoFrame.from_ndarray(pixels, format="rgb24")
            frame.pts = index
            frame.time_base = Fraction(1, FPS)
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return path


def _shade(pixels: bytes) -> int:
    return pixels[0]


def test_probe_reports_size_duration_and_rate(tmp_path: Path) -> None:
    facts = probe_video(make_video(tmp_path / "clip.mp4"))
    assert (facts.width, facts.height) == (64, 48)
    assert facts.duration_s == pytest.approx(1.2, abs=0.11)
    assert facts.frame_rate == pytest.approx(FPS)


def test_first_any_and_last_frame(tmp_path: Path) -> None:
    video = make_video(tmp_path / "clip.mp4")
    first = decode_frame(video, 0.0)
    assert first.timestamp_s == 0.0 and abs(_shade(first.pixels) - SHADES[0]) <= 3
    middle = decode_frame(video, 0.55)  # the frame on show at 0.55 s started at 0.5 s
    assert middle.timestamp_s == pytest.approx(0.5) and abs(_shade(middle.pixels) - SHADES[5]) <= 3
    last = decode_frame(video, None)
    assert last.timestamp_s == pytest.approx(1.1) and abs(_shade(last.pixels) - SHADES[-1]) <= 3
    small = decode_frame(video, 0.0, max_side=16)
    assert (small.width, small.height) == (16, 12)


def test_the_saved_frame_is_a_full_size_png(tmp_path: Path) -> None:
    png, frame = frame_png(make_video(tmp_path / "clip.mp4", 320, 180), None)
    with Image.open(io.BytesIO(png)) as image:
        assert (image.format, image.size) == ("PNG", (320, 180))
    assert frame.timestamp_s == pytest.approx(1.1)


def test_an_undecodable_video_says_why(tmp_path: Path) -> None:
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\x00\x00\x00\x18ftypmp42 definitely not a video")
    with pytest.raises(FrameError, match=r"broken\.mp4"):
        probe_video(broken)
    with pytest.raises(FrameError):
        decode_frame(broken, None)
    with pytest.raises(FrameError):
        probe_video(tmp_path / "gone.mp4")


def test_the_mask_png_has_the_size_and_pixels_given() -> None:
    width, height = 7, 5
    gray = bytearray(width * height)
    gray[width * 2 + 3] = 255  # one white pixel at (3, 2): edit there
    png = mask_png(bytes(gray), width, height)
    with Image.open(io.BytesIO(png)) as mask:
        assert (mask.format, mask.mode, mask.size) == ("PNG", "L", (width, height))
        assert mask.getpixel((3, 2)) == 255 and mask.getpixel((0, 0)) == 0
    with pytest.raises(ValueError, match="fewer pixels"):
        mask_png(b"\x00" * 3, width, height)


def test_a_mask_source_comes_from_a_file_or_a_data_uri_never_a_link(tmp_path: Path) -> None:
    picture = tmp_path / "p.png"
    Image.new("RGB", (30, 20), "red").save(picture)
    source = load_mask_source(picture)
    assert (source.width, source.height, len(source.pixels)) == (30, 20, 30 * 20 * 4)
    uri = "data:image/png;base64," + base64.b64encode(picture.read_bytes()).decode()
    assert load_mask_source(uri).width == 30
    with pytest.raises(MaskError, match="link"):
        load_mask_source("https://example.com/p.png")
    with pytest.raises(MaskError, match="cannot be decoded"):
        load_mask_source("data:image/png;base64,AAAA")


def test_a_picture_too_large_for_the_painter_is_refused_before_decoding(tmp_path: Path) -> None:
    assert mask_problem(4000, 3000) is None
    side = int(MAX_MASK_PIXELS**0.5) + 10
    assert "too large" in (mask_problem(side, side) or "")
    huge = tmp_path / "huge.png"
    Image.new("1", (side, side)).save(huge)  # 1-bit: small on disk, huge once decoded
    with pytest.raises(MaskError, match="too large"):
        load_mask_source(huge)
