"""Sends one API request: adds the key only for the API host, retries per policy, maps errors."""

from __future__ import annotations

import logging
from typing import Any

import httpx
from typing_extensions import override

from studio.core.api._error_bodies import decode_body, error_from_response
from studio.core.api._errors import MountseaError, NetworkError, ProtocolError
from studio.core.api._retry import NEVER_SENT, RetryPolicy, may_retry_exception, may_retry_status

_log = logging.getLogger("studio.api")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def host_port(url: httpx.URL) -> tuple[str, int | None]:
    """(host, effective port) of a URL; the unit the API key is allowed to travel to."""
    return url.host.lower(), url.port or _DEFAULT_PORTS.get(url.scheme)


class ApiSender:
    """Owns the key and the retry loop; the only place a request leaves this package."""

    def __init__(
        self, http: httpx.AsyncClient, base_url: str, api_key: str, retry: RetryPolicy
    ) -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")
        self.retry = retry
        self._api_key = api_key
        self._api_origin = host_port(httpx.URL(self.base_url))

    @override
    def __repr__(self) -> str:
        return f"ApiSender(base_url={self.base_url!r}, api_key='***')"

    def url(self, path: str) -> httpx.URL:
        """An absolute URL under the API base for `path` (which starts with "/")."""
        return httpx.URL(self.base_url + path)

    def auth_headers(self, url: httpx.URL) -> dict[str, str]:
        """The Authorization header, but only for the API's own host and port."""
        if not self._api_key or host_port(url) != self._api_origin:
            return {}
        return {"Authorization": f"Bearer {self._api_key}"}

    async def request_json(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        json: Any = None,
    ) -> Any:
        """Send with retries and return the decoded JSON of a 2xx answer."""
        response = await self.send(method, self.url(path), params=params, json=json)
        try:
            return response.json()
        except ValueError as error:
            text = f"The Mountsea API sent a reply that is not valid JSON ({response.status_code})."
            body = decode_body(response.content, self._api_key)
            raise ProtocolError(text, status=response.status_code, body=body) from error

    async def send(
        self,
        method: str,
        url: httpx.URL,
        *,
        params: dict[str, str] | None = None,
        json: Any = None,
    ) -> httpx.Response:
        """One request, re-sent per the retry policy; raises a MountseaError for non-2xx."""
        attempt = 1
        while True:
            try:
                response = await self.http.request(
                    method, url, params=params, json=json, headers=self.auth_headers(url)
                )
            except httpx.HTTPError as error:
                if attempt >= self.retry.max_attempts or not may_retry_exception(method, error):
                    raise network_error(error, url) from error
                await self.wait(attempt, None, f"{method} {url.path}: {type(error).__name__}")
            else:
                _log.debug("%s %s -> %d", method, url.path, response.status_code)
                if response.is_success:
                    return response
                retry_after = self.retry.retry_after(response.headers)
                status = response.status_code
                if attempt >= self.retry.max_attempts or not may_retry_status(method, status):
                    raise self.error_for(response, retry_after)
                await self.wait(attempt, retry_after, f"{method} {url.path}: HTTP {status}")
            attempt += 1

    async def wait(self, attempt: int, retry_after: float | None, reason: str) -> None:
        """Sleep before retry `attempt` and say so in the log."""
        delay = self.retry.delay(attempt, retry_after)
        _log.info("Retrying %s in %.2f s (attempt %d)", reason, delay, attempt + 1)
        await self.retry.sleep(delay)

    def error_for(self, response: httpx.Response, retry_after: float | None) -> MountseaError:
        """The MountseaError for a non-2xx answer, with the key scrubbed from its body."""
        body = decode_body(response.content, self._api_key)
        return error_from_response(response.status_code, body, retry_after)


def network_error(error: httpx.HTTPError, url: httpx.URL) -> MountseaError:
    """A person-readable error for a transport failure; keeps the httpx error as the cause."""
    host = url.host or str(url)
    if isinstance(error, httpx.UnsupportedProtocol):
        return MountseaError(f"The address {str(url)!r} is not an http(s) URL. Check Settings.")
    if isinstance(error, httpx.TimeoutException):
        text = f"{host} did not answer in time. Check your network and try again."
    elif isinstance(error, httpx.ConnectError):
        text = f"Could not connect to {host}. Check your network and the API address in Settings."
    else:
        text = f"The connection to {host} broke off. Try again."
    return NetworkError(text, request_sent=not isinstance(error, NEVER_SENT))
