"""media_inputs: each media field of a schema, its kind, multiplicity and role, in form order."""

from __future__ import annotations

from typing import Any

import pytest

from studio.core.schema import FormSpec, MediaInput, media_inputs
from tests.core.schema_samples import GARBAGE, ODD, SCHEMAS, random_schemas

IMG, VID, AUD = "image", "video", "audio"
VEO_START = [("image_url", IMG, False, "start")]
VEO_REFERENCES = [("image_urls", IMG, True, "reference")]
KLING_FRAMES = [("start_image_url", IMG, False, "start"), ("end_image_url", IMG, False, "end")]
SEEDANCE_FRAMES = [("image_url", IMG, False, "start"), ("end_image_url", IMG, False, "end")]
SEEDANCE_REFERENCES = [
    ("image_urls", IMG, True, "reference"),
    ("video_urls", VID, True, "reference"),
    ("audio_urls", AUD, True, "reference"),
]
IMAGES_TO_EDIT = [("image_urls", IMG, True, "source")]

# Every catalog endpoint: (path, kind, multiple, role) of each media input, in form order.
EXPECTED: dict[str, list[tuple[str, str, bool, str]]] = {
    "google/veo-3.1/text-to-video": [],
    "google/veo-3.1/image-to-video": VEO_START,
    "google/veo-3.1/reference-to-video": VEO_REFERENCES,
    "google/veo-3.1/first-last-frame-to-video": [
        ("first_frame_url", IMG, False, "start"),
        ("last_frame_url", IMG, False, "end"),
    ],
    "google/veo-3.1/fast/text-to-video": [],
    "google/veo-3.1/fast/image-to-video": VEO_START,
    "google/veo-3.1/fast/reference-to-video": VEO_REFERENCES,
    "google/veo-3.1/lite/text-to-video": [],
    "google/veo-3.1/lite/image-to-video": VEO_START,
    "google/veo-3/text-to-video": [],
    "google/veo-3/image-to-video": VEO_START,
    "kuaishou/kling-v3/standard/text-to-video": [],
    # `elements` items are free-form objects in the schema: no media field to fill.
    "kuaishou/kling-v3/standard/image-to-video": KLING_FRAMES,
    "kuaishou/kling-v3/pro/text-to-video": [],
    "kuaishou/kling-v3/pro/image-to-video": KLING_FRAMES,
    "alibaba/wan-2.7/text-to-video": [("audio_url", AUD, False, "source")],  # driving audio
    "alibaba/wan-2.7/image-to-video": [
        ("image_url", IMG, False, "start"),
        ("end_image_url", IMG, False, "end"),
        ("video_url", VID, False, "source"),  # the clip to continue
        ("audio_url", AUD, False, "source"),
    ],
    "alibaba/wan-2.7/reference-to-video": [
        ("reference_image_urls", IMG, True, "reference"),
        ("reference_video_urls", VID, True, "reference"),
    ],
    "alibaba/wan-2.7/edit-video": [
        ("video_url", VID, False, "source"),
        ("reference_image_urls", IMG, True, "reference"),
    ],
    "bytedance/seedance-2.0/text-to-video": [],
    "bytedance/seedance-2.0/image-to-video": SEEDANCE_FRAMES,
    "bytedance/seedance-2.0/reference-to-video": SEEDANCE_REFERENCES,
    "bytedance/seedance-2.0/fast/text-to-video": [],
    "bytedance/seedance-2.0/fast/image-to-video": SEEDANCE_FRAMES,
    "bytedance/seedance-2.0/fast/reference-to-video": SEEDANCE_REFERENCES,
    "google/nano-banana/text-to-image": [],
    "google/nano-banana/edit": IMAGES_TO_EDIT,
    "google/nano-banana-2/text-to-image": [],
    "google/nano-banana-2/edit": IMAGES_TO_EDIT,
    "google/nano-banana-pro/text-to-image": [],
    "google/nano-banana-pro/edit": IMAGES_TO_EDIT,
    "openai/gpt-image-2/text-to-image": [],
    "openai/gpt-image-2/edit": [*IMAGES_TO_EDIT, ("mask_url", IMG, False, "mask")],
    "elevenlabs/elevenlabs-music/music-generate": [],
    "openai/whisper-v3/transcribe": [("audio_url", AUD, False, "source")],
}
KINDS = {"image", "video", "audio", "file"}
ROLES = {"start", "end", "reference", "mask", "source"}


def summary(schema: Any) -> list[tuple[str, str, bool, str]]:
    return [(m.path, m.kind, m.multiple, m.role) for m in media_inputs(schema)]


def test_the_table_covers_the_whole_catalog() -> None:
    assert set(EXPECTED) == set(SCHEMAS)
    assert len(EXPECTED) == 35


@pytest.mark.parametrize("slug", sorted(SCHEMAS))
def test_catalog_media_inputs(slug: str) -> None:
    assert summary(SCHEMAS[slug]) == EXPECTED[slug]


@pytest.mark.parametrize("slug", sorted(SCHEMAS))
def test_catalog_media_inputs_follow_form_order_with_the_form_titles(slug: str) -> None:
    spec = FormSpec.from_schema(SCHEMAS[slug])
    found = media_inputs(SCHEMAS[slug])
    order = [f.name for f in spec.fields]
    assert [m.path for m in found] == sorted((m.path for m in found), key=order.index)
    for item in found:
        field = spec.field(item.path)
        assert field is not None and item.title == field.title


def test_the_values_are_plain_and_frozen() -> None:
    mask = media_inputs(SCHEMAS["openai/gpt-image-2/edit"])[1]
    assert mask == MediaInput("mask_url", "image", False, "mask", "Mask URL")
    assert type(mask.kind) is str and type(mask.role) is str
    with pytest.raises(AttributeError):
        mask.role = "source"  # type: ignore[misc]


def test_media_behind_refs_all_of_and_nullable_any_of() -> None:
    assert summary(ODD[2]) == [
        ("image_url", IMG, False, "start"),  # a lone image beside an end frame starts the video
        ("end_image_url", IMG, False, "end"),
        ("audio_url", AUD, False, "source"),
    ]


def test_arrays_of_objects_and_nested_objects() -> None:
    found = media_inputs(ODD[3])
    assert [(m.path, m.kind, m.multiple, m.role) for m in found] == [
        ("elements[].image_url", IMG, True, "reference"),
        ("elements[].video_url", VID, True, "reference"),
        ("settings.first_frame_url", IMG, False, "start"),
    ]
    assert found[0].title == "Elements › Image URL"
    assert found[2].title == "Settings › First frame URL"


def test_unions_files_and_hints() -> None:
    assert summary(ODD[4]) == [
        ("image_url", IMG, True, "source"),  # one URL or a list: a list fits either way
        ("attachment", "file", False, "source"),
        ("clip", VID, False, "source"),
    ]


@pytest.mark.parametrize(
    ("properties", "expected"),
    [
        # A lone image on a video model is its first frame; several are references.
        ({"image_url": {}, "duration": {"type": "integer"}}, [("image_url", "start")]),
        ({"image_urls": {"type": "array"}, "fps": {}}, [("image_urls", "reference")]),
        # Without a sign of video, an image is what the endpoint works on.
        ({"image_url": {}}, [("image_url", "source")]),
        ({"image_urls": {"type": "array"}}, [("image_urls", "source")]),
        # Words in the description decide before the shape of the schema does.
        ({"image_url": {"description": "Image to animate."}}, [("image_url", "start")]),
        (
            {"image_urls": {"type": "array", "description": "Reference images to edit."}},
            [("image_urls", "source")],
        ),
        (
            {"image_url": {"description": "End frame (same ratio as the start frame)."}},
            [("image_url", "end")],
        ),
        (
            {"video_url": {"description": "Reference clip for motion."}},
            [("video_url", "reference")],
        ),
        ({"audio_url": {"description": "Driving audio."}}, [("audio_url", "source")]),
        # Only images are frames: a "first" video is what the model works on.
        ({"first_video_url": {}}, [("first_video_url", "source")]),
        ({"inpaint_mask_url": {}}, [("inpaint_mask_url", "mask")]),
        ({"style_image_url": {}, "duration": {}}, [("style_image_url", "reference")]),
    ],
)
def test_roles_from_names_words_and_shape(
    properties: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    props = {}
    for name, extra in properties.items():
        node = dict(extra)
        if name.endswith("_url"):
            node.update(type="string", format="uri")
        elif name.endswith("_urls"):
            node.update(items={"type": "string", "format": "uri"})
        props[name] = node
    found = media_inputs({"type": "object", "properties": props})
    assert [(m.path, m.role) for m in found] == expected


def assert_well_formed(schema: Any) -> None:
    found = media_inputs(schema)
    assert isinstance(found, list)
    spec = FormSpec.from_schema(schema)
    for item in found:
        assert isinstance(item, MediaInput)
        assert item.kind in KINDS and item.role in ROLES and item.title
        assert spec.field(item.path.replace("[]", ".0")) is not None, item.path
    assert len({m.path for m in found}) == len(found)


@pytest.mark.parametrize("schema", [*GARBAGE, *ODD])
def test_garbage_and_odd_schemas_never_fail(schema: Any) -> None:
    assert_well_formed(schema)


def test_random_schemas_never_fail() -> None:
    for schema in random_schemas(400, seed=8):
        assert_well_formed(schema)
