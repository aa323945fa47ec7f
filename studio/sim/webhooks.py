"""Terminal-state webhooks: POST the Task JSON in the background, a few attempts with backoff."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import aiohttp

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

log = logging.getLogger(__name__)

USER_AGENT = "mountsea-webhook"
MAX_ATTEMPTS = 3
FIRST_BACKOFF_SECONDS = 1.0
REQUEST_TIMEOUT_SECONDS = 10.0


def is_webhook_url(url: str) -> bool:
    """Only absolute http/https URLs with a host are ever called."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


class WebhookSender:
    """Fires deliveries as background tasks it owns; ``close()`` cancels the ones still pending."""

    def __init__(self, speed: float = 1.0, max_attempts: int = MAX_ATTEMPTS) -> None:
        self._speed = speed
        self._max_attempts = max_attempts
        self._session: aiohttp.ClientSession | None = None
        self._pending: set[asyncio.Task[bool]] = set()

    def send(
        self,
        url: str,
        task_json: Mapping[str, Any],
        on_delivered: Callable[[], None] | None = None,
    ) -> None:
        """Schedule delivery and return at once; ``on_delivered`` runs once a 2xx arrived."""
        if not is_webhook_url(url):
            log.warning("webhook skipped, not an http(s) URL: %s", url)
            return
        delivery = asyncio.get_running_loop().create_task(self._deliver(url, dict(task_json)))
        self._pending.add(delivery)
        delivery.add_done_callback(self._pending.discard)
        if on_delivered is not None:
            delivery.add_done_callback(lambda done: _call_if_delivered(done, on_delivered))

    async def close(self) -> None:
        for delivery in list(self._pending):
            delivery.cancel()
        await asyncio.gather(*self._pending, return_exceptions=True)
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _deliver(self, url: str, body: dict[str, Any]) -> bool:
        """True once a 2xx arrives; waits 1 s, 2 s, 4 s ... (/ speed) between attempts."""
        for attempt in range(1, self._max_attempts + 1):
            if await self._attempt(url, body, attempt):
                return True
            if attempt < self._max_attempts:
                delay = FIRST_BACKOFF_SECONDS * 2 ** (attempt - 1) / self._speed
                await asyncio.sleep(delay)
        log.warning("webhook for %s gave up after %d attempts", body.get("task_id"), attempt)
        return False

    async def _attempt(self, url: str, body: dict[str, Any], attempt: int) -> bool:
        try:
            async with self._client().post(url, json=body) as response:
                await response.read()
                ok = 200 <= response.status < 300
                log.info(
                    "webhook %s attempt %d -> %d", body.get("task_id"), attempt, response.status
                )
                return ok
        except (aiohttp.ClientError, TimeoutError) as error:
            log.info("webhook %s attempt %d failed: %r", body.get("task_id"), attempt, error)
            return False

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(
                headers={"User-Agent": USER_AGENT},
                timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_SECONDS),
            )
        return self._session


def _call_if_delivered(delivery: asyncio.Task[bool], on_delivered: Callable[[], None]) -> None:
    if not delivery.cancelled() and delivery.exception() is None and delivery.result():
        on_delivered()
