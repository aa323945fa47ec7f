"""The bench hook (STUDIO_BENCH_MARKS) notes the window's first paint, then the marketplace's."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from studio.core.api import parse_endpoint
from studio.ui.bench_marks import PaintMarks
from tests.conftest import wait_until
from tests.ui.studio_harness import running_studio

if TYPE_CHECKING:
    from pathlib import Path


def _marks(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [json.loads(line)["mark"] for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.asyncio
async def test_marks_first_paint_then_marketplace_with_rows(tmp_path: Path) -> None:
    path = tmp_path / "marks.jsonl"
    async with running_studio(start=False) as (window, _controller):
        marks = PaintMarks(window, path)
        window.update()
        await wait_until(lambda: _marks(path) == ["first_paint"], 10)
        marks.watch_marketplace()  # as studio.app does once the window is filled
        endpoint = {"slug": "acme/model/text-to-image", "name": "Model", "capability": "image"}
        window.marketplace.set_endpoints([parse_endpoint(endpoint)])
        await wait_until(lambda: len(_marks(path)) == 2, 10)
    assert _marks(path) == ["first_paint", "marketplace_painted"]
    line = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert isinstance(line["time"], float)
