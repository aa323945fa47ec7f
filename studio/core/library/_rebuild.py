"""Rebuilding a damaged library: rows still readable, the outputs' sidecars, the submit log.

Used by _recovery after the damaged file was moved aside. The new DB is filled in one
transaction, in this order:

1. the rows SQLite can still read from a copy of the damaged file (history without files,
   favourites, trash), table by table, else row by row past the damaged pages;
2. every output file in the outputs folder with its sidecar (see _sidecars): a job row when the
   job is missing, its output row when that is missing, or the file put into the output row that
   was waiting for it (same task, same position). A sidecar is only written once its job has
   succeeded, so a row read back as still running for that same task is marked succeeded;
3. rows read back as "submitting" without the may-have-left mark: "unknown" when the submit log
   says (or, damaged, may say) that their request left, else "not sent". Nothing is sent by
   itself after a repair.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from studio.core.jobs import AMBIGUOUS_SUBMIT_MESSAGE, JobStatus
from studio.core.library import _files as files
from studio.core.library import _queries as queries
from studio.core.library._migrations import connect, migrate
from studio.core.library._sidecars import FoundOutput, found_output
from studio.core.library._sidecars import output_files as find_output_files
from studio.core.library._submits import SENDING, JobHistory, SubmitLog, submit_log_path
from studio.core.library._types import LibraryError, OutputKind

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

REPAIRED_NOT_SENT_MESSAGE: Final = (
    "Not sent: the library was repaired while this job waited to be sent. Retry it to send it."
)
_SALVAGE_LIMIT: Final = 2_000_000  # row ids probed one by one when a table cannot be read whole
_ACTIVE: Final = (JobStatus.SUBMITTING.value, JobStatus.QUEUED.value, JobStatus.PROCESSING.value)
_JOB_FIELDS: Final[tuple[str, ...]] = (
    "local_id", "endpoint", "capability", "model", "schema_fingerprint", "input_json", "prompt",
    "webhook_url", "status", "remote_id", "remote_ids_json", "error", "created_at",
    "submitted_at", "started_at", "finished_at", "elapsed_ms", "task_json", "deleted_at",
    "backend",
)  # fmt: skip
_OUTPUT_FIELDS: Final[tuple[str, ...]] = (
    "local_id", "index", "kind", "remote_url", "local_path", "sha256", "size", "media_type",
    "width", "height", "duration", "created_at", "favourite", "trashed_at", "task_id", "position",
)  # fmt: skip


@dataclass
class RebuildCounts:
    read_back: int = 0
    from_outputs: int = 0
    without_record: int = 0
    not_sent: list[str] = field(default_factory=list)


def rebuild(
    db_path: Path, outputs_root: Path, damaged: Path | None, clock: Callable[[], float]
) -> RebuildCounts:
    """Build the new DB at ``db_path`` from the damaged copy, the sidecars and the submit log."""
    counts = RebuildCounts()
    jobs, outputs = _salvage(damaged) if damaged is not None else ([], [])
    db = connect(db_path)
    try:
        migrate(db)
        db.execute("BEGIN IMMEDIATE")
        counts.read_back = _insert_salvaged(db, jobs, outputs)
        found, counts.without_record = _found_outputs(outputs_root)
        counts.from_outputs = _insert_found(db, outputs_root, found, clock)
        counts.not_sent = _settle_waiting(db, submit_log_path(db_path))
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    finally:
        db.close()
    return counts


# ---- 1. rows still readable in the damaged file ----------------------------------------------


def _salvage(damaged: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows of jobs and outputs that SQLite can still read from a copy of the damaged file."""
    with tempfile.TemporaryDirectory(prefix="studio-salvage-") as folder:
        copy = Path(folder) / "damaged.sqlite3"
        for suffix in ("", "-wal"):
            source = damaged.with_name(damaged.name + suffix)
            if source.exists():
                shutil.copyfile(source, copy.with_name(copy.name + suffix))
        try:
            db = sqlite3.connect(copy, isolation_level=None)
        except sqlite3.DatabaseError:
            return [], []
        try:
            db.row_factory = sqlite3.Row
            return _table_rows(db, "jobs"), _table_rows(db, "outputs")
        finally:
            db.close()


def _table_rows(db: sqlite3.Connection, table: str) -> list[dict[str, Any]]:
    try:
        return [dict(row) for row in db.execute(f"SELECT * FROM {table} ORDER BY id")]
    except sqlite3.DatabaseError:
        pass
    try:  # the table cannot be read whole: each row id on its own, past the damaged pages
        highest = db.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0
    except sqlite3.DatabaseError:
        return []
    rows = []
    for row_id in range(1, min(int(highest), _SALVAGE_LIMIT) + 1):
        with contextlib.suppress(sqlite3.DatabaseError):
            found = db.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
            if found is not None:
                rows.append(dict(found))
    return rows


def _insert(db: sqlite3.Connection, table: str, values: dict[str, Any]) -> None:
    columns = ", ".join(f'"{name}"' for name in values)
    marks = ", ".join("?" * len(values))
    db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(values.values()))


def _insert_salvaged(
    db: sqlite3.Connection, jobs: Iterable[dict[str, Any]], outputs: Iterable[dict[str, Any]]
) -> int:
    """Readable rows into the new DB (rows the schema cannot take are skipped); returns jobs."""
    remote_ids: dict[str, str] = {}
    for job in jobs:
        values: dict[str, Any] = {name: job[name] for name in _JOB_FIELDS if name in job}
        try:
            json.loads(values.get("input_json") or "")
            _insert(db, "jobs", values)
        except (sqlite3.DatabaseError, ValueError, TypeError):
            continue
        remote_ids[job["local_id"]] = job.get("remote_id") or ""
    for output in outputs:
        if output.get("local_id") not in remote_ids:
            continue
        values = {n: output[n] for n in _OUTPUT_FIELDS if n in output}
        if "task_id" not in output:  # from before v4: a first attempt's rows
            values["task_id"] = remote_ids[output["local_id"]]
            is_media = output.get("kind") != OutputKind.TEXT
            values["position"] = output.get("index") if is_media else None
        with contextlib.suppress(sqlite3.DatabaseError):
            _insert(db, "outputs", values)
    return len(remote_ids)


# ---- 2. the outputs folder -------------------------------------------------------------------


def _found_outputs(outputs_root: Path) -> tuple[list[FoundOutput], int]:
    found, unknown = [], 0
    for file in find_output_files(outputs_root):
        try:
            entry = found_output(file)
        except OSError:
            entry = None
        if entry is None:
            unknown += 1
        else:
            found.append(entry)
    return found, unknown


def _insert_found(
    db: sqlite3.Connection, outputs_root: Path, found: list[FoundOutput], clock: Callable[[], float]
) -> int:
    """Each found file into the library (see the module docstring); returns the jobs made."""
    recorded = {row[0] for row in db.execute("SELECT local_path FROM outputs") if row[0]}
    made = 0
    for entry in found:
        try:
            relative = files.relative_inside(outputs_root, entry.file)
        except LibraryError:
            continue
        if relative in recorded:
            continue
        if _job_row(db, entry.local_id) is None:
            _insert(db, "jobs", _job_values(entry, clock))
            made += 1
        else:
            _learn_remote_ids(db, entry)
            _learn_success(db, entry)
        values = _output_values(db, entry, relative)
        waiting = _waiting_row(db, entry)
        if waiting is None:
            _insert(db, "outputs", values)
        else:
            facts = {k: v for k, v in values.items() if k not in ("local_id", "index")}
            assignments = ", ".join(f'"{name}" = ?' for name in facts)
            db.execute(f"UPDATE outputs SET {assignments} WHERE id = ?", (*facts.values(), waiting))
        recorded.add(relative)
    return made


def _job_row(db: sqlite3.Connection, local_id: str) -> Any:
    return db.execute(
        "SELECT status, remote_id, remote_ids_json FROM jobs WHERE local_id = ?", (local_id,)
    ).fetchone()


def _waiting_row(db: sqlite3.Connection, entry: FoundOutput) -> int | None:
    """The output row read back without a file that this file belongs in, if there is one."""
    if entry.kind is OutputKind.TEXT:
        row = db.execute(
            "SELECT id FROM outputs WHERE local_id = ? AND kind = 'text' AND local_path IS NULL "
            "ORDER BY id LIMIT 1",
            (entry.local_id,),
        ).fetchone()
    else:
        row = db.execute(
            "SELECT id FROM outputs WHERE local_id = ? AND task_id = ? AND position = ? "
            "AND local_path IS NULL",
            (entry.local_id, entry.task_id, entry.output.get("position")),
        ).fetchone()
    return None if row is None else int(row[0])


def _learn_success(db: sqlite3.Connection, entry: FoundOutput) -> None:
    """A sidecar is written only after its task succeeded: a row read back as still running
    that task is behind it."""
    status, remote_id, _ids = _job_row(db, entry.local_id)
    if status not in _ACTIVE or not entry.task_id or remote_id != entry.task_id:
        return
    db.execute(
        "UPDATE jobs SET status = ?, error = NULL, started_at = COALESCE(?, started_at), "
        "finished_at = COALESCE(?, finished_at, ?), elapsed_ms = COALESCE(?, elapsed_ms) "
        "WHERE local_id = ?",
        (
            JobStatus.SUCCEEDED.value,
            entry.number("started_at"),
            entry.number("finished_at"),
            entry.mtime,
            entry.number("elapsed_ms"),
            entry.local_id,
        ),
    )


def _remote_ids(entry: FoundOutput) -> list[str]:
    listed = entry.job.get("remote_ids")
    ids = [str(i) for i in listed if isinstance(i, str)] if isinstance(listed, list) else []
    if entry.task_id and entry.task_id not in ids:
        ids.append(entry.task_id)
    return ids


def _learn_remote_ids(db: sqlite3.Connection, entry: FoundOutput) -> None:
    """A later attempt's sidecar knows more of the job's task ids: the row takes them."""
    known = json.loads(_job_row(db, entry.local_id)[2] or "[]")
    ids = _remote_ids(entry)
    if len(ids) > len(known) and ids[: len(known)] == known:
        db.execute(
            "UPDATE jobs SET remote_ids_json = ?, remote_id = ? WHERE local_id = ?",
            (json.dumps(ids), ids[-1], entry.local_id),
        )


def _job_values(entry: FoundOutput, clock: Callable[[], float]) -> dict[str, Any]:
    request, job = entry.request, entry.job
    input_values = request.get("input") if isinstance(request.get("input"), dict) else {}
    ids = _remote_ids(entry)
    created = entry.number("created_at") or entry.mtime or clock()
    return {
        "local_id": entry.local_id,
        "endpoint": str(request.get("endpoint") or ""),
        "capability": str(job.get("capability") or ""),
        "model": str(request.get("model") or ""),
        "schema_fingerprint": str(job.get("schema_fingerprint") or ""),
        "input_json": json.dumps(input_values, ensure_ascii=False),
        "prompt": queries.extract_prompt(input_values or {}),
        "status": JobStatus.SUCCEEDED.value,
        "remote_id": ids[-1] if ids else None,
        "remote_ids_json": json.dumps(ids),
        "created_at": created,
        "submitted_at": entry.number("submitted_at"),
        "started_at": entry.number("started_at"),
        "finished_at": entry.number("finished_at") or entry.mtime,
        "elapsed_ms": entry.number("elapsed_ms"),
        "backend": str(job.get("backend") or ""),
    }


def _output_values(db: sqlite3.Connection, entry: FoundOutput, relative: str) -> dict[str, Any]:
    output = entry.output
    taken = {row[0] for row in db.execute(
        'SELECT "index" FROM outputs WHERE local_id = ?', (entry.local_id,)
    )}  # fmt: skip
    index = output.get("index")
    if not isinstance(index, int) or index in taken:
        index = next(number for number in range(len(taken) + 1) if number not in taken)
    position = output.get("position")
    created = output.get("created_at")

    def number(key: str) -> Any:
        value = output.get(key)
        return value if isinstance(value, int | float) else None

    return {
        "local_id": entry.local_id,
        "index": index,
        "kind": entry.kind.value,
        "local_path": relative,
        "sha256": entry.sha256,
        "size": entry.size,
        "media_type": output.get("media_type")
        if isinstance(output.get("media_type"), str)
        else None,
        "width": number("width"),
        "height": number("height"),
        "duration": number("duration"),
        "created_at": created if isinstance(created, int | float) else entry.mtime,
        "task_id": entry.task_id,
        "position": position if isinstance(position, int) else None,
    }


# ---- 3. nothing is sent by itself after a repair ---------------------------------------------


def _settle_waiting(db: sqlite3.Connection, log_path: Path) -> list[str]:
    """Rows read back as "submitting" with no may-have-left mark: unknown when the submit log
    says (or may have said) their request left, else not sent. Returns the not-sent ones."""
    histories, damaged_lines = SubmitLog(log_path).read()
    not_sent = []
    rows = db.execute(
        "SELECT local_id FROM jobs WHERE status = 'submitting' AND error IS NULL"
    ).fetchall()
    for (local_id,) in rows:
        history: JobHistory | None = histories.get(local_id)
        if history is not None and history.last["e"] != SENDING:
            continue  # answered or refused: reading the log back settles it (see _submits)
        if history is not None or damaged_lines:
            db.execute(
                "UPDATE jobs SET error = ? WHERE local_id = ?", (AMBIGUOUS_SUBMIT_MESSAGE, local_id)
            )
        else:
            db.execute(
                "UPDATE jobs SET status = ?, error = ? WHERE local_id = ?",
                (JobStatus.FAILED.value, REPAIRED_NOT_SENT_MESSAGE, local_id),
            )
            not_sent.append(local_id)
    return not_sent
