"""Library gallery: search, filters, paging, favourites, trash, export and recall."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from studio.core.library import (
    Library,
    LibraryError,
    OutputFilter,
    OutputKind,
    RecallMode,
    make_recall,
)
from studio.core.media import write_sidecar
from studio.core.paths import sidecar_path

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

START = 1_700_000_000.0

JOBS = [
    # local_id, endpoint, model, capability, prompt, outputs
    ("fox", "google/nano-banana/text-to-image", "nano-banana", "image", "A red fox in snow", 2),
    ("cafe", "openai/gpt-image-2/text-to-image", "gpt-image-2", "image", "Café au lait art", 1),
    ("waves", "google/veo-3.1/text-to-video", "veo-3.1", "video", "waves crashing, drone", 1),
    ("foxes", "google/veo-3.1/text-to-video", "veo-3.1", "video", "two foxes playing", 1),
    ("song", "elevenlabs/elevenlabs-music/music-generate", "", "audio", "calm piano", 1),
    ("cjk", "alibaba/wan-2.7/text-to-video", "wan-2.7", "video", "一只猫在草地上奔跑", 1),
]


class StepClock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(tmp_path / "library.sqlite3", clock=StepClock())
    for local_id, endpoint, model, capability, prompt, count in JOBS:
        library.create_job(
            local_id,
            endpoint,
            {"prompt": prompt, "seed": 42, "extra": {"seed": 1, "steps": 4}},
            capability=capability,
            model=model,
        )
        library.set_remote_id(local_id, f"ms-{local_id}")
        for index in range(count):
            output_id = library.add_output(local_id, index, capability, f"https://cdn/{local_id}")
            path = library.output_path_for(local_id, index, None, f"https://cdn/{local_id}.bin")
            path.write_bytes(f"{local_id}-{index}".encode())
            library.set_output_file(output_id, path, "00", path.stat().st_size)
        library.update_job(local_id, status="succeeded")
    yield library
    library.close()


def _ids(lib: Library, f: OutputFilter, limit: int = 100) -> list[str]:
    return [f"{item.local_id}/{item.output.index}" for item in lib.page_outputs(f, 0, limit)]


def _jobs_found(lib: Library, text: str) -> set[str]:
    return {item.local_id for item in lib.page_outputs(OutputFilter(text=text), 0, 100)}


def test_default_order_is_newest_first_and_paging_is_stable(lib: Library) -> None:
    everything = _ids(lib, OutputFilter())
    assert everything == ["cjk/0", "song/0", "foxes/0", "waves/0", "cafe/0", "fox/1", "fox/0"]
    assert _ids(lib, OutputFilter(newest_first=False)) == list(reversed(everything))
    pages = [lib.page_outputs(OutputFilter(), offset, 3) for offset in (0, 3, 6)]
    assert [f"{i.local_id}/{i.output.index}" for page in pages for i in page] == everything
    assert lib.count_outputs(OutputFilter()) == 7


def test_a_pausing_reader_gets_the_same_pages_in_small_statements(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from studio.core.library import _gallery

    monkeypatch.setattr(_gallery, "PAUSED_CHUNK", 2)  # pages span several statements
    total = lib.count_outputs(OutputFilter())
    pauses: list[int] = []
    for offset, limit in ((0, total), (1, 5), (3, 4), (total - 1, 3)):
        plain = lib.page_outputs(OutputFilter(), offset, limit)
        paused = lib.page_outputs(OutputFilter(), offset, limit, pause=lambda: pauses.append(1))
        assert [item.id for item in paused] == [item.id for item in plain]
    assert len(pauses) >= total  # at least once per row
    first = lib.page_outputs(OutputFilter(), 0, 3)
    after = (first[-1].output.created_at, first[-1].id)
    rest = lib.page_outputs(OutputFilter(), 3, total, after, pause=lambda: None)
    assert [item.id for item in first + rest] == [
        item.id for item in lib.page_outputs(OutputFilter(), 0, total)
    ]


def test_gallery_item_joins_job_fields(lib: Library) -> None:
    item = lib.page_outputs(OutputFilter(endpoint="openai/gpt-image-2/text-to-image"), 0, 1)[0]
    assert item.prompt == "Café au lait art"
    assert item.model == "gpt-image-2" and item.capability == "image"
    assert item.input["seed"] == 42
    assert item.status.value == "succeeded"
    assert item.file is not None and item.file.read_bytes() == b"cafe-0"
    assert item.output.kind is OutputKind.IMAGE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fox", {"fox", "foxes"}),  # the word being typed is a prefix
        ("fox ", {"fox"}),  # a finished word is exact
        ("fo", {"fox", "foxes"}),
        ("red snow", {"fox"}),
        ('"red fox"', {"fox"}),
        ('"fox red"', set()),
        ("cafe", {"cafe"}),  # diacritics folded
        ("veo", {"waves", "foxes"}),  # endpoint and model are indexed
        ("nano-banana", {"fox"}),
        ("猫", {"cjk"}),
        ("", {"fox", "cafe", "waves", "foxes", "song", "cjk"}),
    ],
)
def test_text_search(lib: Library, text: str, expected: set[str]) -> None:
    assert _jobs_found(lib, text) == expected


@pytest.mark.parametrize(
    "garbage",
    ['"', '"unclosed', "AND", "OR NOT", "*", "fox*", "(", "a:b", "NEAR(x y)", "'; DROP", "^", "-"],
)
def test_garbage_search_input_never_raises(lib: Library, garbage: str) -> None:
    lib.count_outputs(OutputFilter(text=garbage))
    lib.page_outputs(OutputFilter(text=garbage), 0, 10)


def test_search_follows_prompt_updates(lib: Library) -> None:
    lib._db.execute("UPDATE jobs SET prompt = 'a blue whale' WHERE local_id = 'fox'")
    assert _jobs_found(lib, "whale") == {"fox"}
    assert _jobs_found(lib, "snow") == set()


def test_filters(lib: Library) -> None:
    assert _ids(lib, OutputFilter(capability="video")) == ["cjk/0", "foxes/0", "waves/0"]
    assert _ids(lib, OutputFilter(endpoint="google/nano-banana/text-to-image")) == [
        "fox/1",
        "fox/0",
    ]
    assert _ids(lib, OutputFilter(model="veo-3.1", text="fox")) == ["foxes/0"]
    lib.update_job("song", status="failed")
    assert _ids(lib, OutputFilter(status="failed")) == ["song/0"]
    item_times = {i.local_id: i.output.created_at for i in lib.page_outputs(OutputFilter(), 0, 99)}
    middle = datetime.fromtimestamp(item_times["waves"], tz=UTC)
    end = datetime.fromtimestamp(item_times["song"], tz=UTC)
    assert _ids(lib, OutputFilter(date_from=middle, date_to=end)) == ["foxes/0", "waves/0"]
    assert lib.count_outputs(OutputFilter(capability="image", text="fox")) == 2


def test_distinct_endpoints_and_models(lib: Library) -> None:
    lib.create_job("no-outputs", "zz/never/ran", {"prompt": "x"}, model="m")
    assert lib.distinct_endpoints() == sorted({job[1] for job in JOBS})
    assert lib.distinct_models() == ["gpt-image-2", "nano-banana", "veo-3.1", "wan-2.7"]


def _output_id(lib: Library, local_id: str, index: int = 0) -> int:
    return lib.outputs_for_job(local_id)[index].id


def test_favourites(lib: Library) -> None:
    fox, cafe = _output_id(lib, "fox"), _output_id(lib, "cafe")
    assert lib.set_favourite([fox, cafe], True) == sorted([fox, cafe])
    assert lib.set_favourite([fox], True) == []
    assert _ids(lib, OutputFilter(favourites_only=True)) == ["cafe/0", "fox/0"]
    assert lib.set_favourite([cafe], False) == [cafe]
    assert lib.count_outputs(OutputFilter(favourites_only=True)) == 1
    assert lib.get_output(fox).favourite  # type: ignore[union-attr]


def test_trash_restore_and_undo(lib: Library) -> None:
    fox, cafe, song = (_output_id(lib, name) for name in ("fox", "cafe", "song"))
    token = lib.trash([fox, cafe])
    assert sorted(token.output_ids) == sorted([fox, cafe])
    assert lib.trash([fox]).output_ids == ()  # already in the trash
    assert lib.count_outputs(OutputFilter()) == 5
    assert lib.count_outputs(OutputFilter(include_trashed=True)) == 7
    assert _ids(lib, OutputFilter(trash_only=True)) == ["cafe/0", "fox/0"]
    assert lib.restore([cafe, song]) == [cafe]
    assert lib.undo_trash(token) == [fox]
    assert lib.count_outputs(OutputFilter(trash_only=True)) == 0
    later = lib.trash([fox])
    assert lib.undo_trash(token) == []  # a newer trash step is not undone by an old token
    assert lib.undo_trash(later) == [fox]


def test_empty_trash_deletes_rows_files_and_sidecars(lib: Library) -> None:
    fox, cafe = _output_id(lib, "fox"), _output_id(lib, "cafe")
    fox_file = lib.file_of(lib.get_output(fox))  # type: ignore[arg-type]
    cafe_file = lib.file_of(lib.get_output(cafe))  # type: ignore[arg-type]
    assert fox_file is not None and cafe_file is not None
    sidecar = write_sidecar(fox_file, {"endpoint": "e", "input": {}}, {})
    lib.trash([fox, cafe])
    assert sorted(lib.empty_trash([fox])) == sorted([fox_file, sidecar])
    assert not fox_file.exists() and not sidecar.exists()
    assert cafe_file.exists() and lib.get_output(cafe) is not None
    assert lib.empty_trash() == [cafe_file]
    assert lib.get_output(fox) is None and lib.get_output(cafe) is None
    assert not cafe_file.exists()
    assert lib.count_outputs(OutputFilter(include_trashed=True)) == 5
    assert lib.get_job("fox") is not None  # the job stays in the queue history


def test_empty_trash_never_deletes_outside_the_root(lib: Library, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    fox = _output_id(lib, "fox")
    lib._db.execute("UPDATE outputs SET local_path = '../victim.txt' WHERE id = ?", (fox,))
    lib.trash([fox])
    assert lib.empty_trash() == []
    assert victim.read_text() == "keep me"
    assert lib.get_output(fox) is not None  # kept: it could not be cleaned up safely
    item = lib.page_outputs(OutputFilter(trash_only=True), 0, 1)[0]
    assert item.file is None  # a tampered path is never handed to the UI


def test_release_output_path_frees_the_name(lib: Library) -> None:
    first = lib.output_path_for("new", 0, "image/png", "")
    assert lib.output_path_for("new", 0, "image/png", "") != first
    lib.release_output_path(first)
    assert lib.output_path_for("new", 0, "image/png", "") == first


def _day(lib: Library, local_id: str) -> str:
    record = lib.get_job(local_id)
    assert record is not None
    return datetime.fromtimestamp(record.created_at, UTC).astimezone().date().isoformat()


def test_export_to_folder(lib: Library, tmp_path: Path) -> None:
    fox0, fox1 = _output_id(lib, "fox", 0), _output_id(lib, "fox", 1)
    lib.create_job("pending", "e/x", {"prompt": "p"})
    pending = lib.add_output("pending", 0, OutputKind.IMAGE, "https://cdn/p")
    dest = tmp_path / "export"
    result = lib.export([fox0, fox1, pending], dest, as_zip=False)
    assert result.missing == (pending,)
    names = sorted(path.name for path in result.files)
    # Files kept under their ids in the library are exported under readable names.
    stem = f"{_day(lib, 'fox')} A red fox in snow · nano-banana · fox"
    assert names == [
        f"{stem}-0.bin",
        f"{stem}-0.sidecar.json",
        f"{stem}-1.bin",
        f"{stem}-1.sidecar.json",
    ]
    assert all(path.parent == dest for path in result.files)
    sidecars = [path for path in result.files if path.name.endswith(".json")]
    document = json.loads(sidecars[0].read_text())
    assert document["request"]["endpoint"] == "google/nano-banana/text-to-image"
    assert document["request"]["input"]["prompt"] == "A red fox in snow"
    assert document["request"]["task_id"] == "ms-fox"
    assert "remote_url" not in json.dumps(document)
    again = lib.export([fox0], dest, as_zip=False)  # never overwrites earlier exports
    assert len(set(again.files) & set(result.files)) == 0
    assert sorted(path.name for path in again.files) == [
        f"{stem}-0-1.bin",
        f"{stem}-0-1.sidecar.json",
    ]


def test_a_chinese_prompt_gives_a_readable_export_name(lib: Library, tmp_path: Path) -> None:
    result = lib.export([_output_id(lib, "cjk")], tmp_path / "export", as_zip=False)
    day = _day(lib, "cjk")
    assert sorted(path.name for path in result.files) == [
        f"{day} 一只猫在草地上奔跑 · wan-2.7 · cjk-0.bin",
        f"{day} 一只猫在草地上奔跑 · wan-2.7 · cjk-0.sidecar.json",
    ]


def test_export_to_zip_keeps_existing_sidecars(lib: Library, tmp_path: Path) -> None:
    fox0 = _output_id(lib, "fox", 0)
    song = _output_id(lib, "song")
    song_file = lib.file_of(lib.get_output(song))  # type: ignore[arg-type]
    assert song_file is not None
    # A sidecar as earlier versions named it (<file>.json) is still the file's own.
    legacy = song_file.with_name(song_file.name + ".json")
    write_sidecar(song_file, {"endpoint": "mine", "input": {"prompt": "own"}}, {"note": 1})
    sidecar_path(song_file).rename(legacy)
    zip_path = tmp_path / "out" / "export.zip"
    result = lib.export([fox0, song], zip_path, as_zip=True)
    assert result.files == (zip_path,) and result.missing == ()
    song_name = f"{_day(lib, 'song')} calm piano · elevenlabs-music · song-0"
    with zipfile.ZipFile(zip_path) as archive:
        names = sorted(archive.namelist())
        assert len(names) == 4 and not any(name.endswith(".json.json") for name in names)
        song_sidecar = json.loads(archive.read(f"{song_name}.sidecar.json"))
        assert song_sidecar["request"]["endpoint"] == "mine"
        assert archive.read(f"{song_name}.bin") == b"song-0"
    assert list(zip_path.parent.glob("*.part")) == []


def test_recall_modes(lib: Library) -> None:
    fox = _output_id(lib, "fox")
    remix = lib.recall(fox, RecallMode.REMIX)
    assert remix.endpoint == "google/nano-banana/text-to-image"
    assert remix.input == {"prompt": "A red fox in snow", "extra": {"steps": 4}}
    exact = lib.recall("fox", "use_all")
    assert exact.input == {
        "prompt": "A red fox in snow",
        "seed": 42,
        "extra": {"seed": 1, "steps": 4},
    }
    assert lib.recall(fox, "use_prompt").input == {"prompt": "A red fox in snow"}
    with pytest.raises(LibraryError):
        lib.recall(99999, "remix")
    with pytest.raises(LibraryError):
        lib.recall("missing", "remix")
    with pytest.raises(ValueError):
        lib.recall(fox, "everything")


def test_make_recall_for_dropped_files() -> None:
    recall = make_recall("e/x", {"prompt": "p", "seeds": [{"seed": 1, "w": 2}]}, "remix")
    assert recall.input == {"prompt": "p", "seeds": [{"w": 2}]}
    assert recall.mode is RecallMode.REMIX
