"""The durable SQLite library of jobs and their outputs: nothing made is lost, everything is found.

Threading: one connection per Library, guarded by a lock, so any thread may call it. The gallery
never calls it on the GUI thread (pages, counts, lists and curation go through asyncio.to_thread,
see tests/ui/test_gallery_thread.py); bulk work elsewhere (empty_trash, export, reconcile plans)
does the same. Times are unix seconds (UTC floats). Mutations return what changed so view models can
update just those rows.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from studio.core import paths
from studio.core.jobs import JobStatus
from studio.core.library import _files as files
from studio.core.library import _queries as queries
from studio.core.library._comparisons import ComparisonShelf
from studio.core.library._curation import Curation, make_recall, request_for
from studio.core.library._gallery import GalleryShelf
from studio.core.library._lineage import LOCAL_BACKEND
from studio.core.library._store import DB_NAME
from studio.core.library._types import (
    UNSET,
    ExportResult,
    GalleryItem,
    JobRecord,
    LibraryError,
    OutputFilter,
    OutputKind,
    OutputRecord,
    Recall,
    RecallMode,
    ReconcilePlan,
    TrashToken,
    Unset,
)
from studio.core.media import build_request, extension_for, finish_file, sha256_file
from studio.core.paths import write_atomically

if TYPE_CHECKING:
    from studio.core.chain import InputUse, Source

__all__ = [
    "DB_NAME",
    "ExportResult",
    "GalleryItem",
    "JobRecord",
    "JobStatus",
    "Library",
    "LibraryError",
    "OutputFilter",
    "OutputKind",
    "OutputRecord",
    "Recall",
    "RecallMode",
    "ReconcilePlan",
    "TrashToken",
    "make_recall",
    "request_for",
    "sha256_file",
]

_ACTIVE_SQL: Final = "'submitting', 'queued', 'processing'"
# A succeeded job with an output of its current task whose file is not on disk yet (and not
# thrown away). Rows of earlier attempts cannot be fetched any more: their tasks are not followed.
_OWES_FILES: Final = (
    "status = 'succeeded' AND EXISTS (SELECT 1 FROM outputs o WHERE o.local_id = jobs.local_id "
    "AND o.local_path IS NULL AND o.trashed_at IS NULL "
    "AND o.task_id = COALESCE(jobs.remote_id, ''))"
)


def _ids_list(values: str | Iterable[str]) -> list[str]:
    return [values] if isinstance(values, str) else list(values)


def _placeholders(count: int) -> str:
    return ", ".join("?" * count)


class Library(Curation, ComparisonShelf, GalleryShelf):
    """Jobs, outputs, gallery queries, curation and comparisons; see the module docstring for
    threading."""

    # ---- jobs --------------------------------------------------------------------------------

    def create_job(
        self,
        local_id: str,
        endpoint: str,
        input: Mapping[str, Any],
        *,
        capability: str = "",
        model: str = "",
        schema_fingerprint: str = "",
        webhook_url: str | None = None,
        backend: str = "",
    ) -> None:
        """Record a job as "submitting" before its submit request leaves; synced to disk.

        ``backend`` names where it will be sent ("demo", an API base URL): start-up follows a
        job only against its own backend.
        """
        row = (
            local_id, endpoint, capability, model, schema_fingerprint,
            json.dumps(dict(input), ensure_ascii=False), queries.extract_prompt(input),
            webhook_url, JobStatus.SUBMITTING.value, self._clock(), backend,
        )  # fmt: skip
        try:
            # This one write guards a paid submission, so it waits for the disk.
            with self._durable_write() as db:
                db.execute(
                    "INSERT INTO jobs (local_id, endpoint, capability, model, "
                    "schema_fingerprint, input_json, prompt, webhook_url, status, created_at, "
                    "backend) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row,
                )
        except sqlite3.IntegrityError as error:
            raise LibraryError(f"job {local_id!r} already exists") from error

    def set_remote_id(self, local_id: str, remote_id: str) -> None:
        """Record the server's id (kept in a history across retries); a submitting job is queued."""
        with self._write() as db:
            job = self._job_row(db, local_id)
            history = json.loads(job["remote_ids_json"])
            if not history or history[-1] != remote_id:
                history.append(remote_id)
            status = job["status"]
            if status in (JobStatus.SUBMITTING, JobStatus.UNKNOWN):
                status = JobStatus.QUEUED.value
            db.execute(
                "UPDATE jobs SET remote_id = ?, remote_ids_json = ?, status = ?, "
                "submitted_at = ? WHERE local_id = ?",
                (remote_id, json.dumps(history), status, self._clock(), local_id),
            )

    def update_job(
        self,
        local_id: str,
        *,
        status: JobStatus | str | Unset = UNSET,
        error: str | Unset | None = UNSET,
        started_at: float | Unset | None = UNSET,
        finished_at: float | Unset | None = UNSET,
        elapsed_ms: int | Unset | None = UNSET,
        task_json: str | Mapping[str, Any] | Unset | None = UNSET,
        capability: str | Unset = UNSET,
        model: str | Unset = UNSET,
        schema_fingerprint: str | Unset = UNSET,
        backend: str | Unset = UNSET,
        durable: bool = False,
    ) -> None:
        """Change only the fields given (None clears one); task_json may be raw text or a dict.

        ``durable`` waits until the change is on disk (see LibraryStore._durable_write): for
        the mark that a submit request may be leaving, which must outlive any crash.
        """
        if isinstance(status, str):
            status = JobStatus(status).value
        if isinstance(task_json, Mapping):
            task_json = json.dumps(task_json, ensure_ascii=False)
        given = {
            "status": status, "error": error, "started_at": started_at,
            "finished_at": finished_at, "elapsed_ms": elapsed_ms, "task_json": task_json,
            "capability": capability, "model": model, "schema_fingerprint": schema_fingerprint,
            "backend": backend,
        }  # fmt: skip
        changes = {name: value for name, value in given.items() if value is not UNSET}
        if not changes:
            return
        assignments = ", ".join(f"{name} = ?" for name in changes)
        with self._durable_write() if durable else self._write() as db:
            cursor = db.execute(
                f"UPDATE jobs SET {assignments} WHERE local_id = ?", (*changes.values(), local_id)
            )
            if cursor.rowcount == 0:
                raise LibraryError(f"no job {local_id!r}")

    def count_jobs(self) -> int:
        """Every job row, also those removed from the queue view."""
        with self._read() as db:
            return int(db.execute("SELECT count(*) FROM jobs").fetchone()[0])

    def recent_jobs(self, limit: int = 200, *, include_deleted: bool = False) -> list[JobRecord]:
        """Newest first; jobs removed from the queue view are left out unless asked for."""
        where = "" if include_deleted else "WHERE deleted_at IS NULL"
        return self._jobs(
            f"SELECT {queries.JOB_COLUMNS} FROM jobs {where} "
            "ORDER BY created_at DESC, id DESC LIMIT ?",
            (limit,),
        )

    def jobs_to_reconcile(self, backend: str | None = None) -> ReconcilePlan:
        """What start-up must follow, mark unknown or download so nothing is forgotten.

        With a ``backend`` only its own jobs are planned (a task id means nothing elsewhere);
        unfinished jobs of other backends are listed as ``elsewhere`` and left alone. Legacy
        rows (backend '') count as their own backend '': see claim_legacy_jobs.
        """
        select = f"SELECT {queries.JOB_COLUMNS} FROM jobs WHERE "
        scope, scope_params = ("", ()) if backend is None else ("backend = ? AND ", (backend,))
        order = " ORDER BY created_at, id"

        def planned(condition: str) -> tuple[JobRecord, ...]:
            return tuple(self._jobs(select + scope + condition + order, scope_params))

        follow = planned(f"status IN ({_ACTIVE_SQL}) AND remote_id IS NOT NULL")
        unknown = planned("status = 'submitting' AND remote_id IS NULL")
        download = planned(_OWES_FILES)
        elsewhere: tuple[JobRecord, ...] = ()
        if backend is not None:
            elsewhere = tuple(
                self._jobs(f"{select}backend != ? AND status IN ({_ACTIVE_SQL}){order}", (backend,))
            )
        return ReconcilePlan(follow, unknown, download, elsewhere)

    def claim_legacy_jobs(self, backend: str) -> list[str]:
        """Give the rows written before jobs had a backend, that start-up would act on, to this one.

        Before v3 every start-up followed all unfinished jobs against the backend of the day, so
        the first backend to start after the upgrade takes them: for them nothing changes once,
        and from then on they are scoped like any other job. Finished rows stay ''.
        """
        if not backend:
            return []
        with self._write() as db:
            rows = db.execute(
                "UPDATE jobs SET backend = ? WHERE backend = '' AND "
                f"(status IN ({_ACTIVE_SQL}) OR ({_OWES_FILES})) RETURNING local_id",
                (backend,),
            ).fetchall()
        return sorted(row[0] for row in rows)

    def mark_unknown(self, local_ids: str | Iterable[str]) -> list[str]:
        """Jobs whose submit answer never came: only those still submitting without a remote id."""
        return self._set_status(
            local_ids, JobStatus.UNKNOWN, "status = 'submitting' AND remote_id IS NULL"
        )

    def mark_lost(self, local_ids: str | Iterable[str]) -> list[str]:
        """Jobs the server no longer knows (404); finished jobs keep their status."""
        return self._set_status(local_ids, JobStatus.LOST, f"status IN ({_ACTIVE_SQL})")

    def delete_jobs(self, local_ids: str | Iterable[str]) -> list[str]:
        """Hide jobs from the queue view; their outputs stay in the gallery."""
        return self._update_jobs(
            local_ids, "deleted_at = ?", (self._clock(),), "deleted_at IS NULL"
        )

    def _set_status(
        self, local_ids: str | Iterable[str], status: JobStatus, condition: str
    ) -> list[str]:
        return self._update_jobs(local_ids, "status = ?", (status.value,), condition)

    def _update_jobs(
        self,
        local_ids: str | Iterable[str],
        assignment: str,
        values: tuple[Any, ...],
        condition: str,
    ) -> list[str]:
        ids = _ids_list(local_ids)
        if not ids:
            return []
        marks = _placeholders(len(ids))
        with self._write() as db:
            rows = db.execute(
                f"UPDATE jobs SET {assignment} WHERE local_id IN ({marks}) AND {condition} "
                "RETURNING local_id",
                (*values, *ids),
            ).fetchall()
        return [row[0] for row in rows]

    # ---- outputs -----------------------------------------------------------------------------

    def add_output(
        self,
        local_id: str,
        index: int,
        kind: OutputKind | str,
        remote_url: str | None = None,
        *,
        task_id: str | None = None,
        position: int | None = None,
    ) -> int:
        """Insert or update the output (local_id, index); returns its id. File info is kept.

        ``task_id`` is the task it came from (default: the job's current one) and ``position``
        its place in that task's media: how a later report of the same task finds this row.
        A media row's position defaults to its index (as for a first attempt's outputs).
        """
        kind_value = queries.output_kind(str(kind)).value
        if position is None and kind_value != OutputKind.TEXT:
            position = index
        try:
            with self._write() as db:
                if task_id is None:
                    found = db.execute(
                        "SELECT remote_id FROM jobs WHERE local_id = ?", (local_id,)
                    ).fetchone()
                    task_id = (found[0] if found is not None else None) or ""
                row = db.execute(
                    'INSERT INTO outputs (local_id, "index", kind, remote_url, created_at, '
                    "task_id, position) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    'ON CONFLICT (local_id, "index") DO UPDATE SET kind = excluded.kind, '
                    "remote_url = excluded.remote_url, task_id = excluded.task_id, "
                    "position = excluded.position RETURNING id",
                    (local_id, index, kind_value, remote_url, self._clock(), task_id, position),
                ).fetchone()
        except sqlite3.IntegrityError as error:
            raise LibraryError(f"no job {local_id!r}") from error
        return int(row[0])

    def set_output_file(
        self,
        output_id: int,
        local_path: Path,
        sha256: str,
        size: int,
        *,
        media_type: str | None = None,
        width: int | None = None,
        height: int | None = None,
        duration: float | None = None,
    ) -> None:
        """Record the downloaded file; local_path (absolute or relative) must be inside the root."""
        relative = files.relative_inside(self.outputs_root, local_path)
        with self._write() as db:
            cursor = db.execute(
                "UPDATE outputs SET local_path = ?, sha256 = ?, size = ?, media_type = ?, "
                "width = ?, height = ?, duration = ? WHERE id = ?",
                (relative, sha256, size, media_type, width, height, duration, output_id),
            )
            if cursor.rowcount == 0:
                raise LibraryError(f"no output {output_id}")
        self._reserved.discard(self.outputs_root.resolve() / relative)

    def output_path_for(self, local_id: str, index: int, media_type: str | None, url: str) -> Path:
        """A fresh target inside the outputs root: <YYYY-MM>/<local_id>-<index>.<ext>.

        Never a server-supplied name, never an existing file; the path is reserved in this
        process until set_output_file records it. Write to a temp file, then rename onto it.
        """
        month = time.strftime("%Y-%m", time.gmtime(self._clock()))
        extension = extension_for(media_type, url)
        name = f"{files.safe_stem(local_id)}-{int(index)}.{extension}"
        candidate = files.ensure_inside(self.outputs_root, Path(month) / name)
        with self._lock:
            target = files.unique_path(candidate, self._reserved)
            self._reserved.add(target)
        paths.private_dir(target.parent)
        return target

    def release_output_path(self, path: Path) -> None:
        """Give back a name from output_path_for whose download failed."""
        with self._lock:
            self._reserved.discard(path)

    def add_local_output(
        self,
        endpoint: str,
        input: Mapping[str, Any],
        data: bytes,
        *,
        media_type: str,
        file_hint: str,
        model: str,
        uses: Sequence[InputUse] = (),
    ) -> Source:
        """An output made on this machine (a video frame), as a finished job of its own.

        Its job is never sent and never shows in the queue; its file gets the sidecar and
        embedded metadata every output gets, naming its sources. Returns it as a Source.
        """
        local_id = uuid.uuid4().hex
        kind = queries.output_kind(media_type.split("/", 1)[0]).value
        now = self._clock()
        with self._durable_write() as db:
            db.execute(
                "INSERT INTO jobs (local_id, endpoint, capability, model, input_json, prompt, "
                "status, created_at, submitted_at, finished_at, elapsed_ms, deleted_at, backend) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                (
                    local_id, endpoint, kind, model, json.dumps(dict(input), ensure_ascii=False),
                    queries.extract_prompt(input), JobStatus.SUCCEEDED.value, now, now, now, now,
                    LOCAL_BACKEND,
                ),
            )  # fmt: skip
        output_id = self.add_output(local_id, 0, kind)
        self.record_inputs(local_id, uses)
        path = self.output_path_for(local_id, 0, media_type, file_hint)
        try:
            write_atomically(path, data)
            request = build_request(
                endpoint, input, model=model, sources=self.source_facts(local_id)
            )
            facts = finish_file(path, request)
            self.set_output_file(
                output_id, path, facts.sha256, facts.size, media_type=facts.media.media_type,
                width=facts.media.width, height=facts.media.height,
                duration=facts.media.duration,
            )  # fmt: skip
        except BaseException:
            self.release_output_path(path)
            path.unlink(missing_ok=True)
            raise
        return self.sources([output_id])[0]
