"""The simulator runs where the event loop has no signal handlers (Windows): it still stops."""

from __future__ import annotations

import asyncio
import signal
from typing import TYPE_CHECKING, Any

from studio.sim.__main__ import choose_generator, serve
from studio.sim.server import SimConfig

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def test_a_signal_stops_the_simulator_without_loop_signal_handlers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handlers: dict[int, Any] = {}

    def refuse(*_args: Any) -> None:
        raise NotImplementedError  # as asyncio's Windows event loops do

    async def scenario() -> None:
        installed = asyncio.Event()

        def install(signum: int, handler: Any) -> None:
            handlers[signum] = handler
            installed.set()

        monkeypatch.setattr(signal, "signal", install)
        monkeypatch.setattr(asyncio.get_running_loop(), "add_signal_handler", refuse)
        server = asyncio.ensure_future(serve(SimConfig(data_dir=tmp_path), choose_generator(True)))
        await asyncio.wait_for(installed.wait(), 10)
        handlers[signal.SIGTERM](signal.SIGTERM, None)
        await asyncio.wait_for(server, 10)

    asyncio.run(scenario())
