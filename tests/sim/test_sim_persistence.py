"""Simulator persistence: with --data-dir, tasks survive a SIGKILL and a restart on another port."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import av
import httpx

from studio.sim.lifecycle import TaskRecord, TaskStatus
from studio.sim.persistence import TaskPersistence, record_from_state, record_to_state
from tests.fakes.simulator import (
    FAKE_MEDIA_ENV,
    IMAGE_SLUG,
    SimProcess,
    assert_nest_error,
    read_listening_url,
    run_image,
    start_simulator,
    submit,
    wait_terminal,
)
from tests.fakes.webhook_receiver import received_posts, start_receiver

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

VIDEO_SLUG = "google/veo-3.1/fast/text-to-video"
# At speed 15 an image takes ~0.3 s and a [slow] video 4-6 s: it is still running at the kill.
SPEED = 15.0


def wait_for(predicate: Any, what: str, limit_s: float = 30.0) -> None:
    deadline = time.monotonic() + limit_s
    while not predicate():
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.05)


def state_of(data_dir: Path, task_id: str) -> dict[str, Any]:
    state: dict[str, Any] = json.loads((data_dir / task_id / "task.json").read_text())
    return state


def other_free_port(taken: str) -> int:
    """A free port other than the one in the base URL ``taken``."""
    while True:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port: int = probe.getsockname()[1]
        if not taken.endswith(f":{port}"):
            return port


def kill(sim: SimProcess) -> None:
    sim.process.kill()
    sim.process.wait()
    sim.stop()


def decoded_frames(data: bytes) -> int:
    with av.open(io.BytesIO(data), "r") as container:
        return sum(1 for _ in container.decode(video=0))


@dataclass
class FirstLife:
    """What the first simulator saw before it was killed."""

    base_url: str
    image: dict[str, Any]
    image_bytes: bytes
    video_id: str
    canceled: dict[str, Any]


def live_then_sigkill(tmp_path: Path, data: Path, hook: str) -> FirstLife:
    """An image that succeeds, a slow video left running, a canceled task; then SIGKILL."""
    first = start_simulator(speed=SPEED, work_dir=tmp_path / "one", data_dir=data)
    try:
        with first.client() as client:
            image = submit(client, IMAGE_SLUG, {"prompt": "a fox"}, webhook_url=hook)
            video_input = {"prompt": "rain [slow]", "duration": "4s"}
            video = submit(client, VIDEO_SLUG, video_input, webhook_url=hook)
            doomed = submit(client, VIDEO_SLUG, {"prompt": "x [slow]"}, webhook_url=hook)
            canceled = client.delete(f"/ms/v1/tasks/{doomed['task_id']}").json()
            image_done = wait_terminal(client, image["task_id"])
            assert image_done["status"] == "succeeded"
            image_bytes = httpx.get(image_done["output"]["images"][0]["url"]).content
            for task_id in (image["task_id"], doomed["task_id"]):
                wait_for(lambda t=task_id: state_of(data, t)["webhook_delivered"], "delivery")
            running = client.get(f"/ms/v1/tasks/{video['task_id']}").json()
            assert running["status"] in ("queued", "processing")
    finally:
        kill(first)
    return FirstLife(first.base_url, image_done, image_bytes, video["task_id"], canceled)


def plant_bad_state_files(data: Path, valid_task_id: str) -> None:
    (data / "ms-garbage").mkdir()
    (data / "ms-garbage" / "task.json").write_bytes(b"\x00not json{")
    whole = (data / valid_task_id / "task.json").read_text()
    (data / "ms-partial").mkdir()
    (data / "ms-partial" / "task.json").write_text(whole[: len(whole) // 2])


def test_tasks_survive_sigkill_and_restart_on_another_port(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(FAKE_MEDIA_ENV, raising=False)  # the video must be a real MP4
    data = tmp_path / "data"
    receiver, hook = start_receiver(fail_first=0, expect=3)
    before = live_then_sigkill(tmp_path, data, hook)
    plant_bad_state_files(data, before.image["task_id"])
    port = other_free_port(before.base_url)
    second = start_simulator(
        "--port", str(port), speed=SPEED, work_dir=tmp_path / "two", data_dir=data
    )
    try:
        with second.client() as client:
            served = client.get(f"/ms/v1/tasks/{before.image['task_id']}").json()
            moved = json.dumps(before.image).replace(before.base_url, second.base_url)
            assert served == json.loads(moved)
            new_url = served["output"]["images"][0]["url"]
            assert new_url.startswith(f"{second.base_url}/files/")
            assert httpx.get(new_url).content == before.image_bytes
            canceled_id = before.canceled["task_id"]
            assert client.get(f"/ms/v1/tasks/{canceled_id}").json() == before.canceled
            video_done = wait_terminal(client, before.video_id)
            assert video_done["status"] == "succeeded", video_done
            mp4_url = video_done["output"]["videos"][0]["url"]
            assert decoded_frames(httpx.get(mp4_url).content) > 0
            assert client.get("/_sim/stats").json() == {"tasks": 3}
    finally:
        second.stop()
    assert "ms-garbage" in second.log_text()
    assert "ms-partial" in second.log_text()
    posts = received_posts(receiver)
    assert len(posts) == 3, "a delivered webhook was sent again"
    by_task = {post["body"]["task_id"]: post["body"] for post in posts}
    assert by_task[canceled_id] == before.canceled
    assert by_task[before.video_id] == video_done


def test_eviction_applies_to_loaded_tasks_and_deletes_their_state(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = start_simulator(speed=50.0, work_dir=tmp_path / "one", data_dir=data)
    try:
        with first.client() as client:
            older = run_image(client, "older")
            newer = run_image(client, "newer")
    finally:
        first.stop()
    second = start_simulator(
        "--max-tasks", "1", speed=50.0, work_dir=tmp_path / "two", data_dir=data
    )
    try:
        with second.client() as client:
            assert_nest_error(client.get(f"/ms/v1/tasks/{older['task_id']}"), 404)
            assert client.get(f"/ms/v1/tasks/{newer['task_id']}").status_code == 200
    finally:
        second.stop()
    assert not (data / older["task_id"]).exists()
    assert (data / newer["task_id"] / "task.json").is_file()


def test_without_data_dir_nothing_is_kept(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "studio.sim", "--port", "0", "--fake-media"]
    command += ["--speed", "50"]
    environment = {**os.environ, "TMPDIR": str(tmp_path)}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, env=environment)
    try:
        base_url = read_listening_url(process)
        headers = {"Authorization": "Bearer sim-demo-key"}
        with httpx.Client(base_url=base_url, headers=headers) as client:
            done = run_image(client)
        (temporary,) = tmp_path.glob("mountsea-sim-*")
        task_dir = temporary / done["task_id"]
        assert [path.name for path in task_dir.iterdir()] == ["image-0.png"]
    finally:
        process.kill()
        process.wait()
        assert process.stdout is not None
        process.stdout.close()


def test_state_round_trip_and_corrupt_files_are_skipped(tmp_path: Path) -> None:
    moment = datetime(2026, 5, 18, 9, 0, 0, 123456, tzinfo=UTC)
    record = TaskRecord(
        task_id="ms-1",
        endpoint="e/x",
        model="m",
        capability="image",
        mode="text-to-image",
        webhook_url="http://h/hook",
        created_at=moment,
        status=TaskStatus.SUCCEEDED,
        started_at=moment,
        completed_at=moment,
        output={
            "images": [{"url": "http://old:1/files/ms-1/image-0.png", "file_name": "image-0.png"}]
        },
        file_names=["image-0.png"],
        planned_start_at=moment,
        planned_end_at=moment,
        webhook_delivered=True,
    )
    assert record_from_state(json.loads(json.dumps(record_to_state(record)))) == record
    persistence = TaskPersistence(tmp_path)
    (tmp_path / "ms-1").mkdir()
    persistence.save(record)
    (tmp_path / "ms-2").mkdir()
    (tmp_path / "ms-2" / "task.json").write_text('{"format": 1, "task_id": "ms-2"}')
    (loaded,) = persistence.load("http://new:2")
    assert loaded.record.output == {
        "images": [{"url": "http://new:2/files/ms-1/image-0.png", "file_name": "image-0.png"}]
    }
