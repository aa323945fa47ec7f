"""Streams a media file to disk: `.part` file, length check, resume with Range, atomic rename.

With a DownloadLane (_lane) each fetch (its request, body and writes to the `.part`) is a
blocking call in a thread of its own, off the caller's loop, where a read may block at most the
stall window and the stall and overall deadlines are checked between reads. Without one (an
injected async client, as in tests) the fetch runs on the caller's loop under an asyncio timer.
The tries, waits and the final fsync and rename are driven from the caller's loop either way.

A server that stops sending, or trickles a few bytes at a time, must not hold a slot for ever: a
fetch that has not received PROGRESS_BYTES more within `stall_s` seconds is dropped and resumed.
Resumes are bounded: twice the retry policy's attempts count the tries that brought no progress (a
dropped connection that delivered half the file did), with twice as many tries in all, and the
whole download, resumes and waits included, gives up after `deadline_s`. Either way the
`.part` is kept for a later resume, and the error says what happened. Cancelling the coroutine
stops it at once (the `.part` stays).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import os
import re
import time
from typing import IO, TYPE_CHECKING, Final

import httpx

from studio.core import paths
from studio.core.api._errors import (
    DownloadError,
    DownloadTooLargeError,
    IncompleteDownloadError,
    MountseaError,
)
from studio.core.api._lane import Abort, Throttled
from studio.core.api._retry import may_retry_exception, may_retry_status
from studio.core.api._sender import network_error
from studio.core.units import human_size

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable, Iterator
    from pathlib import Path

    from studio.core.api._lane import DownloadLane
    from studio.core.api._sender import ApiSender

    ProgressCallback = Callable[[int, int | None], None]

_log = logging.getLogger("studio.api")
STALL_SECONDS = 60.0
DEADLINE_SECONDS = 3600.0
_CONNECT_SECONDS = 10.0  # as the app's clients (api._http)
PROGRESS_BYTES = 8 * 1024  # less than this in `stall_s` counts as no progress (a trickle)
# A body read up to a MiB at a time (_wide_reads) is written in pieces of this size: Linux copies
# a write into the page cache folio by folio, and 200 MiB in writes of 1 MiB took 146-218 ms of
# the kernel on ext4 here against 61-91 ms in writes of 32 KiB, whose time also varied the least
# (make bench, download; curl writes 16 KiB at a time).
WRITE_SLICE: Final = 32 * 1024
_CONTENT_RANGE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)")


class _RetryableStatusError(Exception):
    """The file server answered with a status worth asking again for (5xx, 429, 408)."""

    def __init__(self, status: int, retry_after: float | None) -> None:
        super().__init__(status)
        self.status = status
        self.retry_after = retry_after


class _Budget:
    """Tries of one download: those without progress are limited, and so are all of them."""

    def __init__(self, fruitless: int) -> None:
        self.fruitless_left = fruitless
        self.tries_left = 2 * fruitless
        self.tries = 0
        self.stalls = 0

    def spend(self, *, progressed: bool) -> bool:
        """Count one failed try; True when that was the last one allowed."""
        self.tries += 1
        self.tries_left -= 1
        if not progressed:
            self.fruitless_left -= 1
        return self.fruitless_left <= 0 or self.tries_left <= 0


class _StalledError(Exception):
    """No progress within the stall window."""


class _PartFile:
    """The `.part` file beside the destination; local-disk calls, each a few microseconds."""

    def __init__(self, dest: Path) -> None:
        self.dest = dest
        self.path = dest.with_name(dest.name + ".part")

    def size(self) -> int:
        return self.path.stat().st_size if self.path.exists() else 0

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)

    def open_at(self, start: int) -> IO[bytes]:
        return paths.open_private(self.path, "ab" if start else "wb")

    def commit(self) -> None:
        """fsync, then rename over the destination, then make the rename durable."""
        with self.path.open("rb+") as file:
            os.fsync(file.fileno())
        self.path.replace(self.dest)
        # Directories cannot be opened for fsync on Windows; the rename is still atomic there.
        with contextlib.suppress(OSError):
            fd = os.open(self.dest.parent, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


class _Download:
    """One download job: the retry loop around single resumable fetches, within deadlines."""

    def __init__(
        self,
        sender: ApiSender,
        url: httpx.URL,
        part: _PartFile,
        max_bytes: int,
        *,
        stall_s: float = STALL_SECONDS,
        deadline_s: float = DEADLINE_SECONDS,
        lane: DownloadLane | None = None,
    ) -> None:
        self.sender = sender
        self.url = url
        self.part = part
        self.max_bytes = max_bytes
        self.stall_s = stall_s
        self.deadline_s = deadline_s
        self.progress: ProgressCallback | None = None
        self.lane = lane
        # asyncio's clock is time.monotonic (qasync's too): the lane's threads share deadlines.
        self._gives_up_at = time.monotonic() + deadline_s
        self._timer: asyncio.Timeout | None = None
        self._checkpoint = 0
        self._total: int | None = None  # the file's size, once a response told it

    async def run(self) -> None:
        """Fetch, resuming until done; give up after twice the policy's `max_attempts` tries
        without progress (a try that brought PROGRESS_BYTES, or half of what was missing, is
        progress), twice as many tries in all, or the deadline."""
        # Twice the API's attempts: the file is paid for and asking again costs nothing, so a
        # download rides out a minute or two of trouble (backoff up to 20 s) before giving up.
        budget = _Budget(2 * max(self.sender.retry.max_attempts, 1))
        while True:
            before = self.part.size()
            retry_after: float | None = None
            failure: MountseaError | None = None
            try:
                if await self.fetch():
                    await asyncio.to_thread(self.part.commit)
                    return
                reason = "the body ended early"
            except DownloadTooLargeError:
                self.part.discard()
                raise
            except _StalledError:
                budget.stalls += 1
                reason = f"no progress for {self.stall_s:g} s"
            except _RetryableStatusError as status:
                reason, retry_after = f"HTTP {status.status}", status.retry_after
                failure = _status_error(status.status)
            except httpx.HTTPError as error:
                failure = network_error(error, self.url)
                failure.__cause__ = error
                if not may_retry_exception("GET", error):
                    raise failure from error
                reason = type(error).__name__
            if budget.spend(progressed=self._progressed(before)):
                raise failure or self._gave_up_error(budget.tries, budget.stalls)
            await self.wait(budget.tries, retry_after, reason)

    def _progressed(self, before: int) -> bool:
        grown = self.part.size() - before
        wanted = PROGRESS_BYTES
        if self._total is not None:
            wanted = min(wanted, max(1, (self._total - before) // 2))
        return grown >= wanted

    async def wait(self, attempt: int, retry_after: float | None, reason: str) -> None:
        """The retry policy's pause, cut short by the overall deadline."""
        remaining = self._gives_up_at - time.monotonic()
        if remaining <= 0:
            raise self._deadline_error()
        try:
            async with asyncio.timeout(remaining):
                await self.sender.wait(attempt, retry_after, f"download {self.url.path}: {reason}")
        except TimeoutError:
            raise self._deadline_error() from None

    async def fetch(self) -> bool:
        """One fetch within the deadlines, in a thread of the lane when there is one."""
        if self.lane is None:
            return await self.fetch_within_deadlines()
        return await self.lane.run(self.fetch_blocking)

    async def fetch_within_deadlines(self) -> bool:
        """fetch_once under a timer that each bit of progress pushes back (up to the deadline)."""
        self._checkpoint = self.part.size()
        timer = asyncio.timeout_at(self._next_stall())
        try:
            async with timer:
                self._timer = timer
                return await self.fetch_once()
        except TimeoutError:
            # Timers may fire a hair early: which one it was is told by when it was set for.
            if (timer.when() or 0.0) >= self._gives_up_at:
                raise self._deadline_error() from None
            raise _StalledError from None
        finally:
            self._timer = None

    def _next_stall(self) -> float:
        return min(time.monotonic() + self.stall_s, self._gives_up_at)

    def _made_progress(self, received: int) -> None:
        if received - self._checkpoint >= PROGRESS_BYTES and self._timer is not None:
            self._checkpoint = received
            self._timer.reschedule(self._next_stall())

    def _deadline_error(self) -> IncompleteDownloadError:
        return IncompleteDownloadError(
            f"The download of {self.part.dest.name} did not finish within "
            f"{_span(self.deadline_s)}; gave up. The part already received is kept "
            "and resumed next time."
        )

    def _gave_up_error(self, attempts: int, stalls: int) -> IncompleteDownloadError:
        if stalls:
            times = f"{stalls} time" + ("s" if stalls != 1 else "")
            what = f"stalled (no progress for {_span(self.stall_s)}) {times}"
        else:
            what = "kept stopping early"
        return IncompleteDownloadError(
            f"The download of {self.part.dest.name} {what} in {attempts} tries; gave up. "
            "The part already received is kept and resumed next time."
        )

    async def fetch_once(self) -> bool:
        """One request; True when the body is complete, False when it should be resumed."""
        offset = self.part.size()
        headers = self._headers(offset)
        async with self.sender.http.stream("GET", self.url, headers=headers) as response:
            if not response.is_success:
                await response.aread()
            start = self.start_offset(response, offset)
            if start is None:
                self.part.discard()
                return False
            total = self._expected_total(response, start)
            received = await self.write_body(response, start, total)
        return self._complete(received, total)

    def _headers(self, offset: int) -> dict[str, str]:
        # Identity encoding keeps byte counts equal to Content-Length and Range offsets.
        headers = {"Accept-Encoding": "identity", **self.sender.auth_headers(self.url)}
        if offset:
            headers["Range"] = f"bytes={offset}-"
        return headers

    def _expected_total(self, response: httpx.Response, start: int) -> int | None:
        """The file's size as this response tells it; refused when over the cap."""
        total = _expected_total(response, start)
        self._total = total if total is not None else self._total
        if total is not None and total > self.max_bytes:
            raise _too_large(self.max_bytes)
        return total

    def _complete(self, received: int, total: int | None) -> bool:
        if total is not None and received != total:
            _log.info("Download of %s stopped at %d of %d bytes", self.url.path, received, total)
            return False
        return True

    def start_offset(self, response: httpx.Response, offset: int) -> int | None:
        """Where this body starts in the file; None = discard the part and start over. An
        unsuccessful response's body must have been read."""
        status = response.status_code
        if status == 416 and offset:
            return None
        if not response.is_success:
            if may_retry_status("GET", status):
                raise _RetryableStatusError(status, self.sender.retry.retry_after(response.headers))
            raise _status_error(status)
        if status != 206:
            return 0  # a 200 answers a Range request with the whole file: restart from 0
        match = _CONTENT_RANGE.match(response.headers.get("content-range", ""))
        return offset if match and int(match[1]) == offset else None

    async def write_body(self, response: httpx.Response, start: int, total: int | None) -> int:
        received = start
        with self.part.open_at(start) as file:
            async for chunk in _raw_chunks(response):
                received += len(chunk)
                if received > self.max_bytes:
                    raise _too_large(self.max_bytes)
                write_in_slices(file, chunk)
                self._made_progress(received)
                if self.progress is not None:
                    self.progress(received, total)
        return received

    def fetch_blocking(self, abort: Abort) -> bool:
        """fetch_once in a lane's thread: each read blocks at most the stall window (or what is
        left of the deadline), and both are checked between reads; `abort` stops it."""
        assert self.lane is not None
        offset = self.part.size()
        remaining = self._gives_up_at - time.monotonic()
        if remaining <= 0:
            raise self._deadline_error()
        read_s = min(self.stall_s, remaining)
        timeout = httpx.Timeout(read_s, connect=min(read_s, _CONNECT_SECONDS))
        http = self.lane.http
        try:
            with http.stream("GET", self.url, headers=self._headers(offset), timeout=timeout) as r:
                abort.watch(r)
                if not r.is_success:
                    r.read()
                start = self.start_offset(r, offset)
                if start is None:
                    with abort.lock:
                        abort.check()
                        self.part.discard()
                    return False
                total = self._expected_total(r, start)
                received = self.write_body_blocking(r, start, total, abort)
        except httpx.ReadTimeout:
            abort.check()
            if read_s < self.stall_s:  # the deadline bounded the read
                raise self._deadline_error() from None
            raise _StalledError from None
        return self._complete(received, total)

    def write_body_blocking(
        self, response: httpx.Response, start: int, total: int | None, abort: Abort
    ) -> int:
        received = checkpoint = start
        stall_at = self._next_stall()
        with abort.lock:
            abort.check()
            file = self.part.open_at(start)
        with file:
            behind = paths.WriteBehind(file.fileno(), start)
            for chunk in _raw_chunks_blocking(response):
                received += len(chunk)
                if received > self.max_bytes:
                    raise _too_large(self.max_bytes)
                with abort.lock:  # once the caller has set it, the file is left as it is
                    abort.check()
                    write_in_slices(file, chunk)
                    file.flush()
                behind.wrote(received)
                if received - checkpoint >= PROGRESS_BYTES:
                    checkpoint, stall_at = received, self._next_stall()
                now = time.monotonic()
                if now >= self._gives_up_at:
                    raise self._deadline_error()
                if now >= stall_at:
                    raise _StalledError
                if self.progress is not None:
                    self.progress(received, total)
        return received


def write_in_slices(file: IO[bytes], chunk: bytes) -> None:
    """Write chunk WRITE_SLICE bytes at a time (no copies: slices of one view)."""
    view = memoryview(chunk)
    for start in range(0, len(view), WRITE_SLICE):
        file.write(view[start : start + WRITE_SLICE])


async def download_file(
    sender: ApiSender,
    url: str,
    dest: Path,
    *,
    max_bytes: int,
    progress: ProgressCallback | None = None,
    stall_s: float = STALL_SECONDS,
    deadline_s: float = DEADLINE_SECONDS,
    lane: DownloadLane | None = None,
) -> Path:
    """Download `url` to `dest` (see MountseaClient.download); returns `dest`. With a `lane`
    the bytes go through its thread and `progress` is told on this loop, every MiB or so."""
    parsed = httpx.URL(url)
    if not parsed.is_absolute_url:
        parsed = httpx.URL(sender.base_url + "/").join(url)
    await asyncio.to_thread(dest.parent.mkdir, parents=True, exist_ok=True)
    job = _Download(
        sender,
        parsed,
        _PartFile(dest),
        max_bytes,
        stall_s=stall_s,
        deadline_s=deadline_s,
        lane=lane,
    )
    job.progress = progress if lane is None or progress is None else Throttled(progress)
    await job.run()
    return dest


async def _raw_chunks(response: httpx.Response) -> AsyncIterator[bytes]:
    """The undecoded body; a transport that pre-read it (e.g. MockTransport) gives it whole."""
    if response.is_stream_consumed:
        yield response.content
        return
    async for chunk in response.aiter_raw():
        yield chunk


def _raw_chunks_blocking(response: httpx.Response) -> Iterator[bytes]:
    """_raw_chunks for a blocking client."""
    if response.is_stream_consumed:
        yield response.content
        return
    yield from response.iter_raw()


def _expected_total(response: httpx.Response, start: int) -> int | None:
    match = _CONTENT_RANGE.match(response.headers.get("content-range", ""))
    if response.status_code == 206 and match and match[3] != "*":
        return int(match[3])
    length = response.headers.get("content-length")
    return start + int(length) if length and length.isdigit() else None


def _span(seconds: float) -> str:
    return f"{math.ceil(seconds)} s" if seconds < 120 else f"{math.ceil(seconds / 60)} min"


def _too_large(max_bytes: int) -> DownloadTooLargeError:
    limit = human_size(max_bytes)
    return DownloadTooLargeError(f"The file is larger than the {limit} allowed; it was not saved.")


def _status_error(status: int) -> DownloadError:
    return DownloadError(
        f"The file could not be downloaded: the server answered {status}.", status=status
    )
