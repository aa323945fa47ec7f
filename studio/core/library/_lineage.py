"""Lineage in the library: which outputs a job used as inputs, and what follows from that.

Every job records the library outputs it used (field, position in a list; a frame's timestamp),
with each source's file name and sha256 copied so the record outlives the source. From that
come an output's Made from / Used in, the "made from this" family filter (see queries), the
sources named in sidecars and embedded metadata, and recall with the same local files.
Blocking like the rest of the library: the UI calls it through the session, in a thread.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, Final

from studio.core.chain import InputUse, Lineage, Link, Source
from studio.core.library import _files as files
from studio.core.library import _queries as queries
from studio.core.library._store import LibraryStore
from studio.core.library._types import LibraryError

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterable, Sequence
    from pathlib import Path

LOCAL_BACKEND: Final = "local"  # jobs made here (frames), never sent anywhere
_SOURCE_SELECT: Final = (
    "SELECT o.id, o.kind, o.local_path, o.width, o.height, o.duration, o.size, o.sha256, "
    "j.endpoint, j.prompt FROM outputs o JOIN jobs j ON j.local_id = o.local_id"
)


def _placeholders(count: int) -> str:
    return ", ".join("?" * count)


class LineageStore(LibraryStore):
    """Inputs of jobs, sources for sending on, lineage and locally made outputs."""

    # ---- recording -----------------------------------------------------------------------

    def record_inputs(self, local_id: str, uses: Iterable[InputUse]) -> None:
        """Record the library outputs a job used; a source's name and hash are kept with it."""
        uses = list(uses)
        if not uses:
            return
        known = {
            row[0]: (PurePosixPath(row[1]).name if row[1] else None, row[2])
            for row in self._output_files([u.output_id for u in uses])
        }
        with self._write() as db:
            for use in uses:
                name, sha256 = known.get(use.output_id, (None, None))
                db.execute(
                    "INSERT OR REPLACE INTO job_inputs (local_id, field, position, output_id, "
                    "file_name, sha256, timestamp_s) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        local_id, use.field, use.position,
                        use.output_id if use.output_id in known else None,
                        name, sha256, use.timestamp_s,
                    ),
                )  # fmt: skip

    def _output_files(self, ids: list[int]) -> list[sqlite3.Row]:
        with self._read() as db:
            marks = _placeholders(len(ids))
            return db.execute(
                f"SELECT id, local_path, sha256 FROM outputs WHERE id IN ({marks})", ids
            ).fetchall()

    def source_facts(self, local_id: str) -> list[dict[str, Any]]:
        """The sources of a job as files name them: field, position, file, sha256 (timestamp)."""
        with self._read() as db:
            rows = db.execute(
                "SELECT field, position, file_name, sha256, timestamp_s FROM job_inputs "
                "WHERE local_id = ? ORDER BY field, position",
                (local_id,),
            ).fetchall()
        facts = []
        for row in rows:
            fact = {"field": row[0], "position": row[1], "file": row[2], "sha256": row[3]}
            if row[4] is not None:
                fact["timestamp_s"] = row[4]
            facts.append(fact)
        return facts

    def input_names(self, local_ids: Iterable[str]) -> dict[str, list[str]]:
        """The file names each job used as inputs, in field order (queue tooltips)."""
        ids = list(dict.fromkeys(local_ids))
        found: dict[str, list[str]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            with self._read() as db:
                rows = db.execute(
                    "SELECT local_id, file_name, field, timestamp_s FROM job_inputs WHERE "
                    f"local_id IN ({_placeholders(len(chunk))}) ORDER BY field, position",
                    chunk,
                ).fetchall()
            for local_id, name, field, timestamp in rows:
                at = f" at {timestamp:.2f} s" if timestamp is not None else ""
                found.setdefault(local_id, []).append(f"{name or '?'}{at} → {field}")
        return found

    def endpoint_usage(self) -> dict[str, int]:
        """How many jobs each endpoint ran (what Send to… lists first)."""
        with self._read() as db:
            rows = db.execute(
                "SELECT endpoint, COUNT(*) FROM jobs WHERE backend != ? GROUP BY endpoint",
                (LOCAL_BACKEND,),
            ).fetchall()
        return {row[0]: int(row[1]) for row in rows}

    # ---- sources -------------------------------------------------------------------------

    def sources(self, output_ids: Iterable[int]) -> list[Source]:
        """Outputs as things to send on, in the order asked; unknown ids are left out."""
        ids = list(dict.fromkeys(int(i) for i in output_ids))
        by_id: dict[int, Source] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            by_id |= self._source_rows(f"o.id IN ({_placeholders(len(chunk))})", chunk)
        return [by_id[i] for i in ids if i in by_id]

    def sources_of_job(self, local_id: str) -> list[Source]:
        """A job's outputs that are not in the trash, in output order."""
        found = self._source_rows(
            'o.local_id = ? AND o.trashed_at IS NULL ORDER BY o."index"', [local_id]
        )
        return list(found.values())

    def source_for_file(self, path: Path) -> Source | None:
        """The output whose file this is (a file outside the library is none)."""
        try:
            relative = files.relative_inside(self.outputs_root, path)
        except LibraryError:
            return None
        found = self._source_rows("o.local_path = ?", [relative])
        return next(iter(found.values()), None)

    def _source_rows(self, condition: str, params: Sequence[Any]) -> dict[int, Source]:
        with self._read() as db:
            rows = db.execute(f"{_SOURCE_SELECT} WHERE {condition}", tuple(params)).fetchall()
        return {row[0]: self._source(row) for row in rows}

    def _source(self, row: sqlite3.Row) -> Source:
        kind = queries.output_kind(row[1]).value
        file = files.lexically_inside(self.outputs_root, row[2])
        problem = None
        if file is None:
            problem = "This output is not downloaded yet."
        elif not file.is_file():
            problem = f"Its file is gone from the library folder ({file.name})."
        return Source(
            output_id=row[0], kind=kind, file=file, endpoint=row[8], prompt=row[9],
            width=row[3], height=row[4], duration=row[5], size=row[6], sha256=row[7],
            problem=problem,
        )  # fmt: skip

    # ---- lineage -------------------------------------------------------------------------

    def lineage(self, output_id: int) -> Lineage:
        """What this output was made from, and the outputs of the jobs that used it."""
        with self._read() as db:
            made = db.execute(
                "SELECT ji.output_id, ji.field, ji.position, ji.timestamp_s FROM job_inputs ji "
                "JOIN outputs o ON o.local_id = ji.local_id WHERE o.id = ? "
                "AND ji.output_id IS NOT NULL ORDER BY ji.field, ji.position",
                (output_id,),
            ).fetchall()
            used = db.execute(
                "SELECT DISTINCT o.id, ji.field, ji.position, ji.timestamp_s FROM job_inputs ji "
                "JOIN outputs o ON o.local_id = ji.local_id WHERE ji.output_id = ? "
                "ORDER BY o.created_at, o.id",
                (output_id,),
            ).fetchall()
        return Lineage(self._links(made), self._links(used))

    def recall_links(self, local_id: str) -> tuple[Link, ...]:
        """The library outputs a job used, as links to put back into a recalled form."""
        with self._read() as db:
            rows = db.execute(
                "SELECT output_id, field, position, timestamp_s FROM job_inputs "
                "WHERE local_id = ? AND output_id IS NOT NULL ORDER BY field, position",
                (local_id,),
            ).fetchall()
        return self._links(rows)

    def _links(self, rows: Sequence[sqlite3.Row]) -> tuple[Link, ...]:
        sources = {s.output_id: s for s in self.sources(row[0] for row in rows)}
        return tuple(
            Link(sources[row[0]], row[1], row[2], row[3]) for row in rows if row[0] in sources
        )
