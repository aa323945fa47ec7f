"""NestJS-shaped HTTP errors of the simulator: ``{"statusCode", "message", "error"}``."""

from __future__ import annotations

from http import HTTPStatus

from aiohttp import web


class ApiError(Exception):
    """An error a handler raises; the error middleware renders it as a NestJS JSON body."""

    def __init__(
        self, status: int, message: str | list[str], headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message if isinstance(message, str) else "; ".join(message))
        self.status = status
        self.message = message
        self.headers = headers or {}


def error_body(status: int, message: str | list[str]) -> dict[str, object]:
    """The JSON body NestJS's default exception filter would produce."""
    return {"statusCode": status, "message": message, "error": reason_phrase(status)}


def reason_phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def error_response(
    status: int, message: str | list[str], headers: dict[str, str] | None = None
) -> web.Response:
    return web.json_response(error_body(status, message), status=status, headers=headers)
