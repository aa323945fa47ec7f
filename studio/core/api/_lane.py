"""Download bodies read and written in worker threads, with a blocking httpx client of their own.

On the app's qasync loop every 64 KiB read of a body was a round through Qt's timer scheduling
(a 200 MiB file: 8,036 callbacks, 804 socket notifier re-registrations) and every write hit the
disk from the GUI thread: a quarter of curl's speed, and the window busy all along. An asyncio
loop in a thread of its own still went at half of curl's speed (anyio and httpcore's async
layers cost more than the bytes). So each fetch runs in a thread of its own on a blocking
``httpx.Client`` configured like the app's (redirects followed, the key kept home): the bytes go
from the socket to the file through plain ``recv`` and ``write`` calls, a MiB at a time
(_wide_reads), and the file is written out to disk as it grows (``paths.WriteBehind``). The
caller's loop only hears of progress now and then (Throttled), and of the end.

Cancelling the caller sets the fetch's Abort: no write to the `.part` follows once that returns,
and the socket in flight is shut so a blocked read returns at once. The thread is a daemon and is
not waited for: one still connecting or waiting for headers ends with its timeouts, harmlessly.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import socket
import threading
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable

    import httpx

log = logging.getLogger("studio.api")
T = TypeVar("T")


class AbortedError(Exception):
    """The fetch was given up by its caller (the download coroutine was cancelled)."""


class Abort:
    """Told from the caller's loop, heeded by the fetch's thread (see the module docstring)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()  # held around every change to the `.part` file
        self._set = False
        self._socket: socket.socket | None = None

    @property
    def is_set(self) -> bool:
        return self._set

    def check(self) -> None:
        """Raise AbortedError when set; call with ``lock`` held before touching the file."""
        if self._set:
            raise AbortedError

    def watch(self, response: httpx.Response) -> None:
        """The response whose socket ``set`` shuts (a blocked read then returns at once)."""
        stream = response.extensions.get("network_stream")
        sock = stream.get_extra_info("socket") if stream is not None else None
        with self.lock:
            self._socket = sock if isinstance(sock, socket.socket) else None
            if self._set:
                _shut(self._socket)
        self.check()

    def set(self) -> None:
        """From now on the fetch writes nothing more; returns once a write under way is done."""
        with self.lock:
            self._set = True
            _shut(self._socket)


def _shut(sock: socket.socket | None) -> None:
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


class DownloadLane:
    """Runs blocking fetches in threads, sharing one blocking client; close with ``aclose``."""

    def __init__(self, make_http: Callable[[], httpx.Client]) -> None:
        """The client is made on first use, in a fetch's thread (its TLS set-up takes a while)."""
        self._make_http = make_http
        self._http: httpx.Client | None = None
        self._made = threading.Lock()
        self._closed = False

    @property
    def http(self) -> httpx.Client:
        """The lane's client, made on first use: for the fetches' threads."""
        with self._made:
            if self._closed:
                raise AbortedError
            if self._http is None:
                self._http = self._make_http()
            return self._http

    async def run(self, fetch: Callable[[Abort], T]) -> T:
        """``fetch(abort)`` run in a thread of its own; its result or its exception here.
        Cancelling the caller sets the Abort (see the module docstring) and does not wait."""
        abort = Abort()
        outcome: concurrent.futures.Future[T] = concurrent.futures.Future()
        thread = threading.Thread(
            target=_run_into, args=(fetch, abort, outcome), name="download", daemon=True
        )
        thread.start()
        try:
            return await asyncio.wrap_future(outcome)
        except asyncio.CancelledError:
            abort.set()
            raise

    async def aclose(self) -> None:
        """Close the client (fetches still running fail; their callers have gone)."""
        with self._made:
            self._closed = True
            http, self._http = self._http, None
        if http is not None:
            await asyncio.to_thread(http.close)


def _run_into(
    fetch: Callable[[Abort], T], abort: Abort, outcome: concurrent.futures.Future[T]
) -> None:
    if not outcome.set_running_or_notify_cancel():
        return  # cancelled before it began
    try:
        result = fetch(abort)
    except BaseException as error:  # handed to the caller's loop as it is
        outcome.set_exception(error)
    else:
        outcome.set_result(result)


class Throttled:
    """A progress callback of the caller's loop, told from a fetch's thread: at most once per
    ``step`` bytes, and always at the first bytes and at the end (``received == total``)."""

    def __init__(
        self, progress: Callable[[int, int | None], None], step: int = 1024 * 1024
    ) -> None:
        self._progress = progress
        self._loop = asyncio.get_running_loop()
        self._step = step
        self._told: int | None = None

    def __call__(self, received: int, total: int | None) -> None:
        told = self._told
        if told is not None and received - told < self._step and received != total:
            return
        self._told = received
        try:
            self._loop.call_soon_threadsafe(self._progress, received, total)
        except RuntimeError:  # the caller's loop is closed: nobody listens any more
            log.debug("download progress after its loop closed")
