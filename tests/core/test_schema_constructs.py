"""One focused test per schema construct the form spec must understand."""

from __future__ import annotations

from typing import Any

import pytest

from studio.core.schema import FieldGroup, FieldKind, FieldSpec, FormSpec, MediaKind, coerce
from tests.core.schema_samples import GARBAGE


def field_of(properties: dict[str, Any], name: str = "x", **root: Any) -> FieldSpec:
    spec = FormSpec.from_schema({"type": "object", "properties": properties, **root})
    found = spec.field(name)
    assert found is not None
    return found


def test_string_with_length_and_pattern() -> None:
    spec = field_of({"x": {"type": "string", "minLength": 2, "maxLength": 9, "pattern": "^a"}})
    assert spec.kind is FieldKind.STRING
    assert (spec.text.min_length, spec.text.max_length, spec.text.pattern) == (2, 9, "^a")


@pytest.mark.parametrize(
    ("name", "node"),
    [
        ("prompt", {"type": "string"}),
        ("negative_prompt", {"type": "string"}),
        ("caption", {"type": "string", "maxLength": 1000}),
    ],
)
def test_multi_line_text(name: str, node: dict[str, Any]) -> None:
    assert field_of({name: node}, name).kind is FieldKind.TEXT


def test_short_strings_stay_single_line() -> None:
    assert field_of({"language": {"type": "string", "maxLength": 10}}, "language").kind is (
        FieldKind.STRING
    )


def test_enum_with_labels_and_default() -> None:
    spec = field_of({"x": {"enum": ["landscape_16_9", "square_hd", "jpeg"], "default": "jpeg"}})
    assert spec.kind is FieldKind.ENUM
    assert spec.enum_labels == ("Landscape 16:9", "Square HD", "JPEG")
    assert spec.default == "jpeg"


def test_enum_through_all_of_ref_into_defs() -> None:
    schema = {
        "type": "object",
        "properties": {"x": {"allOf": [{"$ref": "#/$defs/Ratio"}], "default": "1:1"}},
        "$defs": {"Ratio": {"type": "string", "enum": ["1:1", "16:9"], "title": "Ratio"}},
    }
    spec = FormSpec.from_schema(schema).field("x")
    assert spec is not None and spec.kind is FieldKind.ENUM
    assert spec.enum == ("1:1", "16:9")
    assert spec.title == "X"  # the property's name wins over the definition's class name
    assert spec.default == "1:1"


@pytest.mark.parametrize("where", ["definitions", "components/schemas"])
def test_ref_into_definitions_and_openapi_components(where: str) -> None:
    path = where.split("/")
    container: dict[str, Any] = {"Seed": {"type": "integer", "minimum": 0}}
    for part in reversed(path[1:]):
        container = {part: container}
    schema = {
        "type": "object",
        "properties": {"seed": {"$ref": f"#/{where}/Seed"}},
        path[0]: container,
    }
    spec = FormSpec.from_schema(schema).field("seed")
    assert spec is not None and spec.kind is FieldKind.INTEGER
    assert spec.bounds.minimum == 0


def test_integer_and_number_bounds_with_exclusive_and_multiple_of() -> None:
    spec = field_of(
        {"x": {"type": "number", "exclusiveMinimum": 0, "maximum": 2, "multipleOf": 0.25}}
    )
    assert spec.kind is FieldKind.NUMBER
    assert spec.bounds.exclusive_minimum == 0 and spec.bounds.maximum == 2
    assert spec.bounds.multiple_of == 0.25
    assert spec.bounds.inclusive(False) == (0.25, 2)


def test_openapi_boolean_exclusive_bounds() -> None:
    spec = field_of({"x": {"type": "integer", "minimum": 1, "exclusiveMinimum": True}})
    assert spec.bounds.exclusive_minimum == 1 and spec.bounds.minimum is None
    assert spec.bounds.inclusive(True) == (2, None)


def test_boolean() -> None:
    spec = field_of({"x": {"type": "boolean", "default": True}})
    assert (spec.kind, spec.default) == (FieldKind.BOOLEAN, True)


def test_nested_object() -> None:
    spec = field_of(
        {
            "x": {
                "type": "object",
                "required": ["a"],
                "properties": {"a": {}, "b": {"type": "string"}},
            }
        }
    )
    assert spec.kind is FieldKind.OBJECT
    assert [(c.name, c.required) for c in spec.children] == [("a", True), ("b", False)]


def test_object_without_properties_is_json() -> None:
    assert field_of({"x": {"type": "object"}}).kind is FieldKind.JSON


def test_array_of_urls_is_a_media_list_with_bounds() -> None:
    spec = field_of(
        {
            "image_urls": {
                "type": "array",
                "items": {"type": "string", "format": "uri"},
                "minItems": 1,
                "maxItems": 3,
            }
        },
        "image_urls",
    )
    assert spec.kind is FieldKind.ARRAY and spec.item is not None
    assert spec.item.kind is FieldKind.MEDIA and spec.item.media is MediaKind.IMAGE
    assert (spec.min_items, spec.max_items) == (1, 3)
    assert spec.group is FieldGroup.PRIMARY


def test_array_of_objects() -> None:
    spec = field_of({"x": {"type": "array", "items": {"type": "object", "properties": {"p": {}}}}})
    assert spec.item is not None and spec.item.kind is FieldKind.OBJECT


def test_prefix_items_tuple() -> None:
    spec = field_of(
        {"x": {"type": "array", "prefixItems": [{"type": "integer"}, {"enum": ["a", "b"]}]}}
    )
    assert spec.kind is FieldKind.TUPLE
    assert [p.kind for p in spec.prefix_items] == [FieldKind.INTEGER, FieldKind.ENUM]


def test_prefix_items_then_items_is_a_tuple_with_further_items() -> None:
    spec = field_of(
        {"x": {"type": "array", "prefixItems": [{"type": "string"}], "items": {"type": "integer"}}}
    )
    assert spec.kind is FieldKind.TUPLE
    assert spec.item is not None and spec.item.kind is FieldKind.INTEGER


def test_items_list_with_additional_items_is_a_tuple_with_further_items() -> None:
    spec = field_of(
        {
            "x": {
                "type": "array",
                "items": [{"type": "integer"}, {"type": "string"}],
                "additionalItems": {"type": "number"},
            }
        }
    )
    assert [p.kind for p in spec.prefix_items] == [FieldKind.INTEGER, FieldKind.STRING]
    assert spec.item is not None and spec.item.kind is FieldKind.NUMBER
    assert coerce([1, "a", 2.5, "no"], spec) == [1, "a", 2.5]  # what fits is kept


def test_a_closed_tuple_has_no_further_items() -> None:
    spec = field_of({"x": {"type": "array", "prefixItems": [{}], "items": False}})
    assert spec.kind is FieldKind.TUPLE and spec.item is None


@pytest.mark.parametrize(
    "node",
    [
        {"additionalProperties": {"type": "string"}},
        {"patternProperties": {"^x_": {"type": "string"}}},
        {"patternProperties": {"^x_": {"type": "string"}}, "additionalProperties": False},
    ],
)
def test_an_object_with_properties_and_further_keys_keeps_them(node: dict[str, Any]) -> None:
    spec = field_of({"x": {"type": "object", "properties": {"a": {"type": "string"}}, **node}})
    assert spec.kind is FieldKind.OBJECT and [c.name for c in spec.children] == ["a"]
    assert spec.extra is not None and spec.extra.kind is FieldKind.STRING
    assert coerce({"a": "1", "x_b": "2"}, spec) == {"a": "1", "x_b": "2"}


def test_differing_further_key_schemas_are_edited_as_json() -> None:
    spec = field_of(
        {
            "x": {
                "type": "object",
                "properties": {"a": {}},
                "patternProperties": {"^n_": {"type": "number"}, "^s_": {"type": "string"}},
            }
        }
    )
    assert spec.extra is not None and spec.extra.kind is FieldKind.JSON


def test_a_map_without_properties_is_one_json_field() -> None:
    assert field_of({"x": {"type": "object", "additionalProperties": {}}}).kind is FieldKind.JSON


def test_dependencies_with_one_of_bring_their_properties_into_the_object() -> None:
    item = {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"enum": ["text", "image"]}},
        "dependencies": {
            "kind": {
                "oneOf": [
                    {"properties": {"kind": {"const": "text"}, "text": {"type": "string"}}},
                    {"properties": {"kind": {"const": "image"}, "url": {"type": "string"}}},
                ]
            }
        },
    }
    spec = field_of({"x": {"type": "array", "items": item}})
    assert spec.item is not None
    children = {c.name: c for c in spec.item.children}
    assert list(children) == ["kind", "text", "url"]
    assert children["kind"].kind is FieldKind.ENUM  # the object's own property wins
    assert not children["text"].required and not children["url"].required


def test_dependent_schemas_pinning_a_name_to_constants_make_an_enum() -> None:
    spec = field_of(
        {
            "x": {
                "type": "object",
                "properties": {"on": {"type": "boolean"}},
                "dependentSchemas": {
                    "on": {
                        "anyOf": [
                            {"properties": {"mode": {"const": "a"}}},
                            {"properties": {"mode": {"const": "b"}}},
                        ]
                    }
                },
            }
        }
    )
    mode = spec.child("mode")
    assert mode is not None and mode.kind is FieldKind.ENUM and mode.enum == ("a", "b")


@pytest.mark.parametrize(
    ("name", "node", "media"),
    [
        ("image_url", {"type": "string", "format": "uri"}, MediaKind.IMAGE),
        ("start_image_url", {"type": "string"}, MediaKind.IMAGE),
        ("first_frame_url", {"type": "string", "format": "uri"}, MediaKind.IMAGE),
        ("mask_url", {"type": "string", "format": "uri"}, MediaKind.IMAGE),
        ("video_url", {"type": "string", "format": "uri"}, MediaKind.VIDEO),
        ("audio_url", {"type": "string", "format": "uri"}, MediaKind.AUDIO),
        ("source", {"type": "string", "contentMediaType": "video/mp4"}, MediaKind.VIDEO),
    ],
)
def test_media_detection(name: str, node: dict[str, Any], media: MediaKind) -> None:
    spec = field_of({name: node}, name)
    assert (spec.kind, spec.media) == (FieldKind.MEDIA, media)


def test_plain_uri_without_media_hint_is_a_string() -> None:
    assert field_of({"webhook_url": {"type": "string", "format": "uri"}}, "webhook_url").kind is (
        FieldKind.STRING
    )


def test_nullable_any_of_is_an_optional_field_with_a_none_state() -> None:
    spec = field_of({"x": {"anyOf": [{"type": "integer", "maximum": 5}, {"type": "null"}]}})
    assert (spec.kind, spec.nullable, spec.bounds.maximum) == (FieldKind.INTEGER, True, 5)


def test_type_list_with_null_and_openapi_nullable() -> None:
    listed = field_of({"x": {"type": ["string", "null"]}})
    openapi = field_of({"x": {"type": "string", "nullable": True}})
    assert (listed.kind, listed.nullable) == (FieldKind.STRING, True)
    assert (openapi.kind, openapi.nullable) == (FieldKind.STRING, True)


def test_type_list_of_two_real_types_is_a_choice() -> None:
    spec = field_of({"x": {"type": ["string", "integer"]}})
    assert spec.kind is FieldKind.CHOICE
    assert [o.kind for o in spec.options] == [FieldKind.STRING, FieldKind.INTEGER]


def test_preset_or_custom() -> None:
    node = {
        "anyOf": [
            {"enum": ["square", "portrait_4_3"]},
            {"type": "object", "properties": {"width": {"type": "integer"}}},
        ],
        "default": "square",
    }
    spec = field_of({"image_size": node}, "image_size")
    assert spec.kind is FieldKind.PRESET and spec.default == "square"
    assert sorted(o.kind.value for o in spec.options) == ["enum", "object"]


def test_one_of_consts_with_titles_is_a_labelled_enum() -> None:
    node = {"oneOf": [{"const": "a", "title": "Alpha"}, {"const": "b", "title": "Beta"}]}
    spec = field_of({"x": node})
    assert (spec.kind, spec.enum, spec.enum_labels) == (
        FieldKind.ENUM,
        ("a", "b"),
        ("Alpha", "Beta"),
    )


def test_any_of_unrelated_types_is_a_choice() -> None:
    node = {
        "anyOf": [
            {"type": "string", "title": "Name"},
            {"type": "array", "items": {"type": "integer"}},
        ]
    }
    spec = field_of({"x": node})
    assert spec.kind is FieldKind.CHOICE
    assert [o.title for o in spec.options] == ["Name", "List"]


def test_const_is_fixed() -> None:
    spec = field_of({"x": {"const": "v1"}}, required=["x"])
    assert (spec.kind, spec.const, spec.required) == (FieldKind.CONST, "v1", True)
    assert FormSpec.from_schema(
        {"type": "object", "properties": {"x": {"const": "v1"}}, "required": ["x"]}
    ).defaults() == {"x": "v1"}


def test_deprecated_goes_to_advanced_even_with_a_primary_name() -> None:
    spec = field_of({"prompt": {"type": "string", "deprecated": True}}, "prompt")
    assert spec.deprecated and spec.group is FieldGroup.ADVANCED


def test_title_description_default_and_examples() -> None:
    node = {
        "type": "string",
        "title": "Lang",
        "description": "ISO code",
        "default": "en",
        "examples": ["en", "fr"],
    }
    spec = field_of({"x": node})
    assert (spec.title, spec.description, spec.default, spec.examples) == (
        "Lang",
        "ISO code",
        "en",
        ("en", "fr"),
    )


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("Video length in seconds (string).", "Video length in seconds."),
        ("Duration in seconds (Integer).", "Duration in seconds."),
        ("A seed (integer) for repeatable results", "A seed for repeatable results"),
        ("Aspect ratio (width:height)", "Aspect ratio (width:height)"),
    ],
)
def test_descriptions_lose_json_type_notes(written: str, shown: str) -> None:
    assert field_of({"x": {"type": "string", "description": written}}).description == shown


def test_prettified_titles() -> None:
    spec = FormSpec.from_schema(
        {"properties": {"num_images": {}, "cfg_scale": {}, "music_length_ms": {}, "image_urls": {}}}
    )
    assert [f.title for f in spec.fields] == [
        "Number of images",
        "CFG scale",
        "Music length (ms)",
        "Image URLs",
    ]


def test_order_required_first_then_schema_order() -> None:
    spec = FormSpec.from_schema({"properties": {"a": {}, "b": {}, "c": {}}, "required": ["c"]})
    assert [f.name for f in spec.fields] == ["c", "a", "b"]


def test_order_x_order() -> None:
    spec = FormSpec.from_schema(
        {"properties": {"a": {"x-order": 2}, "b": {"x-order": 0}, "c": {}, "d": {"x-order": 1}}}
    )
    assert [f.name for f in spec.fields] == ["b", "d", "a", "c"]


def test_order_fal_order_properties_with_wildcard_and_unknown_names() -> None:
    schema = {
        "properties": {"a": {}, "b": {}, "c": {}, "d": {}},
        "x-fal-order-properties": ["d", "ghost", "*", "a"],
    }
    assert [f.name for f in FormSpec.from_schema(schema).fields] == ["d", "b", "c", "a"]
    schema["x-fal-order-properties"] = ["c", "a"]
    assert [f.name for f in FormSpec.from_schema(schema).fields] == ["c", "a", "b", "d"]


def test_groups() -> None:
    spec = FormSpec.from_schema(
        {
            "properties": {
                "prompt": {"type": "string"},
                "aspect_ratio": {"enum": ["1:1"]},
                "seed": {"type": "integer"},
                "sync_mode": {"type": "boolean"},
                "style": {"type": "string"},
            },
            "required": ["style"],
        }
    )
    assert {f.name for f in spec.primary_fields} == {"prompt", "aspect_ratio", "style"}
    assert {f.name for f in spec.advanced_fields} == {"seed", "sync_mode"}


def test_recursive_ref_stops_at_a_json_field() -> None:
    schema = {
        "type": "object",
        "properties": {"tree": {"$ref": "#/$defs/Node"}},
        "$defs": {
            "Node": {
                "type": "object",
                "properties": {"label": {"type": "string"}, "child": {"$ref": "#/$defs/Node"}},
            }
        },
    }
    spec = FormSpec.from_schema(schema)
    tree = spec.field("tree")
    assert tree is not None and tree.kind is FieldKind.OBJECT
    child = spec.field("tree.child")
    assert child is not None and child.kind is FieldKind.JSON
    errors = spec.validate({"tree": {"label": "a", "child": {"child": {"label": 3}}}})
    assert [e.path for e in errors] == ["tree.child.child.label"]


def test_self_referencing_any_of_terminates() -> None:
    schema = {
        "properties": {"x": {"$ref": "#/$defs/A"}},
        "$defs": {"A": {"anyOf": [{"$ref": "#/$defs/A"}, {"type": "null"}, {"type": "string"}]}},
    }
    assert FormSpec.from_schema(schema).field("x") is not None


def test_unknown_constructs_become_json_fields() -> None:
    spec = FormSpec.from_schema(
        {
            "properties": {
                "a": {"type": "frobnicate"},
                "b": {},
                "c": {"$ref": "http://x/y"},
                "d": {"not": {"type": "string"}},
            }
        }
    )
    assert [f.kind for f in spec.fields] == [FieldKind.JSON] * 4


@pytest.mark.parametrize("schema", GARBAGE)
def test_garbage_schemas_never_raise(schema: Any) -> None:
    spec = FormSpec.from_schema(schema)
    assert isinstance(spec.defaults(), dict)
    assert isinstance(spec.validate({"a": "x"}), list)
    assert isinstance(spec.validate({}), list)
