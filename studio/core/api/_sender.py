"""Sends one API request: adds the key only for the API's origin, retries per policy, reads the
reply within its size cap and maps errors."""

from __future__ import annotations

import logging
from typing import Any

import httpx
from typing_extensions import override

from studio.core.api._body import (
    ACCEPT_ENCODING,
    MAX_ERROR_BYTES,
    MAX_JSON_BYTES,
    BodyTooLargeError,
    UnreadableBodyError,
    decode_json,
    read_body,
)
from studio.core.api._error_bodies import decode_body, error_from_response
from studio.core.api._errors import MountseaError, NetworkError, ProtocolError
from studio.core.api._http import origin_of
from studio.core.api._retry import (
    NEVER_SENT,
    RetryPolicy,
    is_idempotent,
    may_retry_exception,
    may_retry_status,
)
from studio.core.units import human_size

_log = logging.getLogger("studio.api")


class ApiSender:
    """Owns the key and the retry loop; the only place a request leaves this package."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        base_url: str,
        api_key: str,
        retry: RetryPolicy,
        *,
        max_json_bytes: int = MAX_JSON_BYTES,
    ) -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")
        self.retry = retry
        self.max_json_bytes = max_json_bytes
        self._api_key = api_key
        self._api_origin = origin_of(self.base_url)

    @override
    def __repr__(self) -> str:
        return f"ApiSender(base_url={self.base_url!r}, api_key='***')"

    def url(self, path: str) -> httpx.URL:
        """An absolute URL under the API base for `path` (which starts with "/")."""
        return httpx.URL(self.base_url + path)

    def auth_headers(self, url: httpx.URL) -> dict[str, str]:
        """The Authorization header, but only for the API's own origin (scheme, host, port)."""
        if not self._api_key or origin_of(url) != self._api_origin:
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
        """Send with retries and return the decoded JSON of a 2xx answer, the key scrubbed.

        Raises a MountseaError for a non-2xx answer, a transport failure or an unreadable reply.
        An idempotent request is asked again per the retry policy, also after a 2xx whose body is
        not valid JSON (cut or garbled on the way); a POST never is (see _retry).
        """
        url = self.url(path)
        attempt = 1
        while True:
            try:
                return await self._exchange(method, url, params=params, json=json)
            except httpx.HTTPError as error:
                if attempt >= self.retry.max_attempts or not may_retry_exception(method, error):
                    raise network_error(error, url) from error
                retry_after, reason = None, type(error).__name__
            except _ErrorAnswerError as answer:
                status = answer.status
                if attempt >= self.retry.max_attempts or not may_retry_status(method, status):
                    raise answer.error from None
                retry_after, reason = answer.retry_after, f"HTTP {status}"
            except _UnreadableReplyError as unreadable:
                if attempt >= self.retry.max_attempts or not is_idempotent(method):
                    raise unreadable.error from unreadable.__cause__
                retry_after, reason = None, "unreadable reply"
            await self.wait(attempt, retry_after, f"{method} {url.path}: {reason}")
            attempt += 1

    async def _exchange(
        self, method: str, url: httpx.URL, *, params: dict[str, str] | None, json: Any
    ) -> Any:
        """One request and its decoded reply."""
        headers = {"Accept-Encoding": ACCEPT_ENCODING, **self.auth_headers(url)}
        request = self.http.build_request(method, url, params=params, json=json, headers=headers)
        response = await self.http.send(request, stream=True)
        try:
            _log.debug("%s %s -> %d", method, url.path, response.status_code)
            if not response.is_success:
                raise await self._error_answer(response)
            content = await self._read_json_body(response)
        finally:
            await response.aclose()
        try:
            return decode_json(content, self._api_key)
        except ValueError as error:
            status = response.status_code
            text = f"The Mountsea API sent a reply that is not valid JSON ({status})."
            body = decode_body(content[:MAX_ERROR_BYTES], self._api_key)
            problem = ProtocolError(text, status=status, body=body)
            raise _UnreadableReplyError(problem) from error

    async def _read_json_body(self, response: httpx.Response) -> bytes:
        status = response.status_code
        try:
            return await read_body(response, self.max_json_bytes)
        except BodyTooLargeError:
            limit = human_size(self.max_json_bytes)
            text = f"The Mountsea API sent a reply larger than {limit} ({status}); it was not read."
            raise ProtocolError(text, status=status) from None
        except UnreadableBodyError as error:
            text = f"The Mountsea API sent a reply that cannot be read ({status}: {error})."
            raise ProtocolError(text, status=status) from None

    async def _error_answer(self, response: httpx.Response) -> _ErrorAnswerError:
        try:
            content = await read_body(response, MAX_ERROR_BYTES, truncate=True)
        except UnreadableBodyError:
            content = b""
        retry_after = self.retry.retry_after(response.headers)
        body = decode_body(content, self._api_key)
        error = error_from_response(response.status_code, body, retry_after)
        return _ErrorAnswerError(response.status_code, retry_after, error)

    async def wait(self, attempt: int, retry_after: float | None, reason: str) -> None:
        """Sleep before retry `attempt` and say so in the log."""
        delay = self.retry.delay(attempt, retry_after)
        _log.info("Retrying %s in %.2f s (attempt %d)", reason, delay, attempt + 1)
        await self.retry.sleep(delay)


class _UnreadableReplyError(Exception):
    """A 2xx whose body is not valid JSON; `error` is what the caller gets if it stays so."""

    def __init__(self, error: ProtocolError) -> None:
        super().__init__(error.message)
        self.error = error


class _ErrorAnswerError(Exception):
    """A non-2xx answer, read and mapped; the retry loop decides whether to ask again."""

    def __init__(self, status: int, retry_after: float | None, error: MountseaError) -> None:
        super().__init__(status)
        self.status = status
        self.retry_after = retry_after
        self.error = error


def network_error(error: httpx.HTTPError, url: httpx.URL) -> MountseaError:
    """A person-readable error for a transport failure; keeps the httpx error as the cause."""
    host = url.host or str(url)
    if isinstance(error, httpx.UnsupportedProtocol):
        return MountseaError(f"The address {str(url)!r} is not an http(s) URL. Check Settings.")
    if isinstance(error, httpx.TooManyRedirects):
        return ProtocolError(f"{host} redirected too many times.")
    if isinstance(error, httpx.TimeoutException):
        text = f"{host} did not answer in time. Check your network and try again."
    elif isinstance(error, httpx.ConnectError):
        text = f"Could not connect to {host}. Check your network and the API address in Settings."
    else:
        text = f"The connection to {host} broke off. Try again."
    return NetworkError(text, request_sent=not isinstance(error, NEVER_SENT))
