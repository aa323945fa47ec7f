"""Video generation: durations, aspect ratios, audio track, determinism and use of input media."""

from __future__ import annotations

import io
import json
from importlib import resources
from typing import Any

import av
import numpy as np
import pytest
from PIL import Image

from studio.sim.media import RenderedFile, generate


def entry_for(slug: str) -> dict[str, Any]:
    text = resources.files("studio").joinpath("data/catalog.json").read_text("utf-8")
    entries: list[dict[str, Any]] = json.loads(text)
    return next(e for e in entries if e["slug"] == slug)


WAN = entry_for("alibaba/wan-2.7/text-to-video")
WAN_EDIT = entry_for("alibaba/wan-2.7/edit-video")
SEEDANCE = entry_for("bytedance/seedance-2.0/fast/text-to-video")
SEEDANCE_I2V = entry_for("bytedance/seedance-2.0/fast/image-to-video")
KLING = entry_for("kuaishou/kling-v3/standard/text-to-video")
VEO = entry_for("google/veo-3.1/lite/text-to-video")


def probe(file: RenderedFile) -> tuple[int, int, int, int]:
    """(width, height, frame count, audio stream count)."""
    with av.open(io.BytesIO(file.data), "r") as container:
        video = container.streams.video[0]
        frames = sum(1 for _ in container.decode(video))
        return video.width, video.height, frames, len(container.streams.audio)


def frame_at(file: RenderedFile, index: int) -> np.ndarray:
    with av.open(io.BytesIO(file.data), "r") as container:
        for position, frame in enumerate(container.decode(video=0)):
            if position == index:
                return np.asarray(frame.to_ndarray(format="rgb24"), dtype=np.float32)
    raise AssertionError("no such frame")


def one(
    entry: dict[str, Any], inputs: dict[str, Any], media: dict[str, bytes] | None = None
) -> RenderedFile:
    (file,) = generate(entry, inputs, media or {}).files
    return file


@pytest.mark.parametrize(
    ("entry", "inputs", "size", "frames"),
    [
        (WAN, {"duration": 2, "aspect_ratio": "3:4"}, (360, 480), 48),
        (SEEDANCE, {"duration": "auto", "aspect_ratio": "21:9"}, (476, 204), 120),
        (SEEDANCE, {"duration": "4", "aspect_ratio": "1:1"}, (480, 480), 96),
        (KLING, {"duration": "3", "aspect_ratio": "9:16"}, (270, 480), 72),
        (VEO, {"duration": "4s"}, (480, 270), 96),
    ],
)
def test_duration_and_aspect_ratio(
    entry: dict[str, Any], inputs: dict[str, Any], size: tuple[int, int], frames: int
) -> None:
    file = one(entry, {"prompt": "A lighthouse on a cliff", "generate_audio": False, **inputs})
    width, height, count, audio = probe(file)
    assert (width, height, count, audio) == (*size, frames, 0)
    assert (file.width, file.height, file.duration) == (*size, frames / 24)


def test_generate_audio_adds_an_aac_track() -> None:
    file = one(VEO, {"prompt": "Rain on a tin roof", "duration": "4s"})  # default: with audio
    with av.open(io.BytesIO(file.data), "r") as container:
        (audio,) = container.streams.audio
        assert audio.codec_context.name == "aac"
        samples = np.concatenate([frame.to_ndarray().ravel() for frame in container.decode(audio)])
    assert np.abs(samples).max() > 0.1


def test_same_input_same_bytes_and_seed_changes_the_picture() -> None:
    inputs = {"prompt": "A quiet harbour at dusk", "duration": 2, "seed": 1}
    first = one(WAN, inputs)
    assert one(WAN, inputs).data == first.data
    other = one(WAN, {**inputs, "seed": 2})
    assert other.data != first.data
    assert np.abs(frame_at(first, 24) - frame_at(other, 24)).mean() > 10


def photo_bytes(size: tuple[int, int] = (600, 800)) -> bytes:
    stripes = np.zeros((size[1], size[0], 3), dtype=np.uint8)
    stripes[:, ::80] = 255
    for offset in range(1, 40):
        stripes[:, offset::80] = (230, 40, 40)
    buffer = io.BytesIO()
    Image.fromarray(stripes).save(buffer, "PNG")
    return buffer.getvalue()


def test_image_to_video_starts_from_the_input_image() -> None:
    url = "https://example.test/portrait.png"
    inputs = {"prompt": "Gentle push in", "image_url": url, "duration": "4", "seed": 3}
    with_photo = one(SEEDANCE_I2V, inputs, {url: photo_bytes()})
    without = one(SEEDANCE_I2V, inputs)
    width, height, _, _ = probe(with_photo)
    assert (width, height) == (360, 480)  # "auto" follows the 3:4 input

    def stripiness(frame: np.ndarray) -> float:
        """How much columns differ from their neighbours 3 px away (the stripes are ~30 px)."""
        columns = frame.mean(axis=(0, 2))
        return float(np.abs(columns[3:] - columns[:-3]).mean())

    assert stripiness(frame_at(with_photo, 12)) > 4 * stripiness(frame_at(without, 12))


def input_video(seconds: float, size: tuple[int, int] = (96, 64)) -> bytes:
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=24)
        stream.width, stream.height, stream.pix_fmt = *size, "yuv420p"
        for index in range(round(seconds * 24)):
            pixels = np.full((size[1], size[0], 3), (200, 120 + index % 50, 30), dtype=np.uint8)
            container.mux(stream.encode(av.VideoFrame.from_ndarray(pixels, format="rgb24")))
        container.mux(stream.encode(None))
    return buffer.getvalue()


def test_edit_video_keeps_the_input_length_and_ratio() -> None:
    url = "https://example.test/clip.mp4"
    inputs = {"prompt": "Convert to clay style", "video_url": url}
    width, height, frames, _ = probe(one(WAN_EDIT, inputs, {url: input_video(3.0)}))
    assert (width, height, frames) == (480, 320, 72)
    width, height, frames, _ = probe(one(WAN_EDIT, {**inputs, "duration": 2}))
    assert (width, height, frames) == (480, 270, 48)  # unknown input: 16:9, asked length


def test_multi_prompt_changes_the_caption_per_shot() -> None:
    shots = [{"prompt": "First shot", "duration": "2"}, {"prompt": "Second shot", "duration": "1"}]
    file = one(KLING, {"multi_prompt": shots, "duration": "3", "generate_audio": False})
    assert probe(file)[2] == 72
