"""aiohttp middlewares of the simulator: NestJS error bodies, injected faults, Bearer auth."""

from __future__ import annotations

import asyncio
import hmac
import logging
from typing import TYPE_CHECKING

from aiohttp import web

from studio.sim.errors import ApiError, error_response
from studio.sim.faults import SLOW_DELAY_SECONDS, FaultInjector, FaultKind, RouteClass

if TYPE_CHECKING:
    from aiohttp.typedefs import Handler, Middleware

log = logging.getLogger(__name__)

API_PREFIX = "/ms/v1/"
FILES_PREFIX = "/files/"
ADMIN_PREFIX = "/_sim/"
FAULT_KEY = web.RequestKey("fault", FaultKind)
RETRY_AFTER_SECONDS = "1"


def route_class(path: str) -> RouteClass | None:
    """The fault family of a path; None for admin and unknown routes (never faulted)."""
    if path.startswith(API_PREFIX):
        return RouteClass.API
    if path.startswith(FILES_PREFIX):
        return RouteClass.FILES
    return None


@web.middleware
async def error_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every error leaves as ``{"statusCode", "message", "error"}``."""
    try:
        return await handler(request)
    except ApiError as error:
        return error_response(error.status, error.message, error.headers)
    except web.HTTPException as error:
        if error.status < 400:
            raise
        message = error.text or error.reason
        if error.status in (404, 405):
            message = f"Cannot {request.method} {request.path}"
        return error_response(error.status, message)
    except Exception:
        log.exception("unexpected error handling %s %s", request.method, request.path)
        return error_response(500, "Internal server error")


def auth_middleware(api_key: str) -> Middleware:
    """Bearer auth on the API and admin routes; media files are public like a CDN."""
    expected = f"Bearer {api_key}".encode()

    @web.middleware
    async def check_auth(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path.startswith((API_PREFIX, ADMIN_PREFIX)):
            given = request.headers.get("Authorization", "").encode()
            if not hmac.compare_digest(given, expected):
                raise ApiError(401, "Missing or invalid Bearer token")
        return await handler(request)

    return check_auth


def fault_middleware(injector: FaultInjector) -> Middleware:
    """Applies the profile's fault for this request (truncate is left to the files handler)."""

    @web.middleware
    async def inject_fault(request: web.Request, handler: Handler) -> web.StreamResponse:
        route = route_class(request.path)
        fault = injector.pick(route) if route is not None else None
        if fault is None:
            return await handler(request)
        log.info("fault %s on %s %s", fault.value, request.method, request.path)
        return await _apply(fault, request, handler)

    return inject_fault


async def _apply(fault: FaultKind, request: web.Request, handler: Handler) -> web.StreamResponse:
    if fault is FaultKind.SERVER_ERROR:
        return error_response(503, "Service temporarily unavailable (simulated)")
    if fault is FaultKind.RATE_LIMIT:
        headers = {"Retry-After": RETRY_AFTER_SECONDS}
        return error_response(429, "Too many requests (simulated)", headers)
    if fault is FaultKind.RESET:
        return close_without_response(request)
    if fault is FaultKind.SLOW:
        await asyncio.sleep(SLOW_DELAY_SECONDS)
        return await handler(request)
    if fault is FaultKind.MALFORMED:
        return await _malformed(request, handler)
    request[FAULT_KEY] = fault
    return await handler(request)


async def _malformed(request: web.Request, handler: Handler) -> web.StreamResponse:
    """The real handler runs (a submit does create its task); its JSON arrives cut in half."""
    response = await handler(request)
    body = response.body if isinstance(response, web.Response) else None
    real = body if isinstance(body, bytes) else b'{"task_id": "ms-'
    broken = real[: max(1, len(real) // 2)]
    return web.Response(status=200, body=broken, content_type="application/json")


def close_without_response(request: web.Request) -> web.Response:
    """Drop the connection; aiohttp then has nothing to write the returned response to."""
    if request.transport is not None:
        request.transport.close()
    return web.Response(status=204)
