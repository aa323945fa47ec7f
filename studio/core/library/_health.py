"""Is the library file sound? A quick check before and after SQLite opens it.

Before opening (``check_files``), with plain file reads, so SQLite's own recovery cannot hide
anything:

* the header: SQLite's magic string, a valid page size, and a file as long as the header says
  (a file cut short says more pages than it has);
* the write-ahead log. SQLite reads WAL frames in order and stops at the first one whose salts or
  checksum do not match, silently dropping every commit after it: damage there rolls committed
  rows back and ``integrity_check`` still says "ok". So each frame's checksum is verified here;
  after a bad frame, a later frame of the same WAL generation whose checksum follows from its
  predecessor's, on a commit, means committed transactions would be lost: damage. A bad frame with
  nothing valid after it is an interrupted write (the app was killed while committing), not damage.

After opening (``check_open``): ``PRAGMA quick_check``, the schema version, and the tables and
columns the app relies on. Damage found by either is returned as a ``Damage``; the caller moves the
file aside and rebuilds (see _recovery).
"""

from __future__ import annotations

import sqlite3
import struct
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Final

from studio.core.library._migrations import LATEST_VERSION, user_version

if TYPE_CHECKING:
    from pathlib import Path

_MAGIC: Final = b"SQLite format 3\x00"
_HEADER: Final = 100
_WAL_HEADER: Final = 32
_FRAME_HEADER: Final = 24
_WAL_MAGIC: Final = 0x377F0682  # | 1 when checksums are big-endian
_REQUIRED: Final = {
    "jobs": {"local_id", "endpoint", "input_json", "status", "remote_id", "backend"},
    "outputs": {"local_id", "index", "kind", "local_path", "task_id", "position"},
    "jobs_fts": set(),
}


@dataclass(frozen=True, slots=True)
class Damage:
    """What is wrong with the library, in words for the user and the log."""

    where: str  # "header", "size", "wal", "pages", "schema", "empty", "open"
    detail: str


# ---- before SQLite opens it ------------------------------------------------------------------


def check_files(db_path: Path) -> Damage | None:
    """Damage visible in the DB file's header and size, or in its WAL; None when sound."""
    try:
        size = db_path.stat().st_size
    except FileNotFoundError:
        return None
    if size == 0:
        return Damage("empty", "The library file is empty.")
    with db_path.open("rb") as stream:
        header = stream.read(_HEADER)
    damage = _check_header(header, size)
    if damage is not None:
        return damage
    wal = db_path.with_name(db_path.name + "-wal")
    return check_wal(wal) if wal.exists() else None


def _page_size(header: bytes) -> int | None:
    (raw,) = struct.unpack(">H", header[16:18])
    page = 65536 if raw == 1 else raw
    return page if 512 <= page <= 65536 and page & (page - 1) == 0 else None


def _check_header(header: bytes, size: int) -> Damage | None:
    if len(header) < _HEADER or not header.startswith(_MAGIC):
        return Damage("header", "The library file's header is not SQLite's.")
    page = _page_size(header)
    if page is None:
        return Damage("header", "The library file's header names an impossible page size.")
    if size % page:
        return Damage("size", "The library file does not end on a page boundary: it was cut.")
    change_counter, pages, valid_for = (
        struct.unpack(">I", header[24:28])[0],
        struct.unpack(">I", header[28:32])[0],
        struct.unpack(">I", header[92:96])[0],
    )
    if change_counter == valid_for and pages and size < pages * page:
        return Damage("size", f"The library file has {size // page} of its {pages} pages.")
    return None


def _checksum(data: bytes, big_endian: bool, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    mask = 0xFFFFFFFF
    for position in range(0, len(words), 2):
        s0 = (s0 + words[position] + s1) & mask
        s1 = (s1 + words[position + 1] + s0) & mask
    return s0, s1


def check_wal(wal: Path) -> Damage | None:
    """Committed frames that SQLite would silently drop (see the module docstring)."""
    with wal.open("rb") as stream:
        header = stream.read(_WAL_HEADER)
        if len(header) < _WAL_HEADER:
            return None  # never written past its header: nothing committed in it
        magic, _version, page, _sequence, salt0, salt1, sum0, sum1 = struct.unpack(">8I", header)
        big_endian = bool(magic & 1)
        valid_header = magic & ~1 == _WAL_MAGIC and 512 <= page <= 65536
        if not valid_header or _checksum(header[:24], big_endian, 0, 0) != (sum0, sum1):
            frame = stream.read(_FRAME_HEADER)
            if len(frame) == _FRAME_HEADER:
                return Damage("wal", "The library's write-ahead log has a damaged header.")
            return None
        return _check_frames(stream, page, (salt0, salt1), big_endian, (sum0, sum1))


def _check_frames(
    stream: IO[bytes],
    page: int,
    salts: tuple[int, int],
    big_endian: bool,
    sums: tuple[int, int],
) -> Damage | None:
    broken_at: int | None = None
    previous_stored = sums
    number = 0
    while True:
        frame = stream.read(_FRAME_HEADER + page)
        if len(frame) < _FRAME_HEADER + page:
            return None
        number += 1
        _page_no, commit, salt0, salt1, sum0, sum1 = struct.unpack(">6I", frame[:24])
        if (salt0, salt1) != salts:
            return None  # an older generation of the WAL: its end
        seed = sums if broken_at is None else previous_stored
        computed = _checksum(frame[:8] + frame[24:], big_endian, *seed)
        if broken_at is None:
            if computed == (sum0, sum1):
                sums = computed
            else:
                broken_at = number
        elif computed == (sum0, sum1) and commit:
            return Damage(
                "wal",
                f"The library's write-ahead log is damaged at frame {broken_at}; "
                "changes committed after it would be lost.",
            )
        previous_stored = (sum0, sum1)


# ---- after SQLite opened it ------------------------------------------------------------------


def check_pages(db: sqlite3.Connection) -> Damage | None:
    """``PRAGMA quick_check`` (every page and index, quickly); None when sound."""
    try:
        rows = db.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        return Damage("pages", f"SQLite could not read the library: {error}")
    if [tuple(row) for row in rows] != [("ok",)]:
        first = str(rows[0][0]) if rows else "no answer"
        return Damage("pages", f"SQLite's check found damage: {first}")
    return None


def check_schema(db: sqlite3.Connection) -> Damage | None:
    """After migrating: the schema version and the tables and columns the app relies on."""
    try:
        version = user_version(db)
        if version != LATEST_VERSION:
            return Damage("schema", f"The library's schema version is {version}.")
        for table, columns in _REQUIRED.items():
            found = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
            if not found or not columns <= found:
                return Damage("schema", f"The library's {table} table is missing or incomplete.")
        db.execute("SELECT count(*) FROM jobs_fts").fetchone()
    except sqlite3.DatabaseError as error:
        return Damage("schema", f"SQLite could not read the library: {error}")
    return None
