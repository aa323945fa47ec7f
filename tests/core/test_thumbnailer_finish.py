"""Finishing downloaded files in the thumbnail process: the same facts, sidecar and embedded
metadata as in-process, errors kept as they are, and the work done here when no process can."""

from __future__ import annotations

import errno
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from studio.core.media import FileFacts, finish_file, read_metadata
from studio.core.media._probe import MediaInfo
from studio.core.paths import existing_sidecar
from studio.core.thumbnailer import Thumbnailer
from studio.core.thumbnailer import _child as child
from studio.core.thumbnailer import _protocol as protocol
from tests.core.test_thumbnailer import thumbnailer
from tests.fakes.preview_media import make_mp4, make_png

REQUEST: dict[str, Any] = {"endpoint": "google/nano-banana", "input": {"prompt": "a café, 夜"}}
FACTS: dict[str, Any] = {"task": {"id": "ms-1"}, "output": {"position": 0}}
# A child that exits at once: no process can finish anything.
_GONE = "import sys; sys.exit(3)"

__all__ = ["thumbnailer"]  # the fixture, shared with test_thumbnailer


def _sidecar(path: Path) -> dict[str, Any]:
    sidecar = existing_sidecar(path)
    assert sidecar is not None
    document: dict[str, Any] = json.loads(sidecar.read_text(encoding="utf-8"))
    return document


@pytest.mark.asyncio
async def test_a_file_finished_in_the_process_is_finished_as_here(
    tmp_path: Path, thumbnailer: Thumbnailer
) -> None:
    for folder in ("there", "here"):
        (tmp_path / folder).mkdir()
    there = make_png(tmp_path / "there" / "a.png", 40, 30)
    here = make_png(tmp_path / "here" / "a.png", 40, 30)
    video = make_mp4(tmp_path / "there" / "v.mp4", seconds=0.5)

    facts = await thumbnailer.finish_file(there, REQUEST, FACTS)

    assert thumbnailer.started == 1  # done by a thumbnail process
    assert facts == finish_file(here, REQUEST, FACTS)
    assert facts.media == MediaInfo("image/png", 40, 30, None)
    assert there.read_bytes() == here.read_bytes()  # the same metadata embedded
    assert read_metadata(there) == REQUEST
    assert _sidecar(there) == _sidecar(here)
    moving = await thumbnailer.finish_file(video, REQUEST, None)
    assert moving.media.media_type == "video/mp4" and moving.media.duration is not None
    assert moving.size == video.stat().st_size
    assert thumbnailer.started == 1


@pytest.mark.asyncio
async def test_an_os_error_in_the_process_is_raised_with_its_errno(
    tmp_path: Path, thumbnailer: Thumbnailer
) -> None:
    with pytest.raises(OSError, match="No such file") as raised:
        await thumbnailer.finish_file(tmp_path / "gone.png", REQUEST, None)
    assert raised.value.errno == errno.ENOENT
    assert thumbnailer.started == 1  # not done again here: the same error would come


@pytest.mark.asyncio
async def test_with_no_process_the_file_is_finished_here(tmp_path: Path) -> None:
    gone = Thumbnailer(processes=1, command=[sys.executable, "-c", _GONE])
    closed = Thumbnailer(processes=1)
    closed.close()
    try:
        for finisher in (gone, closed):
            path = make_png(tmp_path / f"{id(finisher)}.png", 8, 8)
            facts = await finisher.finish_file(path, REQUEST, FACTS)
            assert facts.media == MediaInfo("image/png", 8, 8, None)
            assert read_metadata(path) == REQUEST
    finally:
        gone.close()


def test_the_child_answers_a_finish_request_with_the_files_facts(tmp_path: Path) -> None:
    path = make_png(tmp_path / "a.png", 20, 10)
    odd = Path(str(tmp_path / "caf\udce9.png"))  # a name that is not UTF-8 survives the trip
    finish = protocol.FinishRequest(path, REQUEST, FACTS)
    line = protocol.finish_line(4, finish)
    assert protocol.read_request(line)[:2] == (4, finish)
    missing = protocol.finish_line(5, protocol.FinishRequest(odd, REQUEST))
    answers = io.BytesIO()

    child.serve(io.BytesIO(line + missing), answers)

    answers.seek(0)
    done = protocol.answer_of(protocol.answer_header(answers.readline())[0], b"")
    assert done.number == 4 and isinstance(done.facts, FileFacts)
    assert done.facts.size == path.stat().st_size
    assert done.facts.media == MediaInfo("image/png", 20, 10, None)
    failed = protocol.answer_of(protocol.answer_header(answers.readline())[0], b"")
    assert failed.number == 5 and isinstance(failed.error, OSError)
    assert failed.error.errno == errno.ENOENT
