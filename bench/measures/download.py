"""Download of a 200 MiB output on loopback: MountseaClient.download against curl, in MiB/s.

How: a 200 MiB file of random bytes is written once and served by ``bench.children.file_server``
(aiohttp ``FileResponse`` on 127.0.0.1, a subprocess) for the whole measure. Studio: a fresh
``bench.children.download`` process runs ``MountseaClient.download`` (``studio.core.api``) on a
qasync loop like the app's and times that call alone (request, body, ``.part`` file, fsync,
rename). Baseline: ``curl -o FILE`` from the same server, timed by curl's own ``time_total``, plus
the bench's ``fsync`` of the file so both end with the bytes on disk. Repetitions alternate; the
downloaded file is deleted after each. Without curl on PATH the row says so and has no baseline.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Final

from bench.runner import (
    ROOT,
    ChildError,
    Options,
    Row,
    child_env,
    interleaved,
    progress,
    ratio_at_least,
    run_child,
)

MIB: Final = 1024 * 1024
SIZE_MIB: Final = 200
_LISTENING = re.compile(r"Listening on (http://\S+)")


def write_random_file(path: Path, mib: int) -> None:
    """The served file, on disk before the first repetition: its own writeback would otherwise
    land in the first ones, slowing whichever was writing then."""
    with path.open("wb") as file:
        for _ in range(mib):
            file.write(os.urandom(MIB))
        file.flush()
        os.fsync(file.fileno())


def start_server(folder: Path) -> tuple[subprocess.Popen[str], str]:
    server = subprocess.Popen(
        [sys.executable, "-m", "bench.children.file_server", str(folder)],
        env=child_env(),
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert server.stdout is not None
    match = _LISTENING.search(server.stdout.readline())
    if match is None:
        server.kill()
        server.wait()
        raise ChildError("the file server did not start")
    return server, match.group(1)


def studio_seconds(url: str, dest: Path) -> float:
    result = run_child("bench.children.download", ["--url", url, "--dest", str(dest)], timeout=300)
    if result["bytes"] != SIZE_MIB * MIB:
        raise ChildError(f"downloaded {result['bytes']} bytes, not {SIZE_MIB * MIB}")
    return float(result["seconds"])


def curl_seconds(curl: str, url: str, dest: Path) -> float:
    done = subprocess.run(
        [curl, "-sS", "--fail", "-o", str(dest), "-w", "%{time_total}", url],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    began = time.perf_counter()
    with dest.open("rb+") as file:
        os.fsync(file.fileno())
    return float(done.stdout.strip()) + time.perf_counter() - began


def rows(options: Options) -> list[Row]:
    curl = shutil.which("curl")
    studio: list[float] = []
    baseline: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-download-", ignore_cleanup_errors=True) as tmp:
        folder = Path(tmp)
        (folder / "served").mkdir()
        write_random_file(folder / "served" / "output.bin", SIZE_MIB)
        server, base_url = start_server(folder / "served")
        url = f"{base_url}/files/output.bin"
        dest = folder / "received" / "output.bin"
        try:
            for rep, which in interleaved(options.reps, 2 if curl else 1):
                if which == 0:
                    seconds = studio_seconds(url, dest)
                    studio.append(SIZE_MIB / seconds)
                else:
                    assert curl is not None
                    seconds = curl_seconds(curl, url, dest)
                    baseline.append(SIZE_MIB / seconds)
                dest.unlink(missing_ok=True)
                name = "studio" if which == 0 else "curl"
                progress("download", f"rep {rep + 1}/{options.reps} {name}: "
                                     f"{SIZE_MIB / seconds:,.0f} MiB/s")  # fmt: skip
        finally:
            server.terminate()
            server.wait(timeout=10)
    return [
        Row(
            "download",
            f"download of a {SIZE_MIB} MiB output on loopback",
            "MiB/s",
            studio,
            baseline,
            ratio_at_least(0.8),
            baseline_label=(
                "curl -o FILE from the same aiohttp server (time_total) + fsync"
                if curl
                else "curl is not installed here (shutil.which found none): no baseline"
            ),
            note="MountseaClient.download on a qasync loop, fsync and rename included",
            higher_is_better=True,
        )
    ]
