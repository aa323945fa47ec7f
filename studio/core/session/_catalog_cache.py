"""The last known endpoint catalog on disk, so the marketplace shows at once (also offline).

Where there is none yet, the catalog snapshot shipped in the package (``studio/data/catalog.json``,
the simulator's catalog: the API's as of the release) stands in for it, read-only.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from importlib import resources
from typing import TYPE_CHECKING, Any

from studio.core import paths
from studio.core.paths import write_atomically

if TYPE_CHECKING:
    from pathlib import Path

log = logging.getLogger("studio.catalog")


_PREFIX = "catalog-"


@functools.cache
def bundled_snapshot() -> tuple[dict[str, Any], ...]:
    """The endpoints (details included) of the catalog shipped in the package."""
    text = resources.files("studio").joinpath("data/catalog.json").read_text(encoding="utf-8")
    items = json.loads(text)
    return (
        tuple(item for item in items if isinstance(item, dict)) if isinstance(items, list) else ()
    )


class CatalogCache:
    """Raw JSON of the endpoint list and of each endpoint detail, one file per backend URL.

    ``snapshot``: with no endpoints on disk, read those of the bundled snapshot instead (and
    their details); what is stored still goes to this backend's own file.
    """

    _path: Path
    _data: dict[str, Any]
    _snapshot: dict[str, dict[str, Any]]  # slug -> item of the bundled snapshot, when read

    def __init__(
        self, backend_url: str, folder: Path | None = None, *, snapshot: bool = False
    ) -> None:
        digest = hashlib.sha256(backend_url.encode("utf-8")).hexdigest()[:12]
        self._open(folder or paths.cache_dir(), f"{_PREFIX}{digest}.json")
        if snapshot and not self.endpoints():
            self._snapshot = {str(item.get("slug")): item for item in bundled_snapshot()}

    def _open(self, folder: Path, name: str) -> None:
        self._path = folder / name
        self._data = self._read()
        self._snapshot = {}

    @classmethod
    def newest(cls, folder: Path | None = None) -> CatalogCache | None:
        """The cache written last (the backend the studio used last, most likely), if any."""
        found = []
        for path in (folder or paths.cache_dir()).glob(f"{_PREFIX}*.json"):
            try:
                found.append((path.stat().st_mtime_ns, path))
            except OSError:
                continue
        if not found:
            return None
        cache = cls.__new__(cls)
        newest = max(found)[1]
        cache._open(newest.parent, newest.name)
        return cache

    @property
    def path(self) -> Path:
        return self._path

    @property
    def from_snapshot(self) -> bool:
        """Whether what it reads is the bundled snapshot (nothing of this backend on disk)."""
        return bool(self._snapshot)

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("catalog cache unreadable, ignored: %s", exc)
            return {}
        return data if isinstance(data, dict) else {}

    def endpoints(self) -> list[dict[str, Any]]:
        if self._snapshot:
            return list(self._snapshot.values())
        items = self._data.get("endpoints")
        return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []

    def detail(self, slug: str) -> dict[str, Any] | None:
        details = self._data.get("details")
        item = details.get(slug) if isinstance(details, dict) else None
        if item is None:
            item = self._snapshot.get(slug)
        return item if isinstance(item, dict) else None

    def store_endpoints(self, raws: list[dict[str, Any]]) -> None:
        self._snapshot = {}  # the backend's own list from now on
        self._data["endpoints"] = raws
        self._write()

    def store_detail(self, slug: str, raw: dict[str, Any]) -> None:
        details = self._data.setdefault("details", {})
        if isinstance(details, dict):
            details[slug] = raw
        self._write()

    def _write(self) -> None:
        try:
            write_atomically(self._path, json.dumps(self._data).encode("utf-8"))
        except OSError as exc:  # a full disk must not break browsing
            log.warning("catalog cache not written: %s", exc)
