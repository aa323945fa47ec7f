"""The gallery's reads: counts, pages by key, the outputs a change touched, the filter bar's lists.

A page continues after the sort key of the last row the caller holds (keyset paging), so row
99,800 costs what row 0 does. Counts and lists come from the tallies (see _tallies) when the
filter allows. Rows are lean: a job input over INLINE_INPUT_LIMIT bytes (inline data: URIs) is
left out, and never read (GalleryItem.complete is False); gallery_item() reads the whole item.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final

from studio.core.jobs import JobStatus
from studio.core.library import _files as files
from studio.core.library import _queries as queries
from studio.core.library import _tallies as tallies
from studio.core.library._store import LibraryStore
from studio.core.library._types import GalleryItem, OutputFilter

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable, Iterable, Iterator

    Pause = Callable[[], object]  # called by a reading thread between rows (see page_outputs)

INLINE_INPUT_LIMIT: Final = 16 * 1024  # bytes of JSON a gallery row carries at most
_CHUNK: Final = 500  # ids per statement, far below SQLite's variable limit
PAUSED_CHUNK: Final = 50  # rows per statement when the reader pauses (page_outputs)
# Rows are read through jobs_gallery, which holds every jobs column a row needs but the input:
# a big input (and everything stored after it in the row) is then never read. The planner does
# not pick it by itself over the unique local_id index, hence INDEXED BY.
_ROW_SELECT: Final = (
    'SELECT o.id, o.local_id, o."index", o.kind, o.remote_url, o.local_path, o.sha256, o.size, '
    "o.media_type, o.width, o.height, o.duration, o.created_at, o.favourite, o.trashed_at, "
    "o.task_id, o.position, j.prompt, j.endpoint, j.model, j.capability, j.status, "
    "j.created_at AS job_created_at, j.elapsed_ms, {input} AS input_json "
    "FROM outputs o JOIN jobs j INDEXED BY jobs_gallery ON j.local_id = o.local_id "
    "LEFT JOIN job_sizes s ON s.job_id = j.id"
)
_LEAN_SELECT: Final = _ROW_SELECT.format(
    input=f"CASE WHEN s.input_size <= {INLINE_INPUT_LIMIT} THEN j.input_json END"
)
_FULL_SELECT: Final = _ROW_SELECT.format(input="j.input_json")

GalleryKey = tuple[float, int]  # (created_at, id): where a row sorts in a gallery filter


def gallery_key(item: GalleryItem) -> GalleryKey:
    return (item.output.created_at, item.id)


def _chunks(values: Iterable[Any]) -> Iterator[list[Any]]:
    unique = list(dict.fromkeys(values))
    for start in range(0, len(unique), _CHUNK):
        yield unique[start : start + _CHUNK]


def _after_condition(f: OutputFilter, after: GalleryKey | None) -> tuple[str, list[Any]]:
    if after is None:
        return "", []
    comparison = "<" if f.newest_first else ">"
    return f"(o.created_at, o.id) {comparison} (?, ?)", [after[0], after[1]]


def _and(where: str, condition: str) -> str:
    if not condition:
        return where
    return f"{where} AND {condition}" if where else f" WHERE {condition}"


class GalleryShelf(LibraryStore):
    """Reading the library as the gallery shows it; every method may be called from any thread."""

    def count_outputs(self, f: OutputFilter) -> int:
        with self._read() as db:
            if tallies.is_tallied(f):
                return tallies.tallied_count(db, f)
            where, params = queries.where_clause(f)
            sql = "SELECT COUNT(*) FROM outputs o JOIN jobs j ON j.local_id = o.local_id" + where
            return int(db.execute(sql, params).fetchone()[0])

    def page_outputs(
        self,
        f: OutputFilter,
        offset: int,
        limit: int,
        after: GalleryKey | None = None,
        *,
        pause: Pause | None = None,
    ) -> list[GalleryItem]:
        """Rows [offset, offset + limit) of a filter, lean.

        ``after`` is the key (gallery_key) of the last row the caller holds: the page then
        starts right after it, found through the index instead of skipping ``offset`` rows.
        ``pause`` is called between rows: a worker thread's chance to let a busier thread (the
        GUI's) have the interpreter first. With it, the page is read PAUSED_CHUNK rows per
        statement, pausing between them too (a statement's rows are made holding the
        interpreter, and the library's lock is not held across a pause).
        """
        if pause is None:
            return [self._gallery_item(row) for row in self._page_rows(f, offset, limit, after)]
        items: list[GalleryItem] = []
        while len(items) < limit:
            pause()
            wanted = min(PAUSED_CHUNK, limit - len(items))
            rows = self._page_rows(f, offset + len(items), wanted, after)
            for row in rows:
                pause()
                items.append(self._gallery_item(row))
            if len(rows) < wanted:
                break
            after = gallery_key(items[-1])
        return items

    def _page_rows(
        self, f: OutputFilter, offset: int, limit: int, after: GalleryKey | None
    ) -> list[sqlite3.Row]:
        where, params = queries.where_clause(f)
        condition, key_params = _after_condition(f, after)
        where = _and(where, condition)
        sql = _LEAN_SELECT + where + queries.order_clause(f) + " LIMIT ?"
        if after is None:
            sql += " OFFSET ?"
            params = [*params, limit, offset]
        else:
            params = [*params, *key_params, limit]
        with self._read() as db:
            return db.execute(sql, params).fetchall()

    def _gallery_items(self, rows: list[sqlite3.Row], pause: Pause | None) -> list[GalleryItem]:
        if pause is None:
            return [self._gallery_item(row) for row in rows]
        items = []
        for row in rows:
            pause()
            items.append(self._gallery_item(row))
        return items

    def gallery_items(
        self,
        f: OutputFilter | None,
        *,
        output_ids: Iterable[int] = (),
        local_ids: Iterable[str] = (),
        pause: Pause | None = None,
    ) -> list[GalleryItem]:
        """Those of these outputs, and of these jobs' outputs, that the filter shows (None: all).

        Lean rows in the filter's order: what a view needs to bring the rows a change touched
        up to date without reading anything else. ``pause``: as page_outputs.
        """
        f_or_all = f if f is not None else OutputFilter(include_trashed=True)
        where, params = ("", []) if f is None else queries.where_clause(f)
        found: dict[int, GalleryItem] = {}
        selections = [("o.id", chunk) for chunk in _chunks(int(i) for i in output_ids)]
        selections += [("o.local_id", chunk) for chunk in _chunks(str(i) for i in local_ids)]
        with self._read() as db:
            for column, chunk in selections:
                marks = ", ".join("?" * len(chunk))
                sql = _LEAN_SELECT + _and(where, f"{column} IN ({marks})")
                rows = db.execute(sql, [*params, *chunk]).fetchall()
                for item in self._gallery_items(rows, pause):
                    found[item.id] = item
        return sorted(found.values(), key=gallery_key, reverse=f_or_all.newest_first)

    def gallery_item(self, output_id: int) -> GalleryItem | None:
        """One output as a complete gallery item, its job's whole input included."""
        with self._read() as db:
            row = db.execute(_FULL_SELECT + " WHERE o.id = ?", (output_id,)).fetchone()
        return None if row is None else self._gallery_item(row)

    def distinct_endpoints(self) -> list[str]:
        """Endpoints of jobs that have outputs (trashed ones count), sorted."""
        return self._distinct("endpoint")

    def distinct_models(self) -> list[str]:
        """Models of jobs that have outputs (trashed ones count), sorted."""
        return self._distinct("model")

    def _distinct(self, field: str) -> list[str]:
        with self._read() as db:
            return tallies.listed_sources(db, field)

    def _gallery_item(self, row: sqlite3.Row) -> GalleryItem:
        output = queries.output_from_row(row)
        input_json = row["input_json"]
        return GalleryItem(
            output=output,
            file=files.lexically_inside(self.outputs_root, output.local_path),
            prompt=row["prompt"],
            endpoint=row["endpoint"],
            model=row["model"],
            capability=row["capability"],
            input={} if input_json is None else json.loads(input_json),
            status=JobStatus(row["status"]),
            job_created_at=row["job_created_at"],
            elapsed_ms=row["elapsed_ms"],
            complete=input_json is not None,
        )
