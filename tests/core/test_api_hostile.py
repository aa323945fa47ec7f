"""Hostile or broken API replies: size caps (also through gzip), deep JSON, an echoed key, and
the one http client configuration that follows redirects without carrying the key elsewhere."""

from __future__ import annotations

import gzip
import logging
import struct
import zlib
from typing import TYPE_CHECKING

import httpx
import pytest
from typing_extensions import override

from studio.core.api import (
    MountseaClient,
    ProtocolError,
    RateLimitedError,
    ServerError,
    TaskStatus,
    ValidationError,
    http_client,
)
from studio.core.api._body import MAX_DEPTH
from studio.core.jobs import JobStatus
from studio.core.library import Library, LibraryJournal
from studio.core.session import Backend, Settings
from tests.core.test_tasks import settle
from tests.core.test_tasks_fakes import open_runner
from tests.fakes.transport import (
    TEST_API_KEY,
    TEST_BASE_URL,
    FakeMountsea,
    error_response,
    file_handler,
    instant_retry,
    json_response,
    task_json,
)

if TYPE_CHECKING:
    from collections.abc import AsyncIterator
    from pathlib import Path

TASK_ID = "ms-3f0c2b8e-6a1d-4f3e-9c1a-2b7d9e5f4a10"
MiB = 1024**2


class ChunkedStream(httpx.AsyncByteStream):
    """A body that arrives from the network in pieces (so httpx cannot have read it whole)."""

    def __init__(self, data: bytes, chunk_size: int = 64 * 1024) -> None:
        self.data = data
        self.chunk_size = chunk_size
        self.sent = 0

    @override
    async def __aiter__(self) -> AsyncIterator[bytes]:
        for start in range(0, len(self.data), self.chunk_size):
            chunk = self.data[start : start + self.chunk_size]
            self.sent += len(chunk)
            yield chunk


def _gzip_bomb(mebibytes: int) -> bytes:
    """A valid gzip of `mebibytes` MiB of zeros, about a thousandth of that size.

    After a full flush each further MiB compresses to the same bytes, so the body is built by
    repeating them instead of compressing a gigabyte.
    """
    block = b"\0" * MiB
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(mebibytes):
        crc = zlib.crc32(block, crc)
    final_empty_block = b"\x03\x00"
    trailer = struct.pack("<II", crc, (mebibytes * MiB) & 0xFFFFFFFF)
    return first + repeated * (mebibytes - 1) + final_empty_block + trailer


def test_the_bomb_is_a_real_gzip() -> None:
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    size = len(inflater.decompress(_gzip_bomb(8))) + len(inflater.flush())
    assert size == 8 * MiB and inflater.eof and not inflater.unused_data


@pytest.mark.asyncio
async def test_gzip_bomb_is_refused_while_it_streams_in() -> None:
    bomb = _gzip_bomb(1024)  # 1 GiB of zeros in about 1 MiB
    assert len(bomb) < 2 * MiB
    stream = ChunkedStream(bomb)
    fake = FakeMountsea()
    headers = {"Content-Encoding": "gzip", "Content-Type": "application/json"}
    fake.get("/ms/v1/tasks/*", httpx.Response(200, headers=headers, stream=stream))
    async with fake.client() as api:
        with pytest.raises(ProtocolError, match="larger than 32 MB"):
            await api.get_task(TASK_ID)
    # It stopped at the cap: only a few percent of the compressed body was even read.
    assert stream.sent < len(bomb) // 10
    assert fake.requests[0].headers["Accept-Encoding"] == "gzip, deflate"


@pytest.mark.asyncio
async def test_plain_reply_over_the_cap_is_a_protocol_error() -> None:
    body = b'{"task_id": "' + b"x" * (33 * MiB) + b'"}'
    stream = ChunkedStream(body)
    fake = FakeMountsea()
    fake.get("/ms/v1/tasks/*", httpx.Response(200, stream=stream))
    async with fake.client() as api:
        with pytest.raises(ProtocolError, match="larger than 32 MB"):
            await api.get_task(TASK_ID)
    assert stream.sent <= 33 * MiB


@pytest.mark.asyncio
async def test_gzip_reply_within_the_cap_is_read() -> None:
    raw = httpx.Response(200, json=task_json(status="processing")).content
    fake = FakeMountsea()
    headers = {"Content-Encoding": "gzip"}
    fake.get(
        "/ms/v1/tasks/*",
        httpx.Response(200, headers=headers, stream=ChunkedStream(gzip.compress(raw), 7)),
    )
    async with fake.client() as api:
        task = await api.get_task(TASK_ID)
    assert task.status is TaskStatus.PROCESSING


@pytest.mark.asyncio
async def test_unasked_encoding_is_a_protocol_error() -> None:
    fake = FakeMountsea()
    headers = {"Content-Encoding": "br"}
    fake.get("/ms/v1/tasks/*", httpx.Response(200, headers=headers, stream=ChunkedStream(b"xx")))
    async with fake.client() as api:
        with pytest.raises(ProtocolError, match="cannot be read"):
            await api.get_task(TASK_ID)


@pytest.mark.asyncio
async def test_error_body_bomb_is_cut_short_and_still_mapped() -> None:
    fake = FakeMountsea()
    headers = {"Content-Encoding": "gzip", "Retry-After": "3"}
    stream = ChunkedStream(_gzip_bomb(256))
    fake.get("/ms/v1/tasks/*", httpx.Response(503, headers=headers, stream=stream))
    async with fake.client(retry=instant_retry(max_attempts=1)) as api:
        with pytest.raises(ServerError) as caught:
            await api.get_task(TASK_ID)
    assert caught.value.retry_after == 3.0
    assert caught.value.status == 503


@pytest.mark.asyncio
@pytest.mark.parametrize("depth", [200_000, MAX_DEPTH + 2])
async def test_deeply_nested_json_is_a_protocol_error(depth: int) -> None:
    body = b'{"task_id": "ms-1", "output": ' + b"[" * depth + b"]" * depth + b"}"
    fake = FakeMountsea()
    fake.get("/ms/v1/tasks/*", httpx.Response(200, content=body))
    fake.post("/ms/v1/run/*", httpx.Response(400, content=b"[" * depth + b"]" * depth))
    async with fake.client() as api:
        with pytest.raises(ProtocolError, match="not valid JSON"):
            await api.get_task(TASK_ID)
        # An error body nested as deep is read as text, not as a RecursionError.
        with pytest.raises(ValidationError):
            await api.run("a/b/c", {"prompt": "x"})


@pytest.mark.asyncio
async def test_key_echoed_in_a_successful_reply_is_scrubbed(
    caplog: pytest.LogCaptureFixture,
) -> None:
    echo = {"code": 500, "message": f"upstream refused Authorization: Bearer {TEST_API_KEY}"}
    fake = FakeMountsea()
    fake.get(
        "/ms/v1/tasks/*",
        json_response(
            task_json(status="failed", error=echo, **{f"x-{TEST_API_KEY}": [TEST_API_KEY]})
        ),
    )
    caplog.set_level(logging.DEBUG, logger="studio")
    async with fake.client() as api:
        task = await api.get_task(TASK_ID)
    assert task.error is not None
    assert task.error.message == "upstream refused Authorization: Bearer ***"
    assert TEST_API_KEY not in repr(task.raw)
    assert task.raw["x-***"] == ["***"]
    assert TEST_API_KEY not in caplog.text


@pytest.mark.asyncio
async def test_key_echoed_in_an_unreadable_reply_is_scrubbed() -> None:
    fake = FakeMountsea()
    fake.get("/ms/v1/tasks/*", httpx.Response(200, content=f"oops {TEST_API_KEY}".encode()))
    async with fake.client() as api:
        with pytest.raises(ProtocolError) as caught:
            await api.get_task(TASK_ID)
    assert caught.value.body == "oops ***"


# --- where the key goes --------------------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "target",
    [
        "https://cdn.example/files/a.png",  # another host
        "http://api.mountsea.test/files/a.png",  # the API host over plain http
        "http://api.mountsea.test:443/files/a.png",  # ... even on the API's port
        "https://api.mountsea.test:8443/files/a.png",  # another port
    ],
)
async def test_redirect_never_carries_the_key_to_another_origin(
    tmp_path: Path, target: str
) -> None:
    fake = FakeMountsea()
    fake.get("/files/*", file_handler(b"png-bytes"), host="cdn.example")
    fake.get("/files/a.png", file_handler(b"png-bytes"), host="api.mountsea.test")
    fake.get("/media/a.png", httpx.Response(302, headers={"Location": target}))
    fake.get("/ms/v1/tasks/*", httpx.Response(307, headers={"Location": target}))
    async with fake.client() as api:
        await api.download(f"{TEST_BASE_URL}/media/a.png", tmp_path / "a.png")
        with pytest.raises(ProtocolError):  # the redirect target serves a file, not a task
            await api.get_task(TASK_ID)
    assert (tmp_path / "a.png").read_bytes() == b"png-bytes"
    hops = [(str(r.url), "Authorization" in r.headers) for r in fake.requests]
    assert hops[0] == (f"{TEST_BASE_URL}/media/a.png", True)
    assert hops[1] == (target, False)
    assert hops[3] == (target, False)


@pytest.mark.asyncio
async def test_same_origin_redirect_keeps_the_key_and_https_upgrade_drops_it() -> None:
    fake = FakeMountsea(base_url="http://api.mountsea.test")
    fake.get("/ms/v1/tasks/old", httpx.Response(301, headers={"Location": "/ms/v1/tasks/new"}))
    fake.get(
        "/ms/v1/tasks/up", httpx.Response(302, headers={"Location": "https://api.mountsea.test/x"})
    )
    fake.get("/ms/v1/tasks/new", json_response(task_json(task_id="new")))
    fake.get("/x", json_response(task_json(task_id="up")))
    async with fake.client() as api:
        assert (await api.get_task("old")).task_id == "new"
        assert (await api.get_task("up")).task_id == "up"
    keyed = [("Authorization" in r.headers, r.url.scheme) for r in fake.requests]
    # httpx alone keeps the header on an http → https upgrade; the key guard does not.
    assert keyed == [(True, "http"), (True, "http"), (True, "http"), (False, "https")]


@pytest.mark.asyncio
async def test_the_app_backend_uses_the_one_client_configuration() -> None:
    settings = Settings(base_url="https://api.mountsea.test")
    backend = await Backend.open(settings, TEST_API_KEY)
    try:
        assert backend.http.follow_redirects
        hooks = backend.http.event_hooks["request"]
        reference = http_client(TEST_BASE_URL)
        assert [type(h) for h in hooks] == [type(h) for h in reference.event_hooks["request"]]
        assert backend.http.timeout == reference.timeout
        await reference.aclose()
    finally:
        await backend.aclose()


@pytest.mark.asyncio
async def test_client_built_without_http_uses_the_same_configuration() -> None:
    async with MountseaClient(TEST_BASE_URL, TEST_API_KEY) as api:
        http = api._sender.http
        assert http.follow_redirects
        assert http.event_hooks["request"]


@pytest.mark.asyncio
async def test_429_error_mapping_is_unchanged_by_streaming() -> None:
    fake = FakeMountsea()
    fake.post("/ms/v1/run/*", error_response(429, "slow down", {"Retry-After": "7"}))
    async with fake.client() as api:
        with pytest.raises(RateLimitedError) as caught:
            await api.run("a/b/c", {"prompt": "x"})
    assert caught.value.retry_after == 7.0
    assert len(fake.requests) == 1  # a POST is never re-sent by the client itself


# --- a submit answer cut short ---------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("get_answer", "salvaged"),
    [
        (json_response(task_json(task_id="ms-77", endpoint="a/b/c")), True),
        (error_response(503, "busy"), True),  # cannot be confirmed now: the id is kept
        (json_response(task_json(task_id="ms-77", endpoint="x/y/z")), False),
        (error_response(404, "no such task"), False),
    ],
    ids=["confirmed", "unconfirmed", "other-endpoint", "unknown-id"],
)
async def test_a_cut_short_submit_answer_naming_its_task_keeps_the_task(
    get_answer: httpx.Response, salvaged: bool
) -> None:
    fake = FakeMountsea()
    cut = b'{"task_id": "ms-77", "endpoint": "a/b/c", "mod'
    fake.post("/ms/v1/run/*", httpx.Response(200, content=cut))
    fake.get("/ms/v1/tasks/ms-77", get_answer)
    async with fake.client() as api:
        if salvaged:
            task = await api.run("a/b/c", {"prompt": "x"})
            assert task.task_id == "ms-77"
        else:
            with pytest.raises(ProtocolError):
                await api.run("a/b/c", {"prompt": "x"})
    assert len(fake.requests_to("POST", "/ms/v1/run/*")) == 1  # never sent again


@pytest.mark.asyncio
async def test_a_key_echoed_by_a_failed_task_never_reaches_the_library(tmp_path: Path) -> None:
    echo = {"code": 401, "message": f"upstream said: Authorization: Bearer {TEST_API_KEY}"}
    fake = FakeMountsea()
    fake.post("/ms/v1/run/*", json_response(task_json(status="queued")))
    fake.get("/ms/v1/tasks/*", json_response(task_json(status="failed", error=echo)))
    with Library.open(tmp_path / "library.sqlite3") as library:
        journal = LibraryJournal(library, backend="api")
        async with fake.client() as api, open_runner(api, tmp_path, journal=journal) as runner:
            job = await settle(runner, runner.submit("a/b/c", {"prompt": "x"}))
        record = library.get_job(job.local_id)
    assert record is not None and record.status is JobStatus.FAILED
    assert record.error == "upstream said: Authorization: Bearer *** (code 401)"
    assert TEST_API_KEY not in (record.task_json or "")
    assert TEST_API_KEY.encode() not in _library_bytes(tmp_path)


def _library_bytes(folder: Path) -> bytes:
    """The database with its WAL and journal, as they are on disk."""
    return b"".join(stored.read_bytes() for stored in folder.glob("library.sqlite3*"))


@pytest.mark.asyncio
async def test_a_garbled_reply_to_a_poll_is_asked_for_again() -> None:
    fake = FakeMountsea()
    garbled = httpx.Response(200, content=b'{"task_id": "ms-1", "stat')
    fake.get("/ms/v1/tasks/*", garbled, json_response(task_json(status="processing")))
    async with fake.client() as api:
        task = await api.get_task(TASK_ID)
    assert task.status is TaskStatus.PROCESSING
    assert len(fake.requests) == 2  # a GET is safe to repeat; a POST never is (above)
