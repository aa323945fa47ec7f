"""Command line of the simulator: ``python -m studio.sim --port 8765`` (also ``mountsea-sim``)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import shutil
import signal
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from studio.sim import DEMO_API_KEY
from studio.sim.faults import FaultProfileError, parse_profile
from studio.sim.lifecycle import DEFAULT_MAX_TASKS, DEFAULT_TTL_SECONDS
from studio.sim.server import SimConfig, SimServer

if TYPE_CHECKING:
    from collections.abc import Sequence

    from studio.sim.rendering import GenerateFn


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mountsea-sim", description="Local simulator of the Mountsea /ms/v1 API."
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port; 0 picks a free one")
    parser.add_argument("--api-key", default=DEMO_API_KEY, help="the Bearer key to accept")
    parser.add_argument(
        "--speed", type=_positive_float, default=1.0, help="divides every simulated duration"
    )
    parser.add_argument(
        "--faults",
        type=_fault_profile,
        default="none",
        help="fault profile (see studio.sim.faults)",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="keep tasks and media here across restarts (default: a temporary directory, "
        "removed on exit, nothing kept)",
    )
    parser.add_argument("--max-tasks", type=int, default=DEFAULT_MAX_TASKS)
    parser.add_argument(
        "--task-ttl",
        type=_positive_float,
        default=DEFAULT_TTL_SECONDS,
        help="seconds a finished task (and its files) is kept",
    )
    parser.add_argument(
        "--fake-media",
        action="store_true",
        help="dev aid: tiny placeholder files instead of the real media generator",
    )
    parser.add_argument("--verbose", action="store_true", help="log requests and tasks to stderr")
    return parser


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be > 0: {text}")
    return value


def _fault_profile(text: str) -> str:
    try:
        parse_profile(text)
    except FaultProfileError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def choose_generator(fake: bool) -> GenerateFn:
    if fake:
        from studio.sim.fake_media import generate_placeholder

        return generate_placeholder
    # Imported only when serving: the real generator pulls in PyAV and numpy.
    from studio.sim.media import generate

    return generate


async def serve(config: SimConfig, generate: GenerateFn) -> None:
    """Run until SIGTERM or SIGINT, then shut down cleanly."""
    server = SimServer(config, generate)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(signum, stop.set)
        except NotImplementedError:  # Windows' event loop has no signal handlers
            signal.signal(signum, lambda *_: loop.call_soon_threadsafe(stop.set))
    base_url = await server.start()
    print(f"Listening on {base_url}", flush=True)
    try:
        await stop.wait()
    finally:
        await server.stop()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        stream=sys.stderr,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    temporary = args.data_dir is None
    data_dir = Path(tempfile.mkdtemp(prefix="mountsea-sim-")) if temporary else args.data_dir
    config = SimConfig(
        data_dir=data_dir,
        host=args.host,
        port=args.port,
        api_key=args.api_key,
        speed=args.speed,
        faults=args.faults,
        max_tasks=args.max_tasks,
        task_ttl_seconds=args.task_ttl,
        persist=not temporary,
    )
    try:
        asyncio.run(serve(config, choose_generator(args.fake_media)))
    finally:
        if temporary:
            shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
