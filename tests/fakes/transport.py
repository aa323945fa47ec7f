"""A fake Mountsea server on httpx.MockTransport (no sockets) for client, task and UI tests.

Typical use::

    fake = FakeMountsea()
    fake.get("/ms/v1/tasks/*", json_response(task_json(status="processing")),
             json_response(task_json(status="succeeded")))
    async with fake.client() as api:          # retries sleep instantly (see instant_retry)
        task = await api.get_task("ms-1")
    assert fake.requests[0].headers["Authorization"] == f"Bearer {TEST_API_KEY}"

Routes match method and a glob on the decoded URL path (`*` also spans "/", so slugs fit) and,
optionally, the host. Each route answers with its responders in turn and repeats the last one.
A responder is an httpx.Response or a handler (sync or async) taking the httpx.Request. Routes added
later win over earlier ones. Unmatched requests get a NestJS-style 404 and are still recorded.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any

import httpx
from typing_extensions import override

from studio.core.api import MountseaClient, RetryPolicy, http_client

Handler = Callable[[httpx.Request], httpx.Response | Awaitable[httpx.Response]]
Responder = httpx.Response | Handler

TEST_BASE_URL = "https://api.mountsea.test"
TEST_API_KEY = "sk-test-7Hq2ZsecretKEY9"

EXAMPLE_TASK: dict[str, Any] = {
    "task_id": "ms-3f0c2b8e-6a1d-4f3e-9c1a-2b7d9e5f4a10",
    "endpoint": "google/veo-3.1/text-to-video",
    "model": "veo-3.1",
    "capability": "video",
    "mode": "text-to-video",
    "status": "queued",
    "created_at": "2026-05-18T09:00:00.000Z",
    "started_at": None,
    "completed_at": None,
    "elapsed_ms": None,
    "output": None,
    "error": None,
}


def task_json(**overrides: Any) -> dict[str, Any]:
    """The documented example Task object (CONTRACT §3) with `overrides` applied."""
    return {**EXAMPLE_TASK, **overrides}


def endpoint_json(slug: str = "google/veo-3.1/text-to-video", **overrides: Any) -> dict[str, Any]:
    """A list item of GET /ms/v1/endpoints for `slug`, with `overrides` applied."""
    provider, model, *_ = [*slug.split("/"), "", ""]
    base = {
        "slug": slug,
        "name": slug.replace("/", " "),
        "provider": provider.title(),
        "model": model,
        "capability": "video",
        "mode": slug.rsplit("/", 1)[-1],
        "tags": [provider, model],
        "description": f"Test endpoint {slug}.",
    }
    return {**base, **overrides}


def json_response(
    data: Any, status: int = 200, headers: dict[str, str] | None = None
) -> httpx.Response:
    """A JSON answer."""
    return httpx.Response(status, json=data, headers=headers)


def error_response(
    status: int, message: str | list[str], headers: dict[str, str] | None = None
) -> httpx.Response:
    """A NestJS-style error body: {"statusCode", "message", "error"}."""
    phrase = httpx.codes.get_reason_phrase(status)
    body = {"statusCode": status, "message": message, "error": phrase}
    return httpx.Response(status, json=body, headers=headers)


def json_body(request: httpx.Request) -> Any:
    """The decoded JSON body a request carried."""
    return json.loads(request.content)


@dataclass
class Route:
    """One method + path glob (+ optional host) and the answers it gives in turn."""

    method: str
    pattern: str
    responders: list[Responder]
    host: str | None = None
    hits: int = 0

    def matches(self, request: httpx.Request) -> bool:
        if self.host is not None and request.url.host != self.host:
            return False
        return request.method == self.method and fnmatchcase(request.url.path, self.pattern)

    def next_responder(self) -> Responder:
        responder = self.responders[min(self.hits, len(self.responders) - 1)]
        self.hits += 1
        return responder


@dataclass
class FakeMountsea:
    """Routes → responders, served through an httpx.MockTransport; records every request."""

    base_url: str = TEST_BASE_URL
    requests: list[httpx.Request] = field(default_factory=list)
    routes: list[Route] = field(default_factory=list)

    def add(
        self, method: str, pattern: str, *responders: Responder, host: str | None = None
    ) -> Route:
        """Answer `method pattern` with `responders` in turn (the last repeats)."""
        if not responders:
            raise ValueError("a route needs at least one responder")
        route = Route(method.upper(), pattern, list(responders), host)
        self.routes.append(route)
        return route

    def get(self, pattern: str, *responders: Responder, host: str | None = None) -> Route:
        return self.add("GET", pattern, *responders, host=host)

    def post(self, pattern: str, *responders: Responder, host: str | None = None) -> Route:
        return self.add("POST", pattern, *responders, host=host)

    def delete(self, pattern: str, *responders: Responder, host: str | None = None) -> Route:
        return self.add("DELETE", pattern, *responders, host=host)

    def task_states(self, task_id: str, *states: dict[str, Any]) -> Route:
        """GET /ms/v1/tasks/{task_id} answers each Task JSON in turn (the last repeats)."""
        answers = [json_response(task_json(task_id=task_id, **state)) for state in states]
        return self.get(f"/ms/v1/tasks/{task_id}", *answers)

    def requests_to(self, method: str, pattern: str) -> list[httpx.Request]:
        """Recorded requests matching a method and a path glob."""
        return [r for r in self.requests if r.method == method and fnmatchcase(r.url.path, pattern)]

    async def handle(self, request: httpx.Request) -> httpx.Response:
        """The MockTransport handler: record, route, answer."""
        self.requests.append(request)
        for route in reversed(self.routes):
            if route.matches(request):
                return await _answer(route.next_responder(), request)
        return error_response(404, f"Cannot {request.method} {request.url.path}")

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def http(self) -> httpx.AsyncClient:
        """The app's http client configuration (studio.core.api.http_client) on this fake."""
        return http_client(self.base_url, transport=self.transport())

    def client(
        self, *, api_key: str = TEST_API_KEY, retry: RetryPolicy | None = None
    ) -> MountseaClient:
        """A MountseaClient on this fake; retries sleep instantly unless `retry` says otherwise."""
        return MountseaClient(
            self.base_url, api_key, http=self.http(), retry=retry or instant_retry()
        )


async def _answer(responder: Responder, request: httpx.Request) -> httpx.Response:
    if isinstance(responder, httpx.Response):
        return responder
    result = responder(request)
    return await result if inspect.isawaitable(result) else result


class RecordingSleep:
    """An injectable `sleep` that returns at once and records each delay; may advance a clock."""

    def __init__(self, clock: FakeClock | None = None) -> None:
        self.delays: list[float] = []
        self.clock = clock

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)
        if self.clock is not None:
            self.clock.advance(delay)


class FakeClock:
    """An injectable monotonic clock that only moves when told to."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def instant_retry(sleep: RecordingSleep | None = None, **overrides: Any) -> RetryPolicy:
    """A RetryPolicy whose sleeps return at once (recorded) and whose jitter is always 1.0."""
    return RetryPolicy(sleep=sleep or RecordingSleep(), random=lambda: 1.0, **overrides)


def make_client(
    handler: Handler,
    *,
    api_key: str = TEST_API_KEY,
    base_url: str = TEST_BASE_URL,
    retry: RetryPolicy | None = None,
) -> MountseaClient:
    """A MountseaClient whose every request goes to `handler` (one function for all routes)."""

    async def answer(request: httpx.Request) -> httpx.Response:
        return await _answer(handler, request)

    http = http_client(base_url, transport=httpx.MockTransport(answer))
    return MountseaClient(base_url, api_key, http=http, retry=retry or instant_retry())


class BrokenStream(httpx.AsyncByteStream):
    """A body that sends `data` in chunks and then fails with httpx.ReadError (a dropped link)."""

    def __init__(self, data: bytes, chunk_size: int = 1024) -> None:
        self.data = data
        self.chunk_size = chunk_size

    @override
    async def __aiter__(self) -> AsyncIterator[bytes]:
        for start in range(0, len(self.data), self.chunk_size):
            yield self.data[start : start + self.chunk_size]
        raise httpx.ReadError("connection reset by peer")


_RANGE = re.compile(r"bytes=(\d+)-$")


def file_handler(
    data: bytes,
    *,
    content_type: str = "application/octet-stream",
    honour_range: bool = True,
    cut_first: int | None = None,
) -> Handler:
    """Serve `data` like a file server: Range → 206, else 200 with Content-Length.

    `cut_first`: the first answer promises the full length but carries only that many bytes
    and then drops the connection, so the client has to resume.
    """
    calls = 0

    def handle(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        match = _RANGE.match(request.headers.get("range", ""))
        start = int(match[1]) if match and honour_range else 0
        headers = {"Content-Type": content_type, "Content-Length": str(len(data) - start)}
        if start:
            headers["Content-Range"] = f"bytes {start}-{len(data) - 1}/{len(data)}"
        status = 206 if start else 200
        if calls == 1 and cut_first is not None:
            return httpx.Response(
                status, headers=headers, stream=BrokenStream(data[start:cut_first])
            )
        return httpx.Response(status, headers=headers, content=data[start:])

    return handle
