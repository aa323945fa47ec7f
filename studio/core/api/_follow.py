"""Polls a task until it ends: an async iterator of Task values, yielded whenever they change."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, TypeAlias

from studio.core.api._errors import MountseaError, TaskDeadlineError

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Awaitable

    from studio.core.api._models import Task

_log = logging.getLogger("studio.api")

ProblemCallback: TypeAlias = Callable[[MountseaError | None], None]
"""Hears of each transient polling failure, and of None when a poll succeeds again."""


@dataclass(frozen=True, slots=True)
class PollPace:
    """Limits on when polls go out, on top of the growing interval (seconds).

    * ``first_poll_after``: no poll before this; the caller knows the task's state already
      (the submit's answer), so an immediate poll would only repeat it.
    * ``min_spacing``: no two polls closer than this. With 3 s (the docs advise polling every
      3-5 s) a task that ran D seconds costs at most D / 3 + 2 polls: the first one, one per
      3 s after it, and the one that sees it done.
    * ``expected_end``: when the task is expected to be done, from the start of following;
      when the next interval would step over it, the poll goes out then instead (never closer
      to the previous one than min_spacing).
    """

    first_poll_after: float = 0.0
    min_spacing: float = 0.0
    expected_end: float | None = None

    def next_wait(self, elapsed: float, interval: float) -> float:
        """Seconds from now (``elapsed`` after the start, right after a poll) to the next one."""
        wait = interval
        expected = self.expected_end
        if expected is not None and elapsed < expected < elapsed + interval:
            wait = expected - elapsed
        return max(wait, self.min_spacing)


NO_PACE: Final = PollPace()


async def follow_task(
    get_task: Callable[[str], Awaitable[Task]],
    task_id: str,
    *,
    initial_interval: float,
    factor: float,
    max_interval: float,
    deadline: float,
    sleep: Callable[[float], Awaitable[None]],
    clock: Callable[[], float],
    on_problem: ProblemCallback | None = None,
    pace: PollPace = NO_PACE,
) -> AsyncIterator[Task]:
    """Yield the task on every change, end after a terminal status, raise past the deadline.

    Callers that may stop early should wrap it in `contextlib.aclosing`.
    A transient error that outlived the request's own retries (network down, 5xx, 429) does not
    end following: a paid task keeps running on the server, so polling resumes next interval.
    `on_problem` gets each such error, and None once after the first poll that succeeds again.
    Polls are spaced by the interval (from `initial_interval`, ×`factor` up to `max_interval`)
    within the limits of `pace` (see PollPace).
    """
    report = _ProblemReporter(on_problem)
    started = clock()
    interval = initial_interval
    last: Task | None = None
    wait = pace.first_poll_after
    while True:
        if wait > 0:
            remaining = deadline - (clock() - started)
            if remaining <= 0:
                raise _deadline_error(task_id, deadline, last)
            await sleep(min(wait, remaining))
        task = await _poll_once(get_task, task_id, report)
        if task is not None and (last is None or task.raw != last.raw):
            last = task
            yield task
        if last is not None and last.status.is_terminal:
            return
        elapsed = clock() - started
        if deadline - elapsed <= 0:
            raise _deadline_error(task_id, deadline, last)
        wait = pace.next_wait(elapsed, interval)
        interval = min(interval * factor, max_interval)


class _ProblemReporter:
    """Passes failures on as they come, and a recovery only when there was a failure before."""

    def __init__(self, on_problem: ProblemCallback | None) -> None:
        self._on_problem = on_problem
        self._troubled = False

    def failed(self, error: MountseaError) -> None:
        self._troubled = True
        if self._on_problem is not None:
            self._on_problem(error)

    def succeeded(self) -> None:
        if self._troubled:
            self._troubled = False
            if self._on_problem is not None:
                self._on_problem(None)


async def _poll_once(
    get_task: Callable[[str], Awaitable[Task]], task_id: str, report: _ProblemReporter
) -> Task | None:
    try:
        task = await get_task(task_id)
    except MountseaError as error:
        if not error.transient:
            raise
        _log.warning("Polling task %s failed for now (%s); will try again", task_id, error)
        report.failed(error)
        return None
    report.succeeded()
    return task


def _deadline_error(task_id: str, deadline: float, last: Task | None) -> TaskDeadlineError:
    span = f"{math.ceil(deadline)} s" if deadline < 120 else f"{math.ceil(deadline / 60)} min"
    text = (
        f"Task {task_id} did not finish within {span}; it may still be running on the "
        "server. Refresh it later to see the result."
    )
    return TaskDeadlineError(text, task_id=task_id, last_task=last)
