"""The gallery's reads at any size: tallies kept by triggers, keyset pages, lean rows."""

from __future__ import annotations

import json
import random
from typing import TYPE_CHECKING

import pytest

from studio.core.library import Library, OutputFilter
from studio.core.library._gallery import INLINE_INPUT_LIMIT, gallery_key
from studio.core.library._queries import where_clause

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

SOURCES = [
    ("google/nano-banana/text-to-image", "nano-banana", "image"),
    ("google/veo-3.1/text-to-video", "veo-3.1", "video"),
    ("elevenlabs/elevenlabs-music/music-generate", "", "audio"),
]
SAME_TIME = 1_700_000_000.0  # every output at one time: the id alone orders them


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(tmp_path / "library.sqlite3", clock=lambda: SAME_TIME)
    for number in range(30):
        endpoint, model, capability = SOURCES[number % len(SOURCES)]
        local_id = f"job-{number}"
        library.create_job(
            local_id, endpoint, {"prompt": f"fox {number}"}, capability=capability, model=model
        )
        library.add_output(local_id, 0, capability)
        if number % 4 == 0:
            library.add_output(local_id, 1, capability)
    yield library
    library.close()


def _scanned(lib: Library, f: OutputFilter) -> int:
    """The count as a scan finds it, without the tallies."""
    where, params = where_clause(f)
    sql = "SELECT COUNT(*) FROM outputs o JOIN jobs j ON j.local_id = o.local_id" + where
    return int(lib._db.execute(sql, params).fetchone()[0])


def _scanned_sources(lib: Library, column: str) -> list[str]:
    rows = lib._db.execute(
        f"SELECT DISTINCT j.{column} FROM jobs j WHERE j.{column} != '' AND EXISTS "
        f"(SELECT 1 FROM outputs o WHERE o.local_id = j.local_id) ORDER BY j.{column}"
    ).fetchall()
    return [row[0] for row in rows]


TALLIED = [
    OutputFilter(),
    OutputFilter(capability="video"),
    OutputFilter(favourites_only=True),
    OutputFilter(trash_only=True),
    OutputFilter(include_trashed=True),
    OutputFilter(capability="image", favourites_only=True, include_trashed=True),
    OutputFilter(capability="audio", trash_only=True, favourites_only=True),
]


def _check_tallies(lib: Library) -> None:
    for f in TALLIED:
        assert lib.count_outputs(f) == _scanned(lib, f), f
    assert lib.distinct_models() == _scanned_sources(lib, "model")
    assert lib.distinct_endpoints() == _scanned_sources(lib, "endpoint")


def test_tallies_follow_every_change(lib: Library) -> None:
    _check_tallies(lib)
    ids = [item.id for item in lib.page_outputs(OutputFilter(include_trashed=True), 0, 100)]
    rng = random.Random(7)
    for _ in range(40):
        chosen = rng.sample(ids, 3)
        step = rng.choice(["star", "unstar", "trash", "restore", "move", "empty"])
        if step == "star":
            lib.set_favourite(chosen, True)
        elif step == "unstar":
            lib.set_favourite(chosen, False)
        elif step == "trash":
            lib.trash(chosen)
        elif step == "restore":
            lib.restore(chosen)
        elif step == "move":  # the runner learns a job's model and capability later
            output = lib.get_output(chosen[0])
            if output is not None:
                _endpoint, model, capability = rng.choice(SOURCES)
                lib.update_job(output.local_id, model=model, capability=capability)
        else:
            lib.empty_trash(chosen)
            ids = [i for i in ids if lib.get_output(i) is not None]
        _check_tallies(lib)


def test_a_narrower_filter_is_counted_by_a_scan(lib: Library) -> None:
    for f in (OutputFilter(text="fox"), OutputFilter(model="veo-3.1"), OutputFilter(status="x")):
        assert lib.count_outputs(f) == _scanned(lib, f)


def test_migration_tallies_what_was_there(tmp_path: Path) -> None:
    from studio.core.library import _migrations as schema

    path = tmp_path / "old.sqlite3"
    db = schema.connect(path)
    schema.migrate(db, schema.MIGRATIONS[:6])  # a v6 library with outputs in it
    db.execute(
        "INSERT INTO jobs (local_id, endpoint, model, capability, input_json, status, created_at)"
        " VALUES ('a', 'e/one', 'm', 'image', '{\"prompt\": \"x\"}', 'succeeded', 1)"
    )
    for index, trashed in enumerate((None, 5.0, None)):
        db.execute(
            'INSERT INTO outputs (local_id, "index", kind, created_at, trashed_at, favourite) '
            "VALUES ('a', ?, 'image', 1, ?, ?)",
            (index, trashed, min(index, 1)),
        )
    db.close()
    with Library.open(path) as lib:
        assert lib.count_outputs(OutputFilter()) == 2
        assert lib.count_outputs(OutputFilter(trash_only=True)) == 1
        assert lib.count_outputs(OutputFilter(favourites_only=True)) == 1
        assert (lib.distinct_models(), lib.distinct_endpoints()) == (["m"], ["e/one"])
        assert lib.page_outputs(OutputFilter(), 0, 5)[0].input == {"prompt": "x"}


@pytest.mark.parametrize("newest_first", [True, False])
def test_keyset_pages_match_offset_pages(lib: Library, newest_first: bool) -> None:
    f = OutputFilter(newest_first=newest_first, include_trashed=True)
    every = lib.page_outputs(f, 0, 1000)
    assert len(every) == lib.count_outputs(f) == 38
    paged = lib.page_outputs(f, 0, 7)
    while len(paged) < len(every):
        paged += lib.page_outputs(f, len(paged), 7, after=gallery_key(paged[-1]))
    assert [item.id for item in paged] == [item.id for item in every]
    assert lib.page_outputs(f, len(every), 7, after=gallery_key(every[-1])) == []


def test_a_huge_input_is_left_out_of_a_row_and_read_for_one_item(lib: Library) -> None:
    data = "data:image/png;base64," + "A" * (INLINE_INPUT_LIMIT + 10)
    lib.create_job("big", SOURCES[0][0], {"prompt": "a big one", "image": data}, model="m")
    output_id = lib.add_output("big", 0, "image")
    [row] = lib.gallery_items(OutputFilter(), output_ids=[output_id])
    assert (row.complete, row.input, row.prompt) == (False, {}, "a big one")
    small = lib.page_outputs(OutputFilter(), 1, 1)[0]
    assert small.complete and small.input["prompt"].startswith("fox")
    whole = lib.gallery_item(output_id)
    assert whole is not None and whole.complete and whole.input["image"] == data
    assert whole.output == row.output
    stored = lib._db.execute("SELECT input_size FROM job_sizes JOIN jobs ON id = job_id "
                             "WHERE local_id = 'big'").fetchone()[0]  # fmt: skip
    assert stored == len(json.dumps({"prompt": "a big one", "image": data}).encode())


def test_gallery_items_are_the_changed_rows_the_filter_shows(lib: Library) -> None:
    videos = OutputFilter(capability="video")
    everything = lib.page_outputs(OutputFilter(include_trashed=True), 0, 100)
    some = [item.id for item in everything[:9]]
    found = lib.gallery_items(videos, output_ids=some, local_ids=["job-1", "job-2"])
    expected = [i for i in everything if i.capability == "video" and
                (i.id in some or i.local_id in ("job-1", "job-2"))]  # fmt: skip
    assert [item.id for item in found] == [item.id for item in expected]
    assert lib.gallery_items(None, local_ids=["job-0"]) == [
        item for item in everything if item.local_id == "job-0"
    ]
    lib.trash(some[:1])
    assert some[0] not in {i.id for i in lib.gallery_items(OutputFilter(), output_ids=some)}


def test_a_row_comes_back_exactly_as_stored(tmp_path: Path) -> None:
    """Rows travel as JSON text (one step per statement): every float must come back exactly,
    or keyset pages would skip or repeat rows at the same time."""
    rng = random.Random(7)
    times = iter([1_796_359_747.4338303 + rng.random() / 7 for _ in range(400)])
    library = Library.open(tmp_path / "library.sqlite3", clock=lambda: next(times))
    try:
        for number in range(120):
            library.create_job(f"job-{number}", SOURCES[0][0], {"prompt": f"p {number}"})
            output_id = library.add_output(f"job-{number}", 0, "video")
            path = library.output_path_for(f"job-{number}", 0, None, "https://cdn/x.mp4")
            path.write_bytes(b"x")
            library.set_output_file(output_id, path, "00", 1, duration=number / 3)
        library.trash([1, 2, 3])
        db = library._db
        stored = {
            row[0]: tuple(row[1:])
            for row in db.execute(
                "SELECT o.id, o.created_at, o.duration, o.trashed_at, j.created_at "
                "FROM outputs o JOIN jobs j ON j.local_id = o.local_id"
            )
        }
        db.execute(
            "UPDATE outputs SET created_at = (SELECT created_at FROM outputs WHERE id = 9)"
            " WHERE id BETWEEN 10 AND 20"
        )  # fmt: skip  (ties across pages)
        db.commit()
        f = OutputFilter(include_trashed=True)
        every = library.page_outputs(f, 0, 1000)
        paged = library.page_outputs(f, 0, 4)
        while len(paged) < len(every):
            paged += library.page_outputs(
                f, len(paged), 4, gallery_key(paged[-1]), pause=lambda: None
            )
        assert [item.id for item in paged] == [item.id for item in every]
        for item in every:
            created = db.execute("SELECT created_at FROM outputs WHERE id = ?", (item.id,))
            assert item.output.created_at == created.fetchone()[0]
            _, duration, trashed_at, job_created_at = stored[item.id]
            assert (item.output.duration, item.output.trashed_at) == (duration, trashed_at)
            assert item.job_created_at == job_created_at
            assert isinstance(item.output.favourite, bool) and item.file is not None
    finally:
        library.close()


def test_a_damaged_input_leaves_its_row_lean_instead_of_failing_the_page(lib: Library) -> None:
    lib._db.execute("UPDATE jobs SET input_json = '{not json' WHERE local_id = 'job-3'")
    lib._db.commit()
    rows = lib.page_outputs(OutputFilter(), 0, 100)
    assert len(rows) == 38
    damaged = [row for row in rows if row.local_id == "job-3"]
    assert [(row.complete, row.input, row.prompt) for row in damaged] == [(False, {}, "fox 3")]
    assert all(row.complete for row in rows if row.local_id != "job-3")


@pytest.mark.parametrize(
    "relative",
    ["a.png", "2026-12/a.png", "./x/a.png", "x//a.png", "x/", "../a.png", "x/../a.png",
     "/etc/passwd", "c:/a.png", "x\\a.png", "x/.", "x/..", ".", ""],
)  # fmt: skip
def test_a_rows_file_follows_the_rules_of_lexically_inside(tmp_path: Path, relative: str) -> None:
    from studio.core.library._files import lexically_inside
    from studio.core.library._gallery import _file

    assert _file(tmp_path, relative) == lexically_inside(tmp_path, relative)
