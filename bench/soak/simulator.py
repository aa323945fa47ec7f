"""The simulator as a child process for the soak: its address, key, data folder and faults."""

from __future__ import annotations

import json
import os
import secrets
import select
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from pathlib import Path

LISTENING = "Listening on "


@dataclass
class Simulator:
    base_url: str
    api_key: str
    data_dir: Path
    process: subprocess.Popen[bytes]

    def admin(self) -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.api_key}"}
        return httpx.Client(base_url=self.base_url, headers=headers, timeout=30.0)

    def set_faults(self, profile: str) -> None:
        with self.admin() as client:
            client.post("/_sim/faults", json={"profile": profile}).raise_for_status()

    def tasks(self) -> dict[str, dict[str, Any]]:
        """Every task the simulator made: id -> its input.json (prompt, endpoint)."""
        found: dict[str, dict[str, Any]] = {}
        for folder in sorted(self.data_dir.iterdir()):
            stored = folder / "input.json"
            if folder.is_dir() and stored.is_file():
                found[folder.name] = json.loads(stored.read_text(encoding="utf-8"))
        return found

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


def start_simulator(
    work: Path, *, speed: float, faults: str = "none", real_media: bool = False
) -> Simulator:
    """``python -m studio.sim`` on a free port with its data kept under ``work``."""
    api_key = f"soak-{secrets.token_hex(8)}"
    data_dir = work / "sim-data"
    data_dir.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable,
        *("-m", "studio.sim", "--port", "0", "--speed", str(speed), "--api-key", api_key),
        *("--data-dir", str(data_dir), "--faults", faults),
        *("--max-tasks", "100000", "--task-ttl", "86400"),
    ]
    if not real_media:
        command.append("--fake-media")
    with (work / "sim-stderr.log").open("ab") as log:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, env=os.environ)
    simulator = Simulator("", api_key, data_dir, process)
    try:
        simulator.base_url = _listening_url(process)
    except Exception:
        simulator.stop()
        raise
    return simulator


def _listening_url(process: subprocess.Popen[bytes], timeout: float = 30.0) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    line = b""
    while not line.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        ready, _, _ = select.select([process.stdout], [], [], max(remaining, 0.0))
        if not ready:
            raise TimeoutError("the simulator did not say where it listens")
        chunk = os.read(process.stdout.fileno(), 256)
        if not chunk:
            raise RuntimeError(f"the simulator exited with {process.wait()}")
        line += chunk
    text = line.decode().strip()
    if not text.startswith(LISTENING):
        raise RuntimeError(f"unexpected first line from the simulator: {text!r}")
    return text.removeprefix(LISTENING)
