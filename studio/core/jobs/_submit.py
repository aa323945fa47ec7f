"""What a failed submit means for its row: turned away for now, not sent, or maybe created.

* 429 and 503 are the server saying "not now": nothing was created, so the same request is sent
  again after a wait (Retry-After honoured, backoff with jitter), up to SUBMIT_RETRY's attempts.
* A connection that never opened, a validation error (400/422), 401/402/403/404 and other clear
  refusals: nothing was created; the row fails and says why.
* Anything that may have reached the server without a readable answer (a reset after sending, a
  timeout, 500/502/504, an unreadable reply): the task may exist and may be charged. The row says
  "unknown — may exist on the server" and the request is never sent again by itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from studio.core.api import (
    MountseaError,
    NetworkError,
    ProtocolError,
    RateLimitedError,
    RetryPolicy,
    ServerError,
)
from studio.core.jobs._models import AMBIGUOUS_SUBMIT_MESSAGE, JobStatus

SUBMIT_RETRY = RetryPolicy(max_attempts=30, base_delay=2.0, max_delay=60.0, max_retry_after=300.0)
"""Tries of one submit the server keeps turning away: 20 to 25 minutes of waiting in all (more if
Retry-After asks for longer), so a queue sent into a rate-limit storm still goes out."""


@dataclass(frozen=True)
class NotNow:
    """The server turned the submit away without creating anything."""

    reason: str
    retry_after: float | None


def not_now(error: BaseException) -> NotNow | None:
    """The "not now" in a submit's error (429, 503), or None for any other failure."""
    if isinstance(error, RateLimitedError):
        return NotNow("rate limited", error.retry_after)
    if isinstance(error, ServerError) and error.status == 503:
        return NotNow("server busy", error.retry_after)
    return None


def not_now_delay(policy: RetryPolicy, attempt: int, retry_after: float | None) -> float:
    """The wait before try `attempt + 1`: exponential backoff with equal jitter (never near
    zero, so a crowd of waiting jobs spreads out), and never sooner than Retry-After."""
    ceiling = min(policy.max_delay, policy.base_delay * 2.0 ** (attempt - 1))
    jittered = ceiling / 2 + policy.random() * ceiling / 2
    if retry_after is None:
        return jittered
    return max(min(max(retry_after, 0.0), policy.max_retry_after), jittered)


def gave_up_text(wait: NotNow, attempts: int) -> str:
    return (
        f"Not sent: the server answered “not now” ({wait.reason}) {attempts} times, so nothing "
        "was created. Retry when it is less busy."
    )


def submit_failure(error: BaseException) -> tuple[JobStatus, str]:
    """The row's status and message after a submit failed (not for "not now" answers)."""
    if isinstance(error, NetworkError):
        if not error.request_sent:  # the connection never opened: nothing can exist
            return JobStatus.FAILED, f"Not sent. {error}"
        return JobStatus.UNKNOWN, f"{AMBIGUOUS_SUBMIT_MESSAGE} ({error})"
    if isinstance(error, ServerError | ProtocolError):
        # 500/502/504 or an unreadable reply: the task may have been created before it broke.
        return JobStatus.UNKNOWN, f"{AMBIGUOUS_SUBMIT_MESSAGE} ({error})"
    if isinstance(error, MountseaError):
        return JobStatus.FAILED, str(error)
    # Not a clear answer from the server either, so the task may exist.
    return JobStatus.UNKNOWN, f"{AMBIGUOUS_SUBMIT_MESSAGE} ({error})"
