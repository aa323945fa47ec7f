"""Package fronts that import a name's module the first time the name is used (PEP 562).

A front (a package's ``__init__``) says where each of its public names lives; ``from
studio.core.jobs import JobStatus`` then imports ``studio.core.jobs._models`` alone, not the
runner, its files and httpx with it. Start-up is on the clock (issue 12): the window's frame paints
before most of the core is imported, and what the frame needs (settings, statuses, paths) must
not pull in the rest. Type checkers read the same names from the front's ``TYPE_CHECKING``
imports; ``tests/core/test_lazy_fronts.py`` checks they agree with ``__all__``.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence


def lazy_names(package: str, homes: Mapping[str, Sequence[str]]) -> Callable[[str], object]:
    """The module ``__getattr__`` of ``package``: ``homes`` maps each private module (relative
    name) to the public names it defines."""
    where = {name: module for module, names in homes.items() for name in names}

    def __getattr__(name: str) -> object:  # noqa: N807 — the name PEP 562 looks for
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)  # looked up once
        return value

    return __getattr__
