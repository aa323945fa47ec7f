"""The simulator's task store: the Task state machine, its JSON form and bounded-memory eviction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

DEFAULT_MAX_TASKS = 500
DEFAULT_TTL_SECONDS = 3600.0


class TaskStatus(StrEnum):
    QUEUED = "queued"
    PROCESSING = "processing"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    TIMEOUT = "timeout"
    CANCELED = "canceled"

    @property
    def is_terminal(self) -> bool:
        return self in TERMINAL_STATUSES


TERMINAL_STATUSES = frozenset(
    {TaskStatus.SUCCEEDED, TaskStatus.FAILED, TaskStatus.TIMEOUT, TaskStatus.CANCELED}
)
_ALLOWED: Mapping[TaskStatus, frozenset[TaskStatus]] = {
    TaskStatus.QUEUED: frozenset({TaskStatus.PROCESSING, TaskStatus.CANCELED}),
    TaskStatus.PROCESSING: frozenset(TERMINAL_STATUSES),
}


class InvalidTransitionError(Exception):
    """The task cannot move to the requested status (e.g. canceling a finished task)."""


class StoreFullError(Exception):
    """Every slot holds a task that is still running, so nothing can be evicted."""


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso_millis(moment: datetime | None) -> str | None:
    """``2026-05-18T09:00:00.000Z`` (UTC, milliseconds, ``Z``)."""
    if moment is None:
        return None
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@dataclass
class TaskRecord:
    """One task as the simulator tracks it (mutable; only the store changes it)."""

    task_id: str
    endpoint: str
    model: str
    capability: str
    mode: str
    webhook_url: str | None
    created_at: datetime
    status: TaskStatus = TaskStatus.QUEUED
    started_at: datetime | None = None
    completed_at: datetime | None = None
    output: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    file_names: list[str] = field(default_factory=list)
    planned_start_at: datetime | None = None
    planned_end_at: datetime | None = None
    webhook_delivered: bool = False

    def to_json(self) -> dict[str, Any]:
        """The standard Task object (CONTRACT §4): every key present, null when unset."""
        elapsed_ms = None
        if self.completed_at is not None:
            elapsed_ms = int((self.completed_at - self.created_at) / timedelta(milliseconds=1))
        return {
            "task_id": self.task_id,
            "endpoint": self.endpoint,
            "model": self.model,
            "capability": self.capability,
            "mode": self.mode,
            "status": self.status.value,
            "created_at": iso_millis(self.created_at),
            "started_at": iso_millis(self.started_at),
            "completed_at": iso_millis(self.completed_at),
            "elapsed_ms": elapsed_ms,
            "output": self.output,
            "error": self.error,
        }


class TaskStore:
    """Tasks by id, oldest first; evicts finished tasks past the TTL or beyond ``max_tasks``."""

    def __init__(
        self,
        clock: Callable[[], datetime] = utc_now,
        max_tasks: int = DEFAULT_MAX_TASKS,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        on_evict: Callable[[TaskRecord], None] | None = None,
        on_change: Callable[[TaskRecord], None] | None = None,
    ) -> None:
        self._clock = clock
        self._max_tasks = max_tasks
        self._ttl = timedelta(seconds=ttl_seconds)
        self._on_evict = on_evict
        self._on_change = on_change
        self._tasks: dict[str, TaskRecord] = {}

    def __len__(self) -> int:
        return len(self._tasks)

    def create(self, entry: Mapping[str, Any], webhook_url: str | None) -> TaskRecord:
        """A new ``queued`` task; makes room first. Raises StoreFullError if it cannot."""
        self._make_room(self._max_tasks - 1)
        if len(self._tasks) >= self._max_tasks:
            raise StoreFullError(f"{len(self._tasks)} tasks are still running")
        record = TaskRecord(
            task_id=f"ms-{uuid.uuid4()}",
            endpoint=str(entry["slug"]),
            model=str(entry["model"]),
            capability=str(entry["capability"]),
            mode=str(entry["mode"]),
            webhook_url=webhook_url,
            created_at=self._clock(),
        )
        self._tasks[record.task_id] = record
        return record

    def restore(self, record: TaskRecord) -> None:
        """Take back a task loaded from disk as it is (callers add them oldest first)."""
        self._tasks[record.task_id] = record

    def get(self, task_id: str) -> TaskRecord | None:
        return self._tasks.get(task_id)

    def plan(self, task_id: str, start_at: datetime, end_at: datetime) -> TaskRecord:
        """Record when the task is due to start processing and to end."""
        record = self._require(task_id)
        record.planned_start_at = start_at
        record.planned_end_at = end_at
        return self._changed(record)

    def start(self, task_id: str) -> TaskRecord:
        record = self._transition(task_id, TaskStatus.PROCESSING)
        record.started_at = self._clock()
        return self._changed(record)

    def succeed(self, task_id: str, output: dict[str, Any], file_names: list[str]) -> TaskRecord:
        record = self._finish(task_id, TaskStatus.SUCCEEDED)
        record.output = output
        record.file_names = file_names
        return self._changed(record)

    def fail(self, task_id: str, status: TaskStatus, code: int, message: str) -> TaskRecord:
        """End the task ``failed`` or ``timeout`` with ``error = {code, message}``."""
        if status not in (TaskStatus.FAILED, TaskStatus.TIMEOUT):
            raise ValueError(f"not an error status: {status}")
        record = self._finish(task_id, status)
        record.error = {"code": code, "message": message}
        return self._changed(record)

    def cancel(self, task_id: str) -> TaskRecord:
        return self._changed(self._finish(task_id, TaskStatus.CANCELED))

    def mark_webhook_delivered(self, task_id: str) -> None:
        """Remember that the terminal webhook arrived (ignored if the task is gone)."""
        record = self._tasks.get(task_id)
        if record is not None:
            record.webhook_delivered = True
            self._changed(record)

    def evict_expired(self) -> list[str]:
        """Drop finished tasks completed more than the TTL ago; returns their ids."""
        cutoff = self._clock() - self._ttl
        expired = [
            record
            for record in self._tasks.values()
            if record.completed_at is not None and record.completed_at <= cutoff
        ]
        return [self._evict(record) for record in expired]

    def trim(self) -> None:
        """Evict the oldest finished tasks beyond ``max_tasks`` (after a restore)."""
        self._make_room(self._max_tasks)

    def _make_room(self, keep: int) -> None:
        excess = len(self._tasks) - keep
        if excess <= 0:
            return
        finished = [record for record in self._tasks.values() if record.status.is_terminal]
        for record in finished[:excess]:
            self._evict(record)

    def _evict(self, record: TaskRecord) -> str:
        del self._tasks[record.task_id]
        if self._on_evict is not None:
            self._on_evict(record)
        return record.task_id

    def _finish(self, task_id: str, status: TaskStatus) -> TaskRecord:
        record = self._transition(task_id, status)
        record.completed_at = self._clock()
        return record

    def _changed(self, record: TaskRecord) -> TaskRecord:
        if self._on_change is not None:
            self._on_change(record)
        return record

    def _require(self, task_id: str) -> TaskRecord:
        record = self._tasks.get(task_id)
        if record is None:
            raise KeyError(task_id)
        return record

    def _transition(self, task_id: str, target: TaskStatus) -> TaskRecord:
        record = self._require(task_id)
        if target not in _ALLOWED.get(record.status, frozenset()):
            raise InvalidTransitionError(f"task is {record.status.value}, cannot become {target}")
        record.status = target
        return record
