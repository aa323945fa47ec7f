"""``python -m studio --check-library`` reports and repairs without the window (issue 11 §1)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from studio.core import paths
from tests.core.test_library_recovery import garbage_middle, make_library

REPO = Path(__file__).resolve().parents[2]


def check_library() -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    probe = "import runpy, sys; sys.argv = ['studio', '--check-library']; "
    probe += "code = 0\ntry:\n    runpy.run_module('studio', run_name='__main__')\n"
    probe += "except SystemExit as done:\n    code = done.code\n"
    probe += "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was loaded'\n"
    probe += "sys.exit(code)"
    return subprocess.run(
        [sys.executable, "-c", probe],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.asyncio
async def test_check_library_repairs_and_says_so_then_finds_it_sound() -> None:
    made = await make_library(paths.data_dir())
    garbage_middle(made.db)
    first = check_library()
    assert first.returncode == 1, first.stderr
    assert "The library was rebuilt: 6 output(s)" in first.stdout
    assert "The damaged file was kept as" in first.stdout
    second = check_library()
    assert second.returncode == 0, second.stderr
    assert second.stdout.startswith("The library is sound: 7 job(s), 6 output(s)")
