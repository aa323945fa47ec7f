"""Values of the task queue (Job, JobStatus, SavedOutput) and the protocols the runner uses."""

from __future__ import annotations

import asyncio
import math
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from pathlib import Path

    from studio.core.api import FieldMessage, MediaRef, MountseaError, Task, TaskStatus


AMBIGUOUS_SUBMIT_MESSAGE = (
    "The request may have reached the server, but no answer came back. The task may exist and "
    "may be charged; it was not sent again. Retry only if you are sure it did not start."
)
CONNECTION_WARNING = "Connection problem — still trying (no connection)"
LOST_MESSAGE = "The server no longer knows this task."
NOT_RECORDED_MESSAGE = "The job could not be recorded in the library, so it was not sent."


def disk_full_message(folder: Path) -> str:
    """Why a file was not saved when its disk is full."""
    return f"The disk is full ({folder}): the file was not saved. Free some space, then retry."


MIN_ESTIMATE_S = 3.0


class JobStatus(StrEnum):
    """Where one queue row stands; the first six mirror the server's task statuses."""

    SUBMITTING = "submitting"
    QUEUED = "queued"
    PROCESSING = "processing"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    TIMEOUT = "timeout"
    CANCELED = "canceled"
    UNKNOWN = "unknown"  # the submit response never arrived: the task may exist on the server
    LOST = "lost"  # the server no longer knows the task id (404)
    CONTACT_LOST = "contact_lost"  # its replies kept being unreadable: following stopped

    @property
    def is_settled(self) -> bool:
        """Nothing more will happen to the row without a user action (retry/remove)."""
        return self in _SETTLED

    @property
    def is_running(self) -> bool:
        """Waiting locally, being submitted, or running remotely."""
        return not self.is_settled


_SETTLED = frozenset(
    {
        JobStatus.SUCCEEDED,
        JobStatus.FAILED,
        JobStatus.TIMEOUT,
        JobStatus.CANCELED,
        JobStatus.UNKNOWN,
        JobStatus.LOST,
        JobStatus.CONTACT_LOST,
    }
)
# Our own states, never a server's: a task "status" with one of these names is unrecognised.
_LOCAL_ONLY = frozenset(
    {JobStatus.UNKNOWN, JobStatus.LOST, JobStatus.CONTACT_LOST, JobStatus.SUBMITTING}
)


def job_status_of(status: TaskStatus) -> JobStatus:
    """The row status for a server status; an unrecognised one counts as still processing."""
    try:
        mapped = JobStatus(str(status.value))
    except ValueError:
        return JobStatus.PROCESSING
    if mapped in _LOCAL_ONLY:
        return JobStatus.PROCESSING
    return mapped


@dataclass(frozen=True, slots=True)
class RetryWait:
    """A submit the server answered "not now" (429 or 503): nothing was created on the server,
    and the same request goes out again at ``until`` as try ``attempt`` of ``max_attempts``."""

    reason: str  # "rate limited", "server busy"
    until: datetime
    attempt: int
    max_attempts: int

    def seconds_left(self, now: datetime) -> float:
        return max(0.0, (self.until - now).total_seconds())

    def describe(self, now: datetime) -> str:
        """ "Waiting — rate limited, 12 s (try 3 of 20)"; the countdown rounds up."""
        left = math.ceil(self.seconds_left(now))
        return f"Waiting — {self.reason}, {left} s (try {self.attempt} of {self.max_attempts})"


@dataclass(frozen=True, slots=True)
class SavedOutput:
    """One media output of a task: where it was saved, or why it could not be."""

    media: MediaRef
    path: Path | None
    error: str | None = None
    disk_full: Path | None = None  # the folder whose disk was full when it was being saved


def prompt_of(input: Mapping[str, Any]) -> str:
    """The prompt-like text of a job's input ("" when it has none, e.g. a transcription)."""
    for key in ("prompt", "text", "multi_prompt"):
        value = input.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def new_local_id() -> str:
    return uuid.uuid4().hex


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Job:
    """A snapshot of one queue row. The runner replaces it on every change; never mutate."""

    endpoint: str
    input: Mapping[str, Any]
    local_id: str = field(default_factory=new_local_id)
    webhook_url: str | None = None
    status: JobStatus = JobStatus.SUBMITTING
    task: Task | None = None
    task_id: str | None = None  # the current attempt's remote id
    remote_ids: tuple[str, ...] = ()  # every remote id this row ever had, oldest first
    error: str | None = None
    field_errors: tuple[FieldMessage, ...] = ()
    warning: str | None = None  # a transient problem (connection), cleared by the next update
    created_at: datetime = field(default_factory=utc_now)
    submitted_at: datetime | None = None  # when the current attempt's POST left
    started_at: datetime | None = None
    finished_at: datetime | None = None
    outputs: tuple[SavedOutput, ...] = ()
    text: str | None = None
    attempt: int = 1
    expected_s: float | None = None  # typical duration of this endpoint when submitted
    retry_wait: RetryWait | None = None  # answered "not now": waits to send again (not stored)
    backend: str = ""  # whose tasks it has ("demo", an API base URL); "" when not told

    @property
    def is_waiting_locally(self) -> bool:
        """Not yet sent: cancelling needs no HTTP call."""
        return self.status is JobStatus.SUBMITTING and self.submitted_at is None

    @property
    def can_follow_again(self) -> bool:
        """Following stopped while the task may still run: lost contact, or our own deadline."""
        if self.task_id is None:
            return False
        if self.status is JobStatus.CONTACT_LOST:
            return True
        local_deadline = self.task is None or not self.task.status.is_terminal
        return self.status is JobStatus.TIMEOUT and local_deadline

    @property
    def is_downloading(self) -> bool:
        """The server finished; the outputs are being fetched."""
        return (
            self.status is JobStatus.PROCESSING
            and self.task is not None
            and self.task.status == "succeeded"
        )

    @property
    def prompt(self) -> str:
        """The prompt-like text of the input, for list rows, titles and file names."""
        return prompt_of(self.input)

    def elapsed_s(self, now: datetime | None = None) -> float | None:
        """Seconds from sending the current attempt to its end (or to now)."""
        if self.submitted_at is None:
            return None
        end = self.finished_at or now or utc_now()
        return max(0.0, (end - self.submitted_at).total_seconds())

    def eta_s(self, now: datetime | None = None) -> float | None:
        """Seconds probably left for a running job; None when unknown, settled or too quick.

        A typical run under MIN_ESTIMATE_S gives no useful countdown (it would say "taking
        longer than usual" at once), so none is shown.
        """
        if self.expected_s is None or self.status.is_settled or self.expected_s < MIN_ESTIMATE_S:
            return None
        elapsed = self.elapsed_s(now) or 0.0
        return max(0.0, self.expected_s - elapsed)


class JobStateError(ValueError):
    """The action does not apply to the job in its current state (e.g. remove a running job)."""


class JobJournal(Protocol):
    """Durable record of the queue; calls return quickly. One that writes after returning
    also implements JournalBehind, which the runner awaits before a submit leaves."""

    def job_created(self, job: Job) -> None:
        """A new row, recorded before its POST leaves."""

    def job_changed(self, job: Job) -> None:
        """Any change: remote id known, status, outputs, retry."""


@runtime_checkable
class JournalBehind(Protocol):
    """A JobJournal that writes after its calls return (studio.core.library.QueuedJournal)."""

    async def on_disk(self, local_id: str) -> None:
        """Once the job's changes so far are written; raises what kept the latest one from it."""


Sleep = Callable[[float], Awaitable[None]]


class TaskClient(Protocol):
    """The part of ``studio.core.api.MountseaClient`` the runner uses."""

    async def run(self, slug: str, input: dict[str, Any], webhook_url: str | None = None) -> Task:
        """Submit a task."""

    async def get_task(self, task_id: str) -> Task:
        """Fetch a task's current state."""

    async def cancel_task(self, task_id: str) -> Task:
        """Cancel a non-terminal task."""

    def follow(
        self,
        task_id: str,
        *,
        initial_interval: float = 1.0,
        factor: float = 1.5,
        max_interval: float = 15.0,
        deadline: float = 3600.0,
        sleep: Sleep = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        on_problem: Callable[[MountseaError | None], None] | None = None,
        first_poll_after: float = 0.0,
        min_spacing: float = 0.0,
        expected_end: float | None = None,
    ) -> AsyncIterator[Task]:
        """Yield the task on each change; end at a terminal status; report polling trouble.

        The last three pace the polls: no poll before ``first_poll_after``, none closer to the
        one before than ``min_spacing``, one aimed at ``expected_end`` (seconds from the start).
        """

    async def download(self, url: str, dest: Path) -> Path:
        """Fetch ``url`` into ``dest``."""


def task_error_text(task: Task) -> str:
    """The task's error as one plain sentence."""
    defaults = {"timeout": "The task timed out on the server."}
    default = defaults.get(str(task.status.value), "The task failed.")
    error = task.error
    if error is None or not error.message.strip():
        return default
    message = " ".join(error.message.split())
    if error.code is not None and str(error.code) not in message:
        return f"{message} (code {error.code})"
    return message
