"""Schema v4's backfill: which task, and which place in its output, each older output row is.

Before v4 rows were matched to a task's media by URL. URLs that changed between runs (the demo
simulator on a new port) then added "phantom" rows: no file, or a second row for a file another
row already has, at an index past the task's media, fetched at every start without end. Here a
media row's place is its URL's place in the job's current (stored) task, else, for a job sent
once, its index (a first attempt's index is its position). Rows with a file are placed first;
a row whose place is taken is a phantom, removed when it has no file or another row's file
(nothing is lost), else kept unplaced. Rows of a retried job that are not the current task's
belong to earlier attempts (``task_id`` '' = unknown attempt, never fetched again). Text rows
belong to the job's current task, without a position.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

from studio.core.api import MountseaError, parse_task

if TYPE_CHECKING:
    import sqlite3

log = logging.getLogger(__name__)


def _media_urls(task_json: str | None) -> list[str] | None:
    if task_json is None:
        return None
    try:
        return [media.url for media in parse_task(json.loads(task_json)).media]
    except (ValueError, MountseaError):
        return None


def backfill_output_tasks(db: sqlite3.Connection) -> None:
    """Set task_id and position of every output row; remove the phantoms (see module doc)."""
    jobs = db.execute(
        "SELECT local_id, remote_id, remote_ids_json, task_json FROM jobs j WHERE EXISTS "
        "(SELECT 1 FROM outputs o WHERE o.local_id = j.local_id)"
    ).fetchall()
    removed = 0
    for local_id, remote_id, remote_ids_json, task_json in jobs:
        rows = db.execute(
            'SELECT id, "index", kind, remote_url, local_path FROM outputs WHERE local_id = ? '
            'ORDER BY "index"',
            (local_id,),
        ).fetchall()
        single = len(json.loads(remote_ids_json or "[]")) <= 1
        removed += _place(db, rows, remote_id or "", _media_urls(task_json), single=single)
    if removed:
        log.info("removed %d output row(s) that repeated another row of their task", removed)


def _place(
    db: sqlite3.Connection,
    rows: list[Any],
    task_id: str,
    urls: list[str] | None,
    *,
    single: bool,
) -> int:
    """Place one job's rows; returns how many phantom rows were removed.

    Rows with a file are placed first, so when two rows claim one place the one without a
    file is the phantom.
    """
    used: set[int] = set()
    placed_files: set[str] = set()
    removed = 0
    for output_id, index, kind, url, local_path in sorted(rows, key=lambda r: r[4] is None):
        if kind == "text":
            db.execute("UPDATE outputs SET task_id = ? WHERE id = ?", (task_id, output_id))
            continue
        position = _position(index, url, urls, single=single)
        if position in used:
            position = None
        if position is None and single and (local_path is None or local_path in placed_files):
            db.execute("DELETE FROM outputs WHERE id = ?", (output_id,))
            removed += 1
            continue
        if position is not None:
            used.add(position)
            if local_path is not None:
                placed_files.add(local_path)
        db.execute(
            "UPDATE outputs SET task_id = ?, position = ? WHERE id = ?",
            (task_id if position is not None else "", position, output_id),
        )
    return removed


def _position(index: int, url: str | None, urls: list[str] | None, *, single: bool) -> int | None:
    """By URL when it is one of the current task's; else, for a first attempt, its index."""
    if urls is not None and url in urls:
        return urls.index(url)
    if single and (urls is None or index < len(urls)):
        return index
    return None
