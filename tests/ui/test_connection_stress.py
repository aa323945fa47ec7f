"""Hundreds of HTTP connections through qasync: the PySide6 6.12 + Python 3.11 abort stays away.

Each closed connection makes qasync disconnect a socket-notifier signal; on the broken combination
~1,500 disconnects abort the interpreter (TOOLCHAIN.md). This test opens and closes 400 connections.
"""

from __future__ import annotations

import asyncio
import sys
from typing import TYPE_CHECKING

import httpx
import PySide6
import pytest

from tests.fakes.simulator import running_simulator

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tests.fakes.simulator import SimProcess

CONNECTIONS = 400


@pytest.fixture(scope="module")
def sim() -> Iterator[SimProcess]:
    with running_simulator(speed=100.0) as process:
        yield process


def test_pinned_pyside_avoids_the_known_abort() -> None:
    if sys.version_info < (3, 12):
        assert PySide6.__version__ != "6.12.0"


@pytest.mark.asyncio
async def test_hundreds_of_fresh_connections_through_qasync(sim: SimProcess) -> None:
    # No keep-alive: every request opens and closes its own socket.
    limits = httpx.Limits(max_connections=20, max_keepalive_connections=0)
    headers = {"Authorization": f"Bearer {sim.api_key}"}
    async with httpx.AsyncClient(base_url=sim.base_url, headers=headers, limits=limits) as http:
        gate = asyncio.Semaphore(20)

        async def one(i: int) -> int:
            async with gate:
                path = "/ms/v1/endpoints" if i % 2 else "/ms/v1/endpoints?capability=video"
                response = await http.get(path)
                return response.status_code

        codes = await asyncio.gather(*(one(i) for i in range(CONNECTIONS)))
    assert codes.count(200) == CONNECTIONS
