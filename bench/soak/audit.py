"""The fault-free check after a soak run: every job of the library against the simulator's own
record of every task it made (its final state, its files byte for byte, duplicates, orphans)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from studio.core.jobs import JobStatus
from studio.core.media import sha256_file, source_facts_of

if TYPE_CHECKING:
    from pathlib import Path

    from bench.soak.simulator import Simulator
    from studio.core.library import JobRecord, Library

_ACTIVE = frozenset({JobStatus.SUBMITTING, JobStatus.QUEUED, JobStatus.PROCESSING})
_SHOWN_PROBLEMS = 12


@dataclass
class Audit:
    """What the check found; `problems` describe the first few things that are not right."""

    jobs: int = 0
    created: int = 0  # jobs the simulator made a task for
    with_id: int = 0  # jobs that know their task id
    true_state: int = 0  # ... whose recorded final state is the task's final state
    outputs: int = 0  # files of succeeded tasks
    byte_exact: int = 0  # ... on disk with exactly the simulator's bytes
    duplicates: int = 0  # extra tasks made for one job
    stuck: int = 0  # jobs still running in the library
    unknown: int = 0  # jobs marked "unknown — may exist on the server"
    orphans: int = 0  # tasks made but known to no job
    missing: int = 0  # planned jobs the library does not have
    problems: list[str] = field(default_factory=list)

    def problem(self, text: str) -> None:
        if len(self.problems) < _SHOWN_PROBLEMS:
            self.problems.append(text)


def audit(library: Library, simulator: Simulator, prompts: list[str]) -> Audit:
    """Blocking: compare the library's jobs for `prompts` with the simulator's tasks."""
    result = Audit(jobs=len(prompts))
    wanted = set(prompts)
    records = {r.prompt: r for r in library.recent_jobs(100_000) if r.prompt in wanted}
    server = simulator.tasks()
    tasks_by_prompt: dict[str, list[str]] = {}
    for task_id, stored in server.items():
        prompt = str(stored.get("input", {}).get("prompt", ""))
        if prompt in wanted:
            tasks_by_prompt.setdefault(prompt, []).append(task_id)
    known_ids = {task_id for record in records.values() for task_id in record.remote_ids}
    with simulator.admin() as api:
        for prompt in prompts:
            record = records.get(prompt)
            if record is None:
                result.missing += 1
                result.problem(f"{prompt!r}: not in the library")
                continue
            made = tasks_by_prompt.get(prompt, [])
            _check_job(
                result, library=library, simulator=simulator, api=api, record=record, made=made
            )
    orphans = [t for ids in tasks_by_prompt.values() for t in ids if t not in known_ids]
    result.orphans = len(orphans)
    return result


def _check_job(
    result: Audit,
    *,
    library: Library,
    simulator: Simulator,
    api: Any,
    record: JobRecord,
    made: list[str],
) -> None:
    result.created += bool(made)
    result.duplicates += max(0, len(made) - 1)
    if len(made) > 1:
        result.problem(f"{record.prompt!r}: {len(made)} tasks on the server")
    if record.status in _ACTIVE:
        result.stuck += 1
        result.problem(f"{record.prompt!r}: still {record.status.value}")
    if record.status is JobStatus.UNKNOWN:
        result.unknown += 1
    if record.remote_id is None:
        return
    result.with_id += 1
    task = api.get(f"/ms/v1/tasks/{record.remote_id}").json()
    if task.get("status") == record.status.value:
        result.true_state += 1
    else:
        result.problem(
            f"{record.prompt!r}: recorded {record.status.value}, the task is {task.get('status')}"
            f" ({record.error or 'no error'})"
        )
    if task.get("status") == "succeeded":
        _check_files(result, library, simulator, record, task)


def _check_files(
    result: Audit, library: Library, simulator: Simulator, record: JobRecord, task: dict[str, Any]
) -> None:
    rows = {row.remote_url: row for row in library.outputs_for_job(record.local_id)}
    output = task.get("output") or {}
    for key in ("images", "videos", "audio"):
        items = output.get(key) or []
        for item in items if isinstance(items, list) else [items]:
            result.outputs += 1
            url = str(item.get("url", ""))
            row = rows.get(url)
            file = library.file_of(row) if row is not None else None
            original = _original(simulator.data_dir, url)
            if file is not None and _same_bytes(file, original):
                result.byte_exact += 1
            else:
                result.problem(f"{record.prompt!r}: output {url.rsplit('/', 1)[-1]} not exact")


def _original(data_dir: Path, url: str) -> Path:
    _, _, task_id, name = urlsplit(url).path.split("/")
    return data_dir / task_id / name


def _same_bytes(file: Path, original: Path) -> bool:
    """The downloaded bytes, as the sidecar recorded them before any metadata was embedded."""
    source = source_facts_of(file) or {"sha256": sha256_file(file), "size": file.stat().st_size}
    return source.get("sha256") == sha256_file(original) and source.get("size") == (
        original.stat().st_size
    )
