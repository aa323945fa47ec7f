"""The studio's folders are 0700 and its files 0600, whatever the umask (issue 11 §4)."""

from __future__ import annotations

import logging
import os
import stat
import sys
from typing import TYPE_CHECKING

import httpx
import pytest

from studio.core import paths
from studio.core.api import MountseaClient, RetryPolicy
from studio.core.jobs import DurationStats, JobStatus
from studio.core.library import Library
from studio.core.session import Settings, configure_logging, save_settings
from tests.core.test_journal import PngClient, open_services, settled
from tests.core.test_tasks_fakes import ENDPOINT

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    """The usual desktop umask, under which plain open() makes world-readable files."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def modes_under(root: Path) -> dict[str, int]:
    return {
        path.relative_to(root).as_posix(): stat.S_IMODE(path.lstat().st_mode)
        for path in root.rglob("*")
    }


def assert_private(root: Path) -> None:
    modes = modes_under(root)
    assert modes, "nothing was written"
    wrong = {
        name: oct(mode)
        for name, mode in modes.items()
        if mode != (paths.PRIVATE_DIR_MODE if (root / name).is_dir() else paths.PRIVATE_FILE_MODE)
    }
    assert not wrong, wrong


async def no_wait(_seconds: float) -> None:
    return None


@pytest.mark.asyncio
async def test_everything_the_studio_writes_is_private(studio_home: Path) -> None:
    save_settings(Settings(max_concurrent=2))
    log_path = configure_logging()
    logging.getLogger("studio.test").info("a line in the log")
    DurationStats.in_cache_dir().record(ENDPOINT, 1.5)
    library = Library.open(outputs_root=paths.outputs_dir())
    try:
        async with open_services(PngClient(), library) as services:
            job = services.runner.submit(ENDPOINT, {"prompt": "a private lighthouse"})
            done = await settled(services, job.local_id)
        assert done.status is JobStatus.SUCCEEDED
    finally:
        library.close()

    # A download cut short leaves its .part file behind, to be resumed.
    def cut_short(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-length": "100"}, content=b"x" * 10)

    http = httpx.AsyncClient(transport=httpx.MockTransport(cut_short))
    policy = RetryPolicy(max_attempts=1, sleep=no_wait)
    async with MountseaClient("http://127.0.0.1:9", "k", http=http, retry=policy) as client:
        with pytest.raises(Exception, match="stopping early"):
            await client.download("http://127.0.0.1:9/f.png", paths.outputs_dir() / "f.png")
    await http.aclose()
    assert (paths.outputs_dir() / "f.png.part").exists()
    assert log_path.exists() and list(paths.outputs_dir().rglob("*.sidecar.json"))
    assert_private(studio_home)


def test_older_world_readable_files_are_tightened(studio_home: Path) -> None:
    data = studio_home / "data"
    data.mkdir(parents=True, mode=0o755)
    data.chmod(0o755)
    db = data / "library.sqlite3"
    Library.open(db).close()
    db.chmod(0o644)
    Library.open(db).close()
    assert stat.S_IMODE(paths.data_dir().stat().st_mode) == 0o700
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_a_folder_the_user_chose_is_left_as_it_is(tmp_path: Path) -> None:
    chosen = tmp_path / "Pictures"
    chosen.mkdir(mode=0o755)
    chosen.chmod(0o755)
    assert Settings(download_dir=str(chosen)).outputs_dir() == chosen
    assert stat.S_IMODE(chosen.stat().st_mode) == 0o755
    new = tmp_path / "new" / "deeper"
    Settings(download_dir=str(new)).outputs_dir()
    assert stat.S_IMODE(new.stat().st_mode) == 0o700
    assert stat.S_IMODE(new.parent.stat().st_mode) == 0o700
