"""MountseaClient operations against a fake server, including every tolerance of CONTRACT §12."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx
import pytest

from studio.core.api import (
    ConflictError,
    MountseaClient,
    TaskStatus,
    curl_snippet,
    python_snippet,
    run_body,
)
from tests.fakes.transport import (
    TEST_API_KEY,
    TEST_BASE_URL,
    FakeMountsea,
    endpoint_json,
    error_response,
    json_body,
    json_response,
    task_json,
)

if TYPE_CHECKING:
    from collections.abc import Callable

SLUG = "google/veo-3.1/text-to-video"


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "wrap",
    [
        lambda items: items,
        lambda items: {"data": items, "total": len(items)},
        lambda items: {"endpoints": items},
        lambda items: {"items": items, "next": None},
    ],
    ids=["bare", "data", "endpoints", "items"],
)
async def test_list_endpoints_accepts_every_wrapper(wrap: Callable[[list[Any]], Any]) -> None:
    items = [endpoint_json(SLUG), endpoint_json("openai/gpt-image-2/edit", capability="image")]
    fake = FakeMountsea()
    fake.get("/ms/v1/endpoints", json_response(wrap(items)))
    async with fake.client() as api:
        endpoints = await api.list_endpoints()
    assert [e.slug for e in endpoints] == [SLUG, "openai/gpt-image-2/edit"]
    assert endpoints[1].capability == "image"


@pytest.mark.asyncio
async def test_list_endpoints_sends_filters_and_the_key() -> None:
    fake = FakeMountsea()
    fake.get("/ms/v1/endpoints", json_response({"data": [endpoint_json(), {"name": "bad"}]}))
    async with fake.client() as api:
        endpoints = await api.list_endpoints(capability="video", tag="4k")
        await api.list_endpoints()
    assert len(endpoints) == 1
    first, second = fake.requests
    assert dict(first.url.params) == {"capability": "video", "tag": "4k"}
    assert dict(second.url.params) == {}
    assert first.headers["Authorization"] == f"Bearer {TEST_API_KEY}"


@pytest.mark.asyncio
async def test_get_endpoint_sends_the_slug_raw() -> None:
    detail_json = endpoint_json(SLUG, input_schema={"type": "object"}, examples=[{"input": {}}])
    fake = FakeMountsea()
    fake.get(f"/ms/v1/endpoints/{SLUG}", json_response(detail_json))
    async with fake.client() as api:
        detail = await api.get_endpoint(SLUG)
    assert detail.slug == SLUG
    assert detail.input_schema == {"type": "object"}
    assert detail.examples == ({"input": {}},)
    assert fake.requests[0].url.raw_path == b"/ms/v1/endpoints/google/veo-3.1/text-to-video"


@pytest.mark.asyncio
async def test_run_posts_input_and_webhook() -> None:
    fake = FakeMountsea()
    fake.post(f"/ms/v1/run/{SLUG}", json_response(task_json()))
    async with fake.client() as api:
        task = await api.run(SLUG, {"prompt": "a fox"}, webhook_url="https://hook.example/x")
        await api.run(SLUG, {"prompt": "again"})
    assert task.status is TaskStatus.QUEUED
    first, second = fake.requests
    assert json_body(first) == {
        "input": {"prompt": "a fox"},
        "webhook_url": "https://hook.example/x",
    }
    assert json_body(second) == {"input": {"prompt": "again"}}
    assert first.headers["Content-Type"] == "application/json"


@pytest.mark.asyncio
@pytest.mark.parametrize("status", [200, 201, 202])
async def test_run_accepts_any_2xx(status: int) -> None:
    fake = FakeMountsea()
    fake.post("/ms/v1/run/*", json_response(task_json(), status=status))
    async with fake.client() as api:
        task = await api.run(SLUG, {"prompt": "x"})
    assert task.task_id == task_json()["task_id"]


@pytest.mark.asyncio
async def test_run_answer_with_only_task_id_is_completed_by_a_get() -> None:
    fake = FakeMountsea()
    fake.post("/ms/v1/run/*", json_response({"task_id": "ms-42"}, status=202))
    fake.task_states("ms-42", {"status": "processing"})
    async with fake.client() as api:
        task = await api.run(SLUG, {"prompt": "x"})
    assert task.task_id == "ms-42"
    assert task.status is TaskStatus.PROCESSING
    assert [r.method for r in fake.requests] == ["POST", "GET"]


@pytest.mark.asyncio
async def test_run_keeps_the_task_id_when_the_follow_up_get_fails() -> None:
    fake = FakeMountsea()
    fake.post("/ms/v1/run/*", json_response({"task_id": "ms-43"}))
    fake.get("/ms/v1/tasks/ms-43", error_response(404, "not yet visible"))
    async with fake.client() as api:
        task = await api.run(SLUG, {"prompt": "x"})
    assert task.task_id == "ms-43"
    assert not task.status.is_terminal


@pytest.mark.asyncio
async def test_get_task_tolerates_data_envelope_and_extra_fields() -> None:
    fake = FakeMountsea()
    fake.get("/ms/v1/tasks/ms-1", json_response({"data": task_json(task_id="ms-1", x=1)}))
    async with fake.client() as api:
        task = await api.get_task("ms-1")
    assert task.task_id == "ms-1"
    assert task.raw["x"] == 1


@pytest.mark.asyncio
async def test_cancel_uses_delete() -> None:
    fake = FakeMountsea()
    fake.delete("/ms/v1/tasks/ms-1", json_response(task_json(task_id="ms-1", status="canceled")))
    async with fake.client() as api:
        task = await api.cancel_task("ms-1")
    assert task.status is TaskStatus.CANCELED
    assert fake.requests[0].method == "DELETE"


@pytest.mark.asyncio
async def test_cancel_conflict_on_finished_task_is_raised() -> None:
    fake = FakeMountsea()
    fake.delete("/ms/v1/tasks/ms-1", error_response(409, "Task is already succeeded"))
    fake.task_states("ms-1", {"status": "succeeded"})
    async with fake.client() as api:
        with pytest.raises(ConflictError, match="already succeeded"):
            await api.cancel_task("ms-1")


@pytest.mark.asyncio
async def test_cancel_conflict_on_canceled_task_returns_it() -> None:
    fake = FakeMountsea()
    fake.delete("/ms/v1/tasks/ms-1", error_response(409, "Task is already canceled"))
    fake.task_states("ms-1", {"status": "canceled"})
    async with fake.client() as api:
        task = await api.cancel_task("ms-1")
    assert task.status is TaskStatus.CANCELED


@pytest.mark.asyncio
async def test_base_url_trailing_slash_and_prefix() -> None:
    fake = FakeMountsea(base_url="https://proxy.example/mountsea/")
    fake.get("/mountsea/ms/v1/tasks/ms-1", json_response(task_json(task_id="ms-1")))
    async with fake.client() as api:
        assert api.base_url == "https://proxy.example/mountsea"
        await api.get_task("ms-1")
    assert fake.requests[0].url.host == "proxy.example"


@pytest.mark.asyncio
async def test_client_closes_only_its_own_http_client() -> None:
    shared = httpx.AsyncClient(transport=FakeMountsea().transport())
    async with MountseaClient(TEST_BASE_URL, TEST_API_KEY, http=shared):
        pass
    assert not shared.is_closed
    await shared.aclose()
    own = MountseaClient(TEST_BASE_URL, TEST_API_KEY)
    await own.aclose()
    assert own._sender.http.is_closed


@pytest.mark.asyncio
async def test_repr_masks_the_key() -> None:
    api = MountseaClient(TEST_BASE_URL, TEST_API_KEY)
    await api.aclose()
    assert TEST_API_KEY not in repr(api)
    assert TEST_API_KEY not in repr(api._sender)
    assert repr(api) == f"MountseaClient(base_url='{TEST_BASE_URL}', api_key='***')"


@pytest.mark.asyncio
async def test_show_request_is_exactly_what_run_sends() -> None:
    """The snippets and the client share one builder: same URL (slug quoted) and same body."""
    odd_slug = "acme/odd model?v=2#x"
    fake = FakeMountsea()
    fake.post(f"/ms/v1/run/{odd_slug}", json_response(task_json()))  # matched decoded
    async with fake.client() as api:
        await api.run(odd_slug, {"prompt": "a fox"}, webhook_url="https://hook.example/x")
        await api.run(odd_slug, {"prompt": "no hook"}, webhook_url="")
    first, second = fake.requests
    shown = run_body({"prompt": "a fox"}, "https://hook.example/x")
    assert json_body(first) == shown
    assert (
        json_body(second) == run_body({"prompt": "no hook"}, "") == {"input": {"prompt": "no hook"}}
    )
    curl = curl_snippet(TEST_BASE_URL, odd_slug, shown)
    assert str(first.url) in curl  # the very URL the client posted to
    code = python_snippet(TEST_BASE_URL, odd_slug, shown)
    assert repr(str(first.url)) in code
