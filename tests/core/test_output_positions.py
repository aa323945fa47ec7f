"""A task's Nth media always lands in the same library row, whatever its URL (issue 11 §3).

Media URLs change between runs: the demo simulator comes back on a new port, CDN links are
signed. Matching rows by URL made phantom rows without files, and a fetch planned at every start
that could never finish.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import pytest
from typing_extensions import override

from studio.core.api import DownloadError, Task
from studio.core.jobs import JobStatus
from studio.core.library import Library
from studio.core.library import _migrations as library_schema
from tests.core.test_journal import PNG_MEDIA, PngClient, library, open_services, settled
from tests.core.test_tasks_fakes import ENDPOINT, FakeClient

if TYPE_CHECKING:
    from collections.abc import AsyncIterator
    from pathlib import Path

__all__ = ["library"]


@dataclass
class MovingClient(PngClient):
    """Serves each task's PNG on its current port; a link to an earlier port no longer answers."""

    port: int = 8001
    refuse_downloads: bool = False

    @override
    def _complete(self, task_id: str) -> None:
        url = f"http://127.0.0.1:{self.port}/files/{task_id}/image-0.png"
        self.media = (replace(PNG_MEDIA[0], url=url),)
        FakeClient._complete(self, task_id)

    def _today(self, task: Task) -> Task:
        media = tuple(replace(m, url=re.sub(r":\d+/", f":{self.port}/", m.url)) for m in task.media)
        return replace(task, media=media)

    @override
    async def get_task(self, task_id: str) -> Task:
        return self._today(await super().get_task(task_id))

    @override
    async def follow(self, task_id: str, **options: Any) -> AsyncIterator[Task]:
        async for task in super().follow(task_id, **options):
            yield self._today(task)

    @override
    async def download(self, url: str, dest: Path) -> Path:
        if self.refuse_downloads or f":{self.port}/" not in url:
            self.downloads.append((url, dest))
            raise DownloadError("Could not connect.")
        return await super().download(url, dest)


@pytest.mark.asyncio
async def test_missing_files_are_fetched_from_the_tasks_links_of_today(library: Library) -> None:
    client = MovingClient(refuse_downloads=True)
    async with open_services(client, library) as services:
        job = services.runner.submit(ENDPOINT, {"prompt": "harbour at dawn"})
        first = await settled(services, job.local_id)
    assert first.status is JobStatus.SUCCEEDED and first.error is not None  # file not saved
    client.port, client.refuse_downloads = 8002, False  # the simulator is back, elsewhere
    async with open_services(client, library) as services:
        report = await services.reconcile()
        assert report.fetching == (job.local_id,)
        await services.wait_idle()
    [row] = library.outputs_for_job(job.local_id)
    assert row.index == 0 and row.local_path is not None and row.position == 0
    assert client.downloads[-1][0].startswith("http://127.0.0.1:8002/")
    assert library.jobs_to_reconcile().is_empty  # nothing is planned again at the next start


@pytest.mark.asyncio
async def test_a_task_reported_again_with_new_links_keeps_its_rows(library: Library) -> None:
    client = MovingClient()
    task = await client.run(ENDPOINT, {"prompt": "lighthouse"})
    library.create_job("job-a", ENDPOINT, {"prompt": "lighthouse"}, backend="")
    library.set_remote_id("job-a", task.task_id)
    library.update_job("job-a", status=JobStatus.PROCESSING)
    # The app had recorded the outputs of a success, then stopped before marking it.
    library.add_output("job-a", 0, "image", "http://127.0.0.1:8001/files/ms-1/image-0.png")
    client.port = 8002
    async with open_services(client, library) as services:
        report = await services.reconcile()
        assert report.followed == ("job-a",)
        done = await settled(services, "job-a")
    assert done.status is JobStatus.SUCCEEDED
    [row] = library.outputs_for_job("job-a")
    assert (row.index, row.task_id, row.position) == (0, task.task_id, 0)
    assert row.remote_url == "http://127.0.0.1:8002/files/ms-1/image-0.png"
    assert row.local_path is not None
    assert library.jobs_to_reconcile().is_empty


def test_phantom_rows_of_older_versions_are_removed_and_real_ones_placed(tmp_path: Path) -> None:
    db_path = tmp_path / "v3.sqlite3"
    db = library_schema.connect(db_path)
    library_schema.migrate(db, library_schema.MIGRATIONS[:3])
    new_urls = ["http://127.0.0.1:8002/a.png", "http://127.0.0.1:8002/b.png"]
    task = {
        "task_id": "ms-1",
        "status": "succeeded",
        "output": {"images": [{"url": url, "content_type": "image/png"} for url in new_urls]},
    }
    db.execute(
        "INSERT INTO jobs (local_id, endpoint, input_json, status, remote_id, remote_ids_json, "
        "task_json, created_at) VALUES ('j', 'e/x', '{}', 'succeeded', 'ms-1', '[\"ms-1\"]', ?, 1)",
        (json.dumps(task),),
    )
    rows = [  # index, url, file: two real rows (old port), then the phantoms of a later run
        (0, "http://127.0.0.1:8001/a.png", "2026-01/j-0.png"),
        (1, "http://127.0.0.1:8001/b.png", None),
        (2, new_urls[0], "2026-01/j-0.png"),  # recorded again: the same file as row 0
        (3, new_urls[1], None),
    ]
    for index, url, file in rows:
        db.execute(
            'INSERT INTO outputs (local_id, "index", kind, remote_url, local_path, created_at) '
            "VALUES ('j', ?, 'image', ?, ?, 2)",
            (index, url, file),
        )
    db.close()
    with Library.open(db_path) as lib:
        placed = [(o.index, o.task_id, o.position, o.local_path) for o in lib.outputs_for_job("j")]
        assert placed == [(0, "ms-1", 0, "2026-01/j-0.png"), (1, "ms-1", 1, None)]
        [owed] = lib.jobs_to_reconcile().to_download
        assert owed.local_id == "j"  # row 1 is fetched once, from today's link of position 1
