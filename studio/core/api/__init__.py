"""The Qt-free Mountsea `/ms/v1` client: MountseaClient, its typed models and its error tree."""

from typing import TYPE_CHECKING

from studio.core._lazy import lazy_names

if TYPE_CHECKING:
    from studio.core.api._client import MountseaClient
    from studio.core.api._decode import (
        parse_endpoint,
        parse_endpoint_detail,
        parse_media,
        parse_task,
    )
    from studio.core.api._errors import (
        AuthError,
        ConflictError,
        DownloadError,
        DownloadTooLargeError,
        FieldMessage,
        IncompleteDownloadError,
        MountseaError,
        NetworkError,
        NotFoundError,
        PaymentRequiredError,
        ProtocolError,
        RateLimitedError,
        ServerError,
        TaskDeadlineError,
        UnexpectedStatusError,
        ValidationError,
    )
    from studio.core.api._http import http_client, origin_of
    from studio.core.api._models import (
        Endpoint,
        EndpointDetail,
        MediaKind,
        MediaRef,
        Task,
        TaskError,
        TaskStatus,
    )
    from studio.core.api._requests import run_body
    from studio.core.api._retry import NO_RETRY, RetryPolicy, parse_retry_after
    from studio.core.api._snippets import (
        BODY_FILE,
        body_json,
        body_preview,
        curl_snippet,
        needs_body_file,
        python_snippet,
    )

# Each name's module is imported the first time the name is used (see studio.core._lazy).
__getattr__ = lazy_names(
    __name__,
    {
        "_client": ("MountseaClient",),
        "_decode": (
            "parse_endpoint",
            "parse_endpoint_detail",
            "parse_media",
            "parse_task",
        ),
        "_errors": (
            "AuthError",
            "ConflictError",
            "DownloadError",
            "DownloadTooLargeError",
            "FieldMessage",
            "IncompleteDownloadError",
            "MountseaError",
            "NetworkError",
            "NotFoundError",
            "PaymentRequiredError",
            "ProtocolError",
            "RateLimitedError",
            "ServerError",
            "TaskDeadlineError",
            "UnexpectedStatusError",
            "ValidationError",
        ),
        "_http": (
            "http_client",
            "origin_of",
        ),
        "_models": (
            "Endpoint",
            "EndpointDetail",
            "MediaKind",
            "MediaRef",
            "Task",
            "TaskError",
            "TaskStatus",
        ),
        "_requests": ("run_body",),
        "_retry": (
            "NO_RETRY",
            "RetryPolicy",
            "parse_retry_after",
        ),
        "_snippets": (
            "BODY_FILE",
            "body_json",
            "body_preview",
            "curl_snippet",
            "needs_body_file",
            "python_snippet",
        ),
    },
)

__all__ = [
    "BODY_FILE",
    "NO_RETRY",
    "AuthError",
    "ConflictError",
    "DownloadError",
    "DownloadTooLargeError",
    "Endpoint",
    "EndpointDetail",
    "FieldMessage",
    "IncompleteDownloadError",
    "MediaKind",
    "MediaRef",
    "MountseaClient",
    "MountseaError",
    "NetworkError",
    "NotFoundError",
    "PaymentRequiredError",
    "ProtocolError",
    "RateLimitedError",
    "RetryPolicy",
    "ServerError",
    "Task",
    "TaskDeadlineError",
    "TaskError",
    "TaskStatus",
    "UnexpectedStatusError",
    "ValidationError",
    "body_json",
    "body_preview",
    "curl_snippet",
    "http_client",
    "needs_body_file",
    "origin_of",
    "parse_endpoint",
    "parse_endpoint_detail",
    "parse_media",
    "parse_retry_after",
    "parse_task",
    "python_snippet",
    "run_body",
]
