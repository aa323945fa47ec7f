"""Keeps the simulator's tasks on disk under ``--data-dir`` so they survive a restart.

Each task owns ``<data-dir>/<task_id>/``: ``input.json`` (written once, before the task runs),
``task.json`` (its state, rewritten atomically on every change) and its media files.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from studio.sim.lifecycle import TaskRecord, TaskStatus

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
STATE_FILE = "task.json"
INPUT_FILE = "input.json"


class CorruptStateError(ValueError):
    """A state or input file that cannot be read back."""


@dataclass(frozen=True)
class StoredTask:
    """A task loaded from disk; ``inputs`` and ``submitted_base_url`` only if it must resume."""

    record: TaskRecord
    inputs: dict[str, Any] | None = None
    submitted_base_url: str = ""


class TaskPersistence:
    """Reads and writes the state files of the tasks under one data directory."""

    def __init__(self, data_dir: Path) -> None:
        self._data_dir = data_dir

    def save_input(self, record: TaskRecord, inputs: Mapping[str, Any], base_url: str) -> None:
        """Blocking (run it in a thread): the task's directory and its ``input.json``."""
        task_dir = self._data_dir / record.task_id
        task_dir.mkdir(exist_ok=True)
        body = {
            "format": FORMAT_VERSION,
            "endpoint": record.endpoint,
            "base_url": base_url,
            "input": inputs,
        }
        write_atomically(task_dir / INPUT_FILE, json.dumps(body))

    def save(self, record: TaskRecord) -> None:
        """Write ``task.json`` now; a failure is logged, the task goes on in memory."""
        task_dir = self._data_dir / record.task_id
        try:
            write_atomically(task_dir / STATE_FILE, json.dumps(record_to_state(record)))
        except OSError as error:
            log.warning("could not save task %s: %r", record.task_id, error)

    def load(self, base_url: str) -> list[StoredTask]:
        """Every readable task, oldest first, output URLs pointing at ``base_url``."""
        tasks: list[StoredTask] = []
        for state_path in self._data_dir.glob(f"*/{STATE_FILE}"):
            try:
                tasks.append(self._load_one(state_path.parent, base_url))
            except (OSError, ValueError, KeyError, TypeError) as error:
                log.warning("skipping unreadable task state %s: %r", state_path, error)
        tasks.sort(key=lambda task: task.record.created_at)
        return tasks

    def _load_one(self, task_dir: Path, base_url: str) -> StoredTask:
        record = record_from_state(read_json_object(task_dir / STATE_FILE))
        if record.task_id != task_dir.name:
            raise CorruptStateError(f"task id {record.task_id} in the directory of {task_dir.name}")
        if record.output is not None:
            files_url = f"{base_url}/files/{record.task_id}"
            record.output = rebase_output(record.output, files_url, record.file_names)
        if record.status.is_terminal:
            return StoredTask(record)
        body = read_json_object(task_dir / INPUT_FILE)
        inputs, submitted = body["input"], body["base_url"]
        if not isinstance(inputs, dict) or not isinstance(submitted, str):
            raise CorruptStateError(f"malformed {INPUT_FILE}")
        return StoredTask(record, inputs, submitted)


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary sibling, then rename: readers see the old or the new file, whole."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def read_json_object(path: Path) -> dict[str, Any]:
    body = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(body, dict) or body.get("format") != FORMAT_VERSION:
        raise CorruptStateError(f"{path.name} is not a format {FORMAT_VERSION} object")
    return body


def record_to_state(record: TaskRecord) -> dict[str, Any]:
    return {
        "format": FORMAT_VERSION,
        "task_id": record.task_id,
        "endpoint": record.endpoint,
        "model": record.model,
        "capability": record.capability,
        "mode": record.mode,
        "status": record.status.value,
        "webhook_url": record.webhook_url,
        "webhook_delivered": record.webhook_delivered,
        "created_at": record.created_at.isoformat(),
        "started_at": _iso(record.started_at),
        "completed_at": _iso(record.completed_at),
        "planned_start_at": _iso(record.planned_start_at),
        "planned_end_at": _iso(record.planned_end_at),
        "output": record.output,
        "error": record.error,
        "file_names": record.file_names,
    }


def record_from_state(state: Mapping[str, Any]) -> TaskRecord:
    """The record back from :func:`record_to_state`; raises ValueError/KeyError/TypeError."""
    created_at = _moment(state["created_at"])
    if created_at is None:
        raise CorruptStateError("created_at is missing")
    file_names = state["file_names"]
    if not isinstance(file_names, list) or not all(isinstance(n, str) for n in file_names):
        raise CorruptStateError("file_names must be a list of names")
    webhook_url = state["webhook_url"]
    return TaskRecord(
        task_id=_text(state, "task_id"),
        endpoint=_text(state, "endpoint"),
        model=_text(state, "model"),
        capability=_text(state, "capability"),
        mode=_text(state, "mode"),
        webhook_url=None if webhook_url is None else str(webhook_url),
        webhook_delivered=bool(state["webhook_delivered"]),
        created_at=created_at,
        status=TaskStatus(state["status"]),
        started_at=_moment(state["started_at"]),
        completed_at=_moment(state["completed_at"]),
        planned_start_at=_moment(state["planned_start_at"]),
        planned_end_at=_moment(state["planned_end_at"]),
        output=_optional_object(state, "output"),
        error=_optional_object(state, "error"),
        file_names=file_names,
    )


def rebase_output(value: Any, files_url: str, file_names: list[str]) -> Any:
    """A copy of ``output`` whose file items' ``url`` is ``files_url/<file_name>``."""
    if isinstance(value, list):
        return [rebase_output(item, files_url, file_names) for item in value]
    if not isinstance(value, dict):
        return value
    rebased = {key: rebase_output(item, files_url, file_names) for key, item in value.items()}
    name = rebased.get("file_name")
    if "url" in rebased and isinstance(name, str) and name in file_names:
        rebased["url"] = f"{files_url}/{name}"
    return rebased


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _moment(value: Any) -> datetime | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        raise CorruptStateError(f"timestamp without a zone: {value}")
    return moment


def _text(state: Mapping[str, Any], key: str) -> str:
    value = state[key]
    if not isinstance(value, str) or not value:
        raise CorruptStateError(f"{key} must be a non-empty string")
    return value


def _optional_object(state: Mapping[str, Any], key: str) -> dict[str, Any] | None:
    value = state[key]
    if value is not None and not isinstance(value, dict):
        raise CorruptStateError(f"{key} must be an object or null")
    return value
