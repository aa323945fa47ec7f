"""The real client against the real simulator subprocess on loopback: the contract both keep."""

from __future__ import annotations

import asyncio
import io
import json
from importlib import resources
from typing import TYPE_CHECKING, Any

import av
import pytest
from PIL import Image

from studio.core.api import (
    AuthError,
    ConflictError,
    MountseaClient,
    NotFoundError,
    Task,
    TaskStatus,
    ValidationError,
)
from tests.fakes.simulator import running_simulator
from tests.fakes.webhook_receiver import received_posts, start_receiver

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from tests.fakes.simulator import SimProcess

FAST = {"initial_interval": 0.05, "factor": 1.2, "max_interval": 0.2, "deadline": 120.0}


@pytest.fixture(scope="module")
def sim() -> Iterator[SimProcess]:
    with running_simulator(speed=100.0) as process:
        yield process


def catalog() -> list[dict[str, Any]]:
    text = resources.files("studio").joinpath("data/catalog.json").read_text(encoding="utf-8")
    entries: list[dict[str, Any]] = json.loads(text)
    return entries


async def run_to_end(client: MountseaClient, slug: str, value: dict[str, Any]) -> Task:
    task = await client.run(slug, value)
    assert task.status is TaskStatus.QUEUED
    assert task.task_id.startswith("ms-")
    last = task
    async for update in client.follow(task.task_id, **FAST):  # type: ignore[arg-type]
        last = update
    return last


def media_duration(path: Path) -> float:
    with av.open(str(path)) as container:
        assert container.duration is not None
        return float(container.duration) / 1_000_000


@pytest.mark.asyncio
async def test_list_filters_and_detail(sim: SimProcess) -> None:
    async with MountseaClient(sim.base_url, sim.api_key) as client:
        everything = await client.list_endpoints()
        assert len(everything) == 35
        assert {e.slug for e in everything} == {e["slug"] for e in catalog()}
        videos = await client.list_endpoints(capability="video")
        assert videos and all(e.capability == "video" for e in videos)
        tagged = await client.list_endpoints(tag="veo")
        assert tagged and all("veo" in e.tags for e in tagged)
        detail = await client.get_endpoint("google/veo-3.1/text-to-video")
        assert detail.input_schema["required"] == ["prompt"]
        assert detail.examples and "input" in detail.examples[0]


@pytest.mark.asyncio
async def test_image_run_follow_download(sim: SimProcess, tmp_path: Path) -> None:
    async with MountseaClient(sim.base_url, sim.api_key) as client:
        value = {"prompt": "a lighthouse at dusk", "aspect_ratio": "16:9", "num_images": 2}
        task = await run_to_end(client, "google/nano-banana/text-to-image", value)
        assert task.status is TaskStatus.SUCCEEDED, task.error
        assert len(task.media) == 2
        path = await client.download(task.media[0].url, tmp_path / "out.png")
        with Image.open(path) as image:
            assert abs(image.width / image.height - 16 / 9) < 0.01


@pytest.mark.asyncio
async def test_video_has_asked_duration_and_ratio(sim: SimProcess, tmp_path: Path) -> None:
    async with MountseaClient(sim.base_url, sim.api_key) as client:
        value = {"prompt": "waves", "aspect_ratio": "9:16", "duration": "4s"}
        task = await run_to_end(client, "google/veo-3.1/fast/text-to-video", value)
        assert task.status is TaskStatus.SUCCEEDED, task.error
        path = await client.download(task.media[0].url, tmp_path / "v.mp4")
        assert media_duration(path) == pytest.approx(4.0, abs=0.1)
        with av.open(str(path)) as container:
            stream = container.streams.video[0]
            assert stream.codec_context.name == "h264"
            assert abs(stream.width / stream.height - 9 / 16) < 0.02


@pytest.mark.asyncio
async def test_music_length_and_transcript(sim: SimProcess, tmp_path: Path) -> None:
    async with MountseaClient(sim.base_url, sim.api_key) as client:
        value = {"prompt": "calm piano", "music_length_ms": 5000}
        task = await run_to_end(client, "elevenlabs/elevenlabs-music/music-generate", value)
        assert task.status is TaskStatus.SUCCEEDED, task.error
        audio = task.media[0]
        path = await client.download(audio.url, tmp_path / "music.bin")
        assert media_duration(path) == pytest.approx(5.0, abs=0.1)
        heard = await run_to_end(client, "openai/whisper-v3/transcribe", {"audio_url": audio.url})
        assert heard.status is TaskStatus.SUCCEEDED, heard.error
        assert heard.text
        assert heard.output is not None
        chunks = heard.output["chunks"]
        assert chunks[-1]["timestamp"][1] == pytest.approx(5.0, abs=0.6)


@pytest.mark.asyncio
async def test_cancel_and_conflict(sim: SimProcess) -> None:
    async with MountseaClient(sim.base_url, sim.api_key) as client:
        task = await client.run("google/veo-3.1/text-to-video", {"prompt": "storm [slow]"})
        canceled = await client.cancel_task(task.task_id)
        assert canceled.status is TaskStatus.CANCELED
        done = await run_to_end(client, "google/nano-banana/text-to-image", {"prompt": "x"})
        with pytest.raises(ConflictError):
            await client.cancel_task(done.task_id)


@pytest.mark.asyncio
async def test_error_statuses(sim: SimProcess) -> None:
    async with MountseaClient(sim.base_url, "wrong-key") as bad:
        with pytest.raises(AuthError) as auth:
            await bad.list_endpoints()
        assert "wrong-key" not in str(auth.value)
    async with MountseaClient(sim.base_url, sim.api_key) as client:
        with pytest.raises(ValidationError) as invalid:
            await client.run("google/veo-3.1/text-to-video", {"aspect_ratio": "16:9"})
        assert "prompt" in {f.path for f in invalid.value.field_errors}
        with pytest.raises(NotFoundError):
            await client.get_endpoint("nobody/nothing/none")
        with pytest.raises(NotFoundError):
            await client.get_task("ms-00000000-0000-0000-0000-000000000000")


@pytest.mark.asyncio
async def test_forced_failure_carries_message(sim: SimProcess) -> None:
    async with MountseaClient(sim.base_url, sim.api_key) as client:
        task = await run_to_end(client, "google/nano-banana/text-to-image", {"prompt": "x [fail]"})
        assert task.status is TaskStatus.FAILED
        assert task.error is not None and task.error.message


@pytest.mark.asyncio
async def test_webhook_receives_terminal_task(sim: SimProcess) -> None:
    receiver, hook_url = start_receiver(0, 1)
    async with MountseaClient(sim.base_url, sim.api_key) as client:
        task = await client.run("google/nano-banana/text-to-image", {"prompt": "p"}, hook_url)
        async for _ in client.follow(task.task_id, **FAST):  # type: ignore[arg-type]
            pass
    posts = await asyncio.to_thread(received_posts, receiver)
    assert posts[0]["body"]["task_id"] == task.task_id
    assert posts[0]["body"]["status"] == "succeeded"


@pytest.mark.asyncio
async def test_every_first_example_succeeds_with_decodable_media(
    sim: SimProcess, tmp_path: Path
) -> None:
    """`python -m studio.sim` serves all 35 endpoints; each first example runs to real media."""
    async with MountseaClient(sim.base_url, sim.api_key) as client:
        entries = catalog()
        results = await asyncio.gather(
            *(run_to_end(client, e["slug"], e["examples"][0]["input"]) for e in entries)
        )
        for entry, task in zip(entries, results, strict=True):
            assert task.status is TaskStatus.SUCCEEDED, (entry["slug"], task.error)
            if entry["capability"] == "transcribe":
                assert task.text
                continue
            assert task.media, entry["slug"]
            path = await client.download(task.media[0].url, tmp_path / f"{task.task_id}.bin")
            if entry["capability"] == "image":
                Image.open(io.BytesIO(path.read_bytes())).verify()
            else:
                assert media_duration(path) > 1.0, entry["slug"]
