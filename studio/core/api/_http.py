"""The one httpx client configuration of the app and of the tests' fakes.

It follows redirects (media URLs often answer 302 to a CDN) and never lets the API key travel to
another origin: the key is added only for the API's own origin (scheme, host, port), and a request
hook removes an Authorization header from every request, first hop or redirect, whose origin is not
the API's. httpx alone would keep the header on an http → https upgrade of the same host, which is
another origin all the same.
"""

from __future__ import annotations

import logging

import httpx

_log = logging.getLogger("studio.api")
_DEFAULT_PORTS = {"http": 80, "https": 443}

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEFAULT_LIMITS = httpx.Limits(max_connections=32, max_keepalive_connections=16)
MAX_REDIRECTS = 5

Origin = tuple[str, str, int | None]


def origin_of(url: httpx.URL | str) -> Origin:
    """(scheme, host, effective port): the unit the API key is allowed to travel to."""
    parsed = httpx.URL(url)
    scheme = parsed.scheme.lower()
    return scheme, parsed.host.lower(), parsed.port or _DEFAULT_PORTS.get(scheme)


class KeyGuard:
    """A request hook: strips Authorization from any request that leaves the API's origin."""

    def __init__(self, api_base_url: str) -> None:
        self.origin = origin_of(api_base_url)

    async def __call__(self, request: httpx.Request) -> None:
        self.check(request)

    def check(self, request: httpx.Request) -> None:
        """The hook itself, for a blocking client (``blocking_http_client``)."""
        if "authorization" in request.headers and origin_of(request.url) != self.origin:
            del request.headers["authorization"]
            _log.info("Not sending the API key to %s://%s", request.url.scheme, request.url.host)


def http_client(
    api_base_url: str,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    limits: httpx.Limits = DEFAULT_LIMITS,
) -> httpx.AsyncClient:
    """The studio's http client for the API at `api_base_url` (tests pass a `transport`)."""
    return httpx.AsyncClient(
        transport=transport,
        timeout=timeout,
        limits=limits,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        event_hooks={"request": [KeyGuard(api_base_url)]},
    )


def blocking_http_client(
    api_base_url: str,
    *,
    transport: httpx.BaseTransport | None = None,
    timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    limits: httpx.Limits = DEFAULT_LIMITS,
) -> httpx.Client:
    """The same configuration as a blocking client, for download threads (api._lane); its
    connections read bodies a MiB at a time (api._wide_reads) unless a `transport` is given."""
    from studio.core.api._wide_reads import WideReadTransport  # httpcore: not at start-up

    return httpx.Client(
        transport=transport or WideReadTransport(limits),
        timeout=timeout,
        limits=limits,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        event_hooks={"request": [KeyGuard(api_base_url).check]},
    )
