"""Comparisons in the library: each one's whole state as JSON, listed newest first with a cover
(the winner's output, else the first one made), and found again from any job it sent.

The library does not read the state: studio.core.compare writes and reads it (the session
joins them), so a comparison made by a newer app is still listed and kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from studio.core.library import _files as files
from studio.core.library._store import LibraryStore
from studio.core.library._types import OutputKind

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterable, Sequence
    from pathlib import Path

_COLUMNS: Final = (
    "id, created_at, updated_at, title, capability, models_json, rounds, winner_local_id"
)
_SUMMARY: Final = f"SELECT {_COLUMNS} FROM comparisons"
# The first downloaded, untrashed output of a job; the cover of a comparison.
_COVER: Final = (
    "SELECT o.local_path, o.kind FROM outputs o WHERE o.local_id = ? AND o.local_path IS NOT NULL "
    'AND o.trashed_at IS NULL ORDER BY o."index" LIMIT 1'
)


@dataclass(frozen=True)
class ComparisonRecord:
    """One kept comparison; `state` is its JSON (empty in lists), `cover` a file to show for it."""

    id: str
    created_at: float
    updated_at: float
    title: str
    capability: str
    models: tuple[str, ...]
    rounds: int
    winner_local_id: str | None
    state: dict[str, Any] = field(default_factory=dict)
    cover: Path | None = None
    cover_kind: OutputKind | None = None


class ComparisonShelf(LibraryStore):
    """Saving, listing and finding comparisons."""

    def save_comparison(
        self,
        comparison_id: str,
        state: dict[str, Any],
        *,
        title: str,
        capability: str,
        models: Sequence[str],
        rounds: int,
        winner_local_id: str | None,
        jobs: Iterable[tuple[int, int, str]],
        created_at: float | None = None,
    ) -> None:
        """Insert or replace a comparison and the (round, position, local_id) of its jobs."""
        now = self._clock()
        row = (
            comparison_id, created_at if created_at else now, now, title, capability,
            json.dumps(list(models)), rounds, winner_local_id,
            json.dumps(state, ensure_ascii=False),
        )  # fmt: skip
        with self._write() as db:
            db.execute(
                "INSERT INTO comparisons (id, created_at, updated_at, title, capability, "
                "models_json, rounds, winner_local_id, state_json) VALUES (?, ?, ?, ?, ?, ?, ?, "
                "?, ?) ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, "
                "title = excluded.title, capability = excluded.capability, "
                "models_json = excluded.models_json, rounds = excluded.rounds, "
                "winner_local_id = excluded.winner_local_id, state_json = excluded.state_json",
                row,
            )
            db.execute("DELETE FROM comparison_jobs WHERE comparison_id = ?", (comparison_id,))
            db.executemany(
                "INSERT OR REPLACE INTO comparison_jobs (comparison_id, round, position, "
                "local_id) VALUES (?, ?, ?, ?)",
                [(comparison_id, r, p, local_id) for r, p, local_id in jobs],
            )

    def get_comparison(self, comparison_id: str) -> ComparisonRecord | None:
        with self._read() as db:
            row = db.execute(
                f"SELECT {_COLUMNS}, state_json FROM comparisons WHERE id = ?", (comparison_id,)
            ).fetchone()
            if row is None:
                return None
            try:
                state = json.loads(row["state_json"])
            except ValueError:
                state = {}
            return self._record(db, row, state if isinstance(state, dict) else {})

    def list_comparisons(self, limit: int = 500) -> list[ComparisonRecord]:
        """Newest first, without their state (see get_comparison)."""
        with self._read() as db:
            rows = db.execute(
                f"{_SUMMARY} ORDER BY created_at DESC, rowid DESC LIMIT ?", (limit,)
            ).fetchall()
            return [self._record(db, row, {}) for row in rows]

    def comparisons_of_job(self, local_id: str) -> list[ComparisonRecord]:
        """The comparisons that sent this job, newest first."""
        with self._read() as db:
            rows = db.execute(
                f"{_SUMMARY} WHERE id IN (SELECT comparison_id FROM comparison_jobs "
                "WHERE local_id = ?) ORDER BY created_at DESC",
                (local_id,),
            ).fetchall()
            return [self._record(db, row, {}) for row in rows]

    def delete_comparison(self, comparison_id: str) -> bool:
        """Forget a comparison (its jobs and outputs stay); False when there was none."""
        with self._write() as db:
            cursor = db.execute("DELETE FROM comparisons WHERE id = ?", (comparison_id,))
        return cursor.rowcount > 0

    def _record(
        self, db: sqlite3.Connection, row: sqlite3.Row, state: dict[str, Any]
    ) -> ComparisonRecord:
        try:
            models = tuple(str(m) for m in json.loads(row["models_json"]))
        except (ValueError, TypeError):
            models = ()
        cover, kind = self._cover(db, row["id"], row["winner_local_id"])
        return ComparisonRecord(
            id=row["id"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            title=row["title"],
            capability=row["capability"],
            models=models,
            rounds=row["rounds"],
            winner_local_id=row["winner_local_id"],
            state=state,
            cover=cover,
            cover_kind=kind,
        )

    def _cover(
        self, db: sqlite3.Connection, comparison_id: str, winner: str | None
    ) -> tuple[Path | None, OutputKind | None]:
        candidates = [winner] if winner else []
        candidates += [
            row[0]
            for row in db.execute(
                "SELECT local_id FROM comparison_jobs WHERE comparison_id = ? "
                "ORDER BY round, position",
                (comparison_id,),
            )
        ]
        for local_id in candidates:
            found = db.execute(_COVER, (local_id,)).fetchone()
            if found is not None:
                path = files.lexically_inside(self.outputs_root, found[0])
                if path is not None:
                    return path, OutputKind(found[1])
        return None, None
