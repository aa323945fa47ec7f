"""plan(): an intent translated onto each catalog schema, with values set by hand in the table.

The first four tests are today's Compare tab's (they tested plan_input, which plan() replaced):
the same bodies and notes, now through the one translation.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from studio.core.compare import How, Intent, can_override, override, plan
from studio.core.schema import FormSpec


def schema(slug: str) -> Any:
    text = resources.files("studio").joinpath("data/catalog.json").read_text(encoding="utf-8")
    return next(raw["input_schema"] for raw in json.loads(text) if raw["slug"] == slug)


def test_durations_follow_each_providers_spelling() -> None:
    intent = Intent("waves", aspect_ratio="9:16", duration_s=6)
    veo = plan(schema("google/veo-3.1/text-to-video"), intent)
    kling = plan(schema("kuaishou/kling-v3/pro/text-to-video"), intent)
    wan = plan(schema("alibaba/wan-2.7/text-to-video"), intent)
    assert veo.input == {"prompt": "waves", "aspect_ratio": "9:16", "duration": "6s"}
    assert kling.input == {"prompt": "waves", "aspect_ratio": "9:16", "duration": "6"}
    assert wan.input == {"prompt": "waves", "aspect_ratio": "9:16", "duration": 6}


def test_a_value_a_model_does_not_offer_becomes_the_nearest_or_the_named_default() -> None:
    veo = schema("google/veo-3.1/text-to-video")
    nearest = plan(veo, Intent("x", aspect_ratio="4:3", duration_s=5))
    assert nearest.input == {"prompt": "x", "aspect_ratio": "16:9", "duration": "6s"}
    assert [row.note for row in nearest.rows if row.how is not How.SENT] == [
        '"4:3" is not offered ("16:9", "9:16"); the nearest it takes, "16:9", is sent instead.',
        '5 s is not offered ("4s", "6s", "8s"); the nearest it takes, "6s", is sent instead.',
    ]
    square = plan(veo, Intent("x", aspect_ratio="1:1"))
    assert square.input == {"prompt": "x", "aspect_ratio": "16:9"}
    assert square.rows[1].note.endswith('the model\'s default, "16:9", is used.')


def test_a_required_length_without_default_needs_the_duration() -> None:
    music = schema("elevenlabs/elevenlabs-music/music-generate")
    missing = plan(music, Intent("calm piano"))
    assert missing.input is None
    assert missing.problem == "Music length (ms) is required and has no default"
    given = plan(music, Intent("calm piano", duration_s=30))
    assert given.input == {"prompt": "calm piano", "music_length_ms": 30000}


def test_required_fields_with_defaults_are_filled_and_whisper_needs_no_prompt() -> None:
    forced = {
        "type": "object",
        "required": ["prompt", "steps"],
        "properties": {
            "prompt": {"type": "string"},
            "steps": {"type": "integer", "default": 20},
            "guidance": {"type": "number", "default": 3.5},
        },
    }
    assert plan(forced, Intent("a")).input == {"prompt": "a", "steps": 20}
    # Transcription is compared too now: Whisper needs audio, not a prompt.
    whisper = plan(schema("openai/whisper-v3/transcribe"), Intent("", audio="https://x/a.mp3"))
    assert whisper.input == {"audio_url": "https://x/a.mp3"}


def test_an_override_replaces_the_translated_value_and_says_so() -> None:
    veo = schema("google/veo-3.1/text-to-video")
    planned = plan(veo, Intent("x", duration_s=10), {"duration": "4s"})
    assert planned.input == {"prompt": "x", "duration": "4s"}
    row = planned.rows[1]
    assert (row.how, row.field, row.sent, row.requested) == (How.OVERRIDDEN, "duration", "4s", 10)
    assert row.note == 'Set by hand to "4s" (the translation gave "8s").'
    assert FormSpec.from_schema(veo).validate(planned.input) == []


def test_an_override_the_schema_refuses_leaves_no_body_and_names_the_field() -> None:
    veo = schema("google/veo-3.1/text-to-video")
    planned = plan(veo, Intent("x", duration_s=8), {"duration": "9s"})
    assert planned.input is None
    assert planned.problem.startswith("Duration")


def test_overrides_only_touch_rows_that_went_to_a_field() -> None:
    nano = schema("google/nano-banana/text-to-image")
    translated = plan(nano, Intent("x", seed=3, image="https://x/a.png"))
    assert [row.setting for row in translated.rows] == ["prompt", "seed", "image"]
    assert [can_override(row) for row in translated.rows] == [True, True, False]
    changed = override(nano, translated, {"seed": 5, "image_url": "https://y", "nothing": 1})
    assert changed.input == {**(translated.input or {}), "seed": 5}
    assert [row.how for row in changed.rows] == [How.SENT, How.OVERRIDDEN, How.DROPPED]
