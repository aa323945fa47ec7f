"""The download lane's transport: connections that read a body up to WIDE_READ bytes per call.

httpcore reads a connection 64 KiB at a time (a TLS socket gives one 16 KiB record per read), and
every read is a round through httpcore, h11 and httpx in Python. For a 200 MiB download on
loopback those 3,200 rounds took longer than the bytes: the body came in 0.50 s against curl's
0.22 s, and in 0.34 s with 1 MiB reads. httpcore's network backend is the place to widen them:
a stream here answers a read with what the socket has ready, up to WIDE_READ bytes, whatever
size the connection asked for (h11 takes data of any length). A read still blocks only until the
first bytes come, within the caller's timeout; it then takes what else is already there.

httpx builds its connection pool inside ``HTTPTransport`` with no way to pass a backend, so
``WideReadTransport`` is an ``HTTPTransport`` (its requests, responses and errors are httpx's)
whose pool is made again with the wide backend. Proxied URLs go through httpx's own transports.
"""

from __future__ import annotations

import select
import socket
import ssl
from typing import TYPE_CHECKING, Any, Final

import httpcore
import httpx
from typing_extensions import override

if TYPE_CHECKING:
    from collections.abc import Iterable

WIDE_READ: Final = 1024 * 1024


class WideReadStream(httpcore.NetworkStream):
    """A network stream whose reads take up to ``size`` bytes of what is ready (module doc)."""

    def __init__(self, inner: httpcore.NetworkStream, size: int = WIDE_READ) -> None:
        self._inner = inner
        self._size = size
        sock = inner.get_extra_info("socket")
        self._socket = sock if isinstance(sock, socket.socket) else None

    @override
    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        wanted = max(max_bytes, self._size)
        first = self._inner.read(wanted, timeout)
        if not first or len(first) >= wanted or not self._ready():
            return first
        pieces = [first]
        got = len(first)
        while got < wanted and self._ready():
            piece = self._inner.read(wanted - got, timeout)
            if not piece:  # the peer closed: the next read says so again
                break
            pieces.append(piece)
            got += len(piece)
        return b"".join(pieces)

    def _ready(self) -> bool:
        """More bytes can be read at once: decrypted but not yet taken, or in the socket."""
        sock = self._socket
        if sock is None:
            return False
        if isinstance(sock, ssl.SSLSocket) and sock.pending():
            return True
        try:
            readable, _, _ = select.select([sock], [], [], 0)
        except (OSError, ValueError):  # closed or shut by an Abort meanwhile
            return False
        return bool(readable)

    @override
    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, timeout)

    @override
    def close(self) -> None:
        self._inner.close()

    @override
    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        secured = self._inner.start_tls(ssl_context, server_hostname, timeout)
        return WideReadStream(secured, self._size)

    @override
    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class WideReadBackend(httpcore.SyncBackend):
    """httpcore's blocking backend with WideReadStream connections."""

    @override
    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        stream = super().connect_tcp(host, port, timeout, local_address, socket_options)
        return WideReadStream(stream)


class WideReadTransport(httpx.HTTPTransport):
    """httpx's blocking transport (certificates and limits as its defaults) on WideReadBackend."""

    def __init__(self, limits: httpx.Limits) -> None:
        certificates = httpx.create_ssl_context()  # what HTTPTransport() makes, made once
        super().__init__(verify=certificates, limits=limits)
        self._pool = httpcore.ConnectionPool(
            ssl_context=certificates,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=WideReadBackend(),
        )
