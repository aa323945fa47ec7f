"""MountseaClient: one async method per /ms/v1 operation, plus follow() and download()."""

from __future__ import annotations

import asyncio
import functools
import logging
import re
import time
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import quote

from typing_extensions import override

from studio.core.api._decode import parse_endpoint, parse_endpoint_detail, parse_task
from studio.core.api._download import DEADLINE_SECONDS, STALL_SECONDS, download_file
from studio.core.api._errors import ConflictError, MountseaError, NotFoundError, ProtocolError
from studio.core.api._follow import PollPace, ProblemCallback, follow_task
from studio.core.api._http import blocking_http_client, http_client
from studio.core.api._lane import DownloadLane
from studio.core.api._models import Endpoint, EndpointDetail, Task, TaskStatus
from studio.core.api._requests import run_body, run_path, slug_path
from studio.core.api._retry import RetryPolicy
from studio.core.api._sender import ApiSender

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Awaitable, Callable
    from pathlib import Path
    from types import TracebackType

    import httpx

_log = logging.getLogger("studio.api")
_LIST_KEYS = ("data", "endpoints", "items")
_TASK_ID_IN_TEXT = re.compile(r'"task_id"\s*:\s*"([^"\\]{1,200})"')


class MountseaClient:
    """Async client of the Mountsea `/ms/v1` API; use as `async with MountseaClient(...)`.

    Pass `http` to share a connection pool (build it with `http_client`, which follows redirects
    and keeps the key on the API's origin; tests give it a MockTransport); the client closes only
    an http client it created itself.

    Download bodies go through threads (_lane) and a `blocking_http_client` of their own when
    `threaded_downloads` is True, and by default when `http` is not given; otherwise they go
    through `http` on the caller's loop (a MockTransport in tests sees them).
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        http: httpx.AsyncClient | None = None,
        retry: RetryPolicy | None = None,
        download_stall_s: float = STALL_SECONDS,
        download_deadline_s: float = DEADLINE_SECONDS,
        threaded_downloads: bool | None = None,
    ) -> None:
        self._download_stall_s = download_stall_s
        self._download_deadline_s = download_deadline_s
        self._owns_http = http is None
        threaded = http is None if threaded_downloads is None else threaded_downloads
        maker = functools.partial(blocking_http_client, base_url)
        self._lane = DownloadLane(maker) if threaded else None
        client = http or http_client(base_url)
        self._sender = ApiSender(client, base_url, api_key.strip(), retry or RetryPolicy())

    @override
    def __repr__(self) -> str:
        return f"MountseaClient(base_url={self.base_url!r}, api_key='***')"

    @property
    def base_url(self) -> str:
        """The API base URL without a trailing slash, e.g. "https://api.mountsea.ai"."""
        return self._sender.base_url

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the downloads' thread, and the http client if this object created it."""
        if self._lane is not None:
            await self._lane.aclose()
            self._lane = None
        if self._owns_http:
            await self._sender.http.aclose()

    async def list_endpoints(
        self, capability: str | None = None, tag: str | None = None
    ) -> list[Endpoint]:
        """GET /ms/v1/endpoints; accepts a bare array or {data|endpoints|items: [...]}."""
        params = {k: v for k, v in (("capability", capability), ("tag", tag)) if v is not None}
        data = await self._sender.request_json("GET", "/ms/v1/endpoints", params=params or None)
        endpoints: list[Endpoint] = []
        for item in _endpoint_items(data):
            try:
                endpoints.append(parse_endpoint(item))
            except ProtocolError:
                _log.warning("Skipping an endpoint without a slug in the list")
        return endpoints

    async def get_endpoint(self, slug: str) -> EndpointDetail:
        """GET /ms/v1/endpoints/{slug}; the slug's "/" are sent raw."""
        data = await self._sender.request_json("GET", f"/ms/v1/endpoints/{slug_path(slug)}")
        return parse_endpoint_detail(_unwrap(data, "slug"))

    async def run(self, slug: str, input: dict[str, Any], webhook_url: str | None = None) -> Task:
        """POST /ms/v1/run/{slug}: submit a task; never re-sent once it may have reached the server.

        Any 2xx is accepted; a bare {"task_id"} answer is completed with a GET, and so is one cut
        short that still names its task id.
        """
        body = run_body(input, webhook_url)
        try:
            answer = await self._sender.request_json("POST", run_path(slug), json=body)
        except ProtocolError as error:
            return await self._salvage_submitted(slug, error)
        data = _unwrap(answer, "task_id")
        if isinstance(data, dict) and "task_id" in data and "status" not in data:
            return await self._confirm_submitted(data)
        return parse_task(data)

    async def _salvage_submitted(self, slug: str, error: ProtocolError) -> Task:
        """A 2xx submit answer cut short may still name its task: the task exists and may be
        billed, so it is kept unless a GET says otherwise (unknown id, another endpoint).

        A GET that fails for now keeps the id, as for a bare {"task_id"} answer: following it
        will tell (a wrong id ends as "lost"). Without an id in the text `error` stands.
        """
        found = _TASK_ID_IN_TEXT.search(error.body) if isinstance(error.body, str) else None
        if found is None or error.status is None or not 200 <= error.status < 300:
            raise error
        partial = {"task_id": found[1], "endpoint": slug}
        try:
            task = await self.get_task(found[1])
        except NotFoundError:
            raise error from None
        except MountseaError as confirm_error:
            _log.warning("Submitted task %s could not be confirmed: %s", found[1], confirm_error)
            task = parse_task(partial)
        if task.endpoint and task.endpoint != slug:
            raise error
        _log.warning("Submit answer was unreadable but named task %s; following it", task.task_id)
        return task

    async def _confirm_submitted(self, partial: dict[str, Any]) -> Task:
        """A bare {"task_id"} answer: fetch the full task, or keep the id if that fails."""
        task = parse_task(partial)
        try:
            return await self.get_task(task.task_id)
        except MountseaError as error:
            # The task exists and may be billed: losing its id would be worse than a thin Task.
            _log.warning("Task %s was submitted but could not be fetched: %s", task.task_id, error)
            return task

    async def get_task(self, task_id: str) -> Task:
        """GET /ms/v1/tasks/{task_id}."""
        data = await self._sender.request_json("GET", f"/ms/v1/tasks/{_id_path(task_id)}")
        return parse_task(_unwrap(data, "task_id"))

    async def cancel_task(self, task_id: str) -> Task:
        """DELETE /ms/v1/tasks/{task_id}.

        A 409 for a task that is already canceled returns that task: a retried DELETE whose
        first attempt did reach the server must not look like a failure.
        """
        try:
            data = await self._sender.request_json("DELETE", f"/ms/v1/tasks/{_id_path(task_id)}")
        except ConflictError:
            task = await self.get_task(task_id)
            if task.status is TaskStatus.CANCELED:
                return task
            raise
        return parse_task(_unwrap(data, "task_id"))

    def follow(
        self,
        task_id: str,
        *,
        initial_interval: float = 1.0,
        factor: float = 1.5,
        max_interval: float = 15.0,
        deadline: float = 3600.0,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        on_problem: ProblemCallback | None = None,
        first_poll_after: float = 0.0,
        min_spacing: float = 0.0,
        expected_end: float | None = None,
    ) -> AsyncIterator[Task]:
        """Poll until terminal, yielding the Task whenever it changed (see follow.follow_task).

        `on_problem` hears of every poll that failed for now (network, 429, 5xx) and gets None
        when a poll succeeds again; following goes on either way. `first_poll_after`,
        `min_spacing` and `expected_end` pace the polls (see follow.PollPace); by default the
        first poll goes out at once and only the interval spaces the others.
        """
        return follow_task(
            self.get_task,
            task_id,
            initial_interval=initial_interval,
            factor=factor,
            max_interval=max_interval,
            deadline=deadline,
            sleep=sleep,
            clock=clock,
            on_problem=on_problem,
            pace=PollPace(first_poll_after, min_spacing, expected_end),
        )

    async def download(
        self,
        url: str,
        dest: Path,
        *,
        max_bytes: int = 2 * 1024**3,
        progress: Callable[[int, int | None], None] | None = None,
    ) -> Path:
        """Stream `url` into `dest` atomically via `dest.name + ".part"`, resuming with Range.

        The API key is sent only when the URL's origin is the API's; `progress` gets
        (bytes so far, expected total or None). A fetch without progress for
        `download_stall_s` is resumed (within the retry policy's attempts); the whole download
        gives up after `download_deadline_s`, keeping the `.part` (IncompleteDownloadError).
        """
        return await download_file(
            self._sender,
            url,
            dest,
            max_bytes=max_bytes,
            progress=progress,
            stall_s=self._download_stall_s,
            deadline_s=self._download_deadline_s,
            lane=self._lane,
        )


def _id_path(task_id: str) -> str:
    return quote(task_id, safe="")


def _endpoint_items(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in _LIST_KEYS:
            if isinstance(data.get(key), list):
                return list(data[key])
    raise ProtocolError("The endpoint list has an unexpected shape.", body=data)


def _unwrap(data: Any, key: str) -> Any:
    """The object holding `key`, also when wrapped in a {"data": {...}} envelope."""
    if isinstance(data, dict) and key not in data:
        inner = data.get("data")
        if isinstance(inner, dict) and key in inner:
            return inner
    return data
