"""Values the library hands out: job and output records, gallery rows, filters, plans and tokens."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from studio.core.chain import Link
    from studio.core.jobs import JobStatus


class OutputKind(StrEnum):
    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"
    TEXT = "text"
    OTHER = "other"


class RecallMode(StrEnum):
    REMIX = "remix"  # every parameter except the seed
    USE_ALL = "use_all"  # the exact input
    USE_PROMPT = "use_prompt"  # only the prompt


class Unset(Enum):
    """Marks an argument the caller did not give (None is a real value: "clear it")."""

    UNSET = "unset"


UNSET: Final = Unset.UNSET


@dataclass(frozen=True)
class JobRecord:
    """One queue row as stored; times are unix seconds (UTC)."""

    local_id: str
    endpoint: str
    capability: str
    model: str
    schema_fingerprint: str
    input: dict[str, Any]
    prompt: str
    webhook_url: str | None
    status: JobStatus
    remote_id: str | None
    remote_ids: tuple[str, ...]
    error: str | None
    created_at: float
    submitted_at: float | None
    started_at: float | None
    finished_at: float | None
    elapsed_ms: int | None
    task_json: str | None
    deleted_at: float | None
    backend: str = ""  # where its tasks were sent ("demo", an API base URL); '' = before v3

    def task(self) -> Any:
        """The last raw Task as parsed JSON, or None."""
        return None if self.task_json is None else json.loads(self.task_json)


@dataclass(frozen=True, slots=True)
class OutputRecord:
    """One output of a job; local_path is relative to the outputs root, None until downloaded."""

    id: int
    local_id: str
    index: int
    kind: OutputKind
    remote_url: str | None
    local_path: str | None
    sha256: str | None
    size: int | None
    media_type: str | None
    width: int | None
    height: int | None
    duration: float | None
    created_at: float
    favourite: bool
    trashed_at: float | None
    task_id: str = ""  # the task (one attempt of the job) it came from; '' = unknown
    position: int | None = None  # its place in that task's media; None for a text result

    @property
    def is_downloaded(self) -> bool:
        return self.local_path is not None


@dataclass(frozen=True, slots=True)
class GalleryItem:
    """An output joined with its job, ready for a gallery tile; file is absolute when downloaded.

    A gallery page is lean: ``complete`` is False when the job's input was too big to carry
    (inline data: URIs), and ``input`` is then empty; Library.gallery_item reads it whole.
    """

    output: OutputRecord
    file: Path | None
    prompt: str
    endpoint: str
    model: str
    capability: str
    input: dict[str, Any]
    status: JobStatus
    job_created_at: float
    elapsed_ms: int | None
    complete: bool = True

    @property
    def id(self) -> int:
        return self.output.id

    @property
    def local_id(self) -> str:
        return self.output.local_id


@dataclass(frozen=True)
class OutputFilter:
    """What the gallery shows. Naive datetimes are local time; text is user input, made safe."""

    capability: str | None = None
    endpoint: str | None = None
    model: str | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None
    favourites_only: bool = False
    status: str | None = None
    text: str = ""
    include_trashed: bool = False
    trash_only: bool = False
    newest_first: bool = True
    made_from: int | None = None  # only this output and everything made from it, recursively


@dataclass(frozen=True)
class ReconcilePlan:
    """What start-up must do so no job is forgotten."""

    to_follow: tuple[JobRecord, ...]  # still running remotely: poll again
    to_mark_unknown: tuple[JobRecord, ...]  # died between "recorded" and "submitted"
    to_download: tuple[JobRecord, ...]  # succeeded, some outputs not on disk yet
    elsewhere: tuple[JobRecord, ...] = ()  # unfinished on another backend: left for it

    @property
    def is_empty(self) -> bool:
        return not (self.to_follow or self.to_mark_unknown or self.to_download)


@dataclass(frozen=True)
class TrashToken:
    """Hand back to Library.undo_trash to put exactly these outputs back."""

    output_ids: tuple[int, ...]
    trashed_at: float


@dataclass(frozen=True)
class Recall:
    """Parameters to load into the form: never applied silently.

    ``sources`` are the library outputs the job used as inputs: their local files go back into
    their fields (the input keeps the copy that was sent, used when a file is gone).
    """

    endpoint: str
    input: dict[str, Any]
    mode: RecallMode
    sources: tuple[Link, ...] = ()


@dataclass(frozen=True)
class ExportResult:
    """Where an export went, what it wrote and which outputs had no file to copy."""

    destination: Path
    files: tuple[Path, ...]
    missing: tuple[int, ...]


class LibraryError(Exception):
    """A library call that cannot be carried out (unknown id, path outside the root…)."""
