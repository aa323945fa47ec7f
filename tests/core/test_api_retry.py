"""Retry policy: GET/DELETE are re-sent on transient failures, POST /run never after sending."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from studio.core.api import (
    MountseaError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    RetryPolicy,
    ServerError,
    TaskStatus,
    parse_retry_after,
)
from tests.fakes.transport import (
    FakeMountsea,
    RecordingSleep,
    error_response,
    instant_retry,
    json_response,
    task_json,
)

NOW = datetime(2026, 5, 18, 9, 0, 0, tzinfo=UTC)


def test_parse_retry_after_seconds_and_http_date() -> None:
    assert parse_retry_after("3", NOW) == 3.0
    assert parse_retry_after(" 1.5 ", NOW) == 1.5
    assert parse_retry_after("Mon, 18 May 2026 09:00:30 GMT", NOW) == 30.0
    assert parse_retry_after("Mon, 18 May 2026 08:00:00 GMT", NOW) == 0.0
    assert parse_retry_after("soon", NOW) is None
    assert parse_retry_after(None, NOW) is None


def test_backoff_grows_exponentially_to_the_cap_with_full_jitter() -> None:
    policy = RetryPolicy(random=lambda: 1.0)
    assert [policy.backoff(n) for n in range(1, 9)] == [0.5, 1, 2, 4, 8, 16, 20, 20]
    assert RetryPolicy(random=lambda: 0.25).backoff(3) == 0.5
    assert RetryPolicy(random=lambda: 0.0).backoff(5) == 0.0


def test_retry_after_replaces_backoff_and_is_capped() -> None:
    policy = RetryPolicy(random=lambda: 1.0)
    assert policy.delay(1, 12.0) == 12.0
    assert policy.delay(1, 600.0) == 60.0
    assert policy.delay(2, None) == 1.0


@pytest.mark.asyncio
async def test_get_retries_5xx_until_success() -> None:
    sleep = RecordingSleep()
    fake = FakeMountsea()
    fake.get(
        "/ms/v1/tasks/ms-1",
        error_response(500, "boom"),
        error_response(502, "bad gateway"),
        httpx.Response(408),
        json_response(task_json(task_id="ms-1")),
    )
    async with fake.client(retry=instant_retry(sleep)) as api:
        task = await api.get_task("ms-1")
    assert task.task_id == "ms-1"
    assert len(fake.requests) == 4
    assert sleep.delays == [0.5, 1.0, 2.0]


@pytest.mark.asyncio
async def test_get_gives_up_after_max_attempts() -> None:
    sleep = RecordingSleep()
    fake = FakeMountsea()
    fake.get("/ms/v1/tasks/*", error_response(503, "down"))
    async with fake.client(retry=instant_retry(sleep, max_attempts=3)) as api:
        with pytest.raises(ServerError):
            await api.get_task("ms-1")
    assert len(fake.requests) == 3
    assert len(sleep.delays) == 2


@pytest.mark.asyncio
async def test_retry_after_seconds_and_http_date_are_honoured() -> None:
    sleep = RecordingSleep()
    policy = instant_retry(sleep, now=lambda: NOW)
    fake = FakeMountsea()
    fake.get(
        "/ms/v1/endpoints",
        error_response(429, "slow", headers={"Retry-After": "4"}),
        error_response(503, "busy", headers={"Retry-After": "Mon, 18 May 2026 09:00:09 GMT"}),
        error_response(429, "slow", headers={"Retry-After": "3600"}),
        json_response([]),
    )
    async with fake.client(retry=policy) as api:
        assert await api.list_endpoints() == []
    assert sleep.delays == [4.0, 9.0, 60.0]


@pytest.mark.asyncio
async def test_get_retries_network_errors_and_timeouts() -> None:
    attempts: list[str] = []

    def flaky(request: httpx.Request) -> httpx.Response:
        attempts.append(request.method)
        if len(attempts) == 1:
            raise httpx.ConnectError("refused", request=request)
        if len(attempts) == 2:
            raise httpx.ReadTimeout("slow", request=request)
        return json_response(task_json())

    fake = FakeMountsea()
    fake.get("/ms/v1/tasks/*", flaky)
    async with fake.client() as api:
        task = await api.get_task("ms-1")
    assert task.status is TaskStatus.QUEUED
    assert attempts == ["GET", "GET", "GET"]


@pytest.mark.asyncio
async def test_delete_is_retried() -> None:
    fake = FakeMountsea()
    fake.delete(
        "/ms/v1/tasks/ms-1",
        error_response(503, "busy"),
        json_response(task_json(task_id="ms-1", status="canceled")),
    )
    async with fake.client() as api:
        task = await api.cancel_task("ms-1")
    assert task.status is TaskStatus.CANCELED
    assert len(fake.requests_to("DELETE", "/ms/v1/tasks/ms-1")) == 2


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("status", "cls"),
    [(500, ServerError), (502, ServerError), (503, ServerError), (429, RateLimitedError)],
)
async def test_post_is_not_resent_after_an_error_status(
    status: int, cls: type[MountseaError]
) -> None:
    sleep = RecordingSleep()
    fake = FakeMountsea()
    fake.post("/ms/v1/run/*", error_response(status, "nope"), json_response(task_json()))
    async with fake.client(retry=instant_retry(sleep)) as api:
        with pytest.raises(cls):
            await api.run("google/veo-3.1/text-to-video", {"prompt": "x"})
    assert len(fake.requests) == 1
    assert sleep.delays == []


@pytest.mark.asyncio
@pytest.mark.parametrize("error", [httpx.ReadTimeout, httpx.ReadError, httpx.RemoteProtocolError])
async def test_post_is_not_resent_after_it_may_have_arrived(
    error: type[httpx.RequestError],
) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise error("lost", request=request)

    fake = FakeMountsea()
    fake.post("/ms/v1/run/*", fail, json_response(task_json()))
    async with fake.client() as api:
        with pytest.raises(NetworkError):
            await api.run("google/veo-3.1/text-to-video", {"prompt": "x"})
    assert len(fake.requests) == 1


@pytest.mark.asyncio
async def test_post_is_resent_when_the_connection_never_opened() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    fake = FakeMountsea()
    fake.post("/ms/v1/run/*", refuse, json_response(task_json()))
    async with fake.client() as api:
        task = await api.run("google/veo-3.1/text-to-video", {"prompt": "x"})
    assert task.status is TaskStatus.QUEUED
    assert len(fake.requests) == 2


@pytest.mark.asyncio
async def test_client_errors_are_not_retried() -> None:
    fake = FakeMountsea()
    fake.get("/ms/v1/tasks/*", error_response(404, "no such task"))
    async with fake.client() as api:
        with pytest.raises(NotFoundError, match="Not found"):
            await api.get_task("ms-x")
    assert len(fake.requests) == 1
