"""Turns a non-2xx HTTP answer into the right MountseaError, reading any common error body shape."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

from studio.core.api._body import decode_json, scrub
from studio.core.api._errors import (
    AuthError,
    ConflictError,
    FieldMessage,
    MountseaError,
    NotFoundError,
    PaymentRequiredError,
    RateLimitedError,
    ServerError,
    UnexpectedStatusError,
    ValidationError,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

_MAX_SHOWN_MESSAGES = 3
_MAX_MESSAGE_CHARS = 300

_PROPERTY_MESSAGE = re.compile(r"^property (?P<path>[\w.\[\]]+) should not exist")
_INPUT_MESSAGE = re.compile(r"^input\.(?P<path>[\w.\[\]]+)(?=[\s:])")
_BARE_MESSAGE = re.compile(r"^(?P<path>[a-z_][\w.\[\]]*)(?=[\s:])")
# Lower-case sentence openers that the bare-path rule would otherwise take for field names.
_NOT_FIELDS = frozenset(
    {"a", "an", "the", "this", "that", "request", "body", "invalid", "unknown", "missing", "no"}
    | {"not", "each", "must", "should", "value", "internal", "upstream", "task", "endpoint"}
)


def decode_body(content: bytes, secret: str = "") -> Any:
    """The body as JSON if it is readable JSON, else as (scrubbed) text; never raises."""
    try:
        return decode_json(content, secret)
    except ValueError:
        return scrub(content.decode("utf-8", errors="replace"), secret)


def error_from_response(status: int, body: Any, retry_after: float | None) -> MountseaError:
    """The error matching `status`, with a person-readable message built from `body`."""
    fields = field_messages(body)
    detail = _summary([f.message for f in fields])
    if status in (400, 422):
        text = _sentence(f"The request was rejected ({status})", detail)
        return ValidationError(text, status=status, body=body, field_errors=fields)
    if status == 429:
        return RateLimitedError(_rate_limit_text(retry_after), body=body, retry_after=retry_after)
    simple: dict[int, tuple[type[MountseaError], str]] = {
        401: (AuthError, "The API key was rejected (401). Check it in Settings."),
        403: (AuthError, "The API key is not allowed to do this (403). Check it in Settings."),
        402: (PaymentRequiredError, "Not enough credits for this request (402). Top up and retry."),
    }
    if status in simple:
        cls, text = simple[status]
        return cls(text, status=status, body=body)
    return _by_status_family(status, body, detail, retry_after)


def _by_status_family(
    status: int, body: Any, detail: str, retry_after: float | None
) -> MountseaError:
    if status == 404:
        return NotFoundError(_sentence("Not found (404)", detail), status=status, body=body)
    if status == 409:
        text = _sentence("The request conflicts with the current state (409)", detail)
        return ConflictError(text, status=status, body=body)
    if status >= 500:
        text = _sentence(f"The Mountsea server had a problem ({status})", detail)
        return ServerError(
            f"{text} Try again later.", status=status, body=body, retry_after=retry_after
        )
    text = _sentence(f"The Mountsea API gave an unexpected answer ({status})", detail)
    return UnexpectedStatusError(text, status=status, body=body)


def _rate_limit_text(retry_after: float | None) -> str:
    if retry_after is None:
        return "Too many requests; wait a moment and try again."
    return f"Too many requests; retrying in {math.ceil(retry_after)} s is advised."


def _sentence(prefix: str, detail: str) -> str:
    if not detail:
        return f"{prefix}."
    return f"{prefix}: {detail}" + ("" if detail[-1] in ".!?" else ".")


def _summary(messages: list[str]) -> str:
    shown = [m[:_MAX_MESSAGE_CHARS] for m in messages[:_MAX_SHOWN_MESSAGES]]
    more = len(messages) - len(shown)
    return "; ".join(shown) + (f" (and {more} more)" if more > 0 else "")


def field_messages(body: Any) -> tuple[FieldMessage, ...]:
    """Every message in `body`, each tied to the `input` field it names ("" when none)."""
    return tuple(_unique(_field_messages(body)))


def _unique(items: Iterator[FieldMessage]) -> Iterator[FieldMessage]:
    seen: set[FieldMessage] = set()
    for item in items:
        if item.message and item not in seen:
            seen.add(item)
            yield item


def _field_messages(body: Any) -> Iterator[FieldMessage]:
    if isinstance(body, str):
        text = body.strip()
        if text and not text.startswith("<"):  # an HTML error page says nothing useful
            yield FieldMessage("", text[:_MAX_MESSAGE_CHARS])
        return
    if not isinstance(body, dict):
        return
    yield from _structured(body.get("errors"))
    yield from _from_messages(body.get("message"))
    yield from _from_error_key(body.get("error"), has_message="message" in body)
    yield from _from_detail(body.get("detail"))


def _structured(errors: Any) -> Iterator[FieldMessage]:
    if not isinstance(errors, list):
        return
    for item in errors:
        if isinstance(item, str):
            yield from _from_messages(item)
        elif isinstance(item, dict):
            message = item.get("message", item.get("msg"))
            raw_path = item.get(
                "path", item.get("field", item.get("loc", item.get("instancePath")))
            )
            if isinstance(message, str):
                yield FieldMessage(normalise_path(raw_path), message)


def _from_messages(message: Any) -> Iterator[FieldMessage]:
    items = message if isinstance(message, list) else [message]
    for item in items:
        if isinstance(item, str) and item.strip():
            yield parse_message(item.strip())


def _from_error_key(error: Any, *, has_message: bool) -> Iterator[FieldMessage]:
    if isinstance(error, dict):
        yield from _from_messages(error.get("message"))
        yield from _structured(error.get("errors"))
    elif isinstance(error, str) and not has_message:
        # NestJS puts the status phrase ("Bad Request") here; only useful when nothing else is.
        yield from _from_messages(error)


def _from_detail(detail: Any) -> Iterator[FieldMessage]:
    if isinstance(detail, str):
        yield from _from_messages(detail)
    elif isinstance(detail, list):
        yield from _structured(detail)


def parse_message(text: str) -> FieldMessage:
    """Find the field a NestJS-style message starts with; "input." is dropped from both."""
    for pattern in (_PROPERTY_MESSAGE, _INPUT_MESSAGE):
        match = pattern.match(text)
        if match:
            return FieldMessage(normalise_path(match["path"]), _strip_input(text))
    match = _BARE_MESSAGE.match(text)
    if match and match["path"] not in _NOT_FIELDS:
        return FieldMessage(normalise_path(match["path"]), text)
    return FieldMessage("", text)


def _strip_input(text: str) -> str:
    return text.removeprefix("input.")


def normalise_path(raw: Any) -> str:
    """A dotted path inside `input` from a list, a JSON pointer, brackets or dots."""
    if isinstance(raw, list | tuple):
        parts = [str(p) for p in raw]
    elif isinstance(raw, str):
        text = re.sub(r"\[['\"]?([^\]'\"]*)['\"]?\]", r".\1", raw)
        separator = "/" if text.startswith("/") else "."
        parts = [p.replace("~1", "/").replace("~0", "~") for p in text.split(separator)]
    else:
        return ""
    parts = [p for p in parts if p]
    if parts[:1] == ["body"]:  # FastAPI-style locations start with the request part
        parts = parts[1:]
    if parts[:1] == ["input"]:
        parts = parts[1:]
    return ".".join(parts)
