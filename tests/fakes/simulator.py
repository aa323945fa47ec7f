"""Runs the Mountsea simulator as a subprocess for tests (keeps servers out of the Qt process)."""

from __future__ import annotations

import contextlib
import os
import secrets
import select
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from collections.abc import Iterator

FAKE_MEDIA_ENV = "STUDIO_SIM_FAKE_MEDIA"
"""Set to 1 to run the simulator with ``--fake-media`` (placeholder files, no PyAV encoding)."""
STARTUP_TIMEOUT_SECONDS = 20.0
STOP_TIMEOUT_SECONDS = 5.0
LISTENING_PREFIX = "Listening on "

TERMINAL_STATUSES = {"succeeded", "failed", "timeout", "canceled"}
IMAGE_SLUG = "google/nano-banana/text-to-image"


@dataclass
class SimProcess:
    """A running simulator: its base URL, the key it accepts and the process behind it."""

    base_url: str
    api_key: str
    process: subprocess.Popen[bytes]
    data_dir: Path
    log_path: Path

    @property
    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"}

    def client(self, timeout: float = 30.0) -> httpx.Client:
        """A sync httpx client with the base URL and the Bearer key set."""
        return httpx.Client(base_url=self.base_url, headers=self.auth_headers, timeout=timeout)

    def log_text(self) -> str:
        """What the simulator wrote to stderr so far (for failure messages)."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> int:
        """SIGTERM, then SIGKILL after 5 s; returns the exit code."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        return self.process.returncode


def start_simulator(
    *extra_args: str, speed: float = 50.0, work_dir: Path, data_dir: Path | None = None
) -> SimProcess:
    """Start ``python -m studio.sim --port 0`` with a random key; stop it with ``.stop()``.

    Data goes to ``data_dir`` (default ``work_dir/sim-data``); give two runs the same one to
    test restarts.
    """
    api_key = f"test-{secrets.token_hex(8)}"
    work_dir.mkdir(parents=True, exist_ok=True)
    data_dir = data_dir or work_dir / "sim-data"
    log_path = work_dir / "sim-stderr.log"
    command = [
        sys.executable,
        *("-m", "studio.sim", "--port", "0", "--speed", str(speed)),
        *("--api-key", api_key, "--data-dir", str(data_dir), "--verbose"),
        *extra_args,
    ]
    if os.environ.get(FAKE_MEDIA_ENV) == "1":
        command.append("--fake-media")
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log_file)
    sim = SimProcess("", api_key, process, data_dir, log_path)
    try:
        sim.base_url = read_listening_url(process)
    except Exception:
        sim.stop()
        raise RuntimeError(f"simulator did not start:\n{sim.log_text()}") from None
    return sim


@contextlib.contextmanager
def running_simulator(*extra_args: str, speed: float = 50.0) -> Iterator[SimProcess]:
    """A simulator subprocess for the duration of the ``with`` block, data under a temp dir."""
    with tempfile.TemporaryDirectory(prefix="sim-test-") as work_dir:
        sim = start_simulator(*extra_args, speed=speed, work_dir=Path(work_dir))
        try:
            yield sim
        finally:
            sim.stop()


def read_listening_url(process: subprocess.Popen[bytes]) -> str:
    """The base URL from the simulator's first stdout line (waits up to 20 s)."""
    assert process.stdout is not None
    descriptor = process.stdout.fileno()
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    line = b""
    while not line.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("no 'Listening on' line in time")
        ready, _, _ = select.select([descriptor], [], [], remaining)
        if ready:
            chunk = os.read(descriptor, 256)
            if not chunk:
                raise RuntimeError(f"simulator exited with {process.wait()}")
            line += chunk
    text = line.decode().strip()
    if not text.startswith(LISTENING_PREFIX):
        raise RuntimeError(f"unexpected first line: {text!r}")
    return text.removeprefix(LISTENING_PREFIX)


# --- sync helpers for tests talking to a running simulator ---


def submit(client: httpx.Client, slug: str, inputs: dict[str, Any], **extra: Any) -> dict[str, Any]:
    response = client.post(f"/ms/v1/run/{slug}", json={"input": inputs, **extra})
    assert response.status_code == 200, response.text
    task: dict[str, Any] = response.json()
    return task


def wait_terminal(client: httpx.Client, task_id: str, timeout: float = 60.0) -> dict[str, Any]:
    """Poll until the task reaches a terminal status (a wait, not a timing assertion)."""
    deadline = time.monotonic() + timeout
    while True:
        response = client.get(f"/ms/v1/tasks/{task_id}")
        assert response.status_code == 200, response.text
        task: dict[str, Any] = response.json()
        if task["status"] in TERMINAL_STATUSES:
            return task
        if time.monotonic() > deadline:
            raise TimeoutError(f"task still {task['status']} after {timeout} s")
        time.sleep(0.05)


def run_image(client: httpx.Client, prompt: str = "a red fox in snow") -> dict[str, Any]:
    task = submit(client, IMAGE_SLUG, {"prompt": prompt})
    done = wait_terminal(client, task["task_id"])
    assert done["status"] == "succeeded", done
    return done


def assert_nest_error(response: httpx.Response, status: int) -> Any:
    """Asserts the NestJS error envelope and returns its ``message``."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"statusCode", "message", "error"}
    assert body["statusCode"] == status
    assert isinstance(body["error"], str)
    assert body["error"]
    return body["message"]
