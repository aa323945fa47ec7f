"""An output that is a decompression bomb is recorded once, never decoded (issue 11 §3).

Before: probing it raised Pillow's DecompressionBombError, so its row never got its file, and
every start planned to fetch it again and failed again.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest
from PIL import Image
from typing_extensions import override

from studio.core.jobs import JobStatus
from studio.core.media import ThumbnailError, make_thumbnail, probe, read_metadata
from tests.core.test_journal import PngClient, library, open_services, settled
from tests.core.test_tasks_fakes import ENDPOINT
from tests.fakes.preview_media import make_png_header_bomb

if TYPE_CHECKING:
    from pathlib import Path

    from studio.core.library import Library

__all__ = ["library"]


@dataclass
class BombClient(PngClient):
    """Each task makes one PNG whose header claims 15000 × 15000 RGBA pixels."""

    @override
    async def download(self, url: str, dest: Path) -> Path:
        self.downloads.append((url, dest))
        await asyncio.to_thread(make_png_header_bomb, dest)
        return dest


def test_probe_reads_the_size_from_the_header(tmp_path: Path) -> None:
    limit = Image.MAX_IMAGE_PIXELS
    info = probe(make_png_header_bomb(tmp_path / "bomb.png"))
    assert (info.media_type, info.width, info.height) == ("image/png", 15000, 15000)
    assert limit == Image.MAX_IMAGE_PIXELS  # never raised, not even for a moment


def test_no_thumbnail_is_made_and_none_is_attempted_twice(tmp_path: Path) -> None:
    with pytest.raises(ThumbnailError, match="too large to preview"):
        make_thumbnail(make_png_header_bomb(tmp_path / "bomb.png"))


@pytest.mark.asyncio
async def test_a_bomb_output_is_recorded_and_not_fetched_again(library: Library) -> None:
    client = BombClient()
    async with open_services(client, library) as services:
        job = services.runner.submit(ENDPOINT, {"prompt": "an endless plain"})
        done = await settled(services, job.local_id)
    assert done.status is JobStatus.SUCCEEDED
    [output] = library.outputs_for_job(job.local_id)
    assert output.local_path is not None and output.sha256 is not None
    assert (output.media_type, output.width, output.height) == ("image/png", 15000, 15000)
    file = library.file_of(output)
    assert file is not None
    found = read_metadata(file)  # the request was embedded too: only headers were touched
    assert found is not None and found["input"] == {"prompt": "an endless plain"}
    assert library.jobs_to_reconcile().is_empty  # the next start has nothing left to do
    async with open_services(client, library) as services:
        report = await services.reconcile()
    assert not report.fetching and len(client.downloads) == 1
