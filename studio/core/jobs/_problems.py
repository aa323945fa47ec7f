"""Turns polling trouble reported by follow() into a queue-row warning once it persists."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from studio.core.api import MountseaError, NetworkError, RateLimitedError, ServerError

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

WARNING_PREFIX = "Connection problem — still trying"


def problem_warning(error: MountseaError) -> str:
    """The row's warning for a transient polling error, as one plain sentence."""
    reason = _reason(error)
    return f"{WARNING_PREFIX} ({reason})" if reason else WARNING_PREFIX


def _reason(error: MountseaError) -> str:
    if isinstance(error, RateLimitedError):
        return "rate limited by the server"
    if isinstance(error, ServerError):
        return f"server error {error.status}" if error.status else "server error"
    if isinstance(error, NetworkError):
        if isinstance(error.__cause__, httpx.TimeoutException):
            return "the server is not answering"
        return "no connection"
    return ""


class ProblemWatch:
    """Shows a warning only when polling keeps failing for ``threshold_s`` seconds or more.

    Brief blips stay silent: a row that flickers amber on every dropped poll would cry wolf.
    Feed it follow()'s ``on_problem`` reports; ``show(text | None)`` is called on changes only.
    """

    def __init__(
        self,
        show: Callable[[str | None], None],
        threshold_s: float,
        now: Callable[[], datetime],
    ) -> None:
        self._show = show
        self._threshold_s = threshold_s
        self._now = now
        self._since: datetime | None = None
        self._shown: str | None = None

    def report(self, error: MountseaError | None) -> None:
        """One poll's outcome: the transient error, or None for a poll that succeeded again."""
        if error is None:
            self._since = None
            self._change(None)
            return
        now = self._now()
        if self._since is None:
            self._since = now
        if (now - self._since).total_seconds() >= self._threshold_s:
            self._change(problem_warning(error))

    def _change(self, text: str | None) -> None:
        if text != self._shown:
            self._shown = text
            self._show(text)


MAX_FOLLOW_ERRORS = 6
"""Unusable replies in a row (not a task, an unexpected status) before following stops."""


class FollowTrouble:
    """Unusable replies in a row while following one task, and the growing wait between tries.

    A poll that yields a task again is progress: the count and the wait start over. Transient
    trouble (network, 429, 5xx) is not counted here: the overall follow deadline bounds it.
    """

    def __init__(self, delays: tuple[float, float], limit: int = MAX_FOLLOW_ERRORS) -> None:
        self._base, self._cap = delays
        self.limit = limit
        self.delay = self._base
        self.failures = 0

    def progressed(self) -> None:
        self.failures = 0
        self.delay = self._base

    def next_delay(self) -> float:
        delay = self.delay
        self.delay = min(self.delay * 2, self._cap)
        return delay

    def unusable(self) -> bool:
        """Count one unusable reply; True once there were `limit` in a row."""
        self.failures += 1
        return self.failures >= self.limit

    def warning(self, error: MountseaError) -> str:
        return f"Unusable reply — trying again ({self.failures} of {self.limit}): {error}"

    def lost_contact(self, last_seen: str, error: MountseaError) -> str:
        return (
            f"Lost contact — last seen {last_seen}. {self.failures} replies in a row could not be "
            f"used (last: {error}). The task may still be running on the server: use “Follow "
            "again” to look again."
        )
