"""Start and stop the local Mountsea simulator as a child process (demo mode)."""

from __future__ import annotations

import logging
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

log = logging.getLogger("studio.simulator")

# The simulator stands in for a remote server, but here it renders its images and videos on the
# user's own CPU: at normal priority it takes the cores from the window, whose event loop then
# waits ~100 ms for a core while tasks run. Niced, it gets what the window leaves: at 19, as the
# thumbnail process (at 10 it still took a core's worth beside the window's threads in a busy
# queue; the window never waits on it, it only answers HTTP, so no priority inversion).
NICENESS = 19

_LISTENING = re.compile(r"Listening on (http://\S+)")


class SimulatorStartError(RuntimeError):
    """The simulator did not come up; the message says why in plain words."""


@dataclass
class SimulatorProcess:
    """A running simulator: its URL, the key it accepts, and the process to stop."""

    base_url: str
    api_key: str
    process: subprocess.Popen[str]
    pumps: tuple[threading.Thread, ...] = ()

    def is_running(self) -> bool:
        return self.process.poll() is None

    def stop(self, timeout: float = 5.0) -> None:
        """Terminate, then kill if it lingers; close its pipes. Safe to call twice."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=timeout)
        for pump in self.pumps:  # they end at EOF, now that the child is gone
            pump.join(timeout)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
        log.info("simulator stopped (exit %s)", self.process.returncode)


def launch_simulator(
    *,
    speed: float = 1.0,
    data_dir: Path | None = None,
    extra_args: tuple[str, ...] = (),
) -> tuple[subprocess.Popen[str], str]:
    """Start `python -m studio.sim --port 0` and return at once with the process and its key.

    Call it on the thread that lives as long as the app (the GUI thread): on Linux the child is
    told to exit when that thread dies, so a crashed studio never leaves a simulator behind.
    """
    api_key = "sim-" + secrets.token_urlsafe(16)
    args = [sys.executable, "-m", "studio.sim", "--port", "0", "--api-key", api_key]
    args += ["--speed", str(speed)]
    if data_dir is not None:
        args += ["--data-dir", str(data_dir)]
    args += list(extra_args)
    process = subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        bufsize=1,
        preexec_fn=_child_setup(),  # noqa: PLW1509 - only nice and prctl syscalls, prepared before fork
        creationflags=_BELOW_NORMAL,
    )
    return process, api_key


def wait_until_listening(
    process: subprocess.Popen[str], api_key: str, timeout: float = 30.0
) -> SimulatorProcess:
    """Blocking (use a worker thread): read the 'Listening on' line or raise SimulatorStartError."""
    assert process.stdout is not None and process.stderr is not None
    first_line = _read_line_with_timeout(process.stdout, timeout)
    match = _LISTENING.search(first_line or "")
    if match is None:
        process.kill()
        _, err = process.communicate(timeout=5)
        process.stdout.close()
        process.stderr.close()
        tail = (err or "").strip().splitlines()[-3:]
        raise SimulatorStartError(
            "The demo simulator did not start. " + (" ".join(tail) or "It printed nothing.")
        )
    pumps = (
        _drain_in_background(process.stdout, logging.INFO),
        _drain_in_background(process.stderr, logging.DEBUG),
    )
    base_url = match.group(1).rstrip("/")
    log.info("simulator listening on %s (pid %s)", base_url, process.pid)
    return SimulatorProcess(base_url=base_url, api_key=api_key, process=process, pumps=pumps)


if sys.platform == "win32":
    _BELOW_NORMAL = subprocess.BELOW_NORMAL_PRIORITY_CLASS  # Windows' word for a niced child
else:
    _BELOW_NORMAL = 0


def _child_setup() -> Callable[[], None] | None:
    """A preexec function (POSIX) that lowers the child's priority by ``NICENESS`` (before
    exec, so every thread it starts inherits it) and, on Linux, asks for a SIGTERM when its
    parent thread ends."""
    if sys.platform == "win32":
        return None
    prctl = _linux_prctl()
    pr_set_pdeathsig = 1

    def preexec() -> None:
        os.nice(NICENESS)
        if prctl is not None:
            prctl(pr_set_pdeathsig, signal.SIGTERM)

    return preexec


def _linux_prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # here: only demo mode needs it, and it is not free to import

    try:
        prctl: Callable[..., int] = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    return prctl


def _read_line_with_timeout(stream: IO[str], timeout: float) -> str | None:
    result: list[str] = []
    reader = threading.Thread(target=lambda: result.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    return result[0] if result else None


def _drain_in_background(stream: IO[str], level: int) -> threading.Thread:
    """Keep the child's pipes empty so it never blocks on a full pipe; its lines go to our log."""

    def pump() -> None:
        for line in stream:
            log.log(level, "sim: %s", line.rstrip())

    thread = threading.Thread(target=pump, name="sim-log-pump", daemon=True)
    thread.start()
    return thread
