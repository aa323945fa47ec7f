"""fit(): which catalog models can take what an intent holds, and why the others cannot; the
media limits stated in field descriptions, and the problems a file has there."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from studio.core.compare import (
    Intent,
    MediaFacts,
    MediaLimits,
    MediaProblemKind,
    fit,
    media_limits,
    media_problems,
    translate,
)

IMG = "https://files.example/start.png"


def catalog() -> dict[str, Any]:
    text = resources.files("studio").joinpath("data/catalog.json").read_text(encoding="utf-8")
    return {raw["slug"]: raw for raw in json.loads(text)}


CATALOG = catalog()


def fitting(capability: str, intent: Intent) -> set[str]:
    return {
        slug
        for slug, raw in CATALOG.items()
        if raw["capability"] == capability and fit(raw["input_schema"], intent).ok
    }


def test_a_start_image_fits_exactly_the_image_to_video_models() -> None:
    fits = fitting("video", Intent("a boat", image=IMG))
    assert fits == {slug for slug in CATALOG if slug.endswith("/image-to-video")}
    text_only = fit(CATALOG["google/veo-3.1/text-to-video"]["input_schema"], Intent("a", image=IMG))
    assert text_only.refused == ("image",) and not text_only.problem


def test_an_end_image_adds_first_last_frame_and_drops_start_only_models() -> None:
    fits = fitting("video", Intent("a boat", image=IMG, end_image=IMG))
    assert "google/veo-3.1/first-last-frame-to-video" in fits
    assert "google/veo-3.1/image-to-video" not in fits  # it has no end frame
    assert "kuaishou/kling-v3/pro/image-to-video" in fits
    veo = fit(CATALOG["google/veo-3.1/image-to-video"]["input_schema"], Intent("a", image=IMG))
    assert veo.ok


def test_without_media_image_models_say_what_they_need() -> None:
    edit = fit(CATALOG["google/nano-banana/edit"]["input_schema"], Intent("make it blue"))
    assert edit.problem == "needs an input image (Image URLs)" and not edit.refused
    assert fitting("image", Intent("a cat")) == {
        slug for slug in CATALOG if slug.endswith("/text-to-image")
    }
    assert fitting("transcribe", Intent("", audio="https://x/a.mp3")) == {
        "openai/whisper-v3/transcribe"
    }


def test_limits_are_read_from_descriptions() -> None:
    kling = media_limits(
        "First frame image (jpg/jpeg/png, >= 300 px, aspect 1:2.5 to 2.5:1). Aspect ratio of "
        "the output follows this image."
    )
    assert kling == MediaLimits(("JPG", "JPEG", "PNG"), None, 300, (0.4, 2.5), None)
    wan = media_limits("Clip to continue from (MP4/MOV, 2-10 s, max 100 MB).")
    assert wan == MediaLimits(("MP4", "MOV"), 100 * 1024**2, None, None, (2.0, 10.0))
    assert media_limits("Best at 720p+ in 16:9 or 9:16; other ratios are cropped.") == (
        MediaLimits()
    )


def problems(slug: str, setting: str, facts: MediaFacts) -> list[tuple[str, Any, Any]]:
    schema = CATALOG[slug]["input_schema"]
    intent = Intent("go", video=IMG) if setting == "video" else Intent("go", image=IMG)
    translation = translate(schema, intent)
    found = media_problems(schema, translation, {setting: facts})
    return [(p.kind.value, p.actual, p.allowed) for p in found]


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (MediaFacts("a.png", "image/png", 1000, 1024, 768), []),
        (
            MediaFacts("a.webp", "image/webp", 1000, 200, 900),
            [
                (MediaProblemKind.FORMAT.value, "WEBP", ("JPG", "JPEG", "PNG")),
                (MediaProblemKind.TOO_SMALL.value, 200, 300),
                (MediaProblemKind.ASPECT.value, pytest.approx(200 / 900), (0.4, 2.5)),
            ],
        ),
    ],
)
def test_a_start_image_kling_cannot_take_is_named(
    facts: MediaFacts, expected: list[tuple[str, Any, Any]]
) -> None:
    assert problems("kuaishou/kling-v3/pro/image-to-video", "image", facts) == expected


def test_size_and_length_limits() -> None:
    big = MediaFacts("a.png", "image/png", 25 * 1024**2, 1000, 1000)
    assert problems("alibaba/wan-2.7/image-to-video", "image", big) == [
        ("too large", 25 * 1024**2, 20 * 1024**2)
    ]
    assert problems("bytedance/seedance-2.0/image-to-video", "image", big) == []
    long_clip = MediaFacts("c.mp4", "video/mp4", 1000, 640, 360, 14.0)
    assert problems("alibaba/wan-2.7/edit-video", "video", long_clip) == [
        ("too long", 14.0, (2.0, 10.0))
    ]
    assert problems("google/veo-3.1/image-to-video", "image", big) == []  # nothing stated
