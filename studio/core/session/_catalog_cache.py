"""The last known endpoint catalog on disk, so the marketplace shows at once (also offline)."""

from __future__ import annotations

import hashlib
import json
import logging
from typing import TYPE_CHECKING, Any

from studio.core import paths
from studio.core.paths import write_atomically

if TYPE_CHECKING:
    from pathlib import Path

log = logging.getLogger("studio.catalog")


class CatalogCache:
    """Raw JSON of the endpoint list and of each endpoint detail, one file per backend URL."""

    def __init__(self, backend_url: str, folder: Path | None = None) -> None:
        digest = hashlib.sha256(backend_url.encode("utf-8")).hexdigest()[:12]
        self._path = (folder or paths.cache_dir()) / f"catalog-{digest}.json"
        self._data: dict[str, Any] = self._read()

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
        items = self._data.get("endpoints")
        return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []

    def detail(self, slug: str) -> dict[str, Any] | None:
        details = self._data.get("details")
        item = details.get(slug) if isinstance(details, dict) else None
        return item if isinstance(item, dict) else None

    def store_endpoints(self, raws: list[dict[str, Any]]) -> None:
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
