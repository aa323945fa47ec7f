"""Reading API replies safely: a size cap on the decoded body, enforced while it streams in
(also through gzip), and JSON that cannot recurse the process to death or carry the key inward.

A reply is at most MAX_JSON_BYTES once decoded; a gzip body is inflated piece by piece with a
bound on each piece, so a small bomb never expands in memory. JSON nested deeper than MAX_DEPTH
is refused like any other unreadable reply. Every string of a decoded reply, keys included,
has the API key replaced: a server that echoes it back (an error message quoting the request's
"Bearer ...") must not get it stored in the library or written to the log.
"""

from __future__ import annotations

import json
import zlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

    import httpx

MAX_JSON_BYTES = 32 * 1024**2
MAX_ERROR_BYTES = 256 * 1024  # an error body is only read for its message; the rest is dropped
MAX_DEPTH = 64
ACCEPT_ENCODING = "gzip, deflate"  # what read_body can inflate within its bound
_PIECE = 64 * 1024


class BodyTooLargeError(Exception):
    """The decoded body passed the limit; `head` holds its first `limit` bytes."""

    def __init__(self, head: bytes) -> None:
        super().__init__(f"the body is larger than {len(head)} bytes")
        self.head = head


class UnreadableBodyError(Exception):
    """The body is compressed in a way this client did not ask for, or is corrupt."""


class _Inflater:
    """zlib for gzip/deflate; each output piece is bounded, so a bomb never expands at once."""

    def __init__(self, encoding: str) -> None:
        self._encoding = encoding
        wbits = zlib.MAX_WBITS | 16 if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._zlib = zlib.decompressobj(wbits)
        self._started = False

    def pieces(self, data: bytes) -> Iterator[bytes]:
        """The decoded bytes of `data`, in pieces of at most 64 KiB; stop reading at will."""
        yield self._first(data)
        while self._zlib.unconsumed_tail:
            yield self._zlib.decompress(self._zlib.unconsumed_tail, _PIECE)

    def rest(self) -> bytes:
        return self._zlib.flush()

    def _first(self, data: bytes) -> bytes:
        try:
            piece: bytes = self._zlib.decompress(data, _PIECE)
        except zlib.error:
            if self._encoding != "deflate" or self._started:
                raise
            # Some servers send raw deflate without the zlib header (httpx tolerates it too).
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            piece = self._zlib.decompress(data, _PIECE)
        self._started = True
        return piece


async def read_body(response: httpx.Response, limit: int, *, truncate: bool = False) -> bytes:
    """The decoded body of a streamed response; BodyTooLargeError past `limit` bytes, or with
    `truncate` its first `limit` bytes (enough to read an error message).

    A transport that already read the body (httpx.MockTransport with `content=`) has it decoded
    in memory; only its length is checked then.
    """
    try:
        return await _read_capped(response, limit)
    except BodyTooLargeError as error:
        if not truncate:
            raise
        return error.head


async def _read_capped(response: httpx.Response, limit: int) -> bytes:
    if response.is_stream_consumed:
        if len(response.content) > limit:
            raise BodyTooLargeError(response.content[:limit])
        return response.content
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("", "identity", "gzip", "x-gzip", "deflate"):
        raise UnreadableBodyError(f"content encoding {encoding!r}")
    inflater = _Inflater(encoding) if encoding not in ("", "identity") else None
    buffer = bytearray()
    try:
        async for chunk in response.aiter_raw():
            for piece in inflater.pieces(chunk) if inflater is not None else (chunk,):
                buffer += piece
                if len(buffer) > limit:
                    raise BodyTooLargeError(bytes(buffer[:limit]))
        if inflater is not None:
            buffer += inflater.rest()
    except zlib.error as error:
        raise UnreadableBodyError(f"corrupt {encoding} body") from error
    if len(buffer) > limit:
        raise BodyTooLargeError(bytes(buffer[:limit]))
    return bytes(buffer)


def decode_json(content: bytes, secret: str = "") -> Any:
    """JSON from a reply body, scrubbed of `secret`; ValueError when unreadable or too deep."""
    text = content.decode("utf-8")  # UnicodeDecodeError is a ValueError
    try:
        data = json.loads(text)
    except RecursionError:
        raise ValueError("the JSON is nested too deeply") from None
    check_depth(data)
    return scrub_json(data, secret) if secret else data


def check_depth(data: Any, limit: int = MAX_DEPTH) -> None:
    """ValueError when containers nest deeper than `limit` (checked without recursion)."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            raise ValueError(f"the JSON is nested deeper than {limit} levels")
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)


def scrub(text: str, secret: str) -> str:
    """Replace every occurrence of the secret; servers sometimes echo headers in their text."""
    return text.replace(secret, "***") if secret else text


def scrub_json(data: Any, secret: str) -> Any:
    """A copy of decoded JSON (depth already checked) with `secret` replaced in every string."""
    if isinstance(data, str):
        return scrub(data, secret)
    if isinstance(data, list):
        return [scrub_json(item, secret) for item in data]
    if isinstance(data, dict):
        return {scrub(key, secret): scrub_json(value, secret) for key, value in data.items()}
    return data
