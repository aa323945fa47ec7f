"""Which job the preview shows: the newest finished one, unless the user chose another.

The user chooses by making a queue row current (a click, the arrow keys), by "Use this one" in
Compare, or by stepping through the preview's outputs (its previous/next buttons or keys). That
job then stays in the preview — it is *pinned* — while other jobs finish, until the user picks
the newest finished job again or starts a new Generate. Unpinned, each job that finishes with
something to show is shown, and its queue row is made current and scrolled into view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from studio.core.jobs import JobStatus
from studio.ui.job_preview import preview_items

if TYPE_CHECKING:
    from collections.abc import Callable

    from studio.core.jobs import Job
    from studio.ui.preview import PreviewPane
    from studio.ui.queue.view import QueueView


class PreviewChoice(QObject):
    """Follows finished jobs into the preview unless the user pinned one."""

    def __init__(
        self,
        preview: PreviewPane,
        queue: QueueView,
        endpoint_name: Callable[[str], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._preview = preview
        self._queue = queue
        self._endpoint_name = endpoint_name
        self.shown: str | None = None  # local id of the job in the preview
        self.pinned = False
        self.newest_finished: str | None = None
        preview.stepped.connect(self._on_preview_stepped)

    def choose(self, job: Job) -> None:
        """The user chose this job: it stays until they pick the newest finished one again."""
        self.pinned = job.local_id != self.newest_finished
        self._show(job)

    def finished(self, job: Job) -> None:
        """A job settled: a succeeded one with something to show becomes the newest finished,
        and is shown unless the user pinned another."""
        if job.status is not JobStatus.SUCCEEDED or not preview_items(job):
            return
        self.newest_finished = job.local_id
        if not self.pinned:
            self._show(job)
            self._queue.show_row(job.local_id)

    def generation_started(self) -> None:
        """A new Generate: the preview follows what finishes next."""
        self.pinned = False

    def changed(self, job: Job) -> None:
        """A newer snapshot of a job: the preview keeps up when it is the one shown."""
        if job.local_id == self.shown:
            self._show(job)

    def _show(self, job: Job) -> None:
        self.shown = job.local_id
        self._preview.show_outputs(preview_items(job, self._endpoint_name(job.endpoint)))

    def _on_preview_stepped(self, _index: int) -> None:
        if self.shown is not None:
            self.pinned = True  # looking through this job's outputs: keep it in view
