"""Unit tests of the simulator's pure parts: faults, timing, task store, validation, rendering."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest

from studio.sim.catalog import Catalog
from studio.sim.faults import FaultInjector, FaultKind, FaultProfileError, RouteClass, parse_profile
from studio.sim.lifecycle import (
    InvalidTransitionError,
    StoreFullError,
    TaskStatus,
    TaskStore,
    iso_millis,
)
from studio.sim.rendering import MediaInputError, render_task, resolve_media
from studio.sim.timing import Outcome, find_magic_words, jitter_factor, plan_task

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

IMAGE_ENTRY = {
    "slug": "google/nano-banana/text-to-image",
    "model": "nano-banana",
    "capability": "image",
    "mode": "text-to-image",
}


# --- faults -------------------------------------------------------------------------------------


def test_profile_none_and_presets_parse() -> None:
    assert parse_profile("none").rules == ()
    assert parse_profile("").rules == ()
    assert {rule.kind for rule in parse_profile("chaos").rules} == set(FaultKind)
    assert parse_profile("flaky").rules


def test_profile_parses_probabilities_and_counts() -> None:
    profile = parse_profile("429:0.2, 5xx:0.1,truncate*3")
    kinds = [(rule.kind, rule.probability, rule.count) for rule in profile.rules]
    assert kinds == [
        (FaultKind.RATE_LIMIT, 0.2, None),
        (FaultKind.SERVER_ERROR, 0.1, None),
        (FaultKind.TRUNCATE, None, 3),
    ]


@pytest.mark.parametrize("text", ["boom:0.1", "429:1.5", "429:x", "429*-1", "429*1.5", "429"])
def test_bad_profiles_are_rejected(text: str) -> None:
    with pytest.raises(FaultProfileError):
        parse_profile(text)


def test_counted_faults_hit_only_matching_routes_then_stop() -> None:
    injector = FaultInjector("429*2,truncate*1")
    assert injector.pick(RouteClass.FILES) is FaultKind.TRUNCATE
    assert injector.pick(RouteClass.FILES) is None
    assert injector.pick(RouteClass.API) is FaultKind.RATE_LIMIT
    assert injector.pick(RouteClass.API) is FaultKind.RATE_LIMIT
    assert injector.pick(RouteClass.API) is None
    assert injector.describe()["rules"] == [
        {"kind": "429", "remaining": 0},
        {"kind": "truncate", "remaining": 0},
    ]


def test_probabilistic_faults_are_seeded_and_repeatable() -> None:
    first = FaultInjector("5xx:0.5")
    second = FaultInjector("5xx:0.5")
    picks = [first.pick(RouteClass.API) for _ in range(200)]
    assert picks == [second.pick(RouteClass.API) for _ in range(200)]
    assert 40 < picks.count(FaultKind.SERVER_ERROR) < 160
    assert all(first.pick(RouteClass.FILES) is None for _ in range(50))


def test_probability_one_always_faults_and_reset_restarts_counts() -> None:
    injector = FaultInjector("reset:1")
    assert all(injector.pick(RouteClass.FILES) is FaultKind.RESET for _ in range(20))
    injector.set_profile("slow*1")
    assert injector.pick(RouteClass.API) is FaultKind.SLOW
    assert injector.pick(RouteClass.API) is None


# --- timing and magic words ---------------------------------------------------------------------


def test_magic_words_prompt_first_then_other_strings() -> None:
    assert find_magic_words({"prompt": "a cat"}).outcome is Outcome.SUCCEED
    assert find_magic_words({"prompt": "x [timeout]", "style": "[fail]"}).outcome is Outcome.TIMEOUT
    nested = {"prompt": "ok", "plan": {"sections": [{"lines": ["[FAIL] here"]}]}}
    assert find_magic_words(nested).outcome is Outcome.FAIL
    magic = find_magic_words({"negative_prompt": "[slow]"})
    assert magic.slow
    assert magic.outcome is Outcome.SUCCEED


def test_jitter_is_deterministic_and_within_twenty_percent() -> None:
    factors = [jitter_factor(f"ms-{index}") for index in range(300)]
    assert factors == [jitter_factor(f"ms-{index}") for index in range(300)]
    assert all(0.8 <= factor <= 1.2 for factor in factors)
    assert max(factors) - min(factors) > 0.3


def test_plan_durations_by_capability_speed_and_slow() -> None:
    task_id = "ms-fixed"
    jitter = jitter_factor(task_id)
    video = plan_task(task_id, "video", {"prompt": "a"})
    assert video.total_seconds == pytest.approx(25.0 * jitter)
    assert 0 < video.queued_seconds < video.processing_seconds
    image = plan_task(task_id, "image", {"prompt": "a"}, speed=4.0)
    assert image.total_seconds == pytest.approx(1.0 * jitter)
    slow = plan_task(task_id, "audio", {"prompt": "[slow] [fail]"}, speed=2.0)
    assert slow.total_seconds == pytest.approx(12.0 * 3 * jitter / 2)
    assert slow.outcome is Outcome.FAIL


# --- task store ---------------------------------------------------------------------------------


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 5, 18, 9, 0, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def test_task_lifecycle_json_with_injected_clock() -> None:
    clock = FakeClock()
    store = TaskStore(clock=clock)
    record = store.create(IMAGE_ENTRY, None)
    queued = record.to_json()
    assert queued["task_id"].startswith("ms-")
    assert queued["status"] == "queued"
    assert queued["created_at"] == "2026-05-18T09:00:00.000Z"
    assert queued["started_at"] is queued["completed_at"] is queued["elapsed_ms"] is None
    assert set(queued) == {
        *("task_id", "endpoint", "model", "capability", "mode", "status", "created_at"),
        *("started_at", "completed_at", "elapsed_ms", "output", "error"),
    }
    clock.advance(0.25)
    store.start(record.task_id)
    clock.advance(1.5)
    done = store.succeed(record.task_id, {"images": []}, ["image-0.png"]).to_json()
    assert done["status"] == "succeeded"
    assert done["started_at"] == "2026-05-18T09:00:00.250Z"
    assert done["elapsed_ms"] == 1750
    assert done["error"] is None


def test_invalid_transitions_are_refused() -> None:
    store = TaskStore(clock=FakeClock())
    record = store.create(IMAGE_ENTRY, None)
    with pytest.raises(InvalidTransitionError):
        store.succeed(record.task_id, {}, [])
    store.start(record.task_id)
    failed = store.fail(record.task_id, TaskStatus.TIMEOUT, 504, "late")
    assert failed.to_json()["error"] == {"code": 504, "message": "late"}
    with pytest.raises(InvalidTransitionError):
        store.cancel(record.task_id)
    with pytest.raises(KeyError):
        store.cancel("ms-unknown")


def test_ttl_eviction_drops_only_finished_tasks_and_reports_them() -> None:
    clock = FakeClock()
    evicted: list[str] = []
    store = TaskStore(clock=clock, ttl_seconds=60, on_evict=lambda r: evicted.append(r.task_id))
    finished = store.create(IMAGE_ENTRY, None)
    running = store.create(IMAGE_ENTRY, None)
    store.cancel(finished.task_id)
    store.start(running.task_id)
    clock.advance(59)
    assert store.evict_expired() == []
    clock.advance(2)
    assert store.evict_expired() == [finished.task_id]
    assert evicted == [finished.task_id]
    assert store.get(finished.task_id) is None
    assert store.get(running.task_id) is not None


def test_capacity_evicts_oldest_finished_then_refuses_when_all_running() -> None:
    store = TaskStore(clock=FakeClock(), max_tasks=2)
    first = store.create(IMAGE_ENTRY, None)
    second = store.create(IMAGE_ENTRY, None)
    store.cancel(first.task_id)
    third = store.create(IMAGE_ENTRY, None)
    assert store.get(first.task_id) is None
    assert len(store) == 2
    assert store.get(second.task_id) is not None
    assert store.get(third.task_id) is not None
    with pytest.raises(StoreFullError):
        store.create(IMAGE_ENTRY, None)


def test_iso_millis_format() -> None:
    moment = datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=UTC)
    assert iso_millis(moment) == "2026-01-02T03:04:05.678Z"


# --- validation messages ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load()


def test_catalog_has_every_entry_and_filters(catalog: Catalog) -> None:
    assert len(catalog.list()) == 35
    assert {e.capability for e in catalog.list(capability="image")} == {"image"}
    assert all("veo" in e.entry["tags"] for e in catalog.list(tag="veo"))
    assert catalog.list(capability="chat") == []


def test_validation_messages_name_dotted_input_paths(catalog: Catalog) -> None:
    endpoint = catalog.get("google/nano-banana/edit")
    assert endpoint is not None
    messages = endpoint.validate({"image_urls": ["ok", 7], "num_images": 9, "bogus": 1})
    assert any(m.startswith("input.prompt: ") and "required" in m for m in messages)
    assert any(m.startswith("input.image_urls.1: ") for m in messages)
    assert any(m.startswith("input.num_images: ") for m in messages)
    assert any(m.startswith("input: ") and "bogus" in m for m in messages)
    assert endpoint.validate({"prompt": "p", "image_urls": ["https://x/y.png"]}) == []


def test_nested_required_property_path(catalog: Catalog) -> None:
    endpoint = catalog.get("elevenlabs/elevenlabs-music/music-generate")
    assert endpoint is not None
    plan: dict[str, list[Any]] = {
        "positive_global_styles": [],
        "negative_global_styles": [],
        "sections": [{}],
    }
    messages = endpoint.validate({"composition_plan": plan})
    assert any(m.startswith("input.composition_plan.sections.0.section_name: ") for m in messages)


# --- rendering ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StubFile:
    data: bytes
    content_type: str = "image/png"
    extension: str = "png"
    width: int | None = 8
    height: int | None = 4
    duration: float | None = None


@dataclass(frozen=True)
class StubGenerated:
    files: tuple[StubFile, ...]
    extra_output: dict[str, Any] = field(default_factory=dict)


def test_resolve_media_decodes_data_uris_and_own_files(tmp_path: Path) -> None:
    own = tmp_path / "in.png"
    own.write_bytes(b"own-bytes")
    data_uri = "data:image/png;base64," + base64.b64encode(b"\x89PNG").decode()
    inputs = {"image_urls": [data_uri, "http://sim/files/t/in.png", "https://elsewhere/x.png"]}
    media = resolve_media(inputs, lambda url: own if url.startswith("http://sim/") else None)
    assert media == {data_uri: b"\x89PNG", "http://sim/files/t/in.png": b"own-bytes"}
    with pytest.raises(MediaInputError, match=r"input\.image_urls\.0"):
        resolve_media({"image_urls": ["data:image/png;base64,@@@"]}, lambda _: None)


def test_render_task_writes_files_and_builds_output(tmp_path: Path) -> None:
    seen: list[Mapping[str, bytes]] = []

    def generate(
        entry: Mapping[str, Any], inputs: Mapping[str, Any], media: Mapping[str, bytes]
    ) -> StubGenerated:
        seen.append(media)
        return StubGenerated(files=(StubFile(b"one"), StubFile(b"three")), extra_output={"x": 1})

    result = render_task(
        generate,
        entry=IMAGE_ENTRY,
        inputs={"prompt": "p"},
        local_file=lambda _: None,
        task_dir=tmp_path / "ms-1",
        files_url="http://h:1/files/ms-1",
    )
    assert result.file_names == ["image-0.png", "image-1.png"]
    assert (tmp_path / "ms-1" / "image-1.png").read_bytes() == b"three"
    first = result.output["images"][0]
    assert first == {
        "url": "http://h:1/files/ms-1/image-0.png",
        "content_type": "image/png",
        "file_name": "image-0.png",
        "file_size": 3,
        "width": 8,
        "height": 4,
    }
    assert result.output["x"] == 1
    assert seen == [{}]
