"""Opening the library at start-up: checked, and rebuilt when damaged, so the app always starts.

``open_library`` checks the file (see _health) and opens it. A damaged library, or an empty one
while the outputs folder holds recorded outputs, is moved aside (renamed
``library.damaged-<YYYYmmdd-HHMMSS>.sqlite3``, with its ``-wal``; kept, never deleted) and a new
one is built from:

1. whatever rows can still be read from the damaged file (history, favourites, trash);
2. the outputs folder: every output's sidecar (``<file>.json``) holds its request, model, task
   id, timings and place, so each file gets its job and gallery row back (see _sidecars);
3. the submit log (see _submits): jobs that were sent but left no file come back as "unknown —
   may exist on the server", or followed again when their task id is known.

After a repair nothing is sent by itself: a job read back as waiting to be sent is marked
"not sent" (the user may retry it), and one whose request may have left is "unknown".
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Final

from studio.core.library._health import Damage, check_files, check_pages, check_schema
from studio.core.library._library import Library
from studio.core.library._migrations import LATEST_VERSION, connect, migrate, user_version
from studio.core.library._rebuild import REPAIRED_NOT_SENT_MESSAGE, RebuildCounts, rebuild
from studio.core.library._sidecars import has_recorded_outputs
from studio.core.library._store import locations

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

log = logging.getLogger(__name__)

__all__ = ["REPAIRED_NOT_SENT_MESSAGE", "NewerLibraryError", "RecoveryReport", "open_library"]


class NewerLibraryError(RuntimeError):
    """The library was written by a newer version of the app: left untouched."""


@dataclass(frozen=True, slots=True)
class RecoveryReport:
    """What start-up found wrong with the library and what it did about it."""

    damage: Damage
    moved_to: tuple[Path, ...] = ()  # the damaged files, kept
    jobs_read_back: int = 0  # rows still readable in the damaged file
    jobs_from_outputs: int = 0  # jobs rebuilt from the outputs' sidecars
    outputs: int = 0  # outputs in the library with their file, after the repair
    may_exist: tuple[str, ...] = ()  # "unknown — may exist on the server": never re-sent
    followed: int = 0  # sent and answered: their tasks are followed again
    not_sent: int = 0  # were waiting to be sent: marked not sent
    files_without_record: int = 0  # files in the outputs folder nothing says anything about
    error: str | None = None  # the repair itself failed: what the library is now

    def summary(self) -> list[str]:
        """Sentences for the dialog and ``--check-library``."""
        lines = [self.damage.detail]
        if self.error is not None:
            lines.append(self.error)
        else:
            lines.append(
                f"The library was rebuilt: {self.outputs} output(s) of "
                f"{self.jobs_read_back + self.jobs_from_outputs} job(s) recovered "
                f"({self.jobs_read_back} read back from the damaged file, "
                f"{self.jobs_from_outputs} from the files in the outputs folder)."
            )
        if self.may_exist:
            lines.append(
                f"{len(self.may_exist)} job(s) may exist on the server; they are shown as "
                "unknown and were not sent again."
            )
        if self.followed:
            lines.append(
                f"{self.followed} job(s) already sent are looked up on the server again "
                "(not sent again)."
            )
        if self.not_sent:
            lines.append(f"{self.not_sent} job(s) waiting to be sent were not sent; retry them.")
        if self.files_without_record:
            lines.append(
                f"{self.files_without_record} file(s) in the outputs folder have no record; "
                "they were left where they are."
            )
        if self.moved_to:
            lines.append(f"The damaged file was kept as {self.moved_to[0]}.")
        return lines


def open_library(
    path: Path | None = None,
    *,
    outputs_root: Path | None = None,
    clock: Callable[[], float] = time.time,
) -> tuple[Library, RecoveryReport | None]:
    """The library, checked; rebuilt when damaged (see the module docstring). Never raises for
    a damaged or unreadable library: the last resort is a library in memory, reported."""
    db_path, outputs_root = locations(path, outputs_root)
    try:
        opened, damage = _open_checked(db_path, outputs_root, clock)
    except NewerLibraryError as error:
        log.error("%s", error)
        report = RecoveryReport(Damage("newer", str(error)), error=_IN_MEMORY)
        return Library.in_memory(outputs_root, clock), report
    if opened is not None:
        return opened, None
    assert damage is not None, "either opened or damaged"
    log.error("library %s is damaged: %s", db_path, damage.detail)
    return _recover(db_path, outputs_root, damage, clock)


_IN_MEMORY: Final = (
    "The library could not be opened or rebuilt, so this session keeps its jobs in memory only; "
    "see the log for why."
)


def _open_checked(
    db_path: Path, outputs_root: Path, clock: Callable[[], float]
) -> tuple[Library | None, Damage | None]:
    damage = check_files(db_path)
    if damage is None and not db_path.exists():
        damage = Damage("missing", "The library file is missing, but the outputs folder is not.")
    fresh = damage is not None and damage.where in ("empty", "missing")
    if fresh and not has_recorded_outputs(outputs_root):
        damage = None  # a new library: nothing was lost
    if damage is not None:
        return None, damage
    try:
        db = connect(db_path)
    except sqlite3.DatabaseError as error:
        return None, Damage("open", f"SQLite could not open the library: {error}")
    try:
        damage = _check_connection(db, outputs_root)
    except BaseException:
        db.close()
        raise
    if damage is not None:
        db.close()
        return None, damage
    return Library.from_connection(db, db_path, outputs_root, clock), None


def _check_connection(db: sqlite3.Connection, outputs_root: Path) -> Damage | None:
    damage = check_pages(db)
    if damage is not None:
        return damage
    try:
        version = user_version(db)
        if version > LATEST_VERSION:
            raise NewerLibraryError(
                f"The library was written by a newer version of Mountsea Studio (schema "
                f"v{version}); this version (v{LATEST_VERSION}) leaves it untouched."
            )
        migrate(db)
    except sqlite3.DatabaseError as error:
        return Damage("schema", f"The library could not be brought up to date: {error}")
    damage = check_schema(db)
    if damage is not None:
        return damage
    jobs = int(db.execute("SELECT count(*) FROM jobs").fetchone()[0])
    if jobs == 0 and has_recorded_outputs(outputs_root):
        return Damage("empty", "The library is empty, but the outputs folder is not.")
    return None


# ---- recovery --------------------------------------------------------------------------------


def _recover(
    db_path: Path, outputs_root: Path, damage: Damage, clock: Callable[[], float]
) -> tuple[Library, RecoveryReport]:
    moved = _move_aside(db_path, clock)
    try:
        counts = rebuild(db_path, outputs_root, moved[0] if moved else None, clock)
        library = Library.open(db_path, outputs_root=outputs_root, clock=clock)
    except Exception as error:
        log.exception("the library could not be rebuilt")
        report = RecoveryReport(damage, moved, error=str(error))
        return _fallback(db_path, outputs_root, report, clock)
    report = _report(library, damage, moved, counts)
    log.warning("library recovered: %s", " ".join(report.summary()))
    return library, report


def _fallback(
    db_path: Path, outputs_root: Path, failed: RecoveryReport, clock: Callable[[], float]
) -> tuple[Library, RecoveryReport]:
    """A rebuild that failed (its error in ``failed``): a new empty library, else one in memory."""
    for suffix in ("", "-wal", "-shm"):  # a half-built file is no use: move it aside too
        with contextlib.suppress(OSError):
            half = db_path.with_name(db_path.name + suffix)
            if half.exists():
                half.replace(
                    db_path.with_name(f"{db_path.stem}.unfinished{db_path.suffix}{suffix}")
                )
    try:
        library = Library.open(db_path, outputs_root=outputs_root, clock=clock)
        message = f"The library could not be rebuilt ({failed.error}); it starts empty."
    except Exception:
        log.exception("no library file can be opened")
        library, message = Library.in_memory(outputs_root, clock), _IN_MEMORY
    return library, replace(failed, error=message)


def _move_aside(db_path: Path, clock: Callable[[], float]) -> tuple[Path, ...]:
    """Rename the DB and its -wal/-shm to ``<stem>.damaged-<time><suffix>``; never overwrite."""
    if not db_path.exists():
        return ()
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(clock()))
    base = f"{db_path.stem}.damaged-{stamp}"
    counter = 0
    while any(
        db_path.with_name(f"{base}{db_path.suffix}{suffix}").exists()
        for suffix in ("", "-wal", "-shm")
    ):
        counter += 1
        base = f"{db_path.stem}.damaged-{stamp}-{counter}"
    moved = []
    for suffix in ("", "-wal", "-shm"):
        source = db_path.with_name(db_path.name + suffix)
        if source.exists():
            target = db_path.with_name(f"{base}{db_path.suffix}{suffix}")
            source.rename(target)
            moved.append(target)
    log.warning("damaged library moved aside: %s", ", ".join(str(path) for path in moved))
    return tuple(moved)


def _report(
    library: Library, damage: Damage, moved: tuple[Path, ...], counts: RebuildCounts
) -> RecoveryReport:
    with library._read() as db:
        outputs = db.execute("SELECT count(*) FROM outputs WHERE local_path IS NOT NULL")
        output_count = int(outputs.fetchone()[0])
        may_exist = db.execute(
            "SELECT local_id FROM jobs WHERE status = 'unknown' OR "
            "(status = 'submitting' AND error IS NOT NULL) ORDER BY created_at"
        ).fetchall()
        followed = db.execute(
            "SELECT count(*) FROM jobs WHERE status IN ('submitting', 'queued', 'processing') "
            "AND remote_id IS NOT NULL AND error IS NULL"
        ).fetchone()[0]
    return RecoveryReport(
        damage=damage,
        moved_to=moved,
        jobs_read_back=counts.read_back,
        jobs_from_outputs=counts.from_outputs,
        outputs=output_count,
        may_exist=tuple(row[0] for row in may_exist),
        followed=int(followed),
        not_sent=len(counts.not_sent),
        files_without_record=counts.without_record,
    )
