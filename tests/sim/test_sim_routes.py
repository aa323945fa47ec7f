"""HTTP behaviour of the simulator's /ms/v1 routes and media files, against a real subprocess."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

import httpx
import pytest

from tests.fakes.simulator import (
    IMAGE_SLUG,
    SimProcess,
    assert_nest_error,
    run_image,
    running_simulator,
    submit,
    wait_terminal,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

TASK_KEYS = {
    *("task_id", "endpoint", "model", "capability", "mode", "status", "created_at"),
    *("started_at", "completed_at", "elapsed_ms", "output", "error"),
}
VIDEO_SLUG = "google/veo-3.1/fast/text-to-video"


@pytest.fixture(scope="module")
def sim() -> Iterator[SimProcess]:
    with running_simulator() as process:
        yield process


@pytest.fixture
def client(sim: SimProcess) -> Iterator[httpx.Client]:
    with sim.client() as http:
        yield http


def test_api_requires_the_bearer_key(sim: SimProcess) -> None:
    with httpx.Client(base_url=sim.base_url) as anonymous:
        assert_nest_error(anonymous.get("/ms/v1/endpoints"), 401)
        wrong = {"Authorization": "Bearer nope"}
        assert_nest_error(anonymous.get("/ms/v1/tasks/ms-x", headers=wrong), 401)
        assert_nest_error(anonymous.get("/_sim/faults"), 401)


def test_list_endpoints_and_filters(client: httpx.Client) -> None:
    everything = client.get("/ms/v1/endpoints").json()
    assert everything["total"] == len(everything["data"]) == 35
    first = everything["data"][0]
    assert {"slug", "name", "model", "capability", "mode", "tags"} <= set(first)
    assert "input_schema" not in first
    video = client.get("/ms/v1/endpoints", params={"capability": "video"}).json()
    assert video["total"] == 25
    assert {item["capability"] for item in video["data"]} == {"video"}
    kling = client.get("/ms/v1/endpoints", params={"tag": "kling"}).json()["data"]
    assert kling
    assert all("kling" in item["tags"] for item in kling)
    assert client.get("/ms/v1/endpoints", params={"capability": "chat"}).json()["total"] == 0
    assert_nest_error(client.get("/ms/v1/endpoints", params={"capability": "nope"}), 400)


def test_endpoint_detail_by_raw_and_encoded_slug(client: httpx.Client) -> None:
    raw = client.get("/ms/v1/endpoints/google/veo-3.1/text-to-video")
    assert raw.status_code == 200
    detail = raw.json()
    assert detail["slug"] == "google/veo-3.1/text-to-video"
    assert {"input_schema", "output_schema", "examples"} <= set(detail)
    encoded = client.get("/ms/v1/endpoints/google%2Fveo-3.1%2Ftext-to-video")
    assert encoded.json() == detail
    run = client.post(
        f"/ms/v1/run/{IMAGE_SLUG.replace('/', '%2F')}", json={"input": {"prompt": "x"}}
    )
    assert run.status_code == 200
    assert run.json()["endpoint"] == IMAGE_SLUG


def test_unknown_slug_task_and_route_are_404(client: httpx.Client) -> None:
    assert "acme/nothing" in assert_nest_error(client.get("/ms/v1/endpoints/acme/nothing"), 404)
    assert_nest_error(client.post("/ms/v1/run/acme/nothing", json={"input": {}}), 404)
    assert_nest_error(client.get("/ms/v1/tasks/ms-00000000-0000-0000-0000-000000000000"), 404)
    assert_nest_error(client.delete("/ms/v1/tasks/ms-missing"), 404)
    assert_nest_error(client.get("/ms/v1/tasks"), 404)
    assert_nest_error(client.get("/elsewhere"), 404)
    assert_nest_error(client.get("/files/ms-missing/image-0.png"), 404)


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"[1, 2]", b'{"webhook_url": "http://x"}', b'{"input": "text"}'],
    ids=["malformed", "array", "no-input", "input-not-object"],
)
def test_bad_bodies_are_400(client: httpx.Client, body: bytes) -> None:
    response = client.post(f"/ms/v1/run/{IMAGE_SLUG}", content=body)
    assert_nest_error(response, 400)


def test_webhook_url_must_be_http(client: httpx.Client) -> None:
    body = {"input": {"prompt": "p"}, "webhook_url": "ftp://example.com/hook"}
    message = assert_nest_error(client.post(f"/ms/v1/run/{IMAGE_SLUG}", json=body), 400)
    assert "webhook_url" in message[0]


def test_schema_violations_name_the_fields(client: httpx.Client) -> None:
    body = {"input": {"image_urls": [3], "num_images": 99}}
    response = client.post("/ms/v1/run/google/nano-banana/edit", json=body)
    messages = assert_nest_error(response, 400)
    assert isinstance(messages, list)
    assert any(m.startswith("input.prompt") for m in messages)
    assert any(m.startswith("input.image_urls.0") for m in messages)
    assert any(m.startswith("input.num_images") for m in messages)


def test_image_task_succeeds_and_its_media_is_served(sim: SimProcess, client: httpx.Client) -> None:
    queued = submit(client, IMAGE_SLUG, {"prompt": "a lighthouse at dusk"})
    assert set(queued) == TASK_KEYS
    assert queued["status"] == "queued"
    assert queued["endpoint"] == IMAGE_SLUG
    assert (queued["model"], queued["capability"], queued["mode"]) == (
        "nano-banana",
        "image",
        "text-to-image",
    )
    done = wait_terminal(client, queued["task_id"])
    assert done["status"] == "succeeded"
    assert done["started_at"] is not None
    assert done["completed_at"].endswith("Z")
    assert isinstance(done["elapsed_ms"], int)
    assert done["error"] is None
    image = done["output"]["images"][0]
    assert image["url"].startswith(f"{sim.base_url}/files/{queued['task_id']}/")
    assert image["width"] > 0
    assert image["height"] > 0
    with httpx.Client() as cdn:  # no key: media files are public
        whole = cdn.get(image["url"])
        assert whole.status_code == 200
        assert whole.headers["content-type"] == image["content_type"]
        assert int(whole.headers["content-length"]) == image["file_size"] == len(whole.content)
        part = cdn.get(image["url"], headers={"Range": "bytes=0-9"})
        assert part.status_code == 206
        assert part.content == whole.content[:10]
        assert part.headers["content-range"] == f"bytes 0-9/{image['file_size']}"


def test_input_media_from_data_uri_and_own_files(client: httpx.Client) -> None:
    source = run_image(client)["output"]["images"][0]
    own_bytes = httpx.get(source["url"]).content
    data_uri = "data:image/png;base64," + base64.b64encode(own_bytes).decode()
    inputs = {"prompt": "make it blue", "image_urls": [source["url"], data_uri]}
    edited = submit(client, "google/nano-banana/edit", inputs)
    assert wait_terminal(client, edited["task_id"])["status"] == "succeeded"


def test_broken_data_uri_fails_the_task_naming_the_field(client: httpx.Client) -> None:
    inputs = {"prompt": "p", "image_urls": ["data:image/png;base64,@@not-base64@@"]}
    task = submit(client, "google/nano-banana/edit", inputs)
    done = wait_terminal(client, task["task_id"])
    assert done["status"] == "failed"
    assert "input.image_urls.0" in done["error"]["message"]


def test_cancel_then_cancel_again_is_409(client: httpx.Client) -> None:
    task = submit(client, VIDEO_SLUG, {"prompt": "waves [slow]"})
    canceled = client.delete(f"/ms/v1/tasks/{task['task_id']}")
    assert canceled.status_code == 200
    assert canceled.json()["status"] == "canceled"
    assert canceled.json()["completed_at"] is not None
    again = client.delete(f"/ms/v1/tasks/{task['task_id']}")
    assert "canceled" in assert_nest_error(again, 409)
    final = client.get(f"/ms/v1/tasks/{task['task_id']}").json()
    assert final["status"] == "canceled"
    assert final["output"] is None


@pytest.mark.parametrize(
    ("prompt", "status", "code"),
    [("boom [fail]", "failed", 500), ("stuck [timeout]", "timeout", 504)],
)
def test_magic_words_end_the_task_with_an_error(
    client: httpx.Client, prompt: str, status: str, code: int
) -> None:
    task = submit(client, IMAGE_SLUG, {"prompt": prompt})
    done = wait_terminal(client, task["task_id"])
    assert done["status"] == status
    assert done["error"]["code"] == code
    assert done["error"]["message"]
    assert done["output"] is None
    assert client.delete(f"/ms/v1/tasks/{task['task_id']}").status_code == 409


def test_magic_word_in_another_field(client: httpx.Client) -> None:
    inputs = {"prompt": "calm sea", "negative_prompt": "[fail]"}
    task = submit(client, VIDEO_SLUG, inputs)
    assert wait_terminal(client, task["task_id"])["status"] == "failed"


def test_video_audio_and_transcribe_output_shapes(client: httpx.Client) -> None:
    video = submit(client, VIDEO_SLUG, {"prompt": "a paper boat", "duration": "4s"})
    audio = submit(
        client,
        "elevenlabs/elevenlabs-music/music-generate",
        {"prompt": "calm piano", "music_length_ms": 3000},
    )
    video_item = wait_terminal(client, video["task_id"])["output"]["videos"][0]
    assert {"url", "content_type", "file_name", "file_size", "width", "height", "duration"} <= set(
        video_item
    )
    assert video_item["duration"] > 0
    audio_done = wait_terminal(client, audio["task_id"])
    audio_item = audio_done["output"]["audio"][0]
    assert audio_item["duration"] > 0
    assert audio_item["content_type"].startswith("audio/")
    transcribe = submit(client, "openai/whisper-v3/transcribe", {"audio_url": audio_item["url"]})
    transcript = wait_terminal(client, transcribe["task_id"])
    assert transcript["status"] == "succeeded", transcript
    assert isinstance(transcript["output"]["text"], str)
