"""The library's SQLite schema: connection set-up and ordered migrations keyed by user_version."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Final, TypeAlias

from studio.core import paths
from studio.core.library._backfill import backfill_output_tasks
from studio.core.library._tallies import V7_GALLERY_TALLIES

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

# jobs keeps an INTEGER PRIMARY KEY beside the text local_id: the FTS index is keyed by rowid,
# and only an explicit integer key survives VACUUM unchanged.
_V1_TABLES: Final = """
        CREATE TABLE jobs (
            id INTEGER PRIMARY KEY,
            local_id TEXT NOT NULL UNIQUE,
            endpoint TEXT NOT NULL,
            capability TEXT NOT NULL DEFAULT '',
            model TEXT NOT NULL DEFAULT '',
            schema_fingerprint TEXT NOT NULL DEFAULT '',
            input_json TEXT NOT NULL,
            prompt TEXT NOT NULL DEFAULT '',
            webhook_url TEXT,
            status TEXT NOT NULL,
            remote_id TEXT,
            remote_ids_json TEXT NOT NULL DEFAULT '[]',
            error TEXT,
            created_at REAL NOT NULL,
            submitted_at REAL,
            started_at REAL,
            finished_at REAL,
            elapsed_ms INTEGER,
            task_json TEXT,
            deleted_at REAL
        );
        CREATE TABLE outputs (
            id INTEGER PRIMARY KEY,
            local_id TEXT NOT NULL REFERENCES jobs(local_id) ON DELETE CASCADE,
            "index" INTEGER NOT NULL,
            kind TEXT NOT NULL,
            remote_url TEXT,
            local_path TEXT,
            sha256 TEXT,
            size INTEGER,
            media_type TEXT,
            width INTEGER,
            height INTEGER,
            duration REAL,
            created_at REAL NOT NULL,
            favourite INTEGER NOT NULL DEFAULT 0,
            trashed_at REAL,
            UNIQUE (local_id, "index")
        );
        CREATE INDEX jobs_status ON jobs(status);
        CREATE INDEX jobs_created ON jobs(created_at);
"""

_V2_SEARCH_AND_GALLERY: Final = """
        CREATE VIRTUAL TABLE jobs_fts USING fts5(
            prompt, endpoint, model,
            content='jobs', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER jobs_fts_insert AFTER INSERT ON jobs BEGIN
            INSERT INTO jobs_fts(rowid, prompt, endpoint, model)
            VALUES (new.id, new.prompt, new.endpoint, new.model);
        END;
        CREATE TRIGGER jobs_fts_delete AFTER DELETE ON jobs BEGIN
            INSERT INTO jobs_fts(jobs_fts, rowid, prompt, endpoint, model)
            VALUES ('delete', old.id, old.prompt, old.endpoint, old.model);
        END;
        CREATE TRIGGER jobs_fts_update AFTER UPDATE OF prompt, endpoint, model ON jobs BEGIN
            INSERT INTO jobs_fts(jobs_fts, rowid, prompt, endpoint, model)
            VALUES ('delete', old.id, old.prompt, old.endpoint, old.model);
            INSERT INTO jobs_fts(rowid, prompt, endpoint, model)
            VALUES (new.id, new.prompt, new.endpoint, new.model);
        END;
        INSERT INTO jobs_fts(jobs_fts) VALUES ('rebuild');
        CREATE INDEX jobs_endpoint ON jobs(endpoint);
        CREATE INDEX outputs_created ON outputs(created_at, id);
        CREATE INDEX outputs_trashed ON outputs(trashed_at) WHERE trashed_at IS NOT NULL;
        CREATE INDEX outputs_favourite ON outputs(favourite) WHERE favourite = 1;
        CREATE INDEX outputs_pending ON outputs(local_id) WHERE local_path IS NULL;
"""

# Task ids of one backend (the demo simulator, an API base URL) mean nothing to another, so each
# job records where it was sent. Rows from before v3 keep '' (unknown): see claim_legacy_jobs.
_V3_JOB_BACKEND: Final = """
        ALTER TABLE jobs ADD COLUMN backend TEXT NOT NULL DEFAULT '';
        CREATE INDEX jobs_backend_status ON jobs(backend, status);
"""

# A comparison (issue 9): its whole state as JSON (intent, columns, each round's translations
# and verdicts), a few columns to list it by, and which jobs it sent, so an output's detail can
# link back to it. No foreign key to jobs: a comparison outlives a job deleted for good.
_V6_COMPARISONS: Final = """
        CREATE TABLE comparisons (
            id TEXT PRIMARY KEY,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            capability TEXT NOT NULL DEFAULT '',
            models_json TEXT NOT NULL DEFAULT '[]',
            rounds INTEGER NOT NULL DEFAULT 0,
            winner_local_id TEXT,
            state_json TEXT NOT NULL
        );
        CREATE INDEX comparisons_created ON comparisons(created_at);
        CREATE TABLE comparison_jobs (
            comparison_id TEXT NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
            round INTEGER NOT NULL,
            position INTEGER NOT NULL,
            local_id TEXT NOT NULL,
            PRIMARY KEY (comparison_id, round, position)
        );
        CREATE INDEX comparison_jobs_local ON comparison_jobs(local_id);
"""


# Lineage: which library outputs a job used as inputs (field, position in a list), and for a frame
# taken from a video, where in it. The source's file name and hash are copied, so a job still
# names what it was made from after that output was deleted (output_id then becomes NULL).
_V5_JOB_INPUTS: Final = """
        CREATE TABLE job_inputs (
            local_id TEXT NOT NULL REFERENCES jobs(local_id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            output_id INTEGER REFERENCES outputs(id) ON DELETE SET NULL,
            file_name TEXT,
            sha256 TEXT,
            timestamp_s REAL,
            PRIMARY KEY (local_id, field, position)
        );
        CREATE INDEX job_inputs_output ON job_inputs(output_id) WHERE output_id IS NOT NULL;
"""


# An output belongs to one task of its job (a retry makes a new task) at one place in that task's
# output. Media URLs may change between runs (the demo simulator comes back on a new port, CDN
# URLs are signed), so rows are matched by (task_id, position), never by URL. See
# _backfill_output_tasks for the rows written before v4.
_V4_OUTPUT_TASKS: Final = (
    "ALTER TABLE outputs ADD COLUMN task_id TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE outputs ADD COLUMN position INTEGER",
)


def _output_tasks(db: sqlite3.Connection) -> None:
    for statement in _V4_OUTPUT_TASKS:
        db.execute(statement)
    backfill_output_tasks(db)


Migration: TypeAlias = "str | Callable[[sqlite3.Connection], None]"

# Each step runs in one transaction with the version bump; append, never edit a shipped one.
MIGRATIONS: Final[Sequence[Migration]] = (
    _V1_TABLES,
    _V2_SEARCH_AND_GALLERY,
    _V3_JOB_BACKEND,
    _output_tasks,
    _V5_JOB_INPUTS,
    _V6_COMPARISONS,
    V7_GALLERY_TALLIES,
)
LATEST_VERSION: Final = len(MIGRATIONS)


def connect(path: Path) -> sqlite3.Connection:
    """Open the DB with the pragmas the library relies on; autocommit, explicit transactions."""
    make_private_db(path)
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10.0)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    return db


def make_private_db(path: Path) -> None:
    """The DB file exists and is 0600 before SQLite opens it, and so are its -wal and -shm.

    SQLite creates a DB's -wal and -shm files with the DB file's own permissions, so a private
    DB file keeps them private too; files from older versions are tightened here.
    """
    paths.private_dir(path.parent)
    paths.open_private(path, "ab").close()
    for suffix in ("", "-wal", "-shm", "-journal"):
        paths.make_private(path.with_name(path.name + suffix))


def user_version(db: sqlite3.Connection) -> int:
    row = db.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(db: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Apply every migration past the file's version, each atomically; returns the new version."""
    current = user_version(db)
    if current > len(migrations):
        raise RuntimeError(f"library schema v{current} is newer than this app (v{len(migrations)})")
    for version, step in enumerate(migrations[current:], start=current + 1):
        try:
            if isinstance(step, str):
                # executescript commits any open transaction first, so BEGIN/COMMIT live in it.
                db.executescript(
                    f"BEGIN IMMEDIATE;\n{step}\nPRAGMA user_version = {version};\nCOMMIT;"
                )
            else:
                db.execute("BEGIN IMMEDIATE")
                step(db)
                db.execute(f"PRAGMA user_version = {version}")
                db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
    return user_version(db)
