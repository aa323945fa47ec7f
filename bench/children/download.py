"""Child: one ``MountseaClient.download`` of a URL, on a qasync loop like the app's, timed.

The client is built before the clock starts; the time covers the call only: request, body, the
``.part`` file, its fsync and the rename. Writes {"seconds", "bytes"}.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication

from bench.children.qt_tools import write_result
from studio.core.api import MountseaClient


async def download(base_url: str, url: str, dest: Path) -> float:
    async with MountseaClient(base_url, "bench-key") as client:
        began = time.perf_counter()
        await client.download(url, dest, max_bytes=4 * 1024**3)
        return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--dest", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    app = QApplication(sys.argv)  # the app downloads on the GUI thread's qasync loop
    base_url = args.url.split("/files/", 1)[0]
    seconds: float = qasync.run(download(base_url, args.url, args.dest))
    write_result(args.out, {"seconds": seconds, "bytes": args.dest.stat().st_size})
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
