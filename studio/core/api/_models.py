"""Typed values of the Mountsea API (Task, Endpoint, MediaRef ...), parsed once from JSON here."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from studio.core.api._errors import ProtocolError
from studio.core.api._parsing import (
    as_dict,
    as_float,
    as_int,
    as_str,
    as_str_tuple,
    parse_timestamp,
)

if TYPE_CHECKING:
    from datetime import datetime

_log = logging.getLogger("studio.api")
_warned_statuses: set[str] = set()


class TaskStatus(StrEnum):
    """A task's lifecycle state; UNKNOWN stands for any status string this client does not know."""

    QUEUED = "queued"
    PROCESSING = "processing"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    TIMEOUT = "timeout"
    CANCELED = "canceled"
    UNKNOWN = "unknown"

    @property
    def is_terminal(self) -> bool:
        """True once the task can no longer change (UNKNOWN is not terminal: keep polling)."""
        return self in _TERMINAL

    @classmethod
    def parse(cls, text: str) -> TaskStatus:
        """The member for `text`; unknown strings map to UNKNOWN and are logged once each."""
        try:
            status = cls(text)
        except ValueError:
            status = cls.UNKNOWN
        if status is cls.UNKNOWN and text and text not in _warned_statuses:
            _warned_statuses.add(text)
            _log.warning("Unknown task status %r; treating it as not finished", text)
        return status


_TERMINAL = frozenset(
    {TaskStatus.SUCCEEDED, TaskStatus.FAILED, TaskStatus.TIMEOUT, TaskStatus.CANCELED}
)


class MediaKind(StrEnum):
    """What kind of file a MediaRef points at."""

    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"
    OTHER = "other"


@dataclass(frozen=True)
class MediaRef:
    """One output file of a task; only `url` is documented, the rest is optional metadata."""

    url: str
    kind: MediaKind
    content_type: str | None = None
    file_name: str | None = None
    file_size: int | None = None
    width: int | None = None
    height: int | None = None
    duration: float | None = None


@dataclass(frozen=True)
class TaskError:
    """Why a task failed or timed out, as the server put it."""

    code: int | None
    message: str


@dataclass(frozen=True)
class Task:
    """The standard Mountsea Task object; `raw` keeps the exact JSON for display."""

    task_id: str
    endpoint: str
    model: str
    capability: str
    mode: str
    status: TaskStatus
    status_text: str
    created_at: datetime | None
    started_at: datetime | None
    completed_at: datetime | None
    elapsed_ms: int | None
    output: dict[str, Any] | None
    media: tuple[MediaRef, ...]
    text: str | None
    error: TaskError | None
    raw: dict[str, Any] = field(repr=False)


@dataclass(frozen=True)
class Endpoint:
    """One marketplace endpoint as listed by GET /ms/v1/endpoints."""

    slug: str
    name: str
    provider: str
    model: str
    capability: str
    mode: str
    tags: tuple[str, ...]
    description: str
    raw: dict[str, Any] = field(repr=False)


@dataclass(frozen=True)
class EndpointDetail(Endpoint):
    """An endpoint with its schemas and ready-to-POST example bodies ({"input": {...}})."""

    input_schema: dict[str, Any] = field(default_factory=dict, repr=False)
    output_schema: dict[str, Any] = field(default_factory=dict, repr=False)
    examples: tuple[dict[str, Any], ...] = field(default=(), repr=False)


_MEDIA_KEYS = (("images", MediaKind.IMAGE), ("videos", MediaKind.VIDEO), ("audio", MediaKind.AUDIO))


def parse_task(data: object) -> Task:
    """A Task from decoded JSON; raises ProtocolError when there is no task id."""
    raw = _require_object(data, "task")
    task_id = as_str(raw.get("task_id"))
    if not task_id:
        raise ProtocolError("The server sent a task without a task id.", body=raw)
    output = as_dict(raw.get("output"))
    status_text = as_str(raw.get("status"))
    return Task(
        task_id=task_id,
        endpoint=as_str(raw.get("endpoint")),
        model=as_str(raw.get("model")),
        capability=as_str(raw.get("capability")),
        mode=as_str(raw.get("mode")),
        status=TaskStatus.parse(status_text),
        status_text=status_text,
        created_at=parse_timestamp(raw.get("created_at")),
        started_at=parse_timestamp(raw.get("started_at")),
        completed_at=parse_timestamp(raw.get("completed_at")),
        elapsed_ms=as_int(raw.get("elapsed_ms")),
        output=output,
        media=parse_media(output),
        text=_output_text(output),
        error=_parse_task_error(raw.get("error")),
        raw=raw,
    )


def parse_media(output: dict[str, Any] | None) -> tuple[MediaRef, ...]:
    """Files in output.images / videos / audio; each a list or one item, a {url} or a URL."""
    if output is None:
        return ()
    refs: list[MediaRef] = []
    for key, kind in _MEDIA_KEYS:
        value = output.get(key)
        items = value if isinstance(value, list) else [value]
        refs.extend(ref for item in items if (ref := _media_item(item, kind)) is not None)
    return tuple(refs)


def _media_item(item: object, kind: MediaKind) -> MediaRef | None:
    if isinstance(item, str) and item:
        return MediaRef(url=item, kind=kind)
    if not isinstance(item, dict) or not as_str(item.get("url")):
        return None
    return MediaRef(
        url=as_str(item.get("url")),
        kind=kind,
        content_type=as_str(item.get("content_type")) or None,
        file_name=as_str(item.get("file_name")) or None,
        file_size=as_int(item.get("file_size")),
        width=as_int(item.get("width")),
        height=as_int(item.get("height")),
        duration=as_float(item.get("duration")),
    )


def _output_text(output: dict[str, Any] | None) -> str | None:
    text = output.get("text") if output is not None else None
    return text if isinstance(text, str) else None


def _parse_task_error(value: object) -> TaskError | None:
    if isinstance(value, str) and value:
        return TaskError(code=None, message=value)
    if not isinstance(value, dict):
        return None
    message = value.get("message")
    return TaskError(code=as_int(value.get("code")), message=str(message) if message else "")


def parse_endpoint(data: object) -> Endpoint:
    """An Endpoint from one list item; raises ProtocolError when there is no slug."""
    return Endpoint(**_endpoint_fields(data))


def parse_endpoint_detail(data: object) -> EndpointDetail:
    """An EndpointDetail; examples are normalised to ready-to-POST {"input": {...}} bodies."""
    fields = _endpoint_fields(data)
    raw = fields["raw"]
    return EndpointDetail(
        **fields,
        input_schema=as_dict(raw.get("input_schema")) or {},
        output_schema=as_dict(raw.get("output_schema")) or {},
        examples=_examples(raw),
    )


def _endpoint_fields(data: object) -> dict[str, Any]:
    raw = _require_object(data, "endpoint")
    slug = as_str(raw.get("slug"))
    if not slug:
        raise ProtocolError("The server sent an endpoint without a slug.", body=raw)
    return {
        "slug": slug,
        "name": as_str(raw.get("name")) or slug,
        "provider": as_str(raw.get("provider")),
        "model": as_str(raw.get("model")),
        "capability": as_str(raw.get("capability")),
        "mode": as_str(raw.get("mode")),
        "tags": as_str_tuple(raw.get("tags")),
        "description": as_str(raw.get("description")),
        "raw": raw,
    }


def _examples(raw: dict[str, Any]) -> tuple[dict[str, Any], ...]:
    value = raw.get("examples")
    if value is None and isinstance(raw.get("example"), dict):
        value = [raw["example"]]  # Hub-style single example: the `input` object itself
    items = value if isinstance(value, list) else []
    return tuple(ex if "input" in ex else {"input": ex} for ex in items if isinstance(ex, dict))


def _require_object(data: object, what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ProtocolError(f"The server sent a {what} that is not a JSON object.", body=data)
    return data
