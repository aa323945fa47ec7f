"""The session's event stream as Qt signals: the UI's one subscriber to the core."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from studio.core.session import (
    BackendChanged,
    CatalogChanged,
    JobChanged,
    JobRemoved,
    LibraryRecovered,
    Notice,
    OutputsRecorded,
)
from studio.ui.background import spawn

if TYPE_CHECKING:
    from studio.core.session import Event, Session


class SessionEvents(QObject):
    """Reads ``session.events()`` (from construction on) and emits one signal per event.

    Signals:
        backend_changed(BackendChanged), catalog_changed(CatalogChanged), job_changed(Job),
        job_removed(str local_id), outputs_recorded(str local_id), notice(Notice),
        library_recovered(RecoveryReport)
    """

    backend_changed = Signal(object)
    catalog_changed = Signal(object)
    job_changed = Signal(object)
    job_removed = Signal(str)
    outputs_recorded = Signal(str)
    notice = Signal(object)
    library_recovered = Signal(object)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._subscription = session.events()  # now, so nothing published from here is missed
        self._idle = asyncio.Event()

    def start(self) -> None:
        """Begin emitting (events published since construction come first, in order)."""
        spawn(self._read(), key=(self, "events"))

    def stop(self) -> None:
        self._subscription.close()

    async def caught_up(self) -> None:
        """Until every event published so far has been emitted (after ``start``)."""
        while self._subscription.pending():
            self._idle.clear()
            await self._idle.wait()

    async def _read(self) -> None:
        async for event in self._subscription:
            self._emit(event)
            if not self._subscription.pending():
                self._idle.set()

    def _emit(self, event: Event) -> None:
        if isinstance(event, JobChanged):
            self.job_changed.emit(event.job)
        elif isinstance(event, BackendChanged):
            self.backend_changed.emit(event)
        elif isinstance(event, CatalogChanged):
            self.catalog_changed.emit(event)
        elif isinstance(event, JobRemoved):
            self.job_removed.emit(event.local_id)
        elif isinstance(event, OutputsRecorded):
            self.outputs_recorded.emit(event.local_id)
        elif isinstance(event, Notice):
            self.notice.emit(event)
        elif isinstance(event, LibraryRecovered):
            self.library_recovered.emit(event.report)
