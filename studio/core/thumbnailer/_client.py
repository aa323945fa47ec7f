"""The studio's side of its thumbnail processes: started when first needed, one request at a
time each, answers read by one thread per process and handed to the asking event loop.

Why a process and not a worker thread: decoding in a thread of the studio shares the
interpreter with the GUI thread. Pillow's and PyAV's Python code, their imports (hundreds of
milliseconds holding the interpreter while their libraries load) and numpy's waveforms then
kept the GUI thread waiting for its turn: a paint that needs ~5 ms took 30 to 700 ms while
thumbnails were made (make bench, gallery). In a process of its own, a decoder runs on the
other core without taking anything from the window; the window only copies the pixels in. A
decoder that crashes on a damaged file, or hangs on one, ends that process, not the studio.

The same processes finish downloaded files (``finish_file``): hashing, probing and embedding
metadata in a worker thread took ~20 ms of the interpreter per output, and the first video's
PyAV import held it for ~200 ms, each a stall of the window while a busy queue finished tasks.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import os
import subprocess
import sys
import threading
from typing import IO, TYPE_CHECKING, Any, Final

from studio.core import paths
from studio.core.media import DecodedImage, FileFacts, ThumbnailError, finish_file
from studio.core.thumbnailer import _protocol as protocol

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from pathlib import Path

    from studio.core.thumbnailer._protocol import ThumbnailRequest

log = logging.getLogger("studio.thumbnailer")

# A thumbnail takes milliseconds; one that takes this long is stuck in its decoder.
RENDER_TIMEOUT_S: Final = 60.0
# Finishing hashes the whole file (a few GB a minute) and may rewrite an image.
FINISH_TIMEOUT_S: Final = 600.0
# Below the window in the scheduler's eyes: on two cores it must not take the GUI thread's.
NICENESS: Final = 19
_STOPPED: Final = "the thumbnail process stopped"


def default_processes() -> int:
    """Thumbnail processes: one core is left to the GUI thread, two processes at most."""
    return max(1, min(2, (os.cpu_count() or 2) - 1))


def child_command() -> list[str]:
    """How to start a thumbnail process: this Python (or this frozen bundle, which answers
    ``-m studio.core.thumbnailer`` the same way), told who its parent is."""
    return [sys.executable, "-m", "studio.core.thumbnailer", str(os.getpid())]


class _Child:
    """One thumbnail process and the thread reading its answers."""

    def __init__(self, command: Sequence[str]) -> None:
        self.process = subprocess.Popen(
            list(command), stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        _lower_priority(self.process.pid)
        self._lock = threading.Lock()
        self._waiting: dict[int, asyncio.Future[Any]] = {}
        self.alive = True
        self._reader = threading.Thread(
            target=self._read_answers, name="thumbnailer-answers", daemon=True
        )
        self._reader.start()

    def load(self) -> int:
        """Requests sent and not answered yet."""
        with self._lock:
            return len(self._waiting)

    def send(self, number: int, line: bytes, future: asyncio.Future[Any]) -> None:
        with self._lock:
            if not self.alive:
                raise ThumbnailError(_STOPPED)
            self._waiting[number] = future
        stdin = self.process.stdin
        try:
            assert stdin is not None
            stdin.write(line)
            stdin.flush()
        except (OSError, ValueError):  # the process is gone (a broken pipe), or being closed
            self.forget(number)
            self.kill()
            raise ThumbnailError(_STOPPED) from None

    def forget(self, number: int) -> None:
        """No one waits for this answer any more (answered, cancelled or timed out)."""
        with self._lock:
            self._waiting.pop(number, None)

    def kill(self) -> None:
        """Its reader then sees the end of the answers and fails whatever was waiting."""
        with contextlib.suppress(OSError):
            self.process.kill()

    def close(self, timeout: float = 2.0) -> None:
        """End of requests: the process exits; killed if it lingers."""
        with contextlib.suppress(OSError, ValueError):
            if self.process.stdin is not None:
                self.process.stdin.close()
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
        self._reader.join(timeout)

    def _read_answers(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        try:
            self._read_until_end(stream)
        except (ValueError, KeyError, TypeError, OSError) as error:
            log.warning("thumbnail process answered garbage (%s); it is stopped", error)
            self.kill()
        finally:
            self._ended()

    def _read_until_end(self, stream: IO[bytes]) -> None:
        while line := stream.readline():
            fields, length = protocol.answer_header(line)
            pixels = stream.read(length) if length else b""
            if len(pixels) != length:
                return  # cut short: the process died while answering
            answer = protocol.answer_of(fields, pixels)
            with self._lock:
                future = self._waiting.pop(answer.number, None)
            if future is not None:
                _settle(future, answer)

    def _ended(self) -> None:
        with self._lock:
            self.alive = False
            waiting, self._waiting = self._waiting, {}
        for future in waiting.values():
            _settle(future, protocol.Answer(0, error=ThumbnailError(_STOPPED)))
        with contextlib.suppress(subprocess.TimeoutExpired):
            code = self.process.wait(5)
            if code != 0:
                log.warning("thumbnail process %s ended with %s", self.process.pid, code)
        for stream in (self.process.stdin, self.process.stdout):
            with contextlib.suppress(OSError, ValueError):
                if stream is not None:
                    stream.close()


class Thumbnailer:
    """Makes thumbnails in child processes (``python -m studio.core.thumbnailer``).

    ``await render(request)`` returns the thumbnail's pixels (scaled to ``request.fit`` when
    given) or raises ThumbnailError (the file is not a picture, is damaged or too large; the
    process stopped or took longer than ``timeout_s``) or OSError (the file cannot be read).
    Processes start on the first request, up to ``processes``; one that dies is replaced on
    the next request. Call from one event loop's thread at a time.
    """

    def __init__(
        self,
        processes: int | None = None,
        *,
        timeout_s: float = RENDER_TIMEOUT_S,
        command: Sequence[str] | None = None,
    ) -> None:
        self.processes = processes if processes is not None else default_processes()
        self._timeout_s = timeout_s
        self._command = list(command) if command is not None else None
        self._children: list[_Child] = []
        self._numbers = itertools.count(1)
        self._closed = False
        self.started = 0  # processes started so far

    async def render(self, request: ThumbnailRequest) -> DecodedImage:
        number = next(self._numbers)
        line = protocol.request_line(number, request, paths.thumbnails_dir())
        image: DecodedImage = await self._ask(number, line, self._timeout_s, request.path)
        return image

    async def finish_file(
        self, path: Path, request: Mapping[str, Any], facts: Mapping[str, Any] | None = None
    ) -> FileFacts:
        """media.finish_file done in a thumbnail process (a session FileFinisher). Done in a
        thread of this process instead when no process can: none starts, it stopped or took
        too long (a crash on a damaged file, a hang), or it failed on something other than
        the disk (which is then raised as it would be here). An OSError is raised as is."""
        number = next(self._numbers)
        finish = protocol.FinishRequest(path, dict(request), None if facts is None else dict(facts))
        try:
            done: FileFacts = await self._ask(
                number, protocol.finish_line(number, finish), FINISH_TIMEOUT_S, path
            )
        except ThumbnailError as error:
            log.warning("finishing %s here instead (%s)", path.name, error)
            return await asyncio.to_thread(finish_file, path, request, facts)
        return done

    async def _ask(self, number: int, line: bytes, timeout_s: float, path: Path) -> Any:
        """Send a request line to the least busy process and await its answer."""
        if self._closed:
            raise ThumbnailError("the thumbnailer is closed")
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        child = self._child()
        try:
            child.send(number, line, future)
        except ThumbnailError:  # it had just died (its reader had not noticed yet): a new one
            child = self._child()
            child.send(number, line, future)
        try:
            return await asyncio.wait_for(future, timeout_s)
        except TimeoutError:
            log.warning("%s took over %g s: process stopped", path.name, timeout_s)
            child.kill()
            raise ThumbnailError(f"{path.name} took too long to decode") from None
        finally:
            child.forget(number)

    def pids(self) -> list[int]:
        """The processes running now."""
        return [child.process.pid for child in self._children if child.alive]

    def close(self) -> None:
        """Stop every process; a later render raises ThumbnailError."""
        self._closed = True
        children, self._children = self._children, []
        for child in children:
            child.close()

    def _child(self) -> _Child:
        """The least busy live process, or a new one while fewer than ``processes`` run."""
        self._children = [child for child in self._children if child.alive]
        idle = min(self._children, key=_Child.load, default=None)
        if idle is not None and (idle.load() == 0 or len(self._children) >= self.processes):
            return idle
        try:
            child = _Child(self._command or child_command())
        except OSError as error:
            raise ThumbnailError(f"cannot start the thumbnail process: {error}") from error
        self.started += 1
        log.info("thumbnail process %s started", child.process.pid)
        self._children.append(child)
        return child


def _settle(future: asyncio.Future[Any], answer: protocol.Answer) -> None:
    """From the reader thread: give the answer to the loop that waits for it."""
    with contextlib.suppress(RuntimeError):  # that loop is closed: no one waits any more
        future.get_loop().call_soon_threadsafe(_set, future, answer)


def _set(future: asyncio.Future[Any], answer: protocol.Answer) -> None:
    if future.done():  # cancelled or timed out meanwhile
        return
    if answer.image is not None:
        future.set_result(answer.image)
    elif answer.facts is not None:
        future.set_result(answer.facts)
    else:
        future.set_exception(answer.error or ThumbnailError(_STOPPED))


def _lower_priority(pid: int) -> None:
    """Niced after the start (its threads, started later, inherit it): no pre-exec function,
    so the child is spawned without copying the studio's memory map."""
    if hasattr(os, "setpriority"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, pid, NICENESS)


_shared: Thumbnailer | None = None


def shared_thumbnailer() -> Thumbnailer:
    """The studio's one Thumbnailer (every view's thumbnails come from the same processes);
    stopped when the studio exits."""
    global _shared  # noqa: PLW0603 - one set of processes for the whole app
    if _shared is None:
        import atexit

        _shared = Thumbnailer()
        atexit.register(_shared.close)
    return _shared
