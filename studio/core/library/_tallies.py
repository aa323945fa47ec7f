"""What the gallery counts and lists without scanning: tallies kept up to date by triggers (v7).

Counting 100,000 outputs for the gallery's total, or finding the distinct endpoints and models
of their jobs for the filter bar, costs tens of milliseconds a time; the gallery asks after every
change. So SQLite keeps the answers itself, in the same transaction as each change:

- ``gallery_tallies``: how many outputs there are per (job capability, trashed, starred). Every
  filter made only of a kind, the star toggle and the trash toggles is a sum of a few cells.
- ``gallery_sources``: how many outputs the jobs of each endpoint and each model have (trashed
  or not): the filter bar lists the values with a count above 0.
- ``job_sizes``: each job's input size in bytes, so a gallery row can leave out a huge input
  (inline data: URIs) without reading it; ``jobs_gallery`` covers every jobs column a gallery
  row reads, so a big input is never walked through to reach the columns stored after it.

Triggers follow outputs (insert, delete, star and trash flags) and jobs (a changed capability,
endpoint or model moves the counts of its outputs). Jobs are never deleted by the app; an output
deleted together with its job by hand leaves its counts behind (they only ever list too much).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from studio.core.library._queries import search_terms
from studio.core.library._types import OutputFilter

if TYPE_CHECKING:
    import sqlite3

# The tally cell of one output: its job's capability, whether it is in the trash, starred.
_CELL: Final = "j.capability, {row}.trashed_at IS NOT NULL, {row}.favourite = 1"
_ADD_CELL: Final = (
    "INSERT INTO gallery_tallies (capability, trashed, favourite, n) "
    f"SELECT {_CELL}, 1 FROM jobs j WHERE j.local_id = {{row}}.local_id "
    "ON CONFLICT DO UPDATE SET n = n + 1;"
)
_REMOVE_CELL: Final = (
    "UPDATE gallery_tallies SET n = n - 1 WHERE (capability, trashed, favourite) = "
    f"(SELECT {_CELL} FROM jobs j WHERE j.local_id = {{row}}.local_id);"
)
# The (field, value) pairs of gallery_sources an output of a job counts in.
_SOURCES_OF: Final = (
    "SELECT 'endpoint' AS field, j.endpoint AS value FROM jobs j WHERE j.local_id = {row}.local_id "
    "AND j.endpoint != '' UNION ALL "
    "SELECT 'model', j.model FROM jobs j WHERE j.local_id = {row}.local_id AND j.model != ''"
)

V7_GALLERY_TALLIES: Final = f"""
        CREATE TABLE gallery_tallies (
            capability TEXT NOT NULL,
            trashed INTEGER NOT NULL,
            favourite INTEGER NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (capability, trashed, favourite)
        ) WITHOUT ROWID;
        CREATE TABLE gallery_sources (
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (field, value)
        ) WITHOUT ROWID;
        CREATE TABLE job_sizes (
            job_id INTEGER PRIMARY KEY,
            input_size INTEGER NOT NULL
        );
        INSERT INTO gallery_tallies (capability, trashed, favourite, n)
            SELECT {_CELL.format(row="o")}, count(*)
            FROM outputs o JOIN jobs j ON j.local_id = o.local_id GROUP BY 1, 2, 3;
        INSERT INTO gallery_sources (field, value, n)
            SELECT 'endpoint', j.endpoint, count(*) FROM outputs o
            JOIN jobs j ON j.local_id = o.local_id WHERE j.endpoint != '' GROUP BY 2
            UNION ALL
            SELECT 'model', j.model, count(*) FROM outputs o
            JOIN jobs j ON j.local_id = o.local_id WHERE j.model != '' GROUP BY 2;
        INSERT INTO job_sizes (job_id, input_size)
            SELECT id, length(CAST(input_json AS BLOB)) FROM jobs;
        CREATE INDEX jobs_gallery ON jobs(
            local_id, capability, endpoint, model, status, created_at, elapsed_ms, prompt
        );
        CREATE TRIGGER gallery_output_insert AFTER INSERT ON outputs BEGIN
            {_ADD_CELL.format(row="new")}
            INSERT INTO gallery_sources (field, value, n)
                SELECT field, value, 1 FROM ({_SOURCES_OF.format(row="new")}) WHERE true
                ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER gallery_output_delete AFTER DELETE ON outputs BEGIN
            {_REMOVE_CELL.format(row="old")}
            UPDATE gallery_sources SET n = n - 1
                WHERE (field, value) IN ({_SOURCES_OF.format(row="old")});
        END;
        CREATE TRIGGER gallery_output_flags AFTER UPDATE OF trashed_at, favourite ON outputs
        WHEN (old.trashed_at IS NULL) != (new.trashed_at IS NULL)
            OR (old.favourite = 1) != (new.favourite = 1) BEGIN
            {_REMOVE_CELL.format(row="old")}
            {_ADD_CELL.format(row="new")}
        END;
        CREATE TRIGGER gallery_job_moved AFTER UPDATE OF capability, endpoint, model ON jobs
        WHEN old.capability != new.capability OR old.endpoint != new.endpoint
            OR old.model != new.model BEGIN
            UPDATE gallery_tallies SET n = n - (
                SELECT count(*) FROM outputs o WHERE o.local_id = old.local_id
                AND (o.trashed_at IS NOT NULL) = gallery_tallies.trashed
                AND (o.favourite = 1) = gallery_tallies.favourite
            ) WHERE capability = old.capability;
            INSERT INTO gallery_tallies (capability, trashed, favourite, n)
                SELECT new.capability, o.trashed_at IS NOT NULL, o.favourite = 1, count(*)
                FROM outputs o WHERE o.local_id = new.local_id GROUP BY 2, 3
                ON CONFLICT DO UPDATE SET n = n + excluded.n;
            UPDATE gallery_sources SET n = n - (
                SELECT count(*) FROM outputs o WHERE o.local_id = old.local_id
            ) WHERE (field, value) IN (VALUES ('endpoint', old.endpoint), ('model', old.model));
            INSERT INTO gallery_sources (field, value, n)
                SELECT field, value, n FROM (
                    SELECT 'endpoint' AS field, new.endpoint AS value, count(*) AS n
                    FROM outputs o WHERE o.local_id = new.local_id
                    UNION ALL
                    SELECT 'model', new.model, count(*) FROM outputs o
                    WHERE o.local_id = new.local_id
                ) WHERE value != '' AND n > 0
                ON CONFLICT DO UPDATE SET n = n + excluded.n;
        END;
        CREATE TRIGGER job_sizes_insert AFTER INSERT ON jobs BEGIN
            INSERT OR REPLACE INTO job_sizes (job_id, input_size)
                VALUES (new.id, length(CAST(new.input_json AS BLOB)));
        END;
        CREATE TRIGGER job_sizes_update AFTER UPDATE OF input_json ON jobs BEGIN
            INSERT OR REPLACE INTO job_sizes (job_id, input_size)
                VALUES (new.id, length(CAST(new.input_json AS BLOB)));
        END;
"""


def is_tallied(f: OutputFilter) -> bool:
    """The filter is made only of what the tallies split by: kind, stars and trash."""
    plain = OutputFilter(
        capability=f.capability,
        favourites_only=f.favourites_only,
        include_trashed=f.include_trashed,
        trash_only=f.trash_only,
        newest_first=f.newest_first,
        text=f.text,
    )
    return f == plain and not search_terms(f.text)


def tallied_count(db: sqlite3.Connection, f: OutputFilter) -> int:
    """How many outputs a filter accepted by is_tallied shows, from the tallies."""
    conditions = ["1"]
    params: list[object] = []
    if f.capability:
        conditions.append("capability = ?")
        params.append(f.capability)
    if f.trash_only:
        conditions.append("trashed = 1")
    elif not f.include_trashed:
        conditions.append("trashed = 0")
    if f.favourites_only:
        conditions.append("favourite = 1")
    sql = "SELECT COALESCE(SUM(n), 0) FROM gallery_tallies WHERE " + " AND ".join(conditions)
    return int(db.execute(sql, params).fetchone()[0])


def listed_sources(db: sqlite3.Connection, field: str) -> list[str]:
    """The endpoints or models (field) that have outputs, sorted."""
    rows = db.execute(
        "SELECT value FROM gallery_sources WHERE field = ? AND n > 0 ORDER BY value", (field,)
    ).fetchall()
    return [row[0] for row in rows]
