"""The demo simulator runs niced: its rendering must not take the cores from the window."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import pytest

from studio.core.session._simulator import NICENESS, launch_simulator

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX niceness")
def test_the_simulator_child_runs_at_a_lower_priority(tmp_path: Path) -> None:
    own = os.getpriority(os.PRIO_PROCESS, 0)
    process, _key = launch_simulator(speed=100.0, data_dir=tmp_path)
    try:
        assert os.getpriority(os.PRIO_PROCESS, process.pid) == min(19, own + NICENESS)
    finally:
        process.kill()
        process.communicate(timeout=10)
