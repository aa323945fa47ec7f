"""Which job the preview shows: the newest finished one, unless the user chose another.

The user chooses by making a queue row current (a click, the arrow keys), by "Use this one" in
Compare, or by stepping through the preview's outputs (its previous/next buttons or keys). That
job then stays in the preview — it is *pinned* — while other jobs finish, until the user picks
the newest finished job again or starts a new Generate. Unpinned, each job that finishes with
something to show is shown, and its queue row is made current and scrolled into view.

When jobs finish in quick succession (a batch, a busy queue), the preview follows at most once
per FOLLOW_EVERY_S: a job finishing sooner after the last one shown waits, and when the time
comes the newest finished then is shown. Each change of preview stops a playing video (which
waits for the player's threads), decodes a picture and repaints the pane: once per finished
task, with a task finishing every second or so, that kept the window busy (make bench, busy
queue), and a preview changing faster than it can be looked at shows nothing anyway.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, QTimer

from studio.core.jobs import JobStatus
from studio.ui.job_preview import preview_items

if TYPE_CHECKING:
    from collections.abc import Callable

    from studio.core.jobs import Job
    from studio.ui.preview import PreviewPane
    from studio.ui.queue.view import QueueView


FOLLOW_EVERY_S: Final = 2.0


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
        self._followed_at = -FOLLOW_EVERY_S  # time.monotonic() of the last job followed
        self._waiting: Job | None = None  # finished too soon after the last one followed
        self._follow_timer = QTimer(self)
        self._follow_timer.setSingleShot(True)
        self._follow_timer.timeout.connect(self._follow_waiting)
        preview.stepped.connect(self._on_preview_stepped)

    def choose(self, job: Job) -> None:
        """The user chose this job: it stays until they pick the newest finished one again."""
        self.pinned = job.local_id != self.newest_finished
        self._waiting = None
        self._show(job)

    def finished(self, job: Job) -> None:
        """A job settled: a succeeded one with something to show becomes the newest finished,
        and is shown unless the user pinned another."""
        if job.status is not JobStatus.SUCCEEDED or not preview_items(job):
            return
        self.newest_finished = job.local_id
        if self.pinned:
            return
        wait_s = self._followed_at + FOLLOW_EVERY_S - time.monotonic()
        if wait_s > 0:
            self._waiting = job  # the newest one then is followed (see the module doc)
            if not self._follow_timer.isActive():
                self._follow_timer.start(max(1, round(wait_s * 1000)))
            return
        self._follow(job)

    def _follow(self, job: Job) -> None:
        self._waiting = None
        self._followed_at = time.monotonic()
        self._show(job)
        self._queue.show_row(job.local_id)

    def _follow_waiting(self) -> None:
        job = self._waiting
        if job is not None and not self.pinned and job.local_id == self.newest_finished:
            self._follow(job)

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
