"""Typed values of the Mountsea API (Task, Endpoint, MediaRef ...); _decode makes them from JSON."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

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
