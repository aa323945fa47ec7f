"""Thumbnail files for images, videos, audio and text: sizes, the disk cache and its key."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest
from PIL import Image

from studio.core.media import (
    DecodedImage,
    DecodeFailure,
    ThumbnailError,
    decode_preview,
    fitted_size,
    make_thumbnail,
    waveform_tile,
)
from studio.core.media import _thumbnails as thumbnails
from studio.core.media._thumbnails import MediaKind, text_tile, wrap_text
from tests.fakes.preview_media import make_mp4, make_png, make_wav

if TYPE_CHECKING:
    from pathlib import Path


def test_image_thumbnail_is_small_webp_under_cache_dir(tmp_path: Path, studio_home: Path) -> None:
    source = make_png(tmp_path / "big.png", 1200, 600)
    thumb = make_thumbnail(source, MediaKind.IMAGE)
    assert thumb.is_relative_to(studio_home / "cache" / "thumbs")
    with Image.open(thumb) as image:
        assert image.format == "WEBP"
        assert image.size == (256, 128)
    assert thumb.stat().st_size < 20_000


def test_second_request_hits_the_disk_cache(tmp_path: Path) -> None:
    source = make_png(tmp_path / "a.png", 300, 300)
    first = make_thumbnail(source)
    stamp = first.stat().st_mtime_ns
    os.utime(first, ns=(stamp - 10_000_000_000, stamp - 10_000_000_000))
    again = make_thumbnail(source)
    assert again == first
    assert again.stat().st_mtime_ns == stamp - 10_000_000_000  # not rewritten


def test_cache_key_changes_when_the_file_changes(tmp_path: Path) -> None:
    source = make_png(tmp_path / "a.png", 300, 300)
    first = make_thumbnail(source)
    make_png(source, 200, 100, colour=(0, 0, 0))
    stamp = source.stat().st_mtime_ns + 5_000_000_000
    os.utime(source, ns=(stamp, stamp))
    second = make_thumbnail(source)
    assert second != first
    with Image.open(second) as image:
        assert image.size == (200, 100)


def test_cache_key_depends_on_thumbnail_size(tmp_path: Path) -> None:
    source = make_png(tmp_path / "a.png", 600, 600)
    small = make_thumbnail(source, size=64)
    large = make_thumbnail(source, size=512)
    with Image.open(small) as a, Image.open(large) as b:
        assert (a.size, b.size) == ((64, 64), (512, 512))


def test_video_thumbnail_is_a_poster_frame_a_second_in(tmp_path: Path) -> None:
    # Clips often fade in from black, so the tile shows the picture one second in: the moving
    # bar (4 px per frame at 24 fps) stands at x = 96 of 320 then, 77 of 256 in the thumbnail.
    source = make_mp4(tmp_path / "clip.mp4", seconds=4.0, size=(320, 180))
    thumb = make_thumbnail(source, "video")
    with Image.open(thumb) as image:
        assert image.size == (256, 144)
        rgb = image.convert("RGB")
        at_poster = rgb.getpixel((80, 72))
        at_start = rgb.getpixel((2, 72))
    assert isinstance(at_poster, tuple)
    assert isinstance(at_start, tuple)
    assert at_poster[0] > 150
    assert at_start[0] < 80


def test_short_video_poster_is_a_quarter_in(tmp_path: Path) -> None:
    source = make_mp4(tmp_path / "short.mp4", seconds=0.5, size=(320, 180))  # 12 frames
    with Image.open(make_thumbnail(source, "video")) as image:
        rgb = image.convert("RGB")
        at_start = rgb.getpixel((2, 72))
    assert isinstance(at_start, tuple)
    assert at_start[0] < 80  # the bar has moved on from the first frame


def test_audio_thumbnail_is_a_waveform_tile(tmp_path: Path) -> None:
    source = make_wav(tmp_path / "tone.wav", seconds=1.0)
    thumb = make_thumbnail(source)  # kind guessed from the suffix
    with Image.open(thumb) as image:
        assert image.size == (256, 256)
        colours = {image.convert("RGB").getpixel((x, 128)) for x in range(0, 256, 4)}
    assert len(colours) > 2  # bars and ground, not a flat tile


def test_waveform_tile_bar_height_follows_the_peaks() -> None:
    tile = waveform_tile([0.1, 1.0], size=100)
    quiet_top = min(y for y in range(100) if tile.getpixel((30, y)) != (30, 46, 40))
    loud_top = min(y for y in range(100) if tile.getpixel((70, y)) != (30, 46, 40))
    assert loud_top < quiet_top


def test_unknown_kind_falls_back_to_the_suffix(tmp_path: Path) -> None:
    source = make_png(tmp_path / "a.png", 50, 40)
    with Image.open(make_thumbnail(source, "other")) as image:
        assert image.size == (50, 40)


@pytest.mark.parametrize("name", ["broken.png", "broken.mp4", "broken.wav"])
def test_undecodable_files_raise_thumbnail_error(tmp_path: Path, name: str) -> None:
    source = tmp_path / name
    source.write_bytes(b"not media at all")
    with pytest.raises(ThumbnailError):
        make_thumbnail(source)


def test_missing_file_raises_thumbnail_error(tmp_path: Path) -> None:
    with pytest.raises(ThumbnailError):
        make_thumbnail(tmp_path / "gone.png")


def test_decompression_bomb_limit_stays(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = make_png(tmp_path / "a.png", 100, 100)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)  # 10,000 px is past twice the limit
    with pytest.raises(ThumbnailError):
        make_thumbnail(source)


def test_explicit_cache_root(tmp_path: Path) -> None:
    source = make_png(tmp_path / "a.png", 30, 30)
    thumb = make_thumbnail(source, cache_root=tmp_path / "own")
    assert thumb.is_relative_to(tmp_path / "own")
    assert thumb == thumbnails.cached_path(source, cache_root=tmp_path / "own")


def _inked_rows(tile: Image.Image) -> list[int]:
    """Rows with text on them (dark pixels), left of the tile's right margin."""
    grey = tile.convert("L")
    return [y for y in range(grey.height) if _darkest(grey.crop((20, y, 230, y + 1))) < 120]


def _darkest(strip: Image.Image) -> float:
    low = strip.getextrema()[0]
    assert isinstance(low, int | float)
    return low


def test_transcript_file_gets_a_tile_with_its_words(tmp_path: Path) -> None:
    source = tmp_path / "job-0.json"
    source.write_text(
        '{"text": "Hello there, this is a transcript.", "language": "en", "chunks": []}',
        encoding="utf-8",
    )
    assert thumbnails.guess_kind(source) is MediaKind.TEXT
    with Image.open(make_thumbnail(source, "text")) as image:
        assert image.size == (256, 256)
        written = _inked_rows(image.convert("RGB"))
    blank = _inked_rows(text_tile("", 256))
    assert written and not blank  # the words are drawn; an empty text leaves a blank page


def test_long_text_fills_the_tile_and_stops_at_its_bottom() -> None:
    short_rows = _inked_rows(text_tile("one line"))
    long_rows = _inked_rows(text_tile("many words " * 200))
    assert max(long_rows) > 2 * max(short_rows)
    assert max(long_rows) < 256 - 10  # the margin stays clear: lines beyond it are dropped


def test_wrap_text_keeps_lines_within_width_and_cuts_unbroken_runs() -> None:
    font = thumbnails._text_font(18, cjk=False)
    lines = wrap_text("a " * 40 + "x" * 80, font, 200)
    assert all(font.getlength(line) <= 200 for line in lines)
    assert "".join(lines).replace(" ", "") == "a" * 40 + "x" * 80  # nothing lost


def test_text_tile_of_plain_txt_file(tmp_path: Path) -> None:
    source = tmp_path / "note.txt"
    source.write_text("Just words, not JSON.", encoding="utf-8")
    with Image.open(make_thumbnail(source)) as image:
        assert _inked_rows(image.convert("RGB"))


def test_fitted_size_is_the_largest_whole_shape_inside_the_square() -> None:
    assert fitted_size(96, 64, 165) == (165, 110)  # scaled up
    assert fitted_size(256, 256, 165) == (165, 165)
    assert fitted_size(64, 256, 100) == (25, 100)  # tall
    assert fitted_size(10_000, 1, 50) == (50, 1)  # never zero
    assert fitted_size(0, 0, 40) == (40, 40)


def test_decode_preview_with_fit_scales_to_the_tile_and_keeps_alpha(tmp_path: Path) -> None:
    opaque = tmp_path / "wide.png"
    Image.new("RGB", (96, 64), (200, 30, 30)).save(opaque)
    decoded = decode_preview(opaque, (256, 256), fit=165)
    assert isinstance(decoded, DecodedImage)
    assert (decoded.width, decoded.height) == (165, 110) and not decoded.has_alpha
    assert len(decoded.pixels) == decoded.stride * decoded.height == 165 * 3 * 110
    clear = tmp_path / "clear.png"
    Image.new("RGBA", (256, 128), (0, 0, 255, 90)).save(clear)
    shrunk = decode_preview(clear, (256, 256), fit=100)
    assert isinstance(shrunk, DecodedImage)
    assert (shrunk.width, shrunk.height, shrunk.has_alpha) == (100, 50, True)
    assert shrunk.pixels[:4] == bytes((0, 0, 255, 90))  # colour and alpha kept, not darkened


def test_decode_preview_with_fit_reports_a_damaged_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    assert isinstance(decode_preview(broken, (256, 256), fit=100), DecodeFailure)
