"""Parsing of Task, MediaRef and Endpoint JSON, including the documented examples."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta, timezone

import pytest

from studio.core.api import (
    MediaKind,
    MediaRef,
    ProtocolError,
    TaskError,
    TaskStatus,
    parse_endpoint,
    parse_endpoint_detail,
    parse_task,
)
from studio.core.api._parsing import parse_timestamp
from tests.fakes.transport import EXAMPLE_TASK, endpoint_json, task_json


def test_documented_queued_task_parses() -> None:
    task = parse_task(dict(EXAMPLE_TASK))
    assert task.task_id == "ms-3f0c2b8e-6a1d-4f3e-9c1a-2b7d9e5f4a10"
    assert task.endpoint == "google/veo-3.1/text-to-video"
    assert (task.model, task.capability, task.mode) == ("veo-3.1", "video", "text-to-video")
    assert task.status is TaskStatus.QUEUED
    assert task.status_text == "queued"
    assert task.created_at == datetime(2026, 5, 18, 9, 0, tzinfo=UTC)
    assert task.started_at is None
    assert task.completed_at is None
    assert task.elapsed_ms is None
    assert task.output is None
    assert task.media == ()
    assert task.text is None
    assert task.error is None
    assert task.raw == EXAMPLE_TASK


def test_succeeded_task_exposes_video_media() -> None:
    data = task_json(
        status="succeeded",
        started_at="2026-05-18T09:00:01.250Z",
        completed_at="2023-11-07T05:31:56Z",
        elapsed_ms=41250,
        output={"videos": [{"url": "https://cdn.example/v.mp4"}]},
    )
    task = parse_task(data)
    assert task.status is TaskStatus.SUCCEEDED
    assert task.status.is_terminal
    assert task.media == (MediaRef(url="https://cdn.example/v.mp4", kind=MediaKind.VIDEO),)
    assert task.started_at == datetime(2026, 5, 18, 9, 0, 1, 250000, tzinfo=UTC)
    assert task.completed_at == datetime(2023, 11, 7, 5, 31, 56, tzinfo=UTC)
    assert task.elapsed_ms == 41250


def test_failed_task_carries_its_error() -> None:
    task = parse_task(task_json(status="failed", error={"code": 500, "message": "task failed"}))
    assert task.status is TaskStatus.FAILED
    assert task.error == TaskError(code=500, message="task failed")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-11-07T05:31:56Z", datetime(2023, 11, 7, 5, 31, 56, tzinfo=UTC)),
        ("2026-05-18T09:00:00.000Z", datetime(2026, 5, 18, 9, tzinfo=UTC)),
        (
            "2026-05-18T11:00:00.5+02:00",
            datetime(2026, 5, 18, 11, 0, 0, 500000, tzinfo=timezone(timedelta(hours=2))),
        ),
        ("2026-05-18T09:00:00", datetime(2026, 5, 18, 9, tzinfo=UTC)),
        (1_700_000_000, datetime.fromtimestamp(1_700_000_000, tz=UTC)),
        (1_700_000_000_000, datetime.fromtimestamp(1_700_000_000, tz=UTC)),
        ("yesterday", None),
        (None, None),
    ],
)
def test_timestamps_are_aware_or_none(text: object, expected: datetime | None) -> None:
    parsed = parse_timestamp(text)
    assert parsed == expected
    assert parsed is None or parsed.tzinfo is not None


def test_terminal_statuses() -> None:
    terminal = {s for s in TaskStatus if s.is_terminal}
    assert terminal == {
        TaskStatus.SUCCEEDED,
        TaskStatus.FAILED,
        TaskStatus.TIMEOUT,
        TaskStatus.CANCELED,
    }


def test_unknown_status_is_not_terminal_and_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="studio.api")
    first = parse_task(task_json(status="warming-up-xyz"))
    second = parse_task(task_json(status="warming-up-xyz"))
    assert first.status is TaskStatus.UNKNOWN
    assert first.status_text == "warming-up-xyz"
    assert not second.status.is_terminal
    warnings = [r for r in caplog.records if "warming-up-xyz" in r.getMessage()]
    assert len(warnings) == 1


def test_media_items_as_objects_strings_and_single_objects() -> None:
    output = {
        "images": [
            {"url": "https://cdn.example/a.png", "width": 1024, "height": 768},
            "https://cdn.example/b.png",
        ],
        "audio": {
            "url": "https://cdn.example/m.mp3",
            "content_type": "audio/mpeg",
            "file_name": "m.mp3",
            "file_size": 12345,
            "duration": 30.5,
        },
        "videos": [{"no_url": True}, None],
    }
    media = parse_task(task_json(status="succeeded", output=output)).media
    assert media == (
        MediaRef("https://cdn.example/a.png", MediaKind.IMAGE, width=1024, height=768),
        MediaRef("https://cdn.example/b.png", MediaKind.IMAGE),
        MediaRef(
            "https://cdn.example/m.mp3",
            MediaKind.AUDIO,
            content_type="audio/mpeg",
            file_name="m.mp3",
            file_size=12345,
            duration=30.5,
        ),
    )


def test_transcript_text_and_unknown_fields_are_kept() -> None:
    data = task_json(
        status="succeeded",
        capability="transcribe",
        mode="speech-to-text",
        output={"text": "hello world", "chunks": []},
        cost_credits=3,
    )
    task = parse_task(data)
    assert task.text == "hello world"
    assert task.capability == "transcribe"
    assert task.raw["cost_credits"] == 3


def test_task_without_id_is_a_protocol_error() -> None:
    with pytest.raises(ProtocolError):
        parse_task({"status": "queued"})
    with pytest.raises(ProtocolError):
        parse_task(["not", "an", "object"])


def test_task_repr_leaves_out_raw() -> None:
    task = parse_task(task_json(secret_field="zzz-hidden"))
    assert "zzz-hidden" not in repr(task)


def test_endpoint_list_item_parses_with_unknown_capability() -> None:
    endpoint = parse_endpoint(endpoint_json(capability="lip-sync", extra={"a": 1}))
    assert endpoint.slug == "google/veo-3.1/text-to-video"
    assert endpoint.capability == "lip-sync"
    assert endpoint.tags == ("google", "veo-3.1")
    assert endpoint.raw["extra"] == {"a": 1}


def test_endpoint_detail_normalises_examples() -> None:
    data = endpoint_json(
        input_schema={"type": "object", "properties": {"prompt": {"type": "string"}}},
        output_schema={"type": "object"},
        examples=[{"input": {"prompt": "a cat"}}, {"prompt": "bare input"}, "junk"],
    )
    detail = parse_endpoint_detail(data)
    assert detail.input_schema["properties"] == {"prompt": {"type": "string"}}
    assert detail.output_schema == {"type": "object"}
    assert detail.examples == ({"input": {"prompt": "a cat"}}, {"input": {"prompt": "bare input"}})


def test_endpoint_detail_accepts_hub_style_single_example() -> None:
    detail = parse_endpoint_detail(endpoint_json(example={"prompt": "x"}))
    assert detail.examples == ({"input": {"prompt": "x"}},)
    assert detail.input_schema == {}


def test_endpoint_without_slug_is_a_protocol_error() -> None:
    with pytest.raises(ProtocolError):
        parse_endpoint({"name": "nameless"})
