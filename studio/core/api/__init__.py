"""The Qt-free Mountsea `/ms/v1` client: MountseaClient, its typed models and its error tree."""

from studio.core.api._client import MountseaClient
from studio.core.api._decode import parse_endpoint, parse_endpoint_detail, parse_media, parse_task
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
from studio.core.api._snippets import body_json, curl_snippet, python_snippet

__all__ = [
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
    "curl_snippet",
    "http_client",
    "origin_of",
    "parse_endpoint",
    "parse_endpoint_detail",
    "parse_media",
    "parse_retry_after",
    "parse_task",
    "python_snippet",
    "run_body",
]
