"""Simulator as a process: webhooks, bounded memory (eviction), clean shutdown on signals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import httpx
import pytest

from tests.fakes.simulator import (
    IMAGE_SLUG,
    assert_nest_error,
    read_listening_url,
    run_image,
    running_simulator,
    submit,
    wait_terminal,
)
from tests.fakes.webhook_receiver import received_posts, start_receiver

if TYPE_CHECKING:
    from pathlib import Path

VIDEO_SLUG = "google/veo-3.1/fast/text-to-video"


def test_webhook_retries_until_delivered() -> None:
    receiver, hook_url = start_receiver(fail_first=1, expect=2)
    with running_simulator() as sim, sim.client() as client:
        task = submit(client, IMAGE_SLUG, {"prompt": "a kite"}, webhook_url=hook_url)
        final = wait_terminal(client, task["task_id"])
        posts = received_posts(receiver)
    assert [post["status"] for post in posts] == [500, 200]
    for post in posts:
        assert post["path"] == "/hooks/mountsea"
        assert post["headers"]["content-type"].startswith("application/json")
        assert post["headers"]["user-agent"] == "mountsea-webhook"
        assert post["body"] == final


def test_webhook_on_cancel() -> None:
    receiver, hook_url = start_receiver(fail_first=0, expect=1)
    with running_simulator() as sim, sim.client() as client:
        task = submit(client, VIDEO_SLUG, {"prompt": "rain [slow]"}, webhook_url=hook_url)
        canceled = client.delete(f"/ms/v1/tasks/{task['task_id']}").json()
        posts = received_posts(receiver)
    assert len(posts) == 1
    assert posts[0]["body"] == canceled
    assert posts[0]["body"]["status"] == "canceled"


def test_capacity_evicts_oldest_finished_tasks_and_their_files() -> None:
    # speed 20: the two [slow] videos below run for several seconds, ample time to be "full".
    with running_simulator("--max-tasks", "2", speed=20) as sim, sim.client() as client:
        first = run_image(client)
        first_url = first["output"]["images"][0]["url"]
        assert httpx.get(first_url).status_code == 200
        second = run_image(client)
        run_image(client)
        assert_nest_error(client.get(f"/ms/v1/tasks/{first['task_id']}"), 404)
        assert httpx.get(first_url).status_code == 404
        assert not (sim.data_dir / first["task_id"]).exists()
        assert client.get(f"/ms/v1/tasks/{second['task_id']}").status_code == 200
        running = [submit(client, VIDEO_SLUG, {"prompt": f"slow {n} [slow]"}) for n in range(2)]
        assert "Too many tasks" in assert_nest_error(
            client.post(f"/ms/v1/run/{IMAGE_SLUG}", json={"input": {"prompt": "p"}}), 429
        )
        client.delete(f"/ms/v1/tasks/{running[0]['task_id']}")
        submit(client, IMAGE_SLUG, {"prompt": "room again"})
        assert client.get("/_sim/stats").json() == {"tasks": 2}


def test_finished_tasks_expire_after_the_ttl() -> None:
    with running_simulator("--task-ttl", "1") as sim, sim.client() as client:
        done = run_image(client)
        task_dir = sim.data_dir / done["task_id"]
        assert task_dir.is_dir()
        deadline = time.monotonic() + 15
        while client.get(f"/ms/v1/tasks/{done['task_id']}").status_code != 404:
            assert time.monotonic() < deadline, "task was never evicted"
            time.sleep(0.1)
        assert not task_dir.exists()
        assert client.get("/_sim/stats").json() == {"tasks": 0}


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signal_stops_cleanly_and_removes_the_temp_data_dir(
    tmp_path: Path, signum: signal.Signals
) -> None:
    command = [sys.executable, "-m", "studio.sim", "--port", "0", "--fake-media"]
    environment = {**os.environ, "TMPDIR": str(tmp_path)}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, env=environment)
    try:
        base_url = read_listening_url(process)
        headers = {"Authorization": "Bearer sim-demo-key"}
        assert httpx.get(f"{base_url}/ms/v1/endpoints", headers=headers).status_code == 200
        assert list(tmp_path.glob("mountsea-sim-*"))
        process.send_signal(signum)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        assert process.stdout is not None
        process.stdout.close()
    assert not list(tmp_path.glob("mountsea-sim-*"))
