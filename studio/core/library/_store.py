"""The library's connection, lock and record look-ups, shared by the query and curation layers."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Self

from studio.core import paths
from studio.core.library import _files as files
from studio.core.library import _queries as queries
from studio.core.library._migrations import connect, migrate
from studio.core.library._submits import (
    JobHistory,
    SubmitLog,
    SubmitLogReport,
    apply_history,
    settled_ids,
    submit_log_path,
)
from studio.core.library._types import JobRecord, LibraryError, OutputRecord

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

DB_NAME: Final = "library.sqlite3"

log = logging.getLogger(__name__)


def locations(path: Path | None, outputs_root: Path | None) -> tuple[Path, Path]:
    """The DB file and the outputs folder (made if missing) for ``LibraryStore.open``'s args."""
    db_path = path or paths.data_dir() / DB_NAME
    if outputs_root is None:
        outputs_root = paths.outputs_dir() if path is None else db_path.parent / "outputs"
    paths.private_dir(outputs_root)
    return db_path, outputs_root


class LibraryStore:
    """One SQLite connection behind a lock, the outputs root and a clock."""

    def __init__(
        self,
        db: sqlite3.Connection,
        outputs_root: Path,
        clock: Callable[[], float],
        submits: SubmitLog | None = None,
        reserve: paths.Reserve | None = None,
    ) -> None:
        self._db = db
        self._lock = threading.RLock()
        self._clock = clock
        self._reserved: set[Path] = set()
        self._submits = submits
        self._reserve = reserve
        self.outputs_root = outputs_root
        self.submit_log_report = SubmitLogReport()
        # Told (from any thread) the folder whose disk is full, each time a write fails for it.
        self.on_disk_full: Callable[[Path], None] | None = None

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        outputs_root: Path | None = None,
        clock: Callable[[], float] = time.time,
    ) -> Self:
        """Open (creating and migrating) the DB; outputs default to paths.outputs_dir().

        The submit log beside it is read back into it (see _submits): whatever the DB lost, a
        job that may have been sent is never sent again by itself. No damage check here: see
        studio.core.library.open_library for the start-up path that checks and repairs.
        """
        db_path, outputs_root = locations(path, outputs_root)
        db = connect(db_path)
        try:
            migrate(db)
        except BaseException:
            db.close()
            raise
        return cls.from_connection(db, db_path, outputs_root, clock)

    @classmethod
    def from_connection(
        cls,
        db: sqlite3.Connection,
        db_path: Path,
        outputs_root: Path,
        clock: Callable[[], float] = time.time,
    ) -> Self:
        """A store over a connected, migrated DB; reads the submit log back (closes on error).

        A little disk space is kept in reserve beside the DB (see paths.Reserve): given back
        when a write fails for lack of room, so that the writes saying a job was not sent fit.
        """
        reserve = paths.Reserve(db_path.with_name(db_path.name + ".reserve"))
        submits = SubmitLog(submit_log_path(db_path))
        store = cls(db, outputs_root, clock, submits, reserve)
        try:
            reserve.keep()
            store.submit_log_report = store._read_submit_log()
            submits.make_room()
        except BaseException:
            db.close()
            raise
        return store

    @classmethod
    def in_memory(cls, outputs_root: Path, clock: Callable[[], float] = time.time) -> Self:
        """A library that lives only as long as the process: the last resort when no file can
        be opened, so the app still starts (nothing is kept; the user is told)."""
        db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys=ON")
        migrate(db)
        return cls(db, outputs_root, clock)

    # ---- the submit log ----------------------------------------------------------------------

    def note_submit(self, event: str, local_id: str, **data: Any) -> None:
        """Append one line to the submit log, synced (see _submits); OSError if not written."""
        if self._submits is not None:
            with self._lock:
                try:
                    self._submits.append(event, local_id, self._clock(), **data)
                except OSError as error:
                    if paths.is_disk_full(error):
                        self._disk_full()
                    raise

    def _read_submit_log(self) -> SubmitLogReport:
        """Make the rows agree with the submit log, then drop the lines of settled jobs."""
        if self._submits is None:
            return SubmitLogReport()
        histories, damaged = self._submits.read()
        if not histories:
            return SubmitLogReport(damaged_lines=damaged)
        try:
            report = self._apply_history(histories)
        except sqlite3.Error as error:  # e.g. the disk is full: start-up holds back every send
            log.error("the submit log could not be read back into the library: %s", error)
            return SubmitLogReport(damaged_lines=damaged, unapplied=True)
        if report.changed:
            log.warning("the library was behind its submit log: %s", report)
        with self._lock:
            # Lines may only go once their rows are in the DB file itself, not just its WAL.
            busy = self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            if not busy:
                settled = settled_ids(self._db, histories)
                self._submits.keep_only(lambda local_id: local_id not in settled)
        return replace(report, damaged_lines=damaged)

    def _apply_history(self, histories: dict[str, JobHistory]) -> SubmitLogReport:
        for attempt in range(2):  # the second time with the reserve's room
            try:
                with self._durable_write() as db:
                    return apply_history(db, histories, self._clock())
            except sqlite3.OperationalError as error:
                if attempt or not paths.is_disk_full(error):
                    raise
        raise AssertionError("unreachable")

    def _disk_full(self) -> None:
        """A write failed for lack of room: give the reserve back, tell whoever listens."""
        released = self._reserve is not None and self._reserve.release()
        log.warning(
            "the disk of the library is full (%s)%s",
            self.outputs_root,
            "; its reserve was given back for the last writes" if released else "",
        )
        if self.on_disk_full is not None:
            self.on_disk_full(self._db_folder())

    def _db_folder(self) -> Path:
        if self._reserve is not None:
            return self._reserve.path.parent
        return self.outputs_root

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                yield self._db
                self._db.execute("COMMIT")  # in WAL mode the pages are written here
            except BaseException as error:
                # SQLite may have rolled back already (a full disk can do that).
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if paths.is_disk_full(error):
                    self._disk_full()
                raise

    @contextmanager
    def _durable_write(self) -> Iterator[sqlite3.Connection]:
        """A write that is on disk when it returns, also if the machine, not just the app, dies.

        In WAL mode synchronous=NORMAL commits to the WAL file without fsync: safe when the app
        is killed (the OS has the bytes) but not on power loss. FULL fsyncs the WAL at this
        commit, which also makes every earlier commit in it durable; fullfsync asks macOS to
        flush the drive's cache too (ignored elsewhere). Both are reset for the cheap writes.
        """
        with self._lock:
            # synchronous cannot be changed inside a transaction, so set it around one.
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA fullfsync=ON")
            try:
                with self._write() as db:
                    yield db
            finally:
                self._db.execute("PRAGMA fullfsync=OFF")
                self._db.execute("PRAGMA synchronous=NORMAL")

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            yield self._db

    # ---- look-ups ----------------------------------------------------------------------------

    def get_job(self, local_id: str) -> JobRecord | None:
        with self._read() as db:
            row = db.execute(
                f"SELECT {queries.JOB_COLUMNS} FROM jobs WHERE local_id = ?", (local_id,)
            ).fetchone()
        return None if row is None else queries.job_from_row(row)

    def _jobs(self, sql: str, params: Iterable[Any]) -> list[JobRecord]:
        with self._read() as db:
            rows = db.execute(sql, tuple(params)).fetchall()
        return [queries.job_from_row(row) for row in rows]

    @staticmethod
    def _job_row(db: sqlite3.Connection, local_id: str) -> sqlite3.Row:
        row: sqlite3.Row | None = db.execute(
            "SELECT * FROM jobs WHERE local_id = ?", (local_id,)
        ).fetchone()
        if row is None:
            raise LibraryError(f"no job {local_id!r}")
        return row

    def outputs_for_job(self, local_id: str) -> list[OutputRecord]:
        return self._outputs(
            f'SELECT {queries.OUTPUT_COLUMNS} FROM outputs WHERE local_id = ? ORDER BY "index"',
            (local_id,),
        )

    def get_output(self, output_id: int) -> OutputRecord | None:
        found = self._outputs(
            f"SELECT {queries.OUTPUT_COLUMNS} FROM outputs WHERE id = ?", (output_id,)
        )
        return found[0] if found else None

    def file_of(self, output: OutputRecord) -> Path | None:
        """The absolute path of a downloaded output (None before download)."""
        if output.local_path is None:
            return None
        return files.ensure_inside(self.outputs_root, Path(output.local_path))

    def _outputs(self, sql: str, params: tuple[Any, ...]) -> list[OutputRecord]:
        with self._read() as db:
            rows = db.execute(sql, params).fetchall()
        return [queries.output_from_row(row) for row in rows]
