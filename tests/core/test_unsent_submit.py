"""A submit whose connection never opened fails as 'not sent', never 'may exist on the server'."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx
import pytest

from studio.core.api import MountseaClient, NetworkError, RetryPolicy
from studio.core.jobs import JobStatus
from tests.core.test_tasks import settle
from tests.core.test_tasks_fakes import ENDPOINT, FakeClient, open_runner

if TYPE_CHECKING:
    from pathlib import Path


def refusing(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


def reset_after_sending(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadError("connection reset", request=request)


async def no_wait(_seconds: float) -> None:
    return None


@pytest.mark.asyncio
async def test_client_says_whether_the_request_left() -> None:
    policy = RetryPolicy(sleep=no_wait)
    for handler, sent in ((refusing, False), (reset_after_sending, True)):
        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        async with MountseaClient("http://127.0.0.1:9", "k", http=http, retry=policy) as client:
            with pytest.raises(NetworkError) as caught:
                await client.run(ENDPOINT, {"prompt": "x"})
        await http.aclose()
        assert caught.value.request_sent is sent


@pytest.mark.asyncio
async def test_refused_connection_fails_the_job_instead_of_unknown(tmp_path: Path) -> None:
    error = NetworkError("Could not connect to 127.0.0.1.", request_sent=False)
    async with open_runner(FakeClient(run_error=error), tmp_path) as runner:
        done = await settle(runner, runner.submit(ENDPOINT, {"prompt": "x"}))
    assert done.status is JobStatus.FAILED
    assert done.error is not None and done.error.startswith("Not sent.")


@pytest.mark.asyncio
async def test_broken_connection_after_sending_is_unknown(tmp_path: Path) -> None:
    error = NetworkError("The connection broke off.", request_sent=True)
    async with open_runner(FakeClient(run_error=error), tmp_path) as runner:
        done = await settle(runner, runner.submit(ENDPOINT, {"prompt": "x"}))
    assert done.status is JobStatus.UNKNOWN
