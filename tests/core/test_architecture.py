"""The dependency rule: `studio.core` and every module under it load without any Qt module."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

_PROBE = """
import importlib, json, pkgutil, sys
import studio.core
names = ["studio.core"]
for info in pkgutil.walk_packages(studio.core.__path__, "studio.core."):
    importlib.import_module(info.name)
    names.append(info.name)
qt = sorted(m for m in sys.modules if m.startswith("PySide6"))
print(json.dumps({"imported": names, "qt": qt}))
"""

_ROOT = Path(__file__).resolve().parents[2]


def test_core_imports_no_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE],
        cwd=_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert "studio.core.api._client" in report["imported"]
    assert report["qt"] == []
