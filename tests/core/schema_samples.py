"""Schemas to throw at anything that reads input schemas: the catalog, garbage, and random ones.

`random_schemas` builds seeded random schemas from the constructs the form builder understands
($ref/$defs, allOf, anyOf/oneOf nullable, preset-or-custom, type lists, enums, bounded numbers,
consts, arrays of media, arrays of objects, tuples, nested objects, "one of these required"
groups, order hints), using the property names real endpoints use, so that the code that maps
names (media roles, compare translation) meets them in odd combinations.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

CATALOG: list[dict[str, Any]] = json.loads(
    (Path(__file__).parents[2] / "studio" / "data" / "catalog.json").read_text("utf-8")
)
SCHEMAS: dict[str, dict[str, Any]] = {entry["slug"]: entry["input_schema"] for entry in CATALOG}

GARBAGE: list[Any] = [
    None,
    True,
    False,
    [],
    "object",
    {},
    {"type": "string"},
    {"properties": []},
    {"properties": {"a": 1, "b": None, "c": True, "d": False, "e": [1]}},
    {"properties": {"a": {"type": 7, "enum": "x", "minimum": "3", "items": 5}}},
    {"properties": {"a": {"anyOf": "x", "oneOf": [1, 2], "allOf": [None]}}},
    {"properties": {"a": {"$ref": "#/nowhere"}, "b": {"$ref": 5}}, "required": "a"},
    {"properties": {"a": {"type": "array", "prefixItems": [True, {}], "items": False}}},
    {"properties": {"a": {"enum": [{"x": 1}, [2]]}, "b": {"enum": []}}},
    {"properties": {"a": {"x-order": "first"}}, "x-fal-order-properties": [1, None]},
    {"$ref": "#"},
    {"properties": {"a": {"type": "string", "pattern": "(["}}},
]

_URI = {"type": "string", "format": "uri"}
ODD: list[dict[str, Any]] = [
    {"type": "object"},  # no properties at all
    {"type": "object", "properties": {}},
    {  # media behind $ref, allOf and a nullable anyOf
        "type": "object",
        "properties": {
            "image_url": {"$ref": "#/$defs/Url"},
            "end_image_url": {"allOf": [{"$ref": "#/$defs/Url"}], "description": "Last frame."},
            "audio_url": {"anyOf": [_URI, {"type": "null"}]},
        },
        "$defs": {"Url": _URI},
    },
    {  # an array of objects holding media, and a nested object holding media
        "type": "object",
        "properties": {
            "elements": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"image_url": _URI, "video_url": _URI},
                    "required": ["image_url"],
                },
            },
            "settings": {"type": "object", "properties": {"first_frame_url": _URI}},
        },
    },
    {  # one URL or a list of them; a data-url file; a typed media hint; a media tuple
        "type": "object",
        "properties": {
            "image_url": {"oneOf": [_URI, {"type": "array", "items": _URI}]},
            "attachment": {"type": "string", "format": "data-url"},
            "clip": {"type": "string", "contentMediaType": "video/mp4"},
            "pair": {"type": "array", "prefixItems": [_URI, _URI]},
        },
    },
    {  # OpenAPI 3.0 style: nullable, boolean exclusive bounds, components
        "type": "object",
        "required": ["prompt", "size"],
        "properties": {
            "prompt": {"type": "string", "nullable": True},
            "size": {"$ref": "#/components/schemas/Size"},
            "seed": {"type": "integer", "minimum": 0, "maximum": 10, "exclusiveMaximum": True},
        },
        "components": {"schemas": {"Size": {"type": "string", "enum": ["1024x1024", "1536x1024"]}}},
    },
]

_NAMES = (
    "prompt",
    "negative_prompt",
    "aspect_ratio",
    "duration",
    "resolution",
    "seed",
    "num_images",
    "generate_audio",
    "image_url",
    "image_urls",
    "start_image_url",
    "end_image_url",
    "first_frame_url",
    "video_url",
    "audio_url",
    "audio_urls",
    "mask_url",
    "reference_image_urls",
    "elements",
    "image_size",
    "music_length_ms",
    "settings",
    "x",
)
_ENUMS: tuple[list[Any], ...] = (
    ["16:9", "9:16", "1:1"],
    ["auto", "21:9", "4:3"],
    ["4s", "8s"],
    ["auto", "5", "10"],
    [5, 10],
    ["720p", "1080p", "4k"],
    ["0.5K", "1K", "2K"],
    ["square_hd", "landscape_16_9", "portrait_4_3"],
    ["a", 1, None],
)


class _Maker:
    """One random schema's worth of choices (with the $defs it refers to)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.defs: dict[str, Any] = {}

    def node(self, depth: int) -> Any:
        makers = [self.string, self.media, self.enum, self.number, self.boolean, self.const]
        if depth < 3:
            makers += [self.array, self.obj, self.union, self.ref, self.preset, self.tuple]
        if self.rng.random() < 0.05:
            return self.rng.choice([True, False, {}, {"not": {}}, {"type": ["string", "integer"]}])
        return self.rng.choice(makers)(depth)

    def string(self, depth: int) -> dict[str, Any]:
        node: dict[str, Any] = {"type": "string"}
        if self.rng.random() < 0.3:
            node["maxLength"] = self.rng.choice([1, 5, 500])
        if self.rng.random() < 0.2:
            node["minLength"] = self.rng.choice([1, 3])
        if self.rng.random() < 0.2:
            node["default"] = "x"
        return node

    def media(self, depth: int) -> dict[str, Any]:
        node = dict(_URI)
        if self.rng.random() < 0.4:
            node["description"] = self.rng.choice(
                ["First frame.", "Last frame image.", "Video to edit.", "Reference images.", ""]
            )
        return node

    def enum(self, depth: int) -> dict[str, Any]:
        values = list(self.rng.choice(_ENUMS))
        node: dict[str, Any] = {"enum": values}
        if self.rng.random() < 0.6:
            node["default"] = self.rng.choice(values)
        return node

    def number(self, depth: int) -> dict[str, Any]:
        node: dict[str, Any] = {"type": self.rng.choice(["integer", "number"])}
        for key, values in (
            ("minimum", [0, 1, 3000]),
            ("maximum", [4, 15, 600000]),
            ("exclusiveMinimum", [0]),
            ("multipleOf", [1, 2, 16, 0.5]),
            ("default", [5, 1]),
        ):
            if self.rng.random() < 0.35:
                node[key] = self.rng.choice(values)
        return node

    def boolean(self, depth: int) -> dict[str, Any]:
        return {"type": "boolean", "default": self.rng.random() < 0.5}

    def const(self, depth: int) -> dict[str, Any]:
        return {"const": self.rng.choice(["v1", 2, True])}

    def array(self, depth: int) -> dict[str, Any]:
        node: dict[str, Any] = {"type": "array", "items": self.node(depth + 1)}
        if self.rng.random() < 0.4:
            node["items"] = dict(_URI)
        if self.rng.random() < 0.3:
            node["minItems"] = self.rng.choice([1, 2])
        if self.rng.random() < 0.4:
            node["maxItems"] = self.rng.choice([0, 1, 3])
        return node

    def obj(self, depth: int) -> dict[str, Any]:
        names = self.rng.sample(_NAMES, self.rng.randint(0, 3))
        props = {name: self.node(depth + 1) for name in names}
        node: dict[str, Any] = {"type": "object", "properties": props}
        if props and self.rng.random() < 0.4:
            node["required"] = [self.rng.choice(names)]
        return node

    def union(self, depth: int) -> dict[str, Any]:
        keyword = self.rng.choice(["anyOf", "oneOf"])
        parts = [self.node(depth + 1) for _ in range(self.rng.randint(1, 2))]
        if self.rng.random() < 0.6:
            parts.append({"type": "null"})
        return {keyword: parts}

    def ref(self, depth: int) -> dict[str, Any]:
        name = f"D{len(self.defs)}"
        self.defs[name] = self.node(depth + 1)
        if self.rng.random() < 0.5:
            return {"allOf": [{"$ref": f"#/$defs/{name}"}], "description": "via allOf"}
        return {"$ref": f"#/$defs/{name}"}

    def preset(self, depth: int) -> dict[str, Any]:
        side = {"type": "integer", "minimum": 16, "maximum": 4096, "multipleOf": 16}
        custom = {
            "type": "object",
            "required": ["width", "height"],
            "properties": {"width": side, "height": side},
            "additionalProperties": False,
        }
        sizes = {"type": "string", "enum": ["square", "landscape_4_3", "portrait_16_9"]}
        return {"oneOf": [sizes, custom], "default": "square"}

    def tuple(self, depth: int) -> dict[str, Any]:
        return {"type": "array", "prefixItems": [self.node(depth + 1), self.node(depth + 1)]}


def random_schema(rng: random.Random) -> dict[str, Any]:
    """One random object schema (see the module docstring)."""
    maker = _Maker(rng)
    names = rng.sample(_NAMES, rng.randint(0, 8))
    props = {name: maker.node(0) for name in names}
    schema: dict[str, Any] = {"type": "object", "properties": props}
    if names:
        schema["required"] = rng.sample(names, rng.randint(0, min(2, len(names))))
    if len(names) >= 2 and rng.random() < 0.3:
        pair = rng.sample(names, 2)
        schema[rng.choice(["anyOf", "oneOf"])] = [{"required": [n]} for n in pair]
    if rng.random() < 0.5:
        schema["additionalProperties"] = False
    if rng.random() < 0.2:
        schema["x-fal-order-properties"] = list(reversed(names))
    if maker.defs:
        schema["$defs"] = maker.defs
    return schema


def random_schemas(count: int, seed: int) -> list[dict[str, Any]]:
    """`count` random schemas, the same ones for the same seed."""
    rng = random.Random(seed)
    return [random_schema(rng) for _ in range(count)]
