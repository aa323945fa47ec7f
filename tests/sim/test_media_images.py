"""Image generation: determinism, seeds, sizes, formats, counts and use of input images."""

from __future__ import annotations

import io
import json
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image, ImageDraw

from studio.sim.media import RenderedFile, generate
from studio.sim.media.images import LONG_SIDE_CAP

SAMPLES = Path("/tmp/media-samples")


def entry_for(slug: str) -> dict[str, Any]:
    text = resources.files("studio").joinpath("data/catalog.json").read_text("utf-8")
    entries: list[dict[str, Any]] = json.loads(text)
    return next(e for e in entries if e["slug"] == slug)


NANO = entry_for("google/nano-banana/text-to-image")
NANO_2 = entry_for("google/nano-banana-2/text-to-image")
NANO_EDIT = entry_for("google/nano-banana/edit")
GPT = entry_for("openai/gpt-image-2/text-to-image")
GPT_EDIT = entry_for("openai/gpt-image-2/edit")
PROMPT = "Golden sunset over rolling hills with a quiet lake"


def pixels(file: RenderedFile) -> np.ndarray:
    with Image.open(io.BytesIO(file.data)) as image:
        return np.asarray(image.convert("RGB"), dtype=np.float32)


def render(
    entry: dict[str, Any], media: dict[str, bytes] | None = None, **inputs: Any
) -> tuple[RenderedFile, ...]:
    return generate(entry, {"prompt": PROMPT, **inputs}, media or {}).files


def test_same_input_gives_the_same_bytes() -> None:
    assert render(NANO, seed=3) == render(NANO, seed=3)
    assert render(NANO) == render(NANO)


def test_a_different_seed_gives_a_visibly_different_picture() -> None:
    (first,), (second,) = render(NANO, seed=1), render(NANO, seed=2)
    assert first.data != second.data
    assert np.abs(pixels(first) - pixels(second)).mean() > 10


def test_no_seed_still_varies_with_the_prompt() -> None:
    (first,) = render(NANO)
    (second,) = generate(NANO, {"prompt": "Neon city at night"}, {}).files
    assert np.abs(pixels(first) - pixels(second)).mean() > 10


def test_prompt_words_choose_the_palette() -> None:
    (ocean,) = generate(NANO, {"prompt": "deep blue ocean waves", "seed": 5}, {}).files
    (sunset,) = generate(NANO, {"prompt": "warm orange sunset desert", "seed": 5}, {}).files
    ocean_mean, sunset_mean = pixels(ocean).mean(axis=(0, 1)), pixels(sunset).mean(axis=(0, 1))
    assert ocean_mean[2] > ocean_mean[0]  # blue over red
    assert sunset_mean[0] > sunset_mean[2]  # red over blue


def test_num_images_gives_distinct_files() -> None:
    files = render(NANO, num_images=3, seed=9)
    assert len(files) == 3
    assert len({file.data for file in files}) == 3
    assert files[0] == render(NANO, seed=9)[0]


@pytest.mark.parametrize(
    ("output_format", "content_type", "extension", "pil_format"),
    [
        ("png", "image/png", "png", "PNG"),
        ("jpeg", "image/jpeg", "jpg", "JPEG"),
        ("webp", "image/webp", "webp", "WEBP"),
    ],
)
def test_output_format(
    output_format: str, content_type: str, extension: str, pil_format: str
) -> None:
    (file,) = render(NANO, output_format=output_format, aspect_ratio="4:3")
    assert (file.content_type, file.extension) == (content_type, extension)
    with Image.open(io.BytesIO(file.data)) as image:
        assert image.format == pil_format
        assert image.size == (1024, 768)


@pytest.mark.parametrize(
    ("aspect_ratio", "resolution", "size"),
    [
        ("16:9", "0.5K", (512, 288)),
        ("9:16", "1K", (576, 1024)),
        ("21:9", "1K", (1022, 438)),  # 7:3 exactly
        ("1:1", "4K", (LONG_SIDE_CAP, LONG_SIDE_CAP)),
        ("8:1", "2K", (1536, 192)),
        ("auto", "1K", (1024, 1024)),
    ],
)
def test_aspect_ratio_and_resolution(
    aspect_ratio: str, resolution: str, size: tuple[int, int]
) -> None:
    (file,) = render(NANO_2, aspect_ratio=aspect_ratio, resolution=resolution)
    assert (file.width, file.height) == size
    assert pixels(file).shape[:2] == (size[1], size[0])


@pytest.mark.parametrize(
    ("image_size", "size"),
    [
        ("portrait_16_9", (576, 1024)),
        ("square", (512, 512)),
        (None, (1024, 768)),  # the schema default, landscape_4_3
        ({"width": 1280, "height": 720}, (1280, 720)),
        ({"width": 3840, "height": 2160}, (1536, 864)),  # capped, ratio kept
    ],
)
def test_image_size(image_size: Any, size: tuple[int, int]) -> None:
    extra = {} if image_size is None else {"image_size": image_size}
    (file,) = render(GPT, **extra)
    assert (file.width, file.height) == size


def photo_bytes() -> bytes:
    """A bold test picture: stripes and a red disc."""
    photo = Image.new("RGB", (800, 600), (235, 225, 200))
    draw = ImageDraw.Draw(photo)
    for x in range(0, 800, 100):
        draw.rectangle((x, 0, x + 50, 600), fill=(40, 70, 160))
    draw.ellipse((250, 150, 550, 450), fill=(220, 30, 30))
    buffer = io.BytesIO()
    photo.save(buffer, "PNG")
    return buffer.getvalue()


def correlation(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a.mean(axis=2).ravel(), b.mean(axis=2).ravel())[0, 1])


def test_edit_uses_the_input_image() -> None:
    url = "data:image/png;base64,AAAA"
    data = photo_bytes()
    (edited,) = render(NANO_EDIT, {url: data}, image_urls=[url], seed=4)
    (plain,) = render(NANO_EDIT, image_urls=[url], seed=4)
    assert (edited.width, edited.height) == (1024, 768)  # "auto" follows the input's 4:3
    assert (plain.width, plain.height) == (1024, 1024)
    with Image.open(io.BytesIO(data)) as source:
        reference = np.asarray(source.convert("RGB").resize((1024, 768)), dtype=np.float32)
    assert correlation(pixels(edited), reference) > 0.6
    rendered_without = pixels(plain)[128:896]  # same-size crop of the generated picture
    assert correlation(rendered_without, reference) < 0.3


def test_extra_input_images_appear_as_cards() -> None:
    urls = ["https://example.test/a.png", "https://example.test/b.png"]
    media = {url: photo_bytes() for url in urls}
    (one,) = render(GPT_EDIT, {urls[0]: media[urls[0]]}, image_urls=urls[:1], seed=1)
    (two,) = render(GPT_EDIT, media, image_urls=urls, seed=1)
    assert (one.width, one.height) == (two.width, two.height)
    assert two.width is not None and two.height is not None
    difference = np.abs(pixels(one) - pixels(two)).mean(axis=2)
    top_right = difference[: two.height // 3, two.width * 2 // 3 :]
    assert top_right.mean() > 5 * max(difference[two.height // 3 :, : two.width // 3].mean(), 0.1)


def test_save_a_sample_for_the_eye() -> None:
    (file,) = generate(
        NANO_2,
        {"prompt": "A misty pine forest at sunrise", "aspect_ratio": "16:9", "seed": 7},
        {},
    ).files
    SAMPLES.mkdir(parents=True, exist_ok=True)
    path = SAMPLES / "text-to-image.png"
    path.write_bytes(file.data)
    with Image.open(path) as image:
        assert image.size == (1024, 576)
        assert np.asarray(image.convert("L")).std() > 20
