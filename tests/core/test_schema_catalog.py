"""FormSpec over every input schema of the bundled catalog."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from studio.core.schema import FieldKind, FormSpec

CATALOG = json.loads(
    (Path(__file__).parents[2] / "studio" / "data" / "catalog.json").read_text("utf-8")
)
ENDPOINTS = {entry["slug"]: entry for entry in CATALOG}


def expected_missing(schema: dict[str, Any], defaults: dict[str, Any]) -> set[str]:
    """Required names without a default, plus the first name of each one-of-these-required group."""
    missing = {name for name in schema.get("required", []) if name not in defaults}
    for keyword in ("anyOf", "oneOf"):
        groups = schema.get(keyword, [])
        if groups and not any(set(g["required"]) <= defaults.keys() for g in groups):
            missing.add(groups[0]["required"][0])
    return missing


def test_catalog_has_35_endpoints() -> None:
    assert len(ENDPOINTS) == 35


@pytest.mark.parametrize("slug", sorted(ENDPOINTS))
def test_spec_builds_without_json_fallbacks_at_top_level(slug: str) -> None:
    schema = ENDPOINTS[slug]["input_schema"]
    spec = FormSpec.from_schema(schema)
    assert [f.name for f in spec.fields] != []
    assert {f.name for f in spec.fields} == set(schema["properties"])
    unexpected = [f.name for f in spec.fields if f.kind is FieldKind.JSON and f.name != "elements"]
    assert unexpected == []


@pytest.mark.parametrize("slug", sorted(ENDPOINTS))
def test_defaults_validate_or_name_exactly_the_missing_required_fields(slug: str) -> None:
    schema = ENDPOINTS[slug]["input_schema"]
    spec = FormSpec.from_schema(schema)
    defaults = spec.defaults()
    errors = spec.validate(defaults)
    assert {e.path for e in errors} == expected_missing(schema, defaults)
    assert len(errors) == len({e.path for e in errors})


@pytest.mark.parametrize("slug", sorted(ENDPOINTS))
def test_every_example_input_validates(slug: str) -> None:
    spec = FormSpec.from_schema(ENDPOINTS[slug]["input_schema"])
    for example in ENDPOINTS[slug]["examples"]:
        assert spec.validate(example["input"]) == []


def test_prompt_and_media_are_primary_and_technical_fields_advanced() -> None:
    spec = FormSpec.from_schema(ENDPOINTS["google/veo-3.1/image-to-video"]["input_schema"])
    assert [f.name for f in spec.primary_fields][:2] == ["prompt", "image_url"]
    assert {"seed", "safety_tolerance", "auto_fix", "negative_prompt"} <= {
        f.name for f in spec.advanced_fields
    }


def test_gpt_image_size_is_a_preset_or_custom_field() -> None:
    spec = FormSpec.from_schema(ENDPOINTS["openai/gpt-image-2/text-to-image"]["input_schema"])
    size = spec.field("image_size")
    assert size is not None and size.kind is FieldKind.PRESET
    assert size.default == "landscape_4_3"
    width = spec.field("image_size.width")
    assert width is not None and width.bounds.multiple_of == 16
