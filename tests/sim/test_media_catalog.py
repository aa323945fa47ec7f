"""Every catalog endpoint's first example renders real, decodable media of the requested shape."""

from __future__ import annotations

import io
import json
import math
import wave
from fractions import Fraction
from importlib import resources
from typing import Any

import av
import numpy as np
import pytest
from PIL import Image

from studio.sim.media import Generated, generate

IMAGE_PRESETS = {
    "square_hd": (1024, 1024),
    "square": (512, 512),
    "portrait_4_3": (768, 1024),
    "portrait_16_9": (576, 1024),
    "landscape_4_3": (1024, 768),
    "landscape_16_9": (1024, 576),
}
CONTENT_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp"}
PIL_FORMATS = {"png": "PNG", "jpeg": "JPEG", "webp": "WEBP"}


def load_catalog() -> list[dict[str, Any]]:
    text = resources.files("studio").joinpath("data/catalog.json").read_text("utf-8")
    entries: list[dict[str, Any]] = json.loads(text)
    return entries


CATALOG = load_catalog()


def setting(entry: dict[str, Any], inputs: dict[str, Any], name: str) -> Any:
    """The input value, else the schema default, else None."""
    if name in inputs:
        return inputs[name]
    return entry["input_schema"]["properties"].get(name, {}).get("default")


def expected_ratio(entry: dict[str, Any], inputs: dict[str, Any], fallback: str) -> float:
    value = setting(entry, inputs, "aspect_ratio")
    if not isinstance(value, str) or ":" not in value:
        value = fallback
    width, height = value.split(":")
    return int(width) / int(height)


def expected_seconds(entry: dict[str, Any], inputs: dict[str, Any]) -> float:
    value = setting(entry, inputs, "duration")
    if isinstance(value, int) and value > 0:
        return float(value)
    if isinstance(value, str) and value.rstrip("s").isdigit():
        return float(value.rstrip("s"))
    return 5.0


def check_image(entry: dict[str, Any], inputs: dict[str, Any], result: Generated) -> None:
    fmt = setting(entry, inputs, "output_format")
    assert len(result.files) == setting(entry, inputs, "num_images")
    for file in result.files:
        assert file.content_type == CONTENT_TYPES[fmt]
        with Image.open(io.BytesIO(file.data)) as image:
            assert image.format == PIL_FORMATS[fmt]
            assert (image.width, image.height) == (file.width, file.height)
            size = setting(entry, inputs, "image_size")
            if size in IMAGE_PRESETS:
                assert image.size == IMAGE_PRESETS[size]
            else:
                assert image.width / image.height == pytest.approx(
                    expected_ratio(entry, inputs, "1:1"), rel=0.01
                )


def check_video(entry: dict[str, Any], inputs: dict[str, Any], result: Generated) -> None:
    (file,) = result.files
    assert (file.content_type, file.extension) == ("video/mp4", "mp4")
    with av.open(io.BytesIO(file.data), "r") as container:
        video = container.streams.video[0]
        assert video.codec_context.name == "h264"
        assert video.format.name == "yuv420p"
        assert video.duration is not None and video.time_base is not None
        seconds = float(video.duration * video.time_base)
        assert seconds == pytest.approx(expected_seconds(entry, inputs), abs=1.5 / 24)
        assert video.average_rate == Fraction(24)
        assert video.width / video.height == pytest.approx(
            expected_ratio(entry, inputs, "16:9"), rel=0.02
        )
        assert video.width % 2 == 0 and video.height % 2 == 0
        assert len(container.streams.audio) == (setting(entry, inputs, "generate_audio") is True)
        frames = list(container.decode(video))
    assert len(frames) == round(expected_seconds(entry, inputs) * 24)
    middle = frames[len(frames) // 2].to_ndarray(format="rgb24").astype(int)
    late = frames[-10].to_ndarray(format="rgb24").astype(int)
    assert middle.std() > 12  # a picture, not a flat colour
    assert np.abs(middle - late).mean() > 1  # it moves


def check_audio(inputs: dict[str, Any], result: Generated) -> None:
    (file,) = result.files
    assert file.content_type == "audio/mpeg"
    with av.open(io.BytesIO(file.data), "r") as container:
        stream = container.streams.audio[0]
        samples = sum(frame.samples for frame in container.decode(stream))
        rate = stream.codec_context.sample_rate
    assert samples / rate == pytest.approx(inputs["music_length_ms"] / 1000, abs=0.05)


@pytest.mark.parametrize("entry", CATALOG, ids=[e["slug"] for e in CATALOG])
def test_first_example_renders(entry: dict[str, Any]) -> None:
    inputs = entry["examples"][0]["input"]
    result = generate(entry, inputs, {})
    capability = entry["capability"]
    if capability == "image":
        check_image(entry, inputs, result)
    elif capability == "video":
        check_video(entry, inputs, result)
    elif capability == "audio":
        check_audio(inputs, result)
    else:
        assert result.files == ()
        assert result.extra_output["text"]
        assert result.extra_output["chunks"][-1]["timestamp"][1] == pytest.approx(10.0)


def tiny_png() -> bytes:
    buffer = io.BytesIO()
    Image.radial_gradient("L").convert("RGB").resize((320, 240)).save(buffer, "PNG")
    return buffer.getvalue()


def tiny_mp4() -> bytes:
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=24)
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        for index in range(72):
            pixels = np.full((48, 64, 3), index * 3, dtype=np.uint8)
            container.mux(stream.encode(av.VideoFrame.from_ndarray(pixels, format="rgb24")))
        container.mux(stream.encode(None))
    return buffer.getvalue()


def tiny_wav(seconds: float = 3.5) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        tone = np.sin(np.arange(int(16000 * seconds)) * 2 * math.pi * 440 / 16000) * 8000
        out.writeframes(tone.astype("<i2").tobytes())
    return buffer.getvalue()


def shortest_duration(entry: dict[str, Any]) -> Any:
    """The schema's shortest duration (keeps these runs quick)."""
    prop = entry["input_schema"]["properties"]["duration"]
    if "enum" in prop:
        return min((v for v in prop["enum"] if v != "auto"), key=lambda v: int(v.rstrip("s")))
    return prop.get("minimum", 2)


def media_for(inputs: dict[str, Any], png: bytes, mp4: bytes, wav: bytes) -> dict[str, bytes]:
    """Bytes for every URL in the input, by the field's kind (video_url → MP4, ...)."""
    media: dict[str, bytes] = {}
    for field, value in inputs.items():
        urls = value if isinstance(value, list) else [value]
        kind = mp4 if "video" in field else wav if "audio" in field else png
        media.update({url: kind for url in urls if isinstance(url, str) and "://" in url})
    return media


def media_variants() -> list[dict[str, Any]]:
    """One entry per (provider, mode, media fields): tiers of a model share their code path."""
    seen: dict[tuple[str, str, frozenset[str]], dict[str, Any]] = {}
    for entry in CATALOG:
        inputs = entry["examples"][0]["input"]
        fields = frozenset(f for f in inputs if f.endswith(("_url", "_urls")))
        if fields:
            seen.setdefault((entry["provider"], entry["mode"], fields), entry)
    return list(seen.values())


WITH_MEDIA = media_variants()


@pytest.mark.parametrize("entry", WITH_MEDIA, ids=[e["slug"] for e in WITH_MEDIA])
def test_first_example_renders_with_its_input_media(entry: dict[str, Any]) -> None:
    inputs = dict(entry["examples"][0]["input"])
    if entry["capability"] == "video":
        inputs["duration"] = shortest_duration(entry)
    media = media_for(inputs, tiny_png(), tiny_mp4(), tiny_wav())
    result = generate(entry, inputs, media)
    if entry["capability"] == "transcribe":
        assert result.extra_output["chunks"][-1]["timestamp"][1] == pytest.approx(3.5)
    else:
        assert result.files and all(file.data for file in result.files)


def test_undecodable_media_is_ignored() -> None:
    entry = next(e for e in CATALOG if e["slug"] == "google/nano-banana/edit")
    inputs = entry["examples"][0]["input"]
    broken = {url: b"not an image" for url in inputs["image_urls"]}
    assert generate(entry, inputs, broken).files == generate(entry, inputs, {}).files


def test_unknown_fields_are_ignored() -> None:
    entry = next(e for e in CATALOG if e["capability"] == "image")
    inputs = {**entry["examples"][0]["input"], "mystery": {"x": 1}}
    assert len(generate(entry, inputs, {}).files) == 1
