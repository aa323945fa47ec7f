"""Fail the package build when a module of the source tree is missing from the built wheel.

setuptools only packs folders that have an ``__init__.py``; a new sub-package without one
would install fine and then fail with ImportError on the user's machine.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path


def source_files(src_root: Path, package: str) -> set[str]:
    """Every .py/.json file of the package, as wheel-relative POSIX paths."""
    found: set[str] = set()
    for pattern in ("*.py", "*.json"):
        for path in (src_root / package).rglob(pattern):
            if "__pycache__" not in path.parts:
                found.add(path.relative_to(src_root).as_posix())
    return found


def missing_from_wheel(wheel: Path, src_root: Path, package: str) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        packed = set(archive.namelist())
    return sorted(source_files(src_root, package) - packed)


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: check_wheel.py WHEEL SOURCE_ROOT PACKAGE", file=sys.stderr)
        return 2
    wheel, src_root, package = Path(argv[0]), Path(argv[1]), argv[2]
    missing = missing_from_wheel(wheel, src_root, package)
    if missing:
        print(f"{wheel.name} lacks {len(missing)} source file(s):", file=sys.stderr)
        for name in missing:
            print(f"  {name}", file=sys.stderr)
        print(
            "(a folder without __init__.py, or a data file not in package-data?)", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
