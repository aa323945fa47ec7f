"""The submit log: a small append-only file beside the library that outlives damage to it.

Before a submit request leaves, a "sending" line (the job's endpoint, input and attempt) is
appended and synced to disk; the server's answer appends "answered" (its task id), and a clear
refusal (nothing was created) appends "not_sent". The library's own row says the same, but a
SQLite file can lose committed rows without noticing: damage in its WAL makes SQLite stop reading
at the damaged frame and silently roll back every later commit, and a rebuilt library only knows
the jobs that left files. So at every open the log is read back, and:

* a row that would be sent by itself ("submitting" without a may-have-left mark), or a missing
  row, whose last line is "sending" gets the mark (missing rows are recreated from the line):
  start-up then shows it as "unknown — may exist on the server" and never re-sends it;
* a row missing its remote id, or missing altogether, whose last line is "answered" gets that id
  back, so start-up follows the task (a GET) instead of losing or re-sending it;
* a "submitting" row whose last line is "not_sent" is marked failed — not sent, as the queue said.

Once a job has settled (and the library is checkpointed), its lines are dropped at the next open,
so the file stays small. Each line is JSON, written over zeros the file keeps at its end so that
it fits when the disk is full (see SubmitLog); a line that does not parse (a torn write, damage)
is skipped and counted.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from studio.core import paths
from studio.core.jobs import AMBIGUOUS_SUBMIT_MESSAGE, JobStatus
from studio.core.library import _queries as queries

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable, Iterable
    from pathlib import Path

log = logging.getLogger(__name__)

SENDING: Final = "sending"
ANSWERED: Final = "answered"
NOT_SENT: Final = "not_sent"
_EVENTS: Final = frozenset({SENDING, ANSWERED, NOT_SENT})
NOT_SENT_MESSAGE: Final = "Not sent: the request was refused before any task was created."
SUBMIT_LOG_SUFFIX: Final = ".submits.jsonl"
PADDING: Final = 64 * 1024  # zeros at the end of the log: room for hundreds of lines
_REFILL_BELOW: Final = 16 * 1024


def submit_log_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUBMIT_LOG_SUFFIX)


@dataclass
class JobHistory:
    """One job's lines: its last one, and the last "sending" line (its request)."""

    last: dict[str, Any]
    sending: dict[str, Any] | None = None
    answers: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SubmitLogReport:
    """What reading the log back changed in the library, by local job id."""

    marked_unknown: tuple[str, ...] = ()  # would have been sent again: may exist on the server
    recreated: tuple[str, ...] = ()  # missing from the library: back from the log
    answered: tuple[str, ...] = ()  # their task id was missing: back, to be followed
    not_sent: tuple[str, ...] = ()  # "submitting", but the server had refused them
    damaged_lines: int = 0
    unapplied: bool = False  # the library could not be written (a full disk): hold every send

    @property
    def changed(self) -> bool:
        return bool(self.marked_unknown or self.recreated or self.answered or self.not_sent)


class SubmitLog:
    """The log file; every append is synced before it returns.

    The file ends in zeros (``PADDING`` bytes, kept topped up while there is room): a line is
    written over them, into space the file already has, so the last lines still fit when the
    disk is full. Those lines (a request refused, a job not sent) are the ones that keep a job
    from being sent at the next start.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._end: int | None = None  # where the next line goes, once known

    def append(self, event: str, local_id: str, when: float, **data: Any) -> None:
        """One line, on disk when this returns; OSError (e.g. a full disk) if it is not."""
        line = {"e": event, "id": local_id, "t": when, **data}
        payload = (json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        created = not self.path.exists()
        paths.private_dir(self.path.parent)
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)
        descriptor = os.open(self.path, flags, paths.PRIVATE_FILE_MODE)
        try:
            size = os.fstat(descriptor).st_size
            end, payload = self._place(descriptor, size, payload)
            try:
                _write_at(descriptor, end, payload)
                if size - (end + len(payload)) < _REFILL_BELOW:
                    _pad(descriptor, end + len(payload), size)
                os.fsync(descriptor)
            except OSError:
                _undo(descriptor, end, len(payload), size)
                raise
            self._end = end + len(payload)
        finally:
            os.close(descriptor)
        if created:
            paths.fsync_folder(self.path.parent)

    def _place(self, descriptor: int, size: int, payload: bytes) -> tuple[int, bytes]:
        """Where the line goes: after the last line, before the zeros."""
        if self._end is not None and self._end <= size:
            return self._end, payload
        os.lseek(descriptor, 0, os.SEEK_SET)
        data = _read_all(descriptor).rstrip(b"\0")
        if data and not data.endswith(b"\n"):
            payload = b"\n" + payload  # after a torn line, never glued to it
        return len(data), payload

    def make_room(self) -> None:
        """Top the zeros up while the disk has room (at open), so later lines fit."""
        with contextlib.suppress(OSError):
            paths.private_dir(self.path.parent)
            flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)
            descriptor = os.open(self.path, flags, paths.PRIVATE_FILE_MODE)
            try:
                size = os.fstat(descriptor).st_size
                end, _ = self._place(descriptor, size, b"")
                if size - end < PADDING:
                    _pad(descriptor, end, size)
                    os.fsync(descriptor)
            finally:
                os.close(descriptor)

    def read(self) -> tuple[dict[str, JobHistory], int]:
        """Each job's history, and how many lines could not be read."""
        histories: dict[str, JobHistory] = {}
        damaged = 0
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return histories, 0
        for text in raw.split(b"\n"):
            if not text.strip(b"\0 \r\t"):
                continue
            line = _parse(text)
            if line is None:
                damaged += 1
                continue
            history = histories.setdefault(line["id"], JobHistory(line))
            history.last = line
            if line["e"] == SENDING:
                history.sending = line
            elif line["e"] == ANSWERED:
                history.answers.append(str(line.get("remote_id")))
        return histories, damaged

    def keep_only(self, keep: Callable[[str], bool]) -> None:
        """Rewrite the file with the lines of the jobs ``keep`` names (atomically); left as it
        is when there is no room for the copy."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        kept = [text for text in raw.split(b"\n") if (line := _parse(text)) and keep(line["id"])]
        body = b"".join(text + b"\n" for text in kept)
        try:
            paths.write_atomically(self.path, body + b"\0" * PADDING)
        except OSError as error:
            log.warning("the submit log was not compacted: %s", error)
        self._end = None


def _read_all(descriptor: int) -> bytes:
    chunks = []
    while chunk := os.read(descriptor, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _write_at(descriptor: int, offset: int, payload: bytes) -> None:
    os.lseek(descriptor, offset, os.SEEK_SET)
    view = memoryview(payload)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def _pad(descriptor: int, data_end: int, size: int) -> None:
    """Zeros up to ``PADDING`` past the data; as many as fit when the disk is nearly full."""
    target = data_end + PADDING
    with contextlib.suppress(OSError):
        _write_at(descriptor, max(size, data_end), b"\0" * (target - max(size, data_end)))


def _undo(descriptor: int, offset: int, length: int, size: int) -> None:
    """After a failed append: the file as long as before and zeros where the line went."""
    with contextlib.suppress(OSError):
        if os.fstat(descriptor).st_size > size:
            os.ftruncate(descriptor, size)
        if size > offset:
            _write_at(descriptor, offset, b"\0" * (min(size, offset + length) - offset))


def _parse(text: bytes) -> dict[str, Any] | None:
    try:
        line = json.loads(text.strip(b"\0"))
    except ValueError:
        return None
    valid = isinstance(line, dict) and line.get("e") in _EVENTS and isinstance(line.get("id"), str)
    return line if valid else None


# --- reading the log back into the library ----------------------------------------------------


def apply_history(
    db: sqlite3.Connection, histories: dict[str, JobHistory], now: float
) -> SubmitLogReport:
    """Make the library agree with the log (see the module docstring), in the caller's
    transaction."""
    report: dict[str, list[str]] = {"unknown": [], "recreated": [], "answered": [], "not": []}
    for local_id, history in histories.items():
        row = db.execute(
            "SELECT status, error, remote_id, remote_ids_json FROM jobs WHERE local_id = ?",
            (local_id,),
        ).fetchone()
        event = history.last["e"]
        if row is None:
            if event != NOT_SENT and history.sending is not None:
                _recreate(db, local_id, history, now)
                report["recreated"].append(local_id)
        elif event == SENDING and row["status"] == JobStatus.SUBMITTING and row["error"] is None:
            db.execute(
                "UPDATE jobs SET error = ? WHERE local_id = ?", (AMBIGUOUS_SUBMIT_MESSAGE, local_id)
            )
            report["unknown"].append(local_id)
        elif event == ANSWERED and _lacks_answer(row, history.last):
            _set_answer(db, local_id, row, str(history.last["remote_id"]), history.last["t"])
            report["answered"].append(local_id)
        elif event == NOT_SENT and row["status"] == JobStatus.SUBMITTING:
            error = history.last.get("error") or NOT_SENT_MESSAGE
            db.execute(
                "UPDATE jobs SET status = ?, error = ?, finished_at = ? WHERE local_id = ?",
                (JobStatus.FAILED.value, error, history.last["t"], local_id),
            )
            report["not"].append(local_id)
    return SubmitLogReport(
        marked_unknown=tuple(report["unknown"]),
        recreated=tuple(report["recreated"]),
        answered=tuple(report["answered"]),
        not_sent=tuple(report["not"]),
    )


def _lacks_answer(row: sqlite3.Row, line: dict[str, Any]) -> bool:
    unanswered = row["status"] in (JobStatus.SUBMITTING, JobStatus.UNKNOWN)
    return unanswered and row["remote_id"] != line.get("remote_id")


def _set_answer(
    db: sqlite3.Connection, local_id: str, row: sqlite3.Row, remote_id: str, when: float
) -> None:
    history = json.loads(row["remote_ids_json"] or "[]")
    if remote_id not in history:
        history.append(remote_id)
    db.execute(
        "UPDATE jobs SET remote_id = ?, remote_ids_json = ?, status = ?, error = NULL, "
        "submitted_at = ? WHERE local_id = ?",
        (remote_id, json.dumps(history), JobStatus.QUEUED.value, when, local_id),
    )


def _recreate(db: sqlite3.Connection, local_id: str, history: JobHistory, now: float) -> None:
    """A job the library lost: "submitting" with the may-have-left mark, or queued with its
    task id when the answer is known (start-up then marks it unknown, or follows it)."""
    sending = history.sending or {}
    input_values = sending.get("input") if isinstance(sending.get("input"), dict) else {}
    answered = history.last["e"] == ANSWERED
    remote_ids = [str(i) for i in sending.get("remote_ids") or [] if isinstance(i, str)]
    remote_id = str(history.last["remote_id"]) if answered else None
    if remote_id is not None and remote_id not in remote_ids:
        remote_ids.append(remote_id)
    created = sending.get("created_at")
    db.execute(
        "INSERT INTO jobs (local_id, endpoint, capability, model, input_json, prompt, "
        "webhook_url, status, remote_id, remote_ids_json, error, created_at, submitted_at, "
        "backend) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            local_id,
            str(sending.get("endpoint") or ""),
            str(sending.get("capability") or ""),
            str(sending.get("model") or ""),
            json.dumps(input_values, ensure_ascii=False),
            queries.extract_prompt(input_values or {}),
            sending.get("webhook_url"),
            (JobStatus.QUEUED if answered else JobStatus.SUBMITTING).value,
            remote_id,
            json.dumps(remote_ids),
            None if answered else AMBIGUOUS_SUBMIT_MESSAGE,
            float(created) if isinstance(created, int | float) else now,
            sending.get("submitted_at") if answered else None,
            str(sending.get("backend") or ""),
        ),
    )


def settled_ids(db: sqlite3.Connection, local_ids: Iterable[str]) -> set[str]:
    """Those of ``local_ids`` whose library row has settled (their lines may go)."""
    settled: set[str] = set()
    for local_id in local_ids:
        row = db.execute("SELECT status FROM jobs WHERE local_id = ?", (local_id,)).fetchone()
        if row is not None and JobStatus(row[0]).is_settled:
            settled.add(local_id)
    return settled
