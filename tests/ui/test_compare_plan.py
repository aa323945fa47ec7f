"""plan_input: the shared prompt, aspect ratio and duration translated onto each catalog schema."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from studio.core.compare import SharedValues, plan_input


def schema(slug: str) -> Any:
    text = resources.files("studio").joinpath("data/catalog.json").read_text(encoding="utf-8")
    return next(raw["input_schema"] for raw in json.loads(text) if raw["slug"] == slug)


def test_durations_follow_each_providers_spelling() -> None:
    shared = SharedValues("waves", aspect_ratio="9:16", duration_s=6)
    veo = plan_input(schema("google/veo-3.1/text-to-video"), shared)
    kling = plan_input(schema("kuaishou/kling-v3/pro/text-to-video"), shared)
    wan = plan_input(schema("alibaba/wan-2.7/text-to-video"), shared)
    assert veo.input == {"prompt": "waves", "aspect_ratio": "9:16", "duration": "6s"}
    assert kling.input == {"prompt": "waves", "aspect_ratio": "9:16", "duration": "6"}
    assert wan.input == {"prompt": "waves", "aspect_ratio": "9:16", "duration": 6}


def test_a_value_a_model_does_not_offer_becomes_the_nearest_or_the_named_default() -> None:
    # Issue 9: the nearest offered value is sent (a 5 s tie goes to the longer), and a note
    # names it; a shape with no nearest (1:1 between 16:9 and 9:16) names the model's default.
    veo = schema("google/veo-3.1/text-to-video")
    plan = plan_input(veo, SharedValues("x", aspect_ratio="4:3", duration_s=5))
    assert plan.input == {"prompt": "x", "aspect_ratio": "16:9", "duration": "6s"}
    assert plan.notes == (
        '"4:3" is not offered ("16:9", "9:16"); the nearest it takes, "16:9", is sent instead.',
        '5 s is not offered ("4s", "6s", "8s"); the nearest it takes, "6s", is sent instead.',
    )
    square = plan_input(veo, SharedValues("x", aspect_ratio="1:1"))
    assert square.input == {"prompt": "x", "aspect_ratio": "16:9"}
    assert square.notes[0].endswith('the model\'s default, "16:9", is used.')


def test_a_required_length_without_default_needs_the_shared_duration() -> None:
    music = schema("elevenlabs/elevenlabs-music/music-generate")
    missing = plan_input(music, SharedValues("calm piano"))
    assert missing.input is None
    assert missing.problem == "Skipped: Music length (ms) is required and has no default"
    given = plan_input(music, SharedValues("calm piano", duration_s=30))
    assert given.input == {"prompt": "calm piano", "music_length_ms": 30000}


def test_required_fields_with_defaults_are_filled_and_promptless_models_refused() -> None:
    forced = {
        "type": "object",
        "required": ["prompt", "steps"],
        "properties": {
            "prompt": {"type": "string"},
            "steps": {"type": "integer", "default": 20},
            "guidance": {"type": "number", "default": 3.5},
        },
    }
    assert plan_input(forced, SharedValues("a")).input == {"prompt": "a", "steps": 20}
    whisper = plan_input(schema("openai/whisper-v3/transcribe"), SharedValues("a"))
    assert whisper.input is None and "no text prompt" in whisper.problem
