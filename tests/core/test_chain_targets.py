"""Send to… and Extend shot over the real catalog: groups, order by use, placing local files."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.core.api import parse_endpoint_detail
from studio.core.chain import (
    Group,
    Source,
    extend_targets,
    family_of,
    plan_send,
    send_targets,
)
from tests.core.schema_samples import CATALOG, SCHEMAS, random_schemas

DETAILS = [parse_endpoint_detail(entry) for entry in CATALOG]
SEEDANCE_I2V = "bytedance/seedance-2.0/image-to-video"
KLING_I2V = "kuaishou/kling-v3/pro/image-to-video"


def _entries(kind: str, usage: dict[str, int] | None = None) -> list[tuple[str, str, list[str]]]:
    return [
        (t.group.value, t.slug, [f.path for f in t.fields])
        for t in send_targets(kind, DETAILS, usage or {})
    ]


def test_an_image_animates_edits_ends_and_references() -> None:
    entries = _entries("image")
    groups = [group for group, _slug, _fields in entries]
    assert groups == sorted(groups, key=[g.value for g in Group].index)  # grouped, in order
    assert ("Animate", SEEDANCE_I2V, ["image_url"]) in entries
    assert ("Use as end frame", SEEDANCE_I2V, ["end_image_url"]) in entries
    assert ("Animate", KLING_I2V, ["start_image_url"]) in entries
    assert ("Edit", "openai/gpt-image-2/edit", ["image_urls"]) in entries  # never the mask
    assert ("Use as reference", "google/veo-3.1/reference-to-video", ["image_urls"]) in entries
    assert not any(slug.endswith("text-to-image") for _g, slug, _f in entries)


def test_a_video_extends_edits_references_and_its_audio_is_transcribed() -> None:
    entries = _entries("video")
    assert ("Extend", "alibaba/wan-2.7/image-to-video", ["video_url"]) in entries
    assert ("Edit", "alibaba/wan-2.7/edit-video", ["video_url"]) in entries
    assert ("Use as reference", "bytedance/seedance-2.0/reference-to-video", ["video_urls"]) in (
        entries
    )
    assert ("Transcribe", "openai/whisper-v3/transcribe", ["audio_url"]) in entries
    assert ("Soundtrack", "alibaba/wan-2.7/text-to-video", ["audio_url"]) in entries


def test_audio_goes_to_transcribe_and_soundtracks_only() -> None:
    groups = {group for group, _slug, _fields in _entries("audio")}
    assert groups == {"Transcribe", "Soundtrack"}
    assert _entries("text") == []


def test_the_most_used_come_first_within_a_group() -> None:
    usage = {KLING_I2V: 5, SEEDANCE_I2V: 2}
    animate = [slug for group, slug, _f in _entries("image", usage) if group == "Animate"]
    assert animate[:2] == [KLING_I2V, SEEDANCE_I2V]


def test_extend_shot_prefers_the_family_then_takes_the_clip_where_it_can() -> None:
    seedance = extend_targets("bytedance/seedance-2.0/text-to-video", DETAILS, {})
    assert seedance[0].slug.startswith("bytedance/seedance-2.0/")
    assert seedance[0].field.path == "image_url" and not seedance[0].takes_clip
    assert all(t.same_family for t in seedance[:2]) and not seedance[-1].same_family
    kling = next(t for t in seedance if t.slug == KLING_I2V)
    assert kling.field.path == "start_image_url"
    wan = extend_targets("alibaba/wan-2.7/text-to-video", DETAILS, {})
    assert (wan[0].slug, wan[0].field.path, wan[0].takes_clip) == (
        "alibaba/wan-2.7/image-to-video",
        "video_url",
        True,
    )
    assert all("edit" not in t.slug and "reference" not in t.slug for t in wan)
    assert family_of(KLING_I2V) == "kling-v3"


def _source(number: int, kind: str = "image") -> Source:
    return Source(number, kind, Path(f"/library/{number}.png"), prompt="a lighthouse")


def test_a_list_field_takes_sources_in_order_a_single_field_the_first() -> None:
    sources = [_source(1), _source(2), _source(3)]
    plan = plan_send(SCHEMAS["google/veo-3.1/reference-to-video"], "image_urls", sources, "p")
    assert plan.values == {"prompt": "p", "image_urls": ["/library/1.png", "/library/2.png",
                                                         "/library/3.png"]}  # fmt: skip
    assert [(p.field, p.position, p.source.output_id) for p in plan.placements] == [
        ("image_urls", 0, 1), ("image_urls", 1, 2), ("image_urls", 2, 3)
    ]  # fmt: skip
    single = plan_send(SCHEMAS[SEEDANCE_I2V], "end_image_url", sources, "")
    assert single.values == {"end_image_url": "/library/1.png"}
    assert single.left_out == (sources[1], sources[2])


def test_a_list_field_stops_at_its_max_items() -> None:
    sources = [_source(n) for n in range(6)]
    plan = plan_send(SCHEMAS["alibaba/wan-2.7/edit-video"], "reference_image_urls", sources)
    assert len(plan.values["reference_image_urls"]) == 4 and len(plan.left_out) == 2


def test_a_field_the_schema_lost_is_named_and_the_prompt_still_goes() -> None:
    plan = plan_send(SCHEMAS[KLING_I2V], "image_url", [_source(1)], "a lighthouse")
    assert plan.missing_field == "image_url"
    assert plan.values == {"prompt": "a lighthouse"} and plan.placements == ()


@pytest.mark.parametrize("schema", random_schemas(40, seed=8))
def test_targets_never_fail_on_schemas_the_form_builder_accepts(schema: dict[str, object]) -> None:
    raw = dict(CATALOG[0], slug="x/y/image-to-video", input_schema=schema)
    detail = parse_endpoint_detail(raw)
    for kind in ("image", "video", "audio"):
        for target in send_targets(kind, [detail], {}):
            assert all("." not in f.path for f in target.fields)
            plan_send(schema, target.fields[0].path, [_source(1, kind)], "p")
    extend_targets("x/y/text-to-video", [detail], {})
