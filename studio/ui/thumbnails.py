"""Lazy thumbnails (the gallery's tiles, the queue's rows): a bounded newest-first queue, the
thumbnail processes (studio.core.thumbnailer) doing the decoding, an LRU of pixmaps. Outside the
gallery package, so the queue has them at start-up.

Signals:
    thumbnail_ready(str) — the pixmap of this key is now in the cache.
    thumbnail_failed(str) — the file of this key could not be turned into a thumbnail.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections import OrderedDict
from typing import TYPE_CHECKING, Any, Protocol

import shiboken6
from PySide6.QtCore import QObject, Signal

from studio.core.media import THUMB_SIZE, ThumbnailError
from studio.core.thumbnailer import ThumbnailRequest, default_processes, shared_thumbnailer
from studio.ui.background import spawn_if_running
from studio.ui.pixels import pixmap_of

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtGui import QPixmap

    from studio.core.media import DecodedImage

log = logging.getLogger("studio.ui")


def _reported_by_done_callback(_message: str) -> None:
    """A loader task's failure is handled by its own done callback (the tile shows no picture)."""


class Renderer(Protocol):
    """What makes the pixels: studio.core.thumbnailer.Thumbnailer (tests pass their own)."""

    async def render(self, request: ThumbnailRequest) -> DecodedImage: ...


def thumb_key(path: Path, size: int = THUMB_SIZE, fit: int | None = None) -> str:
    """The cache key of path's thumbnail; with fit, of that thumbnail scaled to fit fit × fit."""
    return f"{size}|{path}" if fit is None else f"{size}@{fit}|{path}"


class ThumbnailLoader(QObject):
    """Turns request(key, path, kind) into thumbnail_ready(key); pixmaps are built here only."""

    thumbnail_ready = Signal(str)
    thumbnail_failed = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_pending: int = 96,
        workers: int | None = None,
        cache_size: int = 500,
        renderer: Renderer | None = None,
    ) -> None:
        """workers: thumbnails asked of the renderer at once (by default as many as it has
        processes, so the newest wishes wait here, where they can be served first)."""
        super().__init__(parent)
        self._max_pending = max_pending
        self._workers = workers if workers is not None else default_processes()
        self._cache_size = cache_size
        self._renderer = renderer if renderer is not None else shared_thumbnailer()
        self._pending: OrderedDict[str, ThumbnailRequest] = OrderedDict()
        self._running: dict[str, asyncio.Task[None]] = {}
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()
        self._failed: set[str] = set()
        self._paths: dict[str, Path] = {}  # cached key -> its file
        self._latest: dict[Path, str] = {}  # file -> the key of its newest cached pixmap
        self.completed = 0  # thumbnails delivered since start, for benchmarks

    def pixmap(self, key: str) -> QPixmap | None:
        found = self._pixmaps.get(key)
        if found is not None:
            self._pixmaps.move_to_end(key)
        return found

    def any_pixmap(self, path: Path) -> QPixmap | None:
        """The newest cached thumbnail of path at whatever size: shown, scaled, while the one of
        the size wanted is made."""
        key = self._latest.get(path)
        return self._pixmaps.get(key) if key is not None else None

    def has_failed(self, key: str) -> bool:
        return key in self._failed

    def request(
        self, key: str, path: Path, kind: str, size: int = THUMB_SIZE, fit: int | None = None
    ) -> None:
        """Queue key unless cached, failed or running; the newest request is served first.
        With fit, the thumbnail process scales it to fit fit × fit device pixels."""
        if key in self._pixmaps or key in self._failed or key in self._running:
            return
        self._pending[key] = ThumbnailRequest(path, kind, size, fit)
        self._pending.move_to_end(key)
        while len(self._pending) > self._max_pending:
            self._pending.popitem(last=False)  # long scrolled past: drop the oldest wish
        self._pump()

    def pending_count(self) -> int:
        return len(self._pending) + len(self._running)

    def forget_failures(self) -> None:
        self._failed.clear()

    async def aclose(self) -> None:
        self._pending.clear()
        tasks = list(self._running.values())
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        self._running.clear()

    def _pump(self) -> None:
        while self._pending and len(self._running) < self._workers:
            key, wish = self._pending.popitem(last=True)
            task = spawn_if_running(self._load(key, wish), on_error=_reported_by_done_callback)
            if task is None:  # no loop yet (a synchronous test): the wish waits for a next pump
                self._pending[key] = wish
                return
            self._running[key] = task
            task.add_done_callback(functools.partial(self._on_task_done, key))

    async def _load(self, key: str, wish: ThumbnailRequest) -> None:
        try:
            decoded = await self._renderer.render(wish)
        except (ThumbnailError, OSError) as error:
            log.info("no thumbnail for %s: %s", wish.path.name, error)
            self._fail(key)
            return
        if not shiboken6.isValid(self):
            return  # its owner went away while the process decoded (closed without aclose)
        self._store(key, wish.path, pixmap_of(decoded))  # only a copy: the process decoded

    def _fail(self, key: str) -> None:
        if not shiboken6.isValid(self):
            return
        self._failed.add(key)
        self.thumbnail_failed.emit(key)

    def _store(self, key: str, path: Path, pixmap: QPixmap) -> None:
        self._pixmaps[key] = pixmap
        self._paths[key] = path
        self._latest[path] = key
        while len(self._pixmaps) > self._cache_size:
            dropped, _ = self._pixmaps.popitem(last=False)
            dropped_path = self._paths.pop(dropped)
            if self._latest.get(dropped_path) == dropped:
                del self._latest[dropped_path]
        self.completed += 1
        self.thumbnail_ready.emit(key)

    def _on_task_done(self, key: str, task: asyncio.Task[Any]) -> None:
        if not shiboken6.isValid(self):
            return
        if self._running.get(key) is task:
            del self._running[key]
        if not task.cancelled() and (error := task.exception()) is not None:
            # Unexpected (a decoder bug, not a bad file): remember it so paints do not retry.
            log.error("thumbnail task failed", exc_info=error)
            self._fail(key)
        self._pump()
