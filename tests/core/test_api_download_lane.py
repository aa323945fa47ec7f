"""download() through the lane's threads (api._lane), against a real HTTP server on loopback.

The same promises as test_api_download (which runs on an injected async client): Range resume,
stalls and trickles given up, the deadline, cancelling at once, where the key goes, progress told
on the caller's loop. Here a blocking client in a worker thread does the reading and writing.
"""

from __future__ import annotations

import asyncio
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, ClassVar

import pytest
from typing_extensions import override

from studio.core.api import DownloadError, IncompleteDownloadError, MountseaClient
from tests.conftest import wait_until
from tests.fakes.transport import TEST_API_KEY, instant_retry

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

DATA = bytes(range(256)) * 4096  # 1 MiB
HUGE = 10**9


class _Handler(BaseHTTPRequestHandler):
    """GET /<how>/<name>: `whole`, `half` (half of what is asked, then the connection closes),
    `stall` (100 bytes of a huge file, then nothing), `trickle` (a byte every 2 ms), `gone`
    (404), `busy` (503 on every other request), `moved` (302 to the other host's `whole`)."""

    protocol_version = "HTTP/1.1"
    done: ClassVar[threading.Event]
    seen: ClassVar[list[tuple[str, str | None, str | None]]]  # path, Range, Authorization
    other_origin: ClassVar[str]

    @override
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.seen.append((self.path, self.headers["Range"], self.headers["Authorization"]))
        how = self.path.split("/")[1]
        start = int((self.headers["Range"] or "bytes=0-")[6:-1] or 0)
        if how in ("stall", "trickle"):
            self._slow(start, trickle=how == "trickle")
        elif how == "gone" or (how == "busy" and len(self.seen) % 2):
            self._status(404 if how == "gone" else 503)
        elif how == "moved":
            self.send_response(302)
            self.send_header("Location", f"{self.other_origin}/whole/v.bin")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            rest = DATA[start:]
            self._head(start, len(DATA))
            self.wfile.write(rest[: len(rest) // 2 + 1] if how == "half" else rest)
            self.close_connection = how == "half"

    def _head(self, start: int, size: int) -> None:
        self.send_response(206 if start else 200)
        self.send_header("Content-Length", str(size - start))
        if start:
            self.send_header("Content-Range", f"bytes {start}-{size - 1}/{size}")
        self.end_headers()

    def _status(self, status: int) -> None:
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _slow(self, start: int, *, trickle: bool) -> None:
        self._head(start, HUGE)
        self.wfile.write(b"x" * (1 if trickle else 100))
        self.wfile.flush()
        while not self.done.wait(0.002 if trickle else 0.05):
            if trickle:
                self.wfile.write(b"t")
                self.wfile.flush()
        self.close_connection = True


class _Server:
    def __init__(self) -> None:
        self.done = threading.Event()
        self.seen: list[tuple[str, str | None, str | None]] = []

        class Handler(_Handler):  # this server's own record
            pass

        Handler.done, Handler.seen = self.done, self.seen
        self.handler = Handler
        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.http.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}"
        threading.Thread(target=self.http.serve_forever, args=(0.02,), daemon=True).start()


@pytest.fixture
def server() -> Iterator[_Server]:
    served = _Server()
    yield served
    served.done.set()
    served.http.shutdown()
    served.http.server_close()


def _client(
    server: _Server, *, stall_s: float = 60.0, deadline_s: float = 3600.0
) -> MountseaClient:
    """No `http` given: downloads go through the client's own lane (threaded by default)."""
    return MountseaClient(
        server.url,
        TEST_API_KEY,
        retry=instant_retry(),
        download_stall_s=stall_s,
        download_deadline_s=deadline_s,
    )


@pytest.mark.asyncio
async def test_the_body_is_written_in_a_thread_and_progress_told_on_the_loop(
    server: _Server, tmp_path: Path
) -> None:
    dest = tmp_path / "nested" / "v.bin"
    progress: list[tuple[int, int | None, int]] = []
    async with _client(server) as api:
        await api.download(
            f"{server.url}/whole/v.bin",
            dest,
            progress=lambda n, t: progress.append((n, t, threading.get_ident())),
        )
    assert dest.read_bytes() == DATA
    assert not (dest.parent / "v.bin.part").exists()
    assert progress[-1][:2] == (len(DATA), len(DATA))
    assert {ident for *_, ident in progress} == {threading.get_ident()}
    assert [n for n, *_ in progress] == sorted(n for n, *_ in progress)
    assert server.seen == [("/whole/v.bin", None, f"Bearer {TEST_API_KEY}")]


@pytest.mark.asyncio
async def test_a_body_cut_short_is_resumed_with_range(server: _Server, tmp_path: Path) -> None:
    dest = tmp_path / "v.bin"
    async with _client(server) as api:
        await api.download(f"{server.url}/half/v.bin", dest)
    assert dest.read_bytes() == DATA
    ranges = [r for _, r, _ in server.seen]
    assert ranges[0] is None
    assert len(ranges) > 5  # more breaks than the API's 5 attempts: each brought half the rest
    assert all(r is not None and r.startswith("bytes=") for r in ranges[1:])


@pytest.mark.asyncio
async def test_a_server_that_stops_sending_is_resumed_then_given_up(
    server: _Server, tmp_path: Path
) -> None:
    dest = tmp_path / "v.bin"
    async with _client(server, stall_s=0.05) as api:
        with pytest.raises(IncompleteDownloadError, match=r"stalled .* 10 times in 10 tries"):
            await api.download(f"{server.url}/stall/v.bin", dest)
    ranges = [r for _, r, _ in server.seen]
    assert ranges == [None, *(f"bytes={100 * n}-" for n in range(1, 10))]
    assert (tmp_path / "v.bin.part").stat().st_size == 1000  # kept for a later resume
    assert not dest.exists()


@pytest.mark.asyncio
async def test_a_trickle_counts_as_no_progress(server: _Server, tmp_path: Path) -> None:
    async with _client(server, stall_s=0.05) as api:
        with pytest.raises(IncompleteDownloadError, match="stalled"):
            await api.download(f"{server.url}/trickle/v.bin", tmp_path / "v.bin")
    assert len(server.seen) == 10


@pytest.mark.asyncio
async def test_the_overall_deadline_ends_a_stalled_read(server: _Server, tmp_path: Path) -> None:
    async with _client(server, stall_s=30.0, deadline_s=0.2) as api:
        with pytest.raises(IncompleteDownloadError, match="did not finish within 1 s"):
            await api.download(f"{server.url}/stall/v.bin", tmp_path / "v.bin")
    assert len(server.seen) == 1


@pytest.mark.asyncio
async def test_cancelling_stops_at_once_and_leaves_the_part(
    server: _Server, tmp_path: Path
) -> None:
    part = tmp_path / "v.bin.part"
    async with _client(server) as api:  # a stall of a minute: only the cancel ends it
        download = asyncio.ensure_future(
            api.download(f"{server.url}/trickle/v.bin", part.with_suffix(""))
        )
        await wait_until(lambda: part.exists() and part.stat().st_size > 10)
        download.cancel()
        with pytest.raises(asyncio.CancelledError):
            await download
        size = part.stat().st_size
        await asyncio.sleep(0.05)  # the trickle goes on: nothing more is written
        assert part.stat().st_size == size
    assert len(server.seen) == 1


@pytest.mark.asyncio
async def test_errors_and_retries(server: _Server, tmp_path: Path) -> None:
    async with _client(server) as api:
        await api.download(f"{server.url}/busy/v.bin", tmp_path / "ok.bin")
        with pytest.raises(DownloadError) as caught:
            await api.download(f"{server.url}/gone/v.bin", tmp_path / "gone.bin")
    assert (tmp_path / "ok.bin").read_bytes() == DATA
    assert caught.value.status == 404
    assert [path for path, *_ in server.seen] == ["/busy/v.bin"] * 2 + ["/gone/v.bin"]


@pytest.mark.asyncio
async def test_the_key_stays_home_across_a_redirect(server: _Server, tmp_path: Path) -> None:
    other = _Server()  # another origin: the same loopback, another port
    server.handler.other_origin = other.url
    try:
        async with _client(server) as api:
            await api.download(f"{server.url}/moved/v.bin", tmp_path / "v.bin")
    finally:
        other.done.set()
        other.http.shutdown()
        other.http.server_close()
    assert (tmp_path / "v.bin").read_bytes() == DATA
    assert server.seen == [("/moved/v.bin", None, f"Bearer {TEST_API_KEY}")]
    assert other.seen == [("/whole/v.bin", None, None)]
