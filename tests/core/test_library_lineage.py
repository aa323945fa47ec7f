"""Lineage in the library: inputs of jobs, Made from / Used in, the family filter, frames,
recall with the same files, sources named in sidecars and metadata, and the v4 migration."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from PIL import Image

from studio.core.chain import InputUse
from studio.core.jobs import JobStatus
from studio.core.library import Library, OutputFilter, RecallMode, request_for
from studio.core.library import _migrations as library_schema
from studio.core.media import read_metadata
from studio.core.paths import sidecar_path

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(tmp_path / "lib" / "library.sqlite3")
    yield library
    library.close()


def _made(lib: Library, local_id: str, endpoint: str, prompt: str = "a lighthouse") -> int:
    """A finished job with one image output on disk; returns the output id."""
    lib.create_job(local_id, endpoint, {"prompt": prompt})
    lib.update_job(local_id, status=JobStatus.SUCCEEDED)
    output_id = lib.add_output(local_id, 0, "image", f"http://x/{local_id}.png")
    path = lib.output_path_for(local_id, 0, "image/png", "x.png")
    Image.new("RGB", (16, 9), "navy").save(path)
    lib.set_output_file(output_id, path, f"sha-{local_id}", path.stat().st_size, width=16, height=9)
    return output_id


def test_made_from_and_used_in(lib: Library) -> None:
    still = _made(lib, "still", "google/nano-banana/text-to-image")
    other = _made(lib, "other", "google/nano-banana/text-to-image")
    lib.create_job("clip", "bytedance/seedance-2.0/image-to-video", {"prompt": "go"})
    lib.record_inputs(
        "clip", [InputUse("image_url", 0, still), InputUse("end_image_url", 0, other)]
    )
    clip = lib.add_output("clip", 0, "video", "http://x/clip.mp4")
    made_from = lib.lineage(clip).made_from
    assert [(link.source.output_id, link.field) for link in made_from] == [
        (other, "end_image_url"),
        (still, "image_url"),
    ]
    assert made_from[1].source.file is not None and made_from[1].source.usable
    assert [(link.source.output_id, link.field) for link in lib.lineage(still).used_in] == [
        (clip, "image_url")
    ]
    assert lib.lineage(clip).used_in == ()
    names = {output: lib.sources([output])[0].name for output in (still, other)}
    assert lib.input_names(["clip", "still"]) == {
        "clip": [f"{names[other]} → end_image_url", f"{names[still]} → image_url"]
    }
    assert lib.endpoint_usage()["google/nano-banana/text-to-image"] == 2


def test_the_family_filter_holds_everything_made_from_an_output(lib: Library) -> None:
    root = _made(lib, "root", "t2i")
    child = _made(lib, "child", "i2v")
    grandchild = _made(lib, "grandchild", "edit")
    _made(lib, "stranger", "t2i")
    lib.record_inputs("child", [InputUse("image_url", 0, root)])
    lib.record_inputs("grandchild", [InputUse("video_url", 0, child)])
    lib.record_inputs("root", [InputUse("image_url", 0, grandchild)])  # a cycle still ends
    family = {item.id for item in lib.page_outputs(OutputFilter(made_from=child), 0, 50)}
    assert family == {child, grandchild, root}
    assert lib.count_outputs(OutputFilter(made_from=grandchild)) == 3


def test_a_missing_file_is_a_problem_and_a_deleted_source_keeps_its_name(lib: Library) -> None:
    still = _made(lib, "still", "t2i")
    source = lib.sources([still])[0]
    assert source.file is not None
    source.file.unlink()
    assert "gone" in (lib.sources([still])[0].problem or "")
    lib.create_job("clip", "i2v", {"prompt": "go"})
    lib.record_inputs("clip", [InputUse("image_url", 0, still)])
    lib.trash([still])
    lib.empty_trash()
    facts = lib.source_facts("clip")
    assert facts == [
        {"field": "image_url", "position": 0, "file": source.name, "sha256": "sha-still"}
    ]


def test_a_frame_is_a_hidden_job_naming_its_video_and_time(lib: Library) -> None:
    video = _made(lib, "video", "t2v")
    picture = Image.new("RGB", (40, 30), "gold")
    path = lib.outputs_root / "frame.png"
    picture.save(path)
    frame = lib.add_local_output(
        "studio/frame",
        {"prompt": "a lighthouse", "video": "video-0.png", "timestamp_s": 1.5},
        path.read_bytes(),
        media_type="image/png",
        file_hint="frame.png",
        model="frame picker",
        uses=[InputUse("video", 0, video, 1.5)],
    )
    assert frame.kind == "image" and frame.usable and (frame.width, frame.height) == (40, 30)
    assert frame.prompt == "a lighthouse"
    assert all(job.endpoint != "studio/frame" for job in lib.recent_jobs())  # not in the queue
    link = lib.lineage(frame.output_id).made_from[0]
    assert (link.source.output_id, link.field, link.timestamp_s) == (video, "video", 1.5)
    assert frame.file is not None
    request = read_metadata(frame.file)
    assert request is not None and request["sources"][0]["timestamp_s"] == 1.5
    sidecar = json.loads(sidecar_path(frame.file).read_text("utf-8"))
    assert sidecar["request"]["sources"][0]["sha256"] == "sha-video"
    assert "studio/frame" not in lib.endpoint_usage()


def test_recall_puts_back_the_same_files_and_requests_name_their_sources(lib: Library) -> None:
    still = _made(lib, "still", "t2i")
    lib.create_job("clip", "i2v", {"prompt": "go", "image_url": "data:image/png;base64,AAAA"})
    lib.record_inputs("clip", [InputUse("image_url", 0, still)])
    recall = lib.recall("clip", RecallMode.REMIX)
    assert [(link.field, link.source.output_id) for link in recall.sources] == [
        ("image_url", still)
    ]
    assert lib.recall("clip", RecallMode.USE_PROMPT).sources == ()
    job = lib.get_job("clip")
    assert job is not None
    request = request_for(job, lib.source_facts("clip"))
    assert request["sources"][0]["file"] == lib.sources([still])[0].name
    assert "sources" not in request_for(job)


def test_v3_libraries_gain_the_inputs_table(tmp_path: Path) -> None:
    path = tmp_path / "v3.sqlite3"
    db = library_schema.connect(path)
    library_schema.migrate(db, library_schema.MIGRATIONS[:3])
    db.close()
    with Library.open(path) as lib:
        assert library_schema.user_version(lib._db) == library_schema.LATEST_VERSION
        lib.create_job("a", "e", {})
        lib.record_inputs("a", [InputUse("image_url", 0, 12345)])  # unknown output: no id kept
        assert lib.source_facts("a") == [
            {"field": "image_url", "position": 0, "file": None, "sha256": None}
        ]
