"""Each endpoint's draft (its form's value) kept across restarts: one small JSON file per endpoint
under the data folder, ``drafts/<quoted slug>.json``.

Disk work never runs on the GUI thread: a draft is read in a worker thread the first time its
endpoint opens (then remembered), and written in one a second after the last edit — a draft with
an inline image can be megabytes. ``aflush()`` writes what is still pending (the app calls it at
shutdown).
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from PySide6.QtCore import QObject, QTimer

from studio.core import paths
from studio.ui.background import spawn

if TYPE_CHECKING:
    from pathlib import Path

log = logging.getLogger("studio.ui")
SAVE_DELAY_MS = 1000


class DraftKeeper(QObject):
    """Remembers drafts by endpoint slug; reads and writes them off the GUI thread."""

    def __init__(self, folder: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self._known: dict[str, dict[str, Any]] = {}
        self._pending: dict[str, dict[str, Any]] = {}
        self._writing = asyncio.Lock()  # one flush at a time: an older draft never lands last
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self._on_timeout)

    def folder(self) -> Path:
        """Where the drafts are (created on first use)."""
        return self._folder or paths.data_dir() / "drafts"

    def file_of(self, slug: str) -> Path:
        """The draft file of an endpoint: its slug quoted into one portable file name."""
        return self.folder() / f"{quote(slug, safe='')}.json"

    async def load(self, slug: str) -> dict[str, Any] | None:
        """The endpoint's draft: remembered, else read from disk in a thread (None if none)."""
        if slug not in self._known:
            value = await asyncio.to_thread(_read, self.file_of(slug))
            self._known.setdefault(slug, value or {})
        return dict(self._known[slug]) or None

    def remember(self, slug: str, value: dict[str, Any]) -> None:
        """The form of `slug` now holds `value`: keep it, and write it a moment later."""
        if self._known.get(slug) == value:
            return
        self._known[slug] = dict(value)
        self._pending[slug] = dict(value)
        self._timer.start()

    def _on_timeout(self) -> None:
        spawn(self.aflush(), on_error=_log_failure)

    async def aflush(self) -> None:
        """Write every pending draft now (in a worker thread)."""
        self._timer.stop()
        async with self._writing:
            while self._pending:
                slug = next(iter(self._pending))
                value = self._pending.pop(slug)
                try:
                    await asyncio.to_thread(_write, self.file_of(slug), value)
                except BaseException:
                    self._pending.setdefault(slug, value)  # a newer one may have come meanwhile
                    raise


def _read(path: Path) -> dict[str, Any] | None:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:  # a damaged draft is dropped, never fatal
        log.warning("could not read the draft %s: %s", path, error)
        return None
    return value if isinstance(value, dict) else None


def _write(path: Path, value: dict[str, Any]) -> None:
    if not value:
        path.unlink(missing_ok=True)  # back at the defaults: nothing to keep
        return
    paths.write_atomically(path, json.dumps(value, ensure_ascii=False).encode("utf-8"))


def _log_failure(message: str) -> None:
    log.warning("could not save a draft: %s", message)
