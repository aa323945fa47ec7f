"""A full disk, for real: the studio's core on a 6 MB filesystem that fills up (issue 11 §5).

Mounts a tmpfs (needs root; Linux), runs jobs through the real runner, journal and library while
another program fills the disk, then frees the space and starts again. Checks that every job the
queue showed as "failed — not sent" is failed in the library and is not sent at the next start,
that no ``.part`` file stays behind, and that the full disk was reported. Not part of the suite
(tests/core/test_disk_full.py simulates the same without a mount).

usage: sudo python packaging/disk_full_check.py   (from the repository root)
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from typing_extensions import override

from studio.core.jobs import JobStatus
from studio.core.library import Library
from tests.core.test_journal import PngClient, open_services, settled
from tests.core.test_tasks_fakes import ENDPOINT

SIZE = "6m"
JOBS = 8


@dataclass
class FillingClient(PngClient):
    """Each output is 2 MB; after the second one another program fills the disk."""

    mount: Path = Path()

    @override
    async def download(self, url: str, dest: Path) -> Path:
        self.downloads.append((url, dest))
        part = dest.with_name(dest.name + ".part")
        with part.open("wb") as stream:
            for _ in range(20):
                stream.write(os.urandom(100_000))
        part.replace(dest)
        if len(self.downloads) == 2:
            with contextlib.suppress(OSError), (self.mount / "filler").open("wb") as filler:
                while True:
                    filler.write(b"\0" * 65536)
                    filler.flush()
        return dest


async def run(mount: Path) -> int:
    db = mount / "home" / "library.sqlite3"
    client = FillingClient(mount=mount)
    full: list[Path] = []
    library = Library.open(db)
    async with open_services(
        client, library, backend="demo", max_concurrent=1, on_disk_full=full.append
    ) as services:
        jobs = [services.runner.submit(ENDPOINT, {"prompt": f"job {n}"}) for n in range(JOBS)]
        for job in jobs:
            await settled(services, job.local_id)
        shown = {job.local_id: services.runner.get(job.local_id) for job in jobs}
    library.close()
    parts = await asyncio.to_thread(_free_the_disk, mount)
    sent_before = len(client.run_calls)
    library = Library.open(db)
    async with open_services(client, library, backend="demo") as services:
        report = await services.reconcile()
    print(f"{'job':<34} {'queue showed':<22} library after restart")
    failures = 0
    for local_id, seen in shown.items():
        record = library.get_job(local_id)
        assert seen is not None and record is not None
        not_sent = seen.status is JobStatus.FAILED and seen.task_id is None
        ok = not not_sent or (record.status is JobStatus.FAILED and local_id not in report.sent)
        failures += not ok
        mark = "" if ok else "  <-- shown as not sent, but not failed"
        print(f"{local_id:<34} {seen.status.value:<22} {record.status.value}{mark}")
    library.close()
    resent = len(client.run_calls) - sent_before
    print(f"disk full reported: {len(full)} time(s); .part files left: {len(parts)}")
    print(f"sent again at the restart: {resent}")
    return 1 if failures or parts or resent or not full else 0


def _free_the_disk(mount: Path) -> list[Path]:
    """The .part files left behind; then the other program's file goes."""
    parts = list(mount.rglob("*.part"))
    (mount / "filler").unlink()
    return parts


def main() -> int:
    if os.geteuid() != 0:
        print("needs root to mount a small filesystem", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="studio-full-") as folder:
        mount = Path(folder)
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={SIZE}", "tmpfs", str(mount)], check=True
        )
        os.environ["STUDIO_HOME"] = str(mount / "home")
        try:
            return asyncio.run(run(mount))
        finally:
            subprocess.run(["umount", str(mount)], check=False)


if __name__ == "__main__":
    raise SystemExit(main())
