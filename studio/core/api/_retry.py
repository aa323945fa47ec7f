"""When and how long to wait before re-sending an idempotent request (GET, DELETE).

Policy: connect errors, read/write errors, timeouts, 408, 429 and 5xx are retried with exponential
backoff and full jitter (delay = random() * min(cap, base * 2**n)). A Retry-After header (seconds
or an HTTP date) replaces the jittered delay, clamped to `max_retry_after`. So is a 2xx whose body
is not valid JSON (cut or garbled on the way); one over the size cap is not asked for again.

POST /run is never re-sent here, with one exception: httpx ConnectError / ConnectTimeout /
PoolTimeout, raised before a connection exists, so no byte of the request can have reached the
server. Anything later (a read timeout, a 5xx, even a 429) could mean a paid task was created; the
caller gets the error and decides (the job runner sends a submit answered 429 or 503 again, since
those created nothing: see studio.core.jobs._submit).
"""

from __future__ import annotations

import asyncio
import random as random_module
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

RETRY_STATUSES = frozenset({408, 429})
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "DELETE", "OPTIONS"})
# Raised before any request byte left the machine, so even a POST is safe to re-send.
NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@dataclass(frozen=True)
class RetryPolicy:
    """Retry settings; `sleep`, `random` and `now` are injectable so tests run instantly."""

    max_attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 20.0
    max_retry_after: float = 60.0
    sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep, compare=False)
    random: Callable[[], float] = field(default=random_module.random, compare=False)
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC), compare=False)

    def backoff(self, attempt: int) -> float:
        """Full-jitter delay before retry number `attempt` (1 for the first retry)."""
        ceiling = min(self.max_delay, self.base_delay * 2.0 ** (attempt - 1))
        return self.random() * ceiling

    def delay(self, attempt: int, retry_after: float | None) -> float:
        """The wait before retry `attempt`: Retry-After (clamped) if given, else backoff."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.max_retry_after)
        return self.backoff(attempt)

    def retry_after(self, headers: httpx.Headers) -> float | None:
        """Seconds from a Retry-After header, in seconds or HTTP-date form; None if absent."""
        return parse_retry_after(headers.get("retry-after"), self.now())


NO_RETRY = RetryPolicy(max_attempts=1)


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Retry-After as seconds from `now` (never negative); None when missing or unreadable."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        return max(float(text), 0.0)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - now).total_seconds(), 0.0)


def is_retryable_status(status: int) -> bool:
    """Statuses worth re-sending an idempotent request for."""
    return status in RETRY_STATUSES or status >= 500


def may_retry_exception(method: str, error: httpx.HTTPError) -> bool:
    """Transport failures worth retrying; POST only when the connection never opened."""
    if isinstance(error, NEVER_SENT):
        return True
    if method.upper() not in _IDEMPOTENT_METHODS:
        return False
    return isinstance(
        error, httpx.TimeoutException | httpx.NetworkError | httpx.RemoteProtocolError
    )


def is_idempotent(method: str) -> bool:
    """Safe to send again: asking twice has the effect of asking once."""
    return method.upper() in _IDEMPOTENT_METHODS


def may_retry_status(method: str, status: int) -> bool:
    """Only idempotent methods are re-sent after the server answered."""
    return method.upper() in _IDEMPOTENT_METHODS and is_retryable_status(status)
