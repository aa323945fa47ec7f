"""The catalog of one backend: the last known endpoints and details from disk, the fresh ones.

Where a backend has none on disk yet, the bundled snapshot stands in (see CatalogCache).
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import TYPE_CHECKING

from studio.core.api import MountseaError, parse_endpoint, parse_endpoint_detail
from studio.core.session._catalog_cache import CatalogCache

if TYPE_CHECKING:
    from pathlib import Path

    from studio.core.api import Endpoint, EndpointDetail

log = logging.getLogger("studio.catalog")


def schema_fingerprint(detail: EndpointDetail) -> str:
    """A short hash of the input schema: which schema a job's input was written against."""
    schema = json.dumps(detail.input_schema, sort_keys=True).encode("utf-8")
    return hashlib.sha256(schema).hexdigest()[:16]


class Catalog:
    """Parsed endpoints and details over a CatalogCache; blocking reads happen in ``load``."""

    def __init__(self, cache: CatalogCache) -> None:
        self._cache = cache
        self._details: dict[str, EndpointDetail] = {}

    @classmethod
    def load(cls, backend_identity: str, *, snapshot: bool = False) -> Catalog:
        """Blocking (reads the cache file): run it in a thread. ``snapshot``: the bundled
        snapshot stands in when this backend has no catalog on disk yet."""
        return cls(CatalogCache(backend_identity, snapshot=snapshot))

    @classmethod
    def load_newest(cls, *, snapshot: bool) -> Catalog | None:
        """The catalog written last (of whichever backend), else the bundled snapshot (when
        ``snapshot``), else None. Blocking: run it in a thread."""
        newest = CatalogCache.newest()
        if newest is not None:
            return cls(newest)
        return cls.load("demo", snapshot=True) if snapshot else None

    @property
    def path(self) -> Path:
        """The cache file it reads and writes."""
        return self._cache.path

    def cached_endpoints(self) -> list[Endpoint]:
        endpoints = []
        for raw in self._cache.endpoints():
            try:
                endpoints.append(parse_endpoint(raw))
            except MountseaError:
                continue
        return endpoints

    def cached_detail(self, slug: str) -> EndpointDetail | None:
        """The detail seen last (this run or an earlier one), or None."""
        known = self._details.get(slug)
        if known is not None:
            return known
        raw = self._cache.detail(slug)
        if raw is None:
            return None
        try:
            detail = parse_endpoint_detail(raw)
        except MountseaError:
            log.info("cached detail of %s unreadable, ignored", slug)
            return None
        self._details[slug] = detail
        return detail

    def details_seen(self) -> list[EndpointDetail]:
        """The details asked for so far (from disk or the server)."""
        return list(self._details.values())

    def store_endpoints(self, endpoints: list[Endpoint]) -> None:
        """Blocking (writes the cache file): run it in a thread."""
        self._cache.store_endpoints([dict(endpoint.raw) for endpoint in endpoints])

    def store_detail(self, detail: EndpointDetail) -> None:
        """Blocking (writes the cache file): run it in a thread."""
        self._details[detail.slug] = detail
        self._cache.store_detail(detail.slug, dict(detail.raw))


def last_known_endpoints(*, snapshot: bool) -> list[Endpoint]:
    """The models of the catalog written last (of whichever backend), else of the bundled
    snapshot (when ``snapshot``), else none: what a window shows before its session connects.
    Blocking: run it in a thread."""
    catalog = Catalog.load_newest(snapshot=snapshot)
    return catalog.cached_endpoints() if catalog is not None else []
