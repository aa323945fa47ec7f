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
