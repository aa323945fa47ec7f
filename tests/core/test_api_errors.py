"""Each HTTP error status and body shape becomes the right MountseaError, readably worded."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

from studio.core.api import (
    AuthError,
    ConflictError,
    FieldMessage,
    MountseaError,
    NetworkError,
    NotFoundError,
    PaymentRequiredError,
    ProtocolError,
    RateLimitedError,
    ServerError,
    UnexpectedStatusError,
    ValidationError,
)
from studio.core.api._error_bodies import error_from_response, field_messages, normalise_path
from tests.fakes.transport import (
    TEST_API_KEY,
    FakeMountsea,
    error_response,
    json_response,
    make_client,
)

NEST_400 = {"statusCode": 400, "message": "input.prompt is required", "error": "Bad Request"}


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, ValidationError),
        (401, AuthError),
        (402, PaymentRequiredError),
        (403, AuthError),
        (404, NotFoundError),
        (405, UnexpectedStatusError),
        (409, ConflictError),
        (422, ValidationError),
        (429, RateLimitedError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
    ],
)
def test_status_maps_to_error_class(status: int, cls: type[MountseaError]) -> None:
    error = error_from_response(status, {"statusCode": status, "message": "nope"}, None)
    assert type(error) is cls
    assert error.status == status
    assert str(error).endswith(".")
    assert str(error)[0].isupper()


def test_messages_read_like_sentences() -> None:
    assert str(error_from_response(401, "", None)) == (
        "The API key was rejected (401). Check it in Settings."
    )
    assert str(error_from_response(429, "", 2.2)) == (
        "Too many requests; retrying in 3 s is advised."
    )
    assert str(error_from_response(404, {"message": "Task ms-1 not found"}, None)) == (
        "Not found (404): Task ms-1 not found."
    )
    server = str(error_from_response(503, "<html><h1>Bad gateway</h1></html>", None))
    assert server == "The Mountsea server had a problem (503). Try again later."


def test_nest_validation_body_names_the_field() -> None:
    error = error_from_response(400, NEST_400, None)
    assert isinstance(error, ValidationError)
    assert error.field_errors == (FieldMessage("prompt", "prompt is required"),)
    assert str(error) == "The request was rejected (400): prompt is required."
    assert error.body == NEST_400


def test_nest_message_array_gives_one_field_error_each() -> None:
    body = {
        "statusCode": 400,
        "message": [
            "input.image_size.width must not be greater than 4096",
            "input.image_urls[0] must be a URL address",
            "duration: must be one of 4s, 6s, 8s",
            "property foo should not exist",
            "The request is malformed",
            "the input is odd",
        ],
        "error": "Bad Request",
    }
    error = error_from_response(400, body, None)
    assert isinstance(error, ValidationError)
    assert error.field_errors == (
        FieldMessage("image_size.width", "image_size.width must not be greater than 4096"),
        FieldMessage("image_urls.0", "image_urls[0] must be a URL address"),
        FieldMessage("duration", "duration: must be one of 4s, 6s, 8s"),
        FieldMessage("foo", "property foo should not exist"),
        FieldMessage("", "The request is malformed"),
        FieldMessage("", "the input is odd"),
    )
    assert "(and 3 more)" in str(error)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            {"errors": [{"path": "input.seed", "message": "must be an integer"}]},
            (FieldMessage("seed", "must be an integer"),),
        ),
        (
            {"errors": [{"path": ["input", "image_urls", 2], "message": "bad url"}]},
            (FieldMessage("image_urls.2", "bad url"),),
        ),
        (
            {"errors": [{"instancePath": "/input/size/width", "message": "too big"}]},
            (FieldMessage("size.width", "too big"),),
        ),
        ({"error": {"message": "Out of credits"}}, (FieldMessage("", "Out of credits"),)),
        ({"detail": "Something broke"}, (FieldMessage("", "Something broke"),)),
        (
            {"detail": [{"loc": ["body", "input", "prompt"], "msg": "field required"}]},
            (FieldMessage("prompt", "field required"),),
        ),
        ({"error": "Bad Request"}, (FieldMessage("", "Bad Request"),)),
        ("plain text reason", (FieldMessage("", "plain text reason"),)),
        ({"message": "input must be an object"}, (FieldMessage("", "input must be an object"),)),
        ([1, 2, 3], ()),
    ],
)
def test_other_error_body_shapes(body: Any, expected: tuple[FieldMessage, ...]) -> None:
    assert field_messages(body) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("input.a.b", "a.b"),
        ("a[0].b", "a.0.b"),
        ("/input/a~1b/0", "a/b.0"),
        (["body", "input", "x"], "x"),
        ("input", ""),
        (None, ""),
    ],
)
def test_normalise_path(raw: object, expected: str) -> None:
    assert normalise_path(raw) == expected


@pytest.mark.asyncio
async def test_client_raises_mapped_errors_with_body() -> None:
    fake = FakeMountsea()
    fake.post("/ms/v1/run/*", json_response(NEST_400, status=400))
    fake.get("/ms/v1/tasks/ms-gone", error_response(404, "Task not found"))
    fake.delete("/ms/v1/tasks/ms-paid", error_response(402, "Insufficient credits"))
    async with fake.client() as api:
        with pytest.raises(ValidationError) as invalid:
            await api.run("google/veo-3.1/text-to-video", {})
        with pytest.raises(NotFoundError):
            await api.get_task("ms-gone")
        with pytest.raises(PaymentRequiredError):
            await api.cancel_task("ms-paid")
    assert invalid.value.field_errors[0].path == "prompt"


@pytest.mark.asyncio
async def test_429_carries_retry_after() -> None:
    fake = FakeMountsea()
    fake.post("/ms/v1/run/*", error_response(429, "slow down", headers={"Retry-After": "7"}))
    async with fake.client() as api:
        with pytest.raises(RateLimitedError) as caught:
            await api.run("a/b/c", {"prompt": "x"})
    assert caught.value.retry_after == 7.0
    assert caught.value.transient
    assert "7 s" in str(caught.value)


@pytest.mark.asyncio
async def test_malformed_json_is_a_protocol_error() -> None:
    fake = FakeMountsea()
    fake.get("/ms/v1/tasks/*", httpx.Response(200, content=b"{not json"))
    fake.get("/ms/v1/endpoints", json_response({"total": 3}))
    async with fake.client() as api:
        with pytest.raises(ProtocolError):
            await api.get_task("ms-1")
        with pytest.raises(ProtocolError):
            await api.list_endpoints()


@pytest.mark.asyncio
async def test_network_failure_is_a_network_error_wrapping_httpx() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    async with make_client(refuse) as api:
        with pytest.raises(NetworkError) as caught:
            await api.get_task("ms-1")
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    assert "api.mountsea.test" in str(caught.value)


@pytest.mark.asyncio
async def test_echoed_key_is_scrubbed_from_errors() -> None:
    echo = f"invalid token Bearer {TEST_API_KEY}"
    fake = FakeMountsea()
    fake.post("/ms/v1/run/*", error_response(400, echo), error_response(401, echo))
    async with fake.client() as api:
        for _ in range(2):
            with pytest.raises(MountseaError) as caught:
                await api.run("a/b/c", {})
            error = caught.value
            for text in (str(error), repr(error), str(error.body)):
                assert TEST_API_KEY not in text
    assert TEST_API_KEY not in repr(api)
    assert "***" in repr(api)


@pytest.mark.asyncio
async def test_key_never_reaches_the_log(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    fake = FakeMountsea()
    fake.get("/ms/v1/tasks/*", error_response(503, "busy"), error_response(401, TEST_API_KEY))
    fake.post("/ms/v1/run/*", json_response({"task_id": "ms-9"}))
    async with fake.client() as api:
        with pytest.raises(AuthError):
            await api.get_task("ms-1")
        task = await api.run("a/b/c", {"prompt": "x"})
    assert task.task_id == "ms-9"
    assert any(r.name == "studio.api" for r in caplog.records)
    assert TEST_API_KEY not in caplog.text
