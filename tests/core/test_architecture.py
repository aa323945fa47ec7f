"""The rules of the house, checked on the code itself.

- ``studio.core`` and every module under it load without any Qt module, and never import the UI;
- ``studio.sim`` stands alone: it imports neither the core nor the UI;
- outside a core package only its public front is imported (``studio.core.<package>``), never
  its private ``_modules``; the UI and the app likewise;
- the core's packages form no cycle and stand on at most five floors; each front exports a
  small public surface;
- every coroutine the UI starts goes through its one owner (``studio.ui.background``).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

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
_STUDIO = _ROOT / "studio"
_CORE = _STUDIO / "core"
MAX_FLOORS = 5
MAX_FRONT_NAMES = 40
_SPAWNERS = frozenset({"create_task", "ensure_future", "run_coroutine_threadsafe"})


def _module_name(path: Path) -> str:
    parts = path.relative_to(_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _imports(path: Path) -> tuple[str, ...]:
    """Every module a file imports (``from x import y`` counts as x and x.y), at any depth."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
            found += [f"{node.module}.{alias.name}" for alias in node.names]
    return tuple(found)


def _files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def _core_packages() -> list[str]:
    return sorted(p.name for p in _CORE.iterdir() if (p / "__init__.py").is_file())


def _package_of(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) >= 3 and parts[:2] == ["studio", "core"] and parts[2] in _core_packages():
        return parts[2]
    return None


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


@pytest.mark.parametrize(
    ("folder", "forbidden"),
    [("core", ("studio.ui", "studio.app", "studio.sim", "PySide6")), ("sim", ("studio.core",))],
)
def test_core_and_sim_keep_to_themselves(folder: str, forbidden: tuple[str, ...]) -> None:
    forbidden = (*forbidden, "studio.ui", "studio.app")
    bad = [
        (str(path.relative_to(_ROOT)), module)
        for path in _files(_STUDIO / folder)
        for module in _imports(path)
        if module.startswith(forbidden)
    ]
    assert bad == []


def test_only_public_fronts_are_imported_across_packages() -> None:
    bad = []
    for path in [*_files(_STUDIO), *_files(_ROOT / "bench"), *_files(_ROOT / "packaging")]:
        own = _package_of(_module_name(path))
        for module in _imports(path):
            parts = module.split(".")
            private = any(part.startswith("_") for part in parts[3:4])
            if _package_of(module) is not None and private and _package_of(module) != own:
                bad.append((str(path.relative_to(_ROOT)), module))
    assert bad == []


def _package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {name: set() for name in _core_packages()}
    for name, uses in graph.items():
        for path in _files(_CORE / name):
            for module in _imports(path):
                other = _package_of(module)
                if other is not None and other != name:
                    uses.add(other)
    return graph


def test_core_packages_form_no_cycle_on_at_most_five_floors() -> None:
    graph = _package_graph()
    floors: dict[str, int] = {}

    def floor(name: str, path: tuple[str, ...] = ()) -> int:
        assert name not in path, f"import cycle: {' -> '.join((*path, name))}"
        if name not in floors:
            below = [floor(other, (*path, name)) for other in graph[name]]
            floors[name] = 1 + max(below, default=0)
        return floors[name]

    highest = max(floor(name) for name in graph)
    assert highest <= MAX_FLOORS, floors
    assert floors["session"] == highest  # the session stands on everything else


def test_core_modules_form_no_cycle() -> None:
    """Inside packages too (type-only imports included): modules import each other one way."""
    modules = {_module_name(path): path for path in _files(_CORE)}
    graph = {
        name: {m for m in _imports(path) if m in modules and m != name and name not in m}
        for name, path in modules.items()
    }
    state: dict[str, int] = {}

    def visit(name: str, path: tuple[str, ...]) -> None:
        if state.get(name) == 2:
            return
        assert state.get(name) != 1, f"import cycle: {' -> '.join((*path, name))}"
        state[name] = 1
        for other in sorted(graph[name]):
            if not other.startswith(name + "."):  # a package's front imports its own modules
                visit(other, (*path, name))
        state[name] = 2

    for name in sorted(graph):
        visit(name, ())


@pytest.mark.parametrize("package", ["api", "jobs", "library", "media", "session", "schema"])
def test_each_front_is_small_and_exports_what_it_imports(package: str) -> None:
    tree = ast.parse((_CORE / package / "__init__.py").read_text(encoding="utf-8"))
    exported = next(
        {element.value for element in node.value.elts if isinstance(element, ast.Constant)}
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.List)
        and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
    )
    # A lazy front (studio.core._lazy) names its imports for type checkers only.
    statements = [
        *tree.body,
        *(
            inner
            for node in tree.body
            if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
            for inner in node.body
        ),
    ]
    imported = {
        alias.asname or alias.name
        for node in statements
        if isinstance(node, ast.ImportFrom) and node.module not in ("typing", "studio.core._lazy")
        for alias in node.names
    }
    assert len(exported) <= MAX_FRONT_NAMES
    assert exported == imported


def test_ui_coroutines_go_through_the_one_owner() -> None:
    owner = _STUDIO / "ui" / "background.py"
    bad = []
    for path in [*_files(_STUDIO / "ui"), _STUDIO / "app.py"]:
        if path == owner:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
                if name in _SPAWNERS:
                    bad.append(f"{path.relative_to(_ROOT)}:{node.lineno} {name}")
    assert bad == []


def test_no_merge_conflict_markers_are_left() -> None:
    listed = subprocess.run(
        ["git", "ls-files"], cwd=_ROOT, capture_output=True, text=True, check=False, timeout=30
    )
    if listed.returncode != 0:
        pytest.skip("not a git checkout")  # a source tarball: nothing merged here
    markers = ("<<<<<<< ", ">>>>>>> ", "=======\n")
    bad = []
    for name in listed.stdout.splitlines():
        path = _ROOT / name
        if path.suffix in {".png", ".qm", ".jpg", ".webp", ".mp4", ".wav"} or not path.is_file():
            continue
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
        bad += [f"{name}:{i + 1}" for i, line in enumerate(lines) if line.startswith(markers)]
    assert bad == []
