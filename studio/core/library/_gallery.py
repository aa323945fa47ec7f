"""The gallery's reads: counts, pages by key, the outputs a change touched, the filter bar's lists.

A page continues after the sort key of the last row the caller holds (keyset paging), so row
99,800 costs what row 0 does. Counts and lists come from the tallies (see _tallies) when the
filter allows. Rows are lean: a job input over INLINE_INPUT_LIMIT bytes (inline data: URIs) is
left out, and never read (GalleryItem.complete is False); gallery_item() reads the whole item.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any, Final

from studio.core.jobs import JobStatus
from studio.core.library import _files as files
from studio.core.library import _queries as queries
from studio.core.library import _tallies as tallies
from studio.core.library._store import LibraryStore
from studio.core.library._types import GalleryItem, OutputFilter, OutputKind, OutputRecord

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable, Iterable, Iterator
    from pathlib import Path

    Pause = Callable[[], object]  # called by a reading thread between rows (see page_outputs)

INLINE_INPUT_LIMIT: Final = 16 * 1024  # bytes of JSON a gallery row carries at most
_CHUNK: Final = 500  # ids per statement, far below SQLite's variable limit
PAUSED_CHUNK: Final = 50  # rows per statement when the reader pauses (page_outputs)
# A statement hands all its rows over as one JSON text, each row an array in _item_from_values'
# order: the sqlite3 module lets go of the interpreter around every step of a statement and
# takes it back after, so a page read row by row took it back 600 times, each time waiting for
# the GUI thread to let go of it and making it wait in turn (make bench, gallery: the scroll
# stood waiting for pages; 7.9 -> 6.2 s end to end at 10k rows). Floats go as 17 significant
# digits with SQLite's full precision ('!'), which read back exactly (JSON's own form keeps 15,
# and a sort key must come back as it is). The input is embedded as JSON; none for a lean row
# whose input is big (inline data: URIs) or not JSON at all.
_OUTPUT_VALUES: Final = (
    'o.id, o.local_id, o."index", o.kind, o.remote_url, o.local_path, o.sha256, o.size, '
    "o.media_type, o.width, o.height, {duration}, {created_at}, o.favourite, {trashed_at}, "
    "o.task_id, o.position"
)
_JOB_VALUES: Final = (
    "j.prompt, j.endpoint, j.model, j.capability, j.status, {job_created_at}, j.elapsed_ms"
)


def _exact(column: str) -> str:
    return f"CASE WHEN {column} IS NOT NULL THEN printf('%!.17g', {column}) END"


_VALUES: Final = (
    _OUTPUT_VALUES.format(
        duration=_exact("o.duration"),
        created_at=_exact("o.created_at"),
        trashed_at=_exact("o.trashed_at"),
    )
    + ", "
    + _JOB_VALUES.format(job_created_at=_exact("j.created_at"))
)
# Rows are read through jobs_gallery, which holds every jobs column a row needs but the input:
# a big input (and everything stored after it in the row) is then never read. The planner does
# not pick it by itself over the unique local_id index, hence INDEXED BY.
_ROW_SELECT: Final = (
    "SELECT json_array(" + _VALUES + ", {input}) AS v "
    "FROM outputs o JOIN jobs j INDEXED BY jobs_gallery ON j.local_id = o.local_id "
    "LEFT JOIN job_sizes s ON s.job_id = j.id"
)
_LEAN_SELECT: Final = _ROW_SELECT.format(
    input="CASE WHEN s.input_size <= "
    f"{INLINE_INPUT_LIMIT} AND json_valid(j.input_json) THEN json(j.input_json) END"
)
_FULL_SELECT: Final = _ROW_SELECT.format(input="json(j.input_json)")
_REAL_AT: Final = (11, 12, 14, 22)  # the floats of a row's values, which come as text
_KINDS: Final = {kind.value: kind for kind in OutputKind}
_STATUSES: Final = {status.value: status for status in JobStatus}

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
            return self._items(self._page_values(f, offset, limit, after), None)
        items: list[GalleryItem] = []
        while len(items) < limit:
            pause()
            wanted = min(PAUSED_CHUNK, limit - len(items))
            values = self._page_values(f, offset + len(items), wanted, after)
            items += self._items(values, pause)
            if len(values) < wanted:
                break
            after = gallery_key(items[-1])
        return items

    def _page_values(
        self, f: OutputFilter, offset: int, limit: int, after: GalleryKey | None
    ) -> list[list[Any]]:
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
            rows = _values(db, sql, params)
        # In the filter's order (SQLite does not promise an aggregate keeps its rows' order).
        rows.sort(key=_key_of_values, reverse=f.newest_first)
        return rows

    def _items(self, rows: list[list[Any]], pause: Pause | None) -> list[GalleryItem]:
        if pause is None:
            return [self._item_from_values(values) for values in rows]
        items = []
        for values in rows:
            pause()
            items.append(self._item_from_values(values))
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
        for column, chunk in selections:
            marks = ", ".join("?" * len(chunk))
            sql = _LEAN_SELECT + _and(where, f"{column} IN ({marks})")
            with self._read() as db:
                rows = _values(db, sql, [*params, *chunk])
            for item in self._items(rows, pause):
                found[item.id] = item
        return sorted(found.values(), key=gallery_key, reverse=f_or_all.newest_first)

    def gallery_item(self, output_id: int) -> GalleryItem | None:
        """One output as a complete gallery item, its job's whole input included."""
        with self._read() as db:
            rows = _values(db, _FULL_SELECT + " WHERE o.id = ?", [output_id])
        return self._item_from_values(rows[0]) if rows else None

    def distinct_endpoints(self) -> list[str]:
        """Endpoints of jobs that have outputs (trashed ones count), sorted."""
        return self._distinct("endpoint")

    def distinct_models(self) -> list[str]:
        """Models of jobs that have outputs (trashed ones count), sorted."""
        return self._distinct("model")

    def _distinct(self, field: str) -> list[str]:
        with self._read() as db:
            return tallies.listed_sources(db, field)

    def _item_from_values(self, values: list[Any]) -> GalleryItem:
        """A GalleryItem from a row's values (_VALUES' order, then the input)."""
        (output_id, local_id, index, kind, remote_url, local_path, sha256, size, media_type,
         width, height, duration, created_at, favourite, trashed_at, task_id, position,
         prompt, endpoint, model, capability, status, job_created_at, elapsed_ms,
         input_values) = values  # fmt: skip
        output = OutputRecord(
            output_id, local_id, index, _KINDS.get(kind) or queries.output_kind(kind),
            remote_url, local_path, sha256, size, media_type, width, height, duration,
            created_at, bool(favourite), trashed_at, task_id, position,
        )  # fmt: skip
        return GalleryItem(
            output=output,
            file=_file(self.outputs_root, local_path),
            prompt=prompt,
            endpoint=endpoint,
            model=model,
            capability=capability,
            input={} if input_values is None else input_values,
            status=_STATUSES.get(status) or JobStatus(status),
            job_created_at=job_created_at,
            elapsed_ms=elapsed_ms,
            complete=input_values is not None,
        )


def _values(db: sqlite3.Connection, sql: str, params: list[Any]) -> list[list[Any]]:
    """Each row of sql (a _ROW_SELECT) as its list of values, read in one step (see
    _OUTPUT_VALUES); floats are floats again."""
    text = db.execute(
        "SELECT '[' || group_concat(v, ',') || ']' FROM (" + sql + ")", params
    ).fetchone()[0]
    rows: list[list[Any]] = json.loads(text) if text is not None else []
    for values in rows:
        for at in _REAL_AT:
            if values[at] is not None:
                values[at] = float(values[at])
    return rows


def _key_of_values(values: list[Any]) -> GalleryKey:
    return (values[12], values[0])


@functools.lru_cache(maxsize=256)
def _folder(root: Path, folder: str) -> Path | None:
    return root if not folder else files.lexically_inside(root, folder)


def _file(root: Path, relative: str | None) -> Path | None:
    """files.lexically_inside(root, relative), its folder made once: a page of rows lives in a
    few folders, and a path made whole costs twice one made from its folder."""
    if relative is None:
        return None
    folder, _, name = relative.rpartition("/")
    base = _folder(root, folder)
    if base is None or name in ("", ".", "..") or ":" in name or "\\" in name:
        return files.lexically_inside(root, relative)  # its rules, for whatever is unusual
    return base / name
