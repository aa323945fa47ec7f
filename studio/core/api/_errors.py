"""The one error tree of the Mountsea client; every message is a sentence fit to show a person.

```
MountseaError                    anything the client raises; .status, .body, .transient
├── AuthError                    401 / 403: API key missing or rejected
├── PaymentRequiredError         402: not enough credits
├── NotFoundError                404: unknown endpoint slug or task id
├── ConflictError                409: e.g. cancelling a task that already finished
├── ValidationError              400 / 422: .field_errors (FieldMessage(path, message), ...)
├── RateLimitedError             429: .retry_after seconds or None            (transient)
├── ServerError                  5xx: .retry_after seconds or None             (transient)
├── UnexpectedStatusError        any other non-2xx answer (405, 413, an unfollowed 3xx ...)
├── NetworkError                 connect / read / write errors, timeouts; wraps httpx (transient)
├── ProtocolError                malformed JSON or a shape the client cannot read
├── TaskDeadlineError            follow() stopped waiting; .task_id, .last_task
└── DownloadError                a media download failed; .status when the server answered
    ├── DownloadTooLargeError    the file is larger than max_bytes
    └── IncompleteDownloadError  short, stalled or too slow after bounded resumes (.part kept)
```

The API key never appears here: the client scrubs it from server text before building an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from typing_extensions import override

if TYPE_CHECKING:
    from studio.core.api._models import Task


@dataclass(frozen=True)
class FieldMessage:
    """One server complaint about a field; `path` is dotted inside `input` ("" = no field)."""

    path: str
    message: str


class MountseaError(Exception):
    """Base of every error the Mountsea client raises."""

    transient: ClassVar[bool] = False

    def __init__(self, message: str, *, status: int | None = None, body: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.body = body

    @override
    def __str__(self) -> str:
        return self.message

    @override
    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status!r}, message={self.message!r})"


class AuthError(MountseaError):
    """The API key is missing or was rejected (401/403)."""


class PaymentRequiredError(MountseaError):
    """The account has not enough credits (402)."""


class NotFoundError(MountseaError):
    """The endpoint slug or task id is unknown (404)."""


class ConflictError(MountseaError):
    """The request does not fit the resource's state, e.g. cancelling a finished task (409)."""


class ValidationError(MountseaError):
    """The server rejected the input (400/422); `field_errors` say which fields and why."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        body: Any = None,
        field_errors: tuple[FieldMessage, ...] = (),
    ) -> None:
        super().__init__(message, status=status, body=body)
        self.field_errors = field_errors


class RateLimitedError(MountseaError):
    """Too many requests (429); `retry_after` is the advised wait in seconds, if given."""

    transient = True

    def __init__(
        self,
        message: str,
        *,
        status: int | None = 429,
        body: Any = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, status=status, body=body)
        self.retry_after = retry_after


class ServerError(MountseaError):
    """The server or an upstream provider failed (5xx); `retry_after` as the server advised."""

    transient = True

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        body: Any = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, status=status, body=body)
        self.retry_after = retry_after


class UnexpectedStatusError(MountseaError):
    """A non-2xx status the client has no better name for."""


class NetworkError(MountseaError):
    """The server could not be reached or stopped answering; `__cause__` is the httpx error.

    `request_sent` is False when the connection never opened: nothing reached the server.
    """

    transient = True

    def __init__(self, message: str, *, request_sent: bool = True) -> None:
        super().__init__(message)
        self.request_sent = request_sent


class ProtocolError(MountseaError):
    """The server answered with something the client cannot read."""


class TaskDeadlineError(MountseaError):
    """follow() waited longer than its deadline; the task may still be running on the server."""

    def __init__(self, message: str, *, task_id: str, last_task: Task | None = None) -> None:
        super().__init__(message)
        self.task_id = task_id
        self.last_task = last_task


class DownloadError(MountseaError):
    """A media file could not be downloaded."""


class DownloadTooLargeError(DownloadError):
    """The file is larger than the allowed maximum."""


class IncompleteDownloadError(DownloadError):
    """The body stayed short, stalled or passed its deadline after bounded resumes; the `.part`
    is kept."""
