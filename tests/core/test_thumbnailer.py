"""The thumbnail process: pixels from another process, errors as errors, a dead or stuck
process replaced, garbage refused, and the child's own loop."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from studio.core import paths
from studio.core.media import THUMB_SIZE, ThumbnailError, fitted_size
from studio.core.media._thumbnails import cached_path
from studio.core.thumbnailer import Thumbnailer, ThumbnailRequest
from studio.core.thumbnailer import _child as child
from studio.core.thumbnailer import _protocol as protocol
from tests.conftest import wait_until
from tests.fakes.preview_media import make_mp4, make_png, make_wav

if TYPE_CHECKING:
    from collections.abc import Iterator

# A child that reads one request and then never answers (a decoder stuck on a file).
_STUCK = "import sys, time; sys.stdin.readline(); time.sleep(60)"
# A child that answers every request with a line that is not JSON.
_GARBAGE = "import sys\nfor _ in sys.stdin: sys.stdout.write('not json\\n'); sys.stdout.flush()"


@pytest.fixture
def thumbnailer() -> Iterator[Thumbnailer]:
    made = Thumbnailer(processes=1)
    yield made
    made.close()


@pytest.mark.asyncio
async def test_pixels_come_from_another_process_scaled_to_fit(
    tmp_path: Path, thumbnailer: Thumbnailer
) -> None:
    source = make_png(tmp_path / "wide.png", 1200, 600)
    image = await thumbnailer.render(ThumbnailRequest(source, "image", THUMB_SIZE, fit=150))
    assert (image.width, image.height) == fitted_size(256, 128, 150) == (150, 75)
    assert len(image.pixels) == image.stride * image.height
    assert cached_path(source, THUMB_SIZE, paths.thumbnails_dir()).is_file()
    assert thumbnailer.started == 1
    assert os.getpid() not in thumbnailer.pids()


@pytest.mark.asyncio
async def test_video_and_audio_thumbnails(tmp_path: Path, thumbnailer: Thumbnailer) -> None:
    video = await thumbnailer.render(ThumbnailRequest(make_mp4(tmp_path / "v.mp4"), "video", 128))
    audio = await thumbnailer.render(ThumbnailRequest(make_wav(tmp_path / "a.wav"), "audio", 128))
    assert video.width <= 128 and video.height <= 128
    assert (audio.width, audio.height) == (128, 128)  # a waveform tile
    assert thumbnailer.started == 1  # one process served both


@pytest.mark.asyncio
async def test_what_is_no_picture_is_an_error_and_the_process_goes_on(
    tmp_path: Path, thumbnailer: Thumbnailer
) -> None:
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"not a picture at all")
    with pytest.raises(ThumbnailError, match=r"junk\.png"):
        await thumbnailer.render(ThumbnailRequest(junk, "image", THUMB_SIZE))
    with pytest.raises(ThumbnailError, match=r"missing\.png"):
        await thumbnailer.render(ThumbnailRequest(tmp_path / "missing.png", "image", THUMB_SIZE))
    good = make_png(tmp_path / "good.png", 40, 30)
    image = await thumbnailer.render(ThumbnailRequest(good, "image", THUMB_SIZE))
    assert (image.width, image.height) == (40, 30)
    assert thumbnailer.started == 1


@pytest.mark.asyncio
async def test_a_process_that_died_is_replaced(tmp_path: Path, thumbnailer: Thumbnailer) -> None:
    source = make_png(tmp_path / "a.png", 64, 64)
    await thumbnailer.render(ThumbnailRequest(source, "image", THUMB_SIZE))
    (pid,) = thumbnailer.pids()
    os.kill(pid, 9)  # as a decoder crashing on a damaged file would end it
    await wait_until(lambda: not thumbnailer.pids())
    image = await thumbnailer.render(ThumbnailRequest(source, "image", THUMB_SIZE, fit=32))
    assert image.width == 32
    assert thumbnailer.started == 2


@pytest.mark.asyncio
async def test_a_stuck_process_is_stopped_and_the_request_fails(tmp_path: Path) -> None:
    stuck = Thumbnailer(processes=1, timeout_s=0.5, command=[sys.executable, "-c", _STUCK])
    try:
        with pytest.raises(ThumbnailError, match="too long"):
            await stuck.render(ThumbnailRequest(tmp_path / "a.png", "image", THUMB_SIZE))
        await wait_until(lambda: not stuck.pids())  # killed, not left running
    finally:
        stuck.close()


@pytest.mark.asyncio
async def test_garbage_from_the_process_fails_the_request(tmp_path: Path) -> None:
    talker = Thumbnailer(processes=1, command=[sys.executable, "-c", _GARBAGE])
    try:
        with pytest.raises(ThumbnailError, match="stopped"):
            await talker.render(ThumbnailRequest(tmp_path / "a.png", "image", THUMB_SIZE))
        await wait_until(lambda: not talker.pids())
    finally:
        talker.close()


@pytest.mark.asyncio
async def test_a_closed_thumbnailer_refuses_requests(tmp_path: Path) -> None:
    closed = Thumbnailer(processes=1)
    closed.close()
    with pytest.raises(ThumbnailError, match="closed"):
        await closed.render(ThumbnailRequest(tmp_path / "a.png", "image", THUMB_SIZE))


def test_the_child_answers_each_request_and_skips_malformed_lines(tmp_path: Path) -> None:
    source = make_png(tmp_path / "a.png", 20, 10)
    cache = paths.thumbnails_dir()
    good = protocol.request_line(7, ThumbnailRequest(source, "image", THUMB_SIZE), cache)
    missing = protocol.request_line(8, ThumbnailRequest(tmp_path / "no.png", "image", 64), cache)
    requests = io.BytesIO(b"{not json\n" + good + b"\n" + missing)
    answers = io.BytesIO()
    child.serve(requests, answers)
    answers.seek(0)
    fields, length = protocol.answer_header(answers.readline())
    image = protocol.answer_of(fields, answers.read(length)).image
    assert fields["id"] == 7 and image is not None and (image.width, image.height) == (20, 10)
    fields, length = protocol.answer_header(answers.readline())
    failed = protocol.answer_of(fields, answers.read(length))
    assert failed.number == 8 and isinstance(failed.error, ThumbnailError)
    assert answers.read() == b""


def test_a_request_survives_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.png"))
    line = protocol.request_line(1, ThumbnailRequest(odd, "image", 64, 32), tmp_path)
    number, request, cache = protocol.read_request(line)
    assert (number, request, cache) == (1, ThumbnailRequest(odd, "image", 64, 32), tmp_path)


def test_an_image_answer_whose_pixels_do_not_match_its_size_is_refused() -> None:
    line = (
        b'{"id": 1, "answer": "image", "width": 4, "height": 4, "stride": 12, "has_alpha": false,'
        b' "source_width": 4, "source_height": 4, "format": "PNG", "file_size": null,'
        b' "length": 5}\n'
    )
    fields, length = protocol.answer_header(line)
    with pytest.raises(ValueError, match="do not match"):
        protocol.answer_of(fields, b"x" * length)
