"""The download lane's wide reads (api._wide_reads): a read takes what the socket has ready.

Against real sockets on loopback: the peer writes several pieces before the stream is read, and
one read returns them all, beyond the 64 KiB httpcore asks for; a read still returns as soon as
the first bytes come; a peer that closes ends the stream. And the lane's client reads a body a
MiB at a time.
"""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

import httpcore
from typing_extensions import override

from studio.core.api._http import blocking_http_client
from studio.core.api._wide_reads import WIDE_READ, WideReadBackend, WideReadStream

if TYPE_CHECKING:
    import ssl
    from collections.abc import Iterator

HTTPCORE_READ = 64 * 1024
BODY = bytes(range(256)) * (12 * 1024)  # 3 MiB


def _listening() -> tuple[socket.socket, int]:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    return server, server.getsockname()[1]


def _connected() -> tuple[httpcore.NetworkStream, socket.socket]:
    server, port = _listening()
    with server:
        stream = WideReadBackend().connect_tcp("127.0.0.1", port, timeout=5)
        peer, _ = server.accept()
    return stream, peer


def _wait_ready(stream: httpcore.NetworkStream, size: int) -> None:
    sock = stream.get_extra_info("socket")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        sock.setblocking(False)
        try:
            if len(sock.recv(size, socket.MSG_PEEK)) >= size:
                return
        except BlockingIOError:
            pass
        finally:
            sock.setblocking(True)
        time.sleep(0.005)
    raise AssertionError("the peer's bytes did not arrive")


def test_the_backend_makes_wide_streams() -> None:
    stream, peer = _connected()
    with peer:
        assert isinstance(stream, WideReadStream)
        assert isinstance(stream.get_extra_info("socket"), socket.socket)
        stream.close()


def test_one_read_takes_every_piece_already_there() -> None:
    stream, peer = _connected()
    pieces = [bytes([n]) * 20_000 for n in range(5)]
    with peer:
        for piece in pieces:
            peer.sendall(piece)
        _wait_ready(stream, 100_000)
        got = stream.read(HTTPCORE_READ, timeout=5)
        stream.close()
    assert got == b"".join(pieces)


class _Records(httpcore.NetworkStream):
    """A socket read 16 KiB at most per call, as a TLS socket gives one record per read."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.reads = 0

    @override
    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        self.reads += 1
        return self.sock.recv(min(max_bytes, 16 * 1024))

    @override
    def get_extra_info(self, info: str) -> Any:
        return self.sock if info == "socket" else None


def test_small_reads_of_what_is_ready_are_joined_into_one() -> None:
    server, port = _listening()
    with server, socket.create_connection(("127.0.0.1", port)) as mine:
        peer, _ = server.accept()
        with peer:
            peer.sendall(b"r" * 100_000)
            inner = _Records(mine)
            stream = WideReadStream(inner)
            _wait_ready(stream, 100_000)
            got = stream.read(HTTPCORE_READ, timeout=5)
    assert got == b"r" * 100_000
    assert inner.reads == 7


def test_a_read_takes_no_more_than_its_width() -> None:
    stream, peer = _connected()
    sent = b"w" * (WIDE_READ + 300_000)
    sender = threading.Thread(target=peer.sendall, args=(sent,))
    sender.start()
    received = b""
    with peer:
        first = stream.read(HTTPCORE_READ, timeout=5)
        assert len(first) <= WIDE_READ
        received = first
        while len(received) < len(sent):
            received += stream.read(HTTPCORE_READ, timeout=5)
        sender.join()
        stream.close()
    assert received == sent


def test_a_read_returns_when_the_first_bytes_come() -> None:
    stream, peer = _connected()
    with peer:
        timer = threading.Timer(0.05, peer.sendall, args=(b"first",))
        timer.start()
        got = stream.read(HTTPCORE_READ, timeout=5)
        timer.join()
        stream.close()
    assert got == b"first"


def test_a_closed_peer_ends_the_stream_after_its_last_bytes() -> None:
    stream, peer = _connected()
    peer.sendall(b"last")
    peer.close()
    got = stream.read(HTTPCORE_READ, timeout=5)
    assert got == b"last"
    assert stream.read(HTTPCORE_READ, timeout=5) == b""
    stream.close()


class _Plain(httpcore.NetworkStream):
    """A stream with no socket, whose TLS upgrade is another such stream."""

    def __init__(self) -> None:
        self.reads: list[int] = []

    @override
    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        self.reads.append(max_bytes)
        return b"x"

    @override
    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        return _Plain()

    @override
    def get_extra_info(self, info: str) -> Any:
        return None


def test_a_stream_upgraded_to_tls_stays_wide_and_one_without_a_socket_reads_once() -> None:
    inner = _Plain()
    stream = WideReadStream(inner)
    assert stream.read(HTTPCORE_READ) == b"x"
    assert inner.reads == [WIDE_READ]
    secured = stream.start_tls(ssl_context=None)  # type: ignore[arg-type]
    assert isinstance(secured, WideReadStream)


class _Body(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    @override
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)


def _served() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Body)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_the_lane_client_reads_a_body_in_chunks_wider_than_httpcore_asks() -> None:
    for base in _served():
        with blocking_http_client(base) as http, http.stream("GET", f"{base}/v.bin") as r:
            sizes = []
            received = b""
            for chunk in r.iter_raw():
                sizes.append(len(chunk))
                received += chunk
        assert received == BODY
        assert max(sizes) > HTTPCORE_READ
        assert len(sizes) < len(BODY) // HTTPCORE_READ
