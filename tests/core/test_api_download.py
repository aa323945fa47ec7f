"""download(): atomic .part file, length and size checks, Range resume, and where the key goes."""

from __future__ import annotations

import asyncio
import io
from typing import TYPE_CHECKING

import httpx
import pytest
from typing_extensions import Buffer, override

from studio.core.api import (
    DownloadError,
    DownloadTooLargeError,
    IncompleteDownloadError,
    MountseaClient,
    NetworkError,
)
from studio.core.api._download import (
    DEADLINE_SECONDS,
    STALL_SECONDS,
    WRITE_SLICE,
    write_in_slices,
)
from tests.conftest import wait_until
from tests.fakes.transport import (
    TEST_API_KEY,
    TEST_BASE_URL,
    BrokenStream,
    FakeMountsea,
    Responder,
    file_handler,
    instant_retry,
)

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable
    from pathlib import Path

DATA = bytes(range(256)) * 40  # 10 KiB
CDN = "cdn.example"
URL = f"https://{CDN}/out/v.mp4"


def _fake_cdn(*responders: Responder) -> FakeMountsea:
    fake = FakeMountsea()
    fake.get("/out/*", *responders, host=CDN)
    return fake


@pytest.mark.asyncio
async def test_download_writes_atomically_and_reports_progress(tmp_path: Path) -> None:
    fake = _fake_cdn(file_handler(DATA, content_type="video/mp4"))
    dest = tmp_path / "nested" / "v.mp4"
    progress: list[tuple[int, int | None]] = []
    async with fake.client() as api:
        result = await api.download(URL, dest, progress=lambda n, t: progress.append((n, t)))
    assert result == dest
    assert dest.read_bytes() == DATA
    assert not (dest.parent / "v.mp4.part").exists()
    assert progress[-1] == (len(DATA), len(DATA))
    assert [n for n, _ in progress] == sorted(n for n, _ in progress)
    assert fake.requests[0].headers["Accept-Encoding"] == "identity"


@pytest.mark.asyncio
async def test_truncated_body_is_resumed_with_range(tmp_path: Path) -> None:
    fake = _fake_cdn(file_handler(DATA, cut_first=3000))
    dest = tmp_path / "v.mp4"
    async with fake.client() as api:
        await api.download(URL, dest)
    assert dest.read_bytes() == DATA
    assert [r.headers.get("Range") for r in fake.requests] == [None, "bytes=3000-"]


@pytest.mark.asyncio
async def test_short_body_without_error_is_resumed(tmp_path: Path) -> None:
    short = httpx.Response(200, headers={"Content-Length": str(len(DATA))}, content=DATA[:100])
    fake = _fake_cdn(short, file_handler(DATA))
    dest = tmp_path / "v.mp4"
    async with fake.client() as api:
        await api.download(URL, dest)
    assert dest.read_bytes() == DATA
    assert fake.requests[1].headers["Range"] == "bytes=100-"


@pytest.mark.asyncio
async def test_200_instead_of_206_restarts_from_zero(tmp_path: Path) -> None:
    fake = _fake_cdn(file_handler(DATA, honour_range=False, cut_first=5000))
    dest = tmp_path / "v.mp4"
    async with fake.client() as api:
        await api.download(URL, dest)
    assert dest.read_bytes() == DATA
    assert fake.requests[1].headers["Range"] == "bytes=5000-"


@pytest.mark.asyncio
async def test_existing_part_file_is_resumed(tmp_path: Path) -> None:
    dest = tmp_path / "v.mp4"
    (tmp_path / "v.mp4.part").write_bytes(DATA[:1234])
    fake = _fake_cdn(file_handler(DATA))
    async with fake.client() as api:
        await api.download(URL, dest)
    assert dest.read_bytes() == DATA
    assert fake.requests[0].headers["Range"] == "bytes=1234-"


@pytest.mark.asyncio
async def test_wrong_content_range_or_416_restarts(tmp_path: Path) -> None:
    dest = tmp_path / "v.mp4"
    (tmp_path / "v.mp4.part").write_bytes(b"stale" * 10)
    wrong = httpx.Response(206, headers={"Content-Range": f"bytes 7-9/{len(DATA)}"}, content=b"xyz")
    fake = _fake_cdn(httpx.Response(416), wrong, file_handler(DATA))
    async with fake.client() as api:
        await api.download(URL, dest)
    assert dest.read_bytes() == DATA
    assert [r.headers.get("Range") for r in fake.requests] == ["bytes=50-", None, None]


@pytest.mark.asyncio
async def test_body_that_never_completes_fails_and_keeps_the_part(tmp_path: Path) -> None:
    def always_short(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Length": "999999"}, content=b"ab")

    fake = _fake_cdn(always_short)
    dest = tmp_path / "v.mp4"
    async with fake.client() as api:
        with pytest.raises(IncompleteDownloadError, match="resumed"):
            await api.download(URL, dest)
    assert len(fake.requests) == 10  # twice the API's 5 attempts: the file is paid for
    assert not dest.exists()
    assert (tmp_path / "v.mp4.part").read_bytes() == b"ab"


@pytest.mark.asyncio
async def test_connection_that_keeps_breaking_is_a_network_error(tmp_path: Path) -> None:
    def always_broken(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Length": "999999"}, stream=BrokenStream(b"ab"))

    fake = _fake_cdn(always_broken)
    async with fake.client() as api:
        with pytest.raises(NetworkError) as caught:
            await api.download(URL, tmp_path / "v.mp4")
    assert isinstance(caught.value.__cause__, httpx.ReadError)
    assert len(fake.requests) == 10  # twice the API's 5 attempts: the file is paid for


@pytest.mark.asyncio
async def test_declared_size_over_the_cap_is_refused(tmp_path: Path) -> None:
    fake = _fake_cdn(file_handler(DATA))
    dest = tmp_path / "v.mp4"
    async with fake.client() as api:
        with pytest.raises(DownloadTooLargeError, match=r"the \d+(\.\d)? KB allowed"):
            await api.download(URL, dest, max_bytes=len(DATA) - 1)
    assert not dest.exists()
    assert not (tmp_path / "v.mp4.part").exists()


@pytest.mark.asyncio
async def test_undeclared_size_over_the_cap_is_cut_off(tmp_path: Path) -> None:
    class Endless(httpx.AsyncByteStream):
        @override
        async def __aiter__(self) -> AsyncIterator[bytes]:
            while True:
                yield b"x" * 1000

    fake = _fake_cdn(httpx.Response(200, stream=Endless()))
    dest = tmp_path / "v.mp4"
    async with fake.client() as api:
        with pytest.raises(DownloadTooLargeError):
            await api.download(URL, dest, max_bytes=5000)
    assert not (tmp_path / "v.mp4.part").exists()


@pytest.mark.asyncio
async def test_http_errors_and_retries(tmp_path: Path) -> None:
    fake = _fake_cdn(httpx.Response(503, headers={"Retry-After": "1"}), file_handler(DATA))
    fake.get("/gone/*", httpx.Response(404), host=CDN)
    async with fake.client() as api:
        await api.download(URL, tmp_path / "ok.mp4")
        with pytest.raises(DownloadError) as caught:
            await api.download(f"https://{CDN}/gone/x.mp4", tmp_path / "gone.mp4")
    assert (tmp_path / "ok.mp4").read_bytes() == DATA
    assert caught.value.status == 404
    assert "404" in str(caught.value)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("url", "sends_key"),
    [
        ("https://api.mountsea.test/files/a.png", True),
        ("https://api.mountsea.test:443/files/a.png", True),
        ("/files/a.png", True),
        ("https://api.mountsea.test:8443/files/a.png", False),
        ("https://cdn.example/files/a.png", False),
        ("https://evil.api.mountsea.test/files/a.png", False),
        # Same host and port but plain http: another origin, the key would travel unencrypted.
        ("http://api.mountsea.test:443/files/a.png", False),
        ("http://api.mountsea.test/files/a.png", False),
    ],
)
async def test_key_only_goes_to_the_api_origin(tmp_path: Path, url: str, sends_key: bool) -> None:
    fake = FakeMountsea()
    fake.get("/files/*", file_handler(b"png"))
    async with fake.client() as api:
        await api.download(url, tmp_path / "a.png")
    request = fake.requests[0]
    assert ("Authorization" in request.headers) is sends_key
    if sends_key:
        assert request.headers["Authorization"] == f"Bearer {TEST_API_KEY}"


@pytest.mark.asyncio
async def test_key_is_dropped_on_redirect_to_another_host(tmp_path: Path) -> None:
    fake = FakeMountsea()
    fake.get("/files/*", httpx.Response(302, headers={"Location": URL}), host="api.mountsea.test")
    fake.get("/out/*", file_handler(DATA), host=CDN)
    async with fake.client() as api:
        await api.download("https://api.mountsea.test/files/v.mp4", tmp_path / "v.mp4")
    first, second = fake.requests
    assert "Authorization" in first.headers
    assert second.url.host == CDN
    assert "Authorization" not in second.headers
    assert (tmp_path / "v.mp4").read_bytes() == DATA


# --- servers that trickle or stop: bounded, cancellable ----------------------------------------


class Trickle(httpx.AsyncByteStream):
    """Sends `first` at once, then `step` bytes every `every` seconds, forever (or never more)."""

    def __init__(self, first: bytes, *, step: int = 0, every: float = 3600.0) -> None:
        self.first = first
        self.step = step
        self.every = every

    @override
    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.first
        while True:
            await asyncio.sleep(self.every)
            if self.step:
                yield b"t" * self.step


def _trickling_server(stream: Callable[[], Trickle], size: int = 10**9) -> Responder:
    def handle(request: httpx.Request) -> httpx.Response:
        start = int(request.headers.get("range", "bytes=0-")[6:-1] or 0)
        headers = {"Content-Length": str(size - start)}
        if start:
            headers["Content-Range"] = f"bytes {start}-{size - 1}/{size}"
        return httpx.Response(206 if start else 200, headers=headers, stream=stream())

    return handle


def _client(
    fake: FakeMountsea,
    *,
    download_stall_s: float = STALL_SECONDS,
    download_deadline_s: float = DEADLINE_SECONDS,
) -> MountseaClient:
    return MountseaClient(
        TEST_BASE_URL,
        TEST_API_KEY,
        http=fake.http(),
        retry=instant_retry(),
        download_stall_s=download_stall_s,
        download_deadline_s=download_deadline_s,
    )


@pytest.mark.asyncio
async def test_a_server_that_stops_sending_is_resumed_then_given_up(tmp_path: Path) -> None:
    fake = _fake_cdn(_trickling_server(lambda: Trickle(b"x" * 100)))
    dest = tmp_path / "v.mp4"
    async with _client(fake, download_stall_s=0.05) as api:
        with pytest.raises(
            IncompleteDownloadError,
            match=r"stalled \(no progress for 1 s\) 10 times in 10 tries; gave up",
        ):
            await api.download(URL, dest)
    ranges = [None, *(f"bytes={100 * n}-" for n in range(1, 10))]
    assert [r.headers.get("Range") for r in fake.requests] == ranges
    assert (tmp_path / "v.mp4.part").stat().st_size == 1000  # kept for a later resume
    assert not dest.exists()


@pytest.mark.asyncio
async def test_a_trickle_of_bytes_counts_as_no_progress(tmp_path: Path) -> None:
    fake = _fake_cdn(_trickling_server(lambda: Trickle(b"x", step=1, every=0.002)))
    async with _client(fake, download_stall_s=0.05) as api:
        with pytest.raises(IncompleteDownloadError, match="stalled"):
            await api.download(URL, tmp_path / "v.mp4")
    assert len(fake.requests) == 10  # twice the API's 5 attempts: the file is paid for


@pytest.mark.asyncio
async def test_a_slow_but_steady_server_meets_the_overall_deadline(tmp_path: Path) -> None:
    fake = _fake_cdn(_trickling_server(lambda: Trickle(b"", step=16 * 1024, every=0.005)))
    async with _client(fake, download_stall_s=30.0, download_deadline_s=0.2) as api:
        with pytest.raises(IncompleteDownloadError, match="did not finish within 1 s; gave up"):
            await api.download(URL, tmp_path / "v.mp4")
    assert len(fake.requests) == 1  # progress kept the stall timer away; the deadline ended it
    assert (tmp_path / "v.mp4.part").stat().st_size > 16 * 1024


@pytest.mark.asyncio
async def test_a_download_can_be_cancelled_at_any_moment(tmp_path: Path) -> None:
    fake = _fake_cdn(_trickling_server(lambda: Trickle(b"x" * 100)))
    async with _client(fake) as api:
        received: list[int] = []
        download = asyncio.ensure_future(
            api.download(URL, tmp_path / "v.mp4", progress=lambda n, _t: received.append(n))
        )
        await wait_until(lambda: bool(received))
        download.cancel()
        with pytest.raises(asyncio.CancelledError):
            await download
    assert (tmp_path / "v.mp4.part").read_bytes() == b"x" * 100


@pytest.mark.asyncio
async def test_breaks_that_still_bring_half_the_rest_do_not_use_up_the_tries(
    tmp_path: Path,
) -> None:
    def half_then_break(request: httpx.Request) -> httpx.Response:
        start = int(request.headers.get("range", "bytes=0-")[6:-1] or 0)
        rest = DATA[start:]
        headers = {"Content-Length": str(len(rest))}
        if start:
            headers["Content-Range"] = f"bytes {start}-{len(DATA) - 1}/{len(DATA)}"
        status = 206 if start else 200
        if len(rest) <= 64:
            return httpx.Response(status, headers=headers, content=rest)
        return httpx.Response(status, headers=headers, stream=BrokenStream(rest[: len(rest) // 2]))

    fake = _fake_cdn(half_then_break)
    dest = tmp_path / "v.mp4"
    async with fake.client() as api:
        await api.download(URL, dest)
    assert dest.read_bytes() == DATA
    assert len(fake.requests) > 5  # more breaks than the API's 5 attempts; none was fruitless


def test_a_chunk_is_written_in_slices_of_the_same_bytes() -> None:
    sizes: list[int] = []

    class Recording(io.BytesIO):
        @override
        def write(self, buffer: Buffer, /) -> int:
            sizes.append(len(memoryview(buffer)))
            return super().write(buffer)

    chunk = bytes(range(256)) * (WRITE_SLICE * 3 // 256 + 7)
    file = Recording()
    write_in_slices(file, chunk)
    assert file.getvalue() == chunk
    assert sizes == [WRITE_SLICE] * 3 + [len(chunk) - 3 * WRITE_SLICE]
