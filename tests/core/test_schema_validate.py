"""validate(): dotted paths and friendly messages; value helpers; carry_over between endpoints."""

from __future__ import annotations

from typing import Any

import pytest

from studio.core.schema import FieldError, FormSpec, carry_over, compact, json_equal

SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["prompt", "image_urls"],
    "additionalProperties": False,
    "properties": {
        "prompt": {"type": "string", "minLength": 1, "maxLength": 10},
        "image_urls": {
            "type": "array",
            "items": {"type": "string", "minLength": 3},
            "minItems": 1,
            "maxItems": 2,
        },
        "num_images": {"type": "integer", "minimum": 1, "maximum": 4, "default": 1},
        "guidance": {"type": "number", "exclusiveMinimum": 0, "multipleOf": 0.5},
        "aspect_ratio": {"enum": ["16:9", "9:16"], "default": "16:9"},
        "language": {"type": "string", "pattern": "^[a-z]{2}$"},
        "image_size": {
            "default": "square",
            "oneOf": [
                {"type": "string", "enum": ["square", "portrait"]},
                {
                    "type": "object",
                    "required": ["width", "height"],
                    "properties": {
                        "width": {"type": "integer", "multipleOf": 16},
                        "height": {"type": "integer"},
                    },
                },
            ],
        },
        "seed": {"type": "integer", "nullable": True},
        "mode": {"const": "fast"},
    },
}
SPEC = FormSpec.from_schema(SCHEMA)
VALID = {"prompt": "cat", "image_urls": ["https://a/b.png"]}


def errors_of(**changes: Any) -> list[FieldError]:
    return SPEC.validate({**VALID, **changes})


def test_valid_value_has_no_errors() -> None:
    assert SPEC.validate(VALID) == []


def test_required_points_at_the_missing_child() -> None:
    assert SPEC.validate({}) == [
        FieldError("prompt", "Required"),
        FieldError("image_urls", "Required"),
    ]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"num_images": 9}, FieldError("num_images", "Must be at most 4")),
        ({"num_images": 0}, FieldError("num_images", "Must be at least 1")),
        ({"num_images": "2"}, FieldError("num_images", "Must be a whole number")),
        ({"guidance": 0}, FieldError("guidance", "Must be greater than 0")),
        ({"guidance": 0.7}, FieldError("guidance", "Must be a multiple of 0.5")),
        ({"prompt": ""}, FieldError("prompt", "Required")),
        ({"prompt": "x" * 11}, FieldError("prompt", "Must be at most 10 characters")),
        ({"aspect_ratio": "4:3"}, FieldError("aspect_ratio", "Must be one of: 16:9, 9:16")),
        ({"language": "eng"}, FieldError("language", "Doesn't have the expected format")),
        ({"image_urls": []}, FieldError("image_urls", "Add at least 1 item")),
        ({"image_urls": ["ab"]}, FieldError("image_urls.0", "Must be at least 3 characters")),
        ({"image_urls": ["abc"] * 3}, FieldError("image_urls", "At most 2 items")),
        ({"mode": "slow"}, FieldError("mode", "Must be fast")),
        ({"extra": 1}, FieldError("extra", "Not an accepted field")),
    ],
)
def test_paths_and_friendly_messages(changes: dict[str, Any], expected: FieldError) -> None:
    assert errors_of(**changes) == [expected]


def test_preset_or_custom_errors_come_from_the_branch_the_value_was_meant_for() -> None:
    assert errors_of(image_size={"width": 17, "height": 16}) == [
        FieldError("image_size.width", "Must be a multiple of 16")
    ]
    assert errors_of(image_size={"width": 16}) == [FieldError("image_size.height", "Required")]
    assert errors_of(image_size="huge") == [
        FieldError("image_size", "Must be one of: square, portrait")
    ]


def test_openapi_nullable_accepts_null() -> None:
    assert errors_of(seed=None) == []
    assert errors_of(seed="x") == [FieldError("seed", "Must be a whole number or empty")]


def test_one_of_required_groups_name_the_first_alternative() -> None:
    spec = FormSpec.from_schema(
        {
            "properties": {"prompt": {}, "plan": {}},
            "oneOf": [{"required": ["prompt"]}, {"required": ["plan"]}],
        }
    )
    assert spec.validate({}) == [FieldError("prompt", "Fill in Prompt or Plan")]
    assert spec.validate({"prompt": 1, "plan": 2}) == [
        FieldError("prompt", "Fill in only one of: Prompt or Plan")
    ]


@pytest.mark.parametrize("blank", [" ", "   ", "\n\t "])
def test_required_text_of_only_whitespace_is_missing(blank: str) -> None:
    assert errors_of(prompt=blank) == [FieldError("prompt", "Required")]


def test_text_with_words_and_spaces_is_kept_as_typed() -> None:
    assert errors_of(prompt=" cat ") == []
    assert errors_of(prompt="  a long cat  ") == [
        FieldError("prompt", "Must be at most 10 characters")
    ]


def test_optional_blank_text_is_judged_as_typed() -> None:
    assert errors_of(language="  ") == [FieldError("language", "Doesn't have the expected format")]
    spec = FormSpec.from_schema({"type": "object", "properties": {"note": {"type": "string"}}})
    assert spec.validate({"note": " "}) == []


def test_blank_required_text_inside_objects_and_lists_is_missing() -> None:
    person = {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}
    spec = FormSpec.from_schema(
        {
            "type": "object",
            "properties": {"owner": person, "people": {"type": "array", "items": person}},
        }
    )
    value = {"owner": {"name": " "}, "people": [{"name": "Ann"}, {"name": "\t"}]}
    assert spec.validate(value) == [
        FieldError("owner.name", "Required"),
        FieldError("people.1.name", "Required"),
    ]


def test_blank_text_fills_no_one_of_group() -> None:
    spec = FormSpec.from_schema(
        {
            "properties": {"prompt": {"type": "string"}, "plan": {"type": "object"}},
            "oneOf": [{"required": ["prompt"]}, {"required": ["plan"]}],
        }
    )
    assert spec.validate({"prompt": "  "}) == [FieldError("prompt", "Fill in Prompt or Plan")]


def test_field_lookup_by_path() -> None:
    assert SPEC.field("image_size.width") is not None
    assert SPEC.field("image_urls.1") is SPEC.field("image_urls.0")
    assert SPEC.field("nope.x") is None


def test_compact_drops_unset_and_optional_defaults_but_keeps_required() -> None:
    raw = {
        "prompt": "p",
        "image_urls": None,
        "num_images": 1,
        "aspect_ratio": "9:16",
        "mode": "fast",
    }
    assert compact(SPEC.fields, raw) == {"prompt": "p", "aspect_ratio": "9:16"}


def test_json_equal_distinguishes_booleans_from_numbers() -> None:
    assert json_equal(1, 1.0)
    assert not json_equal(True, 1)
    assert json_equal({"a": [1, {"b": None}]}, {"a": [1.0, {"b": None}]})


def test_carry_over_keeps_fitting_values_and_clamps_numbers() -> None:
    previous = {
        "prompt": "a fox",
        "num_images": 8,
        "aspect_ratio": "1:1",
        "image_urls": ["https://a/1.png", "https://a/2.png", "https://a/3.png"],
        "guidance": "2.6",
        "unknown": True,
        "seed": None,
        "image_size": {"width": 1003, "height": 512},
    }
    assert carry_over(previous, SPEC) == {
        "prompt": "a fox",
        "num_images": 4,
        "image_urls": ["https://a/1.png", "https://a/2.png"],
        "guidance": 2.5,
        "image_size": {"width": 1008, "height": 512},
    }


def test_carry_over_converts_between_numeric_strings_and_numbers() -> None:
    kling = FormSpec.from_schema(
        {"properties": {"duration": {"enum": ["5", "10"]}, "cfg": {"type": "integer"}}}
    )
    assert carry_over({"duration": 10, "cfg": "7"}, kling) == {"duration": "10", "cfg": 7}
    assert carry_over({"duration": "8s", "cfg": 7.5}, kling) == {}
    assert carry_over({"duration": True}, kling) == {}
