"""Child: a loopback HTTP file server (aiohttp, Range and sendfile) for the download measure.

``python -m bench.children.file_server FOLDER`` serves FOLDER's files at ``/files/<name>``, prints
``Listening on http://127.0.0.1:PORT`` and runs until SIGTERM. Both the studio's client and curl
fetch from it, so the server is the same for both.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from pathlib import Path

from aiohttp import web


async def serve(folder: Path) -> None:
    async def send(request: web.Request) -> web.StreamResponse:
        path = folder / Path(request.match_info["name"]).name
        if not path.is_file():
            raise web.HTTPNotFound
        return web.FileResponse(path)

    app = web.Application()
    app.router.add_get("/files/{name}", send)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    print(f"Listening on http://127.0.0.1:{port}", flush=True)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    asyncio.run(serve(parser.parse_args().folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
