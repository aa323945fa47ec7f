"""translate(): the cases issue 9 names, the rules behind them, and schemas nobody foresaw."""

from __future__ import annotations

from typing import Any

import pytest

from studio.core import compare
from studio.core.compare import How, Intent, Translation, TranslationRow, translate
from studio.core.compare._translate import UNREADABLE
from studio.core.schema import FormSpec
from tests.core.schema_samples import GARBAGE, ODD, SCHEMAS, random_schemas

IMG = "data:image/png;base64,iVBORw0KGgo="
VEO = "google/veo-3.1/text-to-video"
GPT = "openai/gpt-image-2/text-to-image"


def row(slug: str, intent: Intent, setting: str) -> TranslationRow:
    translation = translated(slug, intent)
    return next(r for r in translation.rows if r.setting == setting)


def translated(slug: str, intent: Intent) -> Translation:
    translation = translate(SCHEMAS[slug], intent)
    if translation.input is not None:
        assert FormSpec.from_schema(SCHEMAS[slug]).validate(translation.input) == []
    return translation


def test_21_9_on_gpt_image_2_is_an_explicit_size_of_that_shape() -> None:
    for slug in (GPT, "openai/gpt-image-2/edit"):
        wide = row(slug, Intent("a pier", aspect_ratio="21:9", image=IMG), "aspect_ratio")
        assert (wide.how, wide.field) == (How.MAPPED, "image_size")
        assert wide.sent == {"width": 1904, "height": 816}
        assert wide.sent["width"] * 9 == wide.sent["height"] * 21
        assert "1904×816" in wide.note


def test_a_shape_gpt_image_2_has_a_preset_for_uses_the_preset() -> None:
    portrait = row(GPT, Intent("a pier", aspect_ratio="9:16"), "aspect_ratio")
    assert (portrait.how, portrait.sent) == (How.MAPPED, "portrait_16_9")
    square = row(GPT, Intent("a pier", aspect_ratio="1:1"), "aspect_ratio")
    assert square.sent == "square_hd"


def test_a_resolution_on_gpt_image_2_sizes_the_explicit_image() -> None:
    translation = translated(GPT, Intent("a pier", aspect_ratio="16:9", resolution="4k"))
    assert translation.input == {"prompt": "a pier", "image_size": {"width": 3840, "height": 2160}}
    assert [r.how for r in translation.rows[1:]] == [How.MAPPED, How.MAPPED]


def test_10_s_on_veo_is_clamped_to_8s() -> None:
    clamped = row(VEO, Intent("waves", duration_s=10), "duration_s")
    assert (clamped.how, clamped.field, clamped.sent) == (How.CLAMPED, "duration", "8s")
    assert '"8s"' in clamped.note


def test_veo_given_1_1_names_the_default_it_uses() -> None:
    square = row(VEO, Intent("waves", aspect_ratio="1:1"), "aspect_ratio")
    assert (square.how, square.field, square.sent) == (How.DEFAULT, "aspect_ratio", "16:9")
    assert 'default, "16:9", is used' in square.note


def test_4k_is_clamped_on_seedance_fast_and_lite_models_respelled_on_nano_banana() -> None:
    four_k = Intent("waves", resolution="4k")
    fast = row("bytedance/seedance-2.0/fast/text-to-video", four_k, "resolution")
    assert (fast.how, fast.sent) == (How.CLAMPED, "720p")
    lite = row("google/veo-3.1/lite/text-to-video", four_k, "resolution")
    assert (lite.how, lite.sent) == (How.CLAMPED, "1080p")
    nano = row("google/nano-banana-2/text-to-image", four_k, "resolution")
    assert (nano.how, nano.sent) == (How.MAPPED, "4K")
    assert row(VEO, four_k, "resolution").how is How.SENT


def test_30_s_of_music_is_30000_ms_and_too_short_is_clamped() -> None:
    music = "elevenlabs/elevenlabs-music/music-generate"
    thirty = translated(music, Intent("calm piano", duration_s=30))
    assert thirty.input == {"music_length_ms": 30000, "prompt": "calm piano"}
    assert (thirty.rows[1].how, thirty.rows[1].field) == (How.MAPPED, "music_length_ms")
    short = row(music, Intent("calm piano", duration_s=1), "duration_s")
    assert (short.how, short.sent) == (How.CLAMPED, 3000)


@pytest.mark.parametrize(
    ("slug", "field"),
    [
        ("google/veo-3.1/image-to-video", "image_url"),
        ("google/veo-3.1/first-last-frame-to-video", "first_frame_url"),
        ("kuaishou/kling-v3/pro/image-to-video", "start_image_url"),
        ("alibaba/wan-2.7/image-to-video", "image_url"),
        ("bytedance/seedance-2.0/image-to-video", "image_url"),
        ("bytedance/seedance-2.0/fast/image-to-video", "image_url"),
        ("google/nano-banana/edit", "image_urls[0]"),
    ],
)
def test_a_start_image_goes_where_each_model_takes_it(slug: str, field: str) -> None:
    start = row(slug, Intent("go", image=IMG), "image")
    assert (start.how, start.field, start.sent) == (How.SENT, field, IMG)


def test_the_start_image_lands_in_the_body() -> None:
    kling = translated("kuaishou/kling-v3/pro/image-to-video", Intent("go", image=IMG))
    assert kling.input == {"start_image_url": IMG, "prompt": "go"}
    nano = translated("google/nano-banana/edit", Intent("blue", image=IMG))
    assert nano.input == {"prompt": "blue", "image_urls": [IMG]}


@pytest.mark.parametrize("slug", ["kuaishou/kling-v3/pro/text-to-video", GPT])
def test_a_seed_on_a_model_without_one_is_dropped(slug: str) -> None:
    translation = translated(slug, Intent("go", seed=7))
    seed = translation.rows[1]
    assert (seed.setting, seed.how, seed.field, seed.sent) == ("seed", How.DROPPED, None, None)
    assert "no seed setting" in seed.note
    assert translation.input is not None and "seed" not in translation.input


def test_out_of_range_numbers_are_clamped_and_spelled_ones_mapped() -> None:
    wan = "alibaba/wan-2.7/text-to-video"
    assert row(wan, Intent("go", seed=-3), "seed").sent == 0
    assert row(wan, Intent("go", seed=-3), "seed").how is How.CLAMPED
    spelled = row(wan, Intent("go", seed="42"), "seed")  # type: ignore[arg-type]
    assert (spelled.how, spelled.sent) == (How.MAPPED, 42)
    many = row("google/nano-banana/text-to-image", Intent("go", num_outputs=9), "num_outputs")
    assert (many.how, many.field, many.sent) == (How.CLAMPED, "num_images", 4)


@pytest.mark.parametrize(
    ("slug", "asked", "how", "sent"),
    [
        (VEO, 8, How.MAPPED, "8s"),
        (VEO, "8", How.MAPPED, "8s"),
        (VEO, 5, How.CLAMPED, "6s"),  # a tie between 4 s and 6 s goes to the longer
        ("kuaishou/kling-v3/pro/text-to-video", 8, How.MAPPED, "8"),
        ("kuaishou/kling-v3/pro/text-to-video", "8", How.SENT, "8"),
        ("kuaishou/kling-v3/pro/text-to-video", 2, How.CLAMPED, "3"),
        ("alibaba/wan-2.7/text-to-video", 8, How.SENT, 8),
        ("alibaba/wan-2.7/text-to-video", 7.5, How.CLAMPED, 8),
        ("bytedance/seedance-2.0/text-to-video", 3, How.CLAMPED, "4"),
    ],
)
def test_durations_in_each_models_spelling(slug: str, asked: Any, how: How, sent: Any) -> None:
    duration = row(slug, Intent("go", duration_s=asked), "duration_s")
    assert (duration.how, duration.sent) == (how, sent)


def test_aspect_ratios_sent_respelled_or_nearest_by_shape() -> None:
    wan = "alibaba/wan-2.7/text-to-video"
    assert row(wan, Intent("go", aspect_ratio="4:3"), "aspect_ratio").how is How.SENT
    assert row(wan, Intent("go", aspect_ratio="4x3"), "aspect_ratio").how is How.MAPPED
    nearest = row(wan, Intent("go", aspect_ratio="5:4"), "aspect_ratio")
    assert (nearest.how, nearest.sent) == (How.CLAMPED, "4:3")
    odd = row(wan, Intent("go", aspect_ratio="cinema"), "aspect_ratio")
    assert (odd.how, odd.sent) == (How.DEFAULT, "16:9")
    kling_i2v = row(
        "kuaishou/kling-v3/pro/image-to-video", Intent("go", aspect_ratio="1:1"), "aspect_ratio"
    )
    assert (kling_i2v.how, kling_i2v.field) == (How.DROPPED, None)


def test_a_required_media_the_intent_lacks_makes_no_body() -> None:
    veo = translated("google/veo-3.1/image-to-video", Intent("go"))
    assert veo.input is None and veo.problem == "needs an input image (Image URL)"
    whisper = translated("openai/whisper-v3/transcribe", Intent(""))
    assert whisper.input is None and whisper.problem == "needs input audio (Audio URL)"
    assert whisper.rows == []


def test_a_start_image_and_a_clip_are_one_or_the_other_on_wan() -> None:
    wan = "alibaba/wan-2.7/image-to-video"
    both = translated(wan, Intent("go", image=IMG, video="https://v/clip.mp4"))
    assert both.input == {"prompt": "go", "image_url": IMG}
    clip = both.rows[2]
    assert (clip.setting, clip.how) == ("video", How.DROPPED)
    assert clip.note.startswith("Video URL cannot be combined with Image URL")
    only_clip = translated(wan, Intent("go", video="https://v/clip.mp4"))
    assert only_clip.input == {"prompt": "go", "video_url": "https://v/clip.mp4"}


def test_references_fill_a_list_up_to_its_limit() -> None:
    refs = [f"https://r/{i}.png" for i in range(5)]
    veo = row(
        "google/veo-3.1/reference-to-video", Intent("go", reference_images=refs), "reference_images"
    )
    assert (veo.how, veo.field, veo.sent) == (How.CLAMPED, "image_urls", refs[:3])
    wan = row(
        "alibaba/wan-2.7/reference-to-video",
        Intent("go", reference_images=refs),
        "reference_images",
    )
    assert (wan.how, wan.field, wan.sent) == (How.SENT, "reference_image_urls", refs)


def test_a_video_or_audio_with_nothing_to_work_on_becomes_a_reference() -> None:
    seedance = "bytedance/seedance-2.0/reference-to-video"
    intent = Intent("go", reference_images=[IMG], video="https://v/a.mp4", audio="https://a/b.mp3")
    translation = translated(seedance, intent)
    assert [(r.setting, r.how, r.field) for r in translation.rows[1:]] == [
        ("reference_images", How.SENT, "image_urls"),
        ("video", How.MAPPED, "video_urls[0]"),
        ("audio", How.MAPPED, "audio_urls[0]"),
    ]


def test_a_prompt_longer_than_the_model_takes_is_cut() -> None:
    long = "x" * 600
    negative = row(
        "alibaba/wan-2.7/text-to-video", Intent("go", negative_prompt=long), "negative_prompt"
    )
    assert (negative.how, negative.sent) == (How.CLAMPED, "x" * 500)


def test_rows_only_for_what_was_set_in_intent_order() -> None:
    assert translated(VEO, Intent("")).rows == []
    assert translated(VEO, Intent("  ")).problem == "needs a prompt"
    intent = Intent("go", seed=1, aspect_ratio="16:9", image=None, reference_images=[])
    assert [r.setting for r in translated(VEO, intent).rows] == ["prompt", "aspect_ratio", "seed"]


def test_the_front_stays_small_and_values_are_frozen() -> None:
    assert len(compare.__all__) <= 40
    intent = Intent("go")
    with pytest.raises(AttributeError):
        intent.prompt = "other"  # type: ignore[misc]
    assert isinstance(How.CLAMPED, str) and How("clamped") is How.CLAMPED


INTENTS = [
    Intent(""),
    Intent("go", aspect_ratio="21:9", duration_s=10, resolution="4k", seed=-1, num_outputs=3),
    Intent("go", image=IMG, end_image=IMG, reference_images=[IMG, IMG], video=IMG, audio=IMG),
    Intent("go", negative_prompt="n", generate_audio=False, aspect_ratio="x", resolution="?"),
    Intent("go", duration_s=float("nan"), seed=True, num_outputs=0),
]


def assert_sound(schema: Any, intent: Intent) -> None:
    translation = translate(schema, intent)
    assert not translation.problem.startswith(UNREADABLE), translation.problem
    assert [r.setting for r in translation.rows] == [name for name, _ in intent.settings()]
    assert all(isinstance(r.how, How) and r.note for r in translation.rows)
    if translation.input is None:
        assert translation.problem
    else:
        assert FormSpec.from_schema(schema).validate(translation.input) == []


@pytest.mark.parametrize("schema", [*GARBAGE, *ODD])
def test_garbage_and_odd_schemas_never_fail(schema: Any) -> None:
    for intent in INTENTS:
        assert_sound(schema, intent)


def test_random_schemas_never_fail() -> None:
    for schema in random_schemas(300, seed=9):
        for intent in INTENTS:
            assert_sound(schema, intent)
