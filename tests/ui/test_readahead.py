"""The media libraries are named to the kernel after start-up, without loading any of them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from studio.ui import readahead

if TYPE_CHECKING:
    from pathlib import Path

_PROBE = """
import asyncio, json, sys
from studio.ui.readahead import read_ahead_media
told = asyncio.run(read_ahead_media())
print(json.dumps({"told": told, "loaded": sorted(m for m in ("av", "PIL", "numpy",
      "PySide6.QtMultimedia") if m in sys.modules)}))
"""


def test_the_media_libraries_are_found() -> None:
    names = {path.name for path in readahead.media_library_files()}
    assert "libQt6Multimedia.so.6" in names
    assert any(name.startswith("libavcodec") for name in names)
    assert any(name.startswith("_imaging") for name in names)  # Pillow's
    assert not {"libavcodec.so", "libQt6Multimedia.so"} & names  # copies Qt never opens


def test_advising_counts_what_the_kernel_was_told_of(tmp_path: Path) -> None:
    present = tmp_path / "lib.so"
    present.write_bytes(bytes(4096))
    if not hasattr(os, "posix_fadvise"):
        pytest.skip("this platform has no posix_fadvise: read_ahead is a no-op there")
    assert readahead.advise([present, tmp_path / "gone.so"]) == 1


def test_reading_ahead_loads_none_of_the_libraries() -> None:
    found = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    answer = json.loads(found.stdout.strip().splitlines()[-1])
    assert answer["told"] > 10
    assert answer["loaded"] == []
