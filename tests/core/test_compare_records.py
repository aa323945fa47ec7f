"""Comparisons as JSON and back: every value survives; old, new or damaged JSON is read as far as
it makes sense; the one-winner rule and column intents."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from studio.core.compare import (
    Comparison,
    Entry,
    How,
    Intent,
    Round,
    Translation,
    TranslationRow,
    Variant,
    Verdict,
    comparison_from_json,
    comparison_to_json,
    new_comparison_id,
    seed_variants,
    value_variants,
)

ROW = TranslationRow("duration_s", 10, "duration", "8s", How.CLAMPED, "nearest")


def sample() -> Comparison:
    intent = Intent(
        "a harbour at dawn",
        duration_s=10,
        image="data:image/png;base64,AAAA",
        reference_images=("https://x/r1.png",),
        generate_audio=False,
    )
    translation = Translation({"prompt": "a harbour at dawn", "duration": "8s"}, "", [ROW])
    first = Round(
        (
            Entry(translation, "job-1"),
            Entry(Translation(None, "needs a prompt", []), None, "needs a prompt"),
        ),
        created_at=100.0,
    )
    second = Round((Entry(translation, "job-3", seed=42), Entry(None, "job-4")), 200.0)
    return Comparison(
        id=new_comparison_id(),
        task="image-to-video",
        capability="video",
        intent=intent,
        variants=(Variant("a/b/image-to-video", overrides={"duration": "6s"}), Variant("c/d/e")),
        rounds=(first, second),
        created_at=99.5,
        media_names={"image": "harbour.png"},
    )


def test_a_comparison_survives_json() -> None:
    comparison = sample().with_verdict(1, 0, Verdict.WINNER).with_verdict(0, 0, Verdict.REJECTED)
    text = json.dumps(comparison_to_json(comparison))
    again = comparison_from_json(json.loads(text))
    assert again == comparison
    assert again.winner() == (1, 0) and again.winner_local_id() == "job-3"
    assert again.local_ids() == [(0, 0, "job-1"), (1, 0, "job-3"), (1, 1, "job-4")]
    assert again.title == "a harbour at dawn"


def test_there_is_one_winner_at_most() -> None:
    comparison = sample().with_verdict(0, 0, Verdict.WINNER).with_verdict(1, 1, Verdict.WINNER)
    assert comparison.winner() == (1, 1)
    assert comparison.rounds[0].entries[0].verdict is Verdict.NONE
    cleared = comparison.with_verdict(1, 1, Verdict.NONE)
    assert cleared.winner() is None


def test_a_column_sends_its_variant_and_its_rounds_seed() -> None:
    comparison = sample()
    assert comparison.column_intent(0).seed is None
    assert comparison.column_intent(0, 1).seed == 42
    varied = Comparison("x", "t", "video", Intent("p"), value_variants("s", "duration_s", [4, 6]))
    assert [varied.column_intent(i).duration_s for i in (0, 1)] == [4, 6]


def test_seed_variants_draw_different_seeds_and_values_are_unique() -> None:
    seeds = seed_variants("s", 3, random.Random(1))
    assert len({v.changes["seed"] for v in seeds}) == 3
    assert all(0 <= v.changes["seed"] < 2**31 for v in seeds)
    assert len(value_variants("s", "aspect_ratio", ["16:9", "1:1", "16:9"])) == 2
    with pytest.raises(ValueError, match="prompt"):
        value_variants("s", "prompt", ["a"])


def test_the_title_falls_back_to_the_input_file() -> None:
    comparison = Comparison("x", "transcribe", "transcribe", Intent("  "), (), media_names={
        "audio": "interview.wav"})  # fmt: skip
    assert comparison.title == "interview.wav"


@pytest.mark.parametrize(
    "damaged",
    [None, [], "x", {"id": 3}, {"id": "x", "intent": "nope"}, {"id": "x", "variants": [{}]}],
)
def test_what_is_no_comparison_raises_value_error(damaged: Any) -> None:
    with pytest.raises(ValueError, match=r"."):
        comparison_from_json(damaged)


def test_unknown_and_missing_parts_are_tolerated() -> None:
    data = comparison_to_json(sample())
    data["future"] = {"anything": 1}
    data["intent"]["mood"] = "calm"
    data["variants"][0]["changes"] = {"seed": 4, "colour": "red"}
    data["rounds"][0]["entries"] = [{"verdict": "best ever", "seed": "7", "translation": {
        "rows": [{"how": "teleported", "setting": "x"}]}}]  # fmt: skip
    read = comparison_from_json(data)
    assert read.variants[0].changes == {"seed": 4}
    first = read.rounds[0].entries
    assert len(first) == 2 and first[1] == Entry()  # one entry per column, always
    assert first[0].verdict is Verdict.NONE and first[0].seed is None
    assert first[0].translation is not None and first[0].translation.rows[0].how is How.DROPPED
