"""Comparisons kept in the library (migration v4): saved, updated, listed with a cover, found
from a job; and the session's side of it (JSON both ways, jobs read back), off the loop."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

import pytest

from studio.core.compare import Comparison, Entry, Intent, Round, Translation, Variant, Verdict
from studio.core.jobs import JobStatus
from studio.core.library import Library, OutputKind
from studio.core.library import _migrations as library_schema
from tests.core.test_tasks_fakes import FakeClient
from tests.fakes.session import open_session

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(tmp_path / "lib" / "library.sqlite3")
    yield library
    library.close()


def _downloaded(lib: Library, local_id: str, name: str) -> Path:
    lib.create_job(local_id, "a/b/text-to-image", {"prompt": "p"})
    lib.update_job(local_id, status=JobStatus.SUCCEEDED)
    output = lib.add_output(local_id, 0, OutputKind.IMAGE, "https://x/a.png")
    target = lib.outputs_root / name
    target.write_bytes(b"png")
    lib.set_output_file(output, target, "sha", 3)
    return target


def _save(lib: Library, comparison_id: str, winner: str | None, jobs: list[str]) -> None:
    lib.save_comparison(
        comparison_id,
        {"id": comparison_id, "any": ["thing"]},
        title="a fox",
        capability="image",
        models=["a/b/text-to-image", "c/d/text-to-image"],
        rounds=1,
        winner_local_id=winner,
        jobs=[(0, i, job) for i, job in enumerate(jobs)],
    )


def test_the_migration_adds_the_comparison_tables(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = library_schema.connect(path)
    assert library_schema.migrate(db, library_schema.MIGRATIONS[:3]) == 3
    db.execute("INSERT INTO jobs (local_id, endpoint, input_json, status, created_at) "
               "VALUES ('old', 'e', '{}', 'succeeded', 1)")  # fmt: skip
    assert library_schema.migrate(db) == library_schema.LATEST_VERSION
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"comparisons", "comparison_jobs"} <= tables
    assert [tuple(row) for row in db.execute("SELECT local_id FROM jobs")] == [("old",)]
    db.close()


def test_saved_listed_updated_and_found_from_a_job(lib: Library) -> None:
    first = _downloaded(lib, "j1", "first.png")
    winner = _downloaded(lib, "j2", "winner.png")
    _save(lib, "c1", None, ["j1", "j2"])
    [listed] = lib.list_comparisons()
    assert (listed.title, listed.models, listed.rounds, listed.state) == (
        "a fox", ("a/b/text-to-image", "c/d/text-to-image"), 1, {})  # fmt: skip
    assert listed.cover == first and listed.cover_kind is OutputKind.IMAGE
    _save(lib, "c1", "j2", ["j1", "j2"])
    record = lib.get_comparison("c1")
    assert record is not None and record.state == {"id": "c1", "any": ["thing"]}
    assert record.cover == winner and record.winner_local_id == "j2"
    assert record.updated_at >= record.created_at
    assert [c.id for c in lib.comparisons_of_job("j2")] == ["c1"]
    assert lib.comparisons_of_job("nobody") == []
    assert lib.delete_comparison("c1") and not lib.delete_comparison("c1")
    assert lib.list_comparisons() == [] and lib.comparisons_of_job("j1") == []
    assert lib.get_job("j1") is not None  # its jobs stay


def test_damaged_state_is_read_as_empty(lib: Library, tmp_path: Path) -> None:
    _save(lib, "c1", None, [])
    db = sqlite3.connect(tmp_path / "lib" / "library.sqlite3")
    db.execute("UPDATE comparisons SET state_json = 'not json', models_json = '{'")
    db.commit()
    db.close()
    record = lib.get_comparison("c1")
    assert record is not None and record.state == {} and record.models == ()


def comparison(local_ids: tuple[str | None, str | None]) -> Comparison:
    translation = Translation({"prompt": "a fox"}, "", [])
    return Comparison(
        id="cmp-1",
        task="text-to-image",
        capability="image",
        intent=Intent("a fox", seed=3),
        variants=(Variant("acme/pixel/text-to-image"), Variant("acme/pixel/text-to-image")),
        rounds=(Round(tuple(Entry(translation, i) for i in local_ids), 1.0),),
        created_at=1.0,
    )


@pytest.mark.asyncio
async def test_the_session_keeps_comparisons_and_reads_their_jobs(tmp_path: Path) -> None:
    client = FakeClient()
    async with open_session(client, tmp_path) as session:
        job = session.submit("acme/pixel/text-to-image", {"prompt": "a fox"})
        await session.wait_idle()
        kept = comparison((job.local_id, None)).with_verdict(0, 0, Verdict.WINNER)
        await session.save_comparison(kept)
        assert await session.load_comparison("cmp-1") == kept
        assert await session.load_comparison("nope") is None
        [listed] = await session.list_comparisons()
        assert listed.winner_local_id == job.local_id and listed.title == "a fox"
        found = await session.comparison_of_job(job.local_id)
        assert found is not None and found.id == "cmp-1"
        live = await session.job_snapshots([job.local_id, "missing"])
        assert list(live) == [job.local_id]
    async with open_session(client, tmp_path) as again:  # a new run reads the library
        stored = await again.job_snapshots([job.local_id])
        assert stored[job.local_id].endpoint == "acme/pixel/text-to-image"
        assert (await again.load_comparison("cmp-1")) == kept
