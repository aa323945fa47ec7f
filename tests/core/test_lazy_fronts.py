"""The core's package fronts import a name's module only when the name is used (studio.core._lazy).

Each front lists its names twice, for type checkers (``TYPE_CHECKING`` imports) and for the
import at first use (``lazy_names``); with the few it re-exports from outside the package
(imported at once), both must give exactly ``__all__``.
"""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

FRONTS = (
    "studio.core.api",
    "studio.core.chain",
    "studio.core.compare",
    "studio.core.jobs",
    "studio.core.library",
    "studio.core.media",
    "studio.core.session",
)
_FRONT_TOOLS = {"studio.core._lazy", "typing"}


def _type_checking_names(package: str) -> set[str]:
    path = Path(importlib.import_module(package).__file__ or "")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    outside = [
        node
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.module not in _FRONT_TOOLS
    ]
    return {
        alias.name
        for node in (*block.body, *outside)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


@pytest.mark.parametrize("package", FRONTS)
def test_every_public_name_resolves_and_is_typed(package: str) -> None:
    front = importlib.import_module(package)
    names = set(front.__all__)
    assert _type_checking_names(package) == names
    for name in names:
        assert getattr(front, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'not_a_name'"):
        _ = front.not_a_name


def test_a_name_imports_its_own_module_only() -> None:
    script = (
        "import json, sys; from studio.core.jobs import JobStatus; "
        "from studio.core.session import load_settings; "
        "wanted = ('studio.core', 'httpx'); "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(wanted))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    loaded = set(json.loads(done.stdout))
    assert {"studio.core.jobs._models", "studio.core.session._settings"} <= loaded
    assert not loaded & {"studio.core.jobs._runner", "studio.core.session._session"}
    assert "httpx" not in loaded
