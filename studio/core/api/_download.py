"""Streams a media file to disk: `.part` file, length check, resume with Range, atomic rename."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
from typing import IO, TYPE_CHECKING

import httpx

from studio.core import paths
from studio.core.api._errors import DownloadError, DownloadTooLargeError, IncompleteDownloadError
from studio.core.api._retry import may_retry_exception, may_retry_status
from studio.core.api._sender import network_error
from studio.core.units import human_size

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable
    from pathlib import Path

    from studio.core.api._sender import ApiSender

    ProgressCallback = Callable[[int, int | None], None]

_log = logging.getLogger("studio.api")
_CONTENT_RANGE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)")


class _RetryableStatusError(Exception):
    """The file server answered with a status worth asking again for (5xx, 429, 408)."""

    def __init__(self, status: int, retry_after: float | None) -> None:
        super().__init__(status)
        self.status = status
        self.retry_after = retry_after


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
    """One download job: the retry loop around single resumable fetches."""

    def __init__(self, sender: ApiSender, url: httpx.URL, part: _PartFile, max_bytes: int) -> None:
        self.sender = sender
        self.url = url
        self.part = part
        self.max_bytes = max_bytes
        self.progress: ProgressCallback | None = None

    async def run(self) -> None:
        attempts = max(self.sender.retry.max_attempts, 1)
        for attempt in range(1, attempts + 1):
            retry_after: float | None = None
            try:
                if await self.fetch_once():
                    await asyncio.to_thread(self.part.commit)
                    return
                reason = "the body ended early"
            except DownloadTooLargeError:
                self.part.discard()
                raise
            except _RetryableStatusError as status:
                if attempt == attempts:
                    raise _status_error(status.status) from None
                reason, retry_after = f"HTTP {status.status}", status.retry_after
            except httpx.HTTPError as error:
                if attempt == attempts or not may_retry_exception("GET", error):
                    raise network_error(error, self.url) from error
                reason = type(error).__name__
            if attempt < attempts:
                await self.sender.wait(attempt, retry_after, f"download {self.url.path}: {reason}")
        raise IncompleteDownloadError(
            f"The download of {self.part.dest.name} kept stopping early; try again later. "
            "The part already received is kept and will be resumed."
        )

    async def fetch_once(self) -> bool:
        """One request; True when the body is complete, False when it should be resumed."""
        offset = self.part.size()
        # Identity encoding keeps byte counts equal to Content-Length and Range offsets.
        headers = {"Accept-Encoding": "identity", **self.sender.auth_headers(self.url)}
        if offset:
            headers["Range"] = f"bytes={offset}-"
        async with self.sender.http.stream("GET", self.url, headers=headers) as response:
            start = await self.start_offset(response, offset)
            if start is None:
                self.part.discard()
                return False
            total = _expected_total(response, start)
            if total is not None and total > self.max_bytes:
                raise _too_large(self.max_bytes)
            received = await self.write_body(response, start, total)
        if total is not None and received != total:
            _log.info("Download of %s stopped at %d of %d bytes", self.url.path, received, total)
            return False
        return True

    async def start_offset(self, response: httpx.Response, offset: int) -> int | None:
        """Where this body starts in the file; None = discard the part and start over."""
        status = response.status_code
        if status == 416 and offset:
            return None
        if not response.is_success:
            await response.aread()
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
                file.write(chunk)
                if self.progress is not None:
                    self.progress(received, total)
        return received


async def download_file(
    sender: ApiSender,
    url: str,
    dest: Path,
    *,
    max_bytes: int,
    progress: ProgressCallback | None = None,
) -> Path:
    """Download `url` to `dest` (see MountseaClient.download); returns `dest`."""
    parsed = httpx.URL(url)
    if not parsed.is_absolute_url:
        parsed = httpx.URL(sender.base_url + "/").join(url)
    await asyncio.to_thread(dest.parent.mkdir, parents=True, exist_ok=True)
    job = _Download(sender, parsed, _PartFile(dest), max_bytes)
    job.progress = progress
    await job.run()
    return dest


async def _raw_chunks(response: httpx.Response) -> AsyncIterator[bytes]:
    """The undecoded body; a transport that pre-read it (e.g. MockTransport) gives it whole."""
    if response.is_stream_consumed:
        yield response.content
        return
    async for chunk in response.aiter_raw():
        yield chunk


def _expected_total(response: httpx.Response, start: int) -> int | None:
    match = _CONTENT_RANGE.match(response.headers.get("content-range", ""))
    if response.status_code == 206 and match and match[3] != "*":
        return int(match[3])
    length = response.headers.get("content-length")
    return start + int(length) if length and length.isdigit() else None


def _too_large(max_bytes: int) -> DownloadTooLargeError:
    limit = human_size(max_bytes)
    return DownloadTooLargeError(f"The file is larger than the {limit} allowed; it was not saved.")


def _status_error(status: int) -> DownloadError:
    return DownloadError(
        f"The file could not be downloaded: the server answered {status}.", status=status
    )
