"""The models' settings (endpoint details) the Compare tab plans with: cached ones at once, the
missing ones fetched once each in the background, and which could not be loaded.

Signals: arrived() — fetched settings (or failures) came in; plan again.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from studio.ui.background import spawn

if TYPE_CHECKING:
    from collections.abc import Iterable

    from studio.core.api import EndpointDetail
    from studio.ui.compare.source import CompareSource

log = logging.getLogger("studio.ui")


class DetailStore(QObject):
    """`details` is shared with the running comparison, which puts fresher settings in."""

    arrived = Signal()

    def __init__(self, source: CompareSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self.details: dict[str, EndpointDetail] = {}
        self.unavailable: dict[str, str] = {}  # slug -> why its settings are missing
        self._fetching: set[str] = set()

    def get(self, slug: str) -> EndpointDetail | None:
        return self.details.get(slug)

    def learn(self, slugs: Iterable[str]) -> None:
        """Take the cached settings of these models; fetch the missing ones (each once)."""
        missing = []
        for slug in slugs:
            if slug in self.details:
                continue
            cached = self._source.cached_detail(slug)
            if cached is not None:
                self.details[slug] = cached
            elif slug not in self.unavailable.keys() | self._fetching:
                missing.append(slug)
        if missing:
            self._fetching.update(missing)
            spawn(self._fetch(missing))

    async def _fetch(self, slugs: list[str]) -> None:
        try:
            for slug in slugs:
                try:
                    detail = await self._source.fetch_detail(slug)
                except Exception as exc:
                    log.warning("compare: settings of %s failed: %s", slug, exc)
                    detail = None
                if detail is None:
                    self.unavailable[slug] = self.tr("The model's settings could not be loaded.")
                else:
                    self.details[slug] = detail
        finally:
            self._fetching.difference_update(slugs)
        self.arrived.emit()
