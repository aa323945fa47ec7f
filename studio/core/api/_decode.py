"""JSON from the API into its typed values, once, at the edge; ProtocolError when unusable."""

from __future__ import annotations

from typing import Any

from studio.core.api._errors import ProtocolError
from studio.core.api._models import (
    Endpoint,
    EndpointDetail,
    MediaKind,
    MediaRef,
    Task,
    TaskError,
    TaskStatus,
)
from studio.core.api._parsing import (
    as_dict,
    as_float,
    as_int,
    as_str,
    as_str_tuple,
    parse_timestamp,
)

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
