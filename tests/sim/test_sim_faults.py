"""Injected faults of the simulator, one kind at a time with the deterministic ``kind*N`` syntax."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from tests.fakes.simulator import (
    SimProcess,
    assert_nest_error,
    run_image,
    running_simulator,
    start_simulator,
)

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

LIST = "/ms/v1/endpoints"


@pytest.fixture(scope="module")
def sim() -> Iterator[SimProcess]:
    with running_simulator() as process:
        yield process


@pytest.fixture
def client(sim: SimProcess) -> Iterator[httpx.Client]:
    with sim.client() as http:
        yield http
        assert http.post("/_sim/faults", json={"profile": "none"}).status_code == 200


@pytest.fixture(scope="module")
def media_url(sim: SimProcess) -> str:
    with sim.client() as http:
        url: str = run_image(http)["output"]["images"][0]["url"]
        return url


def set_profile(client: httpx.Client, profile: str) -> dict[str, Any]:
    response = client.post("/_sim/faults", json={"profile": profile})
    assert response.status_code == 200, response.text
    described: dict[str, Any] = response.json()
    return described


def test_5xx_then_recovers(client: httpx.Client) -> None:
    set_profile(client, "5xx*1")
    assert_nest_error(client.get(LIST), 503)
    assert client.get(LIST).status_code == 200


def test_429_carries_retry_after(client: httpx.Client) -> None:
    set_profile(client, "429*2")
    for _ in range(2):
        response = client.get(LIST)
        assert_nest_error(response, 429)
        assert response.headers["retry-after"] == "1"
    assert client.get(LIST).status_code == 200


def test_reset_closes_without_a_response(client: httpx.Client) -> None:
    set_profile(client, "reset*1")
    with pytest.raises(httpx.RemoteProtocolError):
        client.get(LIST)
    assert client.get(LIST).status_code == 200


def test_malformed_body_is_not_json(client: httpx.Client) -> None:
    set_profile(client, "malformed*1")
    response = client.get(LIST)
    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.content)
    assert client.get(LIST).json()["total"] == 35


def test_slow_still_answers_and_is_used_up(client: httpx.Client, sim: SimProcess) -> None:
    set_profile(client, "slow*1")
    assert client.get(LIST).status_code == 200
    assert client.get("/_sim/faults").json()["rules"] == [{"kind": "slow", "remaining": 0}]
    assert "fault slow on GET /ms/v1/endpoints" in sim.log_text()


def test_truncate_cuts_media_but_announces_full_length(
    client: httpx.Client, media_url: str
) -> None:
    full = httpx.get(media_url).content
    set_profile(client, "truncate*1")
    received = bytearray()
    with httpx.stream("GET", media_url) as response:
        assert response.status_code == 200
        assert int(response.headers["content-length"]) == len(full)
        with pytest.raises(httpx.RemoteProtocolError):
            for chunk in response.iter_raw():
                received.extend(chunk)
    assert 0 < len(received) < len(full)
    assert bytes(received) == full[: len(received)]
    assert httpx.get(media_url).content == full


def test_faults_only_hit_their_route_family(client: httpx.Client, media_url: str) -> None:
    set_profile(client, "429*1,truncate*1")
    assert client.get("/_sim/faults").status_code == 200  # admin routes are never faulted
    assert_nest_error(client.get(LIST), 429)
    assert client.get(LIST).status_code == 200  # truncate never applies to the API
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.get(media_url)


def test_probability_one_faults_every_request(client: httpx.Client) -> None:
    set_profile(client, "5xx:1")
    assert all(client.get(LIST).status_code == 503 for _ in range(5))
    assert client.get("/_sim/faults").json()["profile"] == "5xx:1"


def test_bad_profile_is_400_and_keeps_the_old_one(client: httpx.Client) -> None:
    set_profile(client, "429*3")
    message = assert_nest_error(client.post("/_sim/faults", json={"profile": "bogus:1"}), 400)
    assert "bogus" in message[0]
    assert client.get("/_sim/faults").json()["rules"] == [{"kind": "429", "remaining": 3}]


def test_faults_from_the_command_line(tmp_path: Path) -> None:
    sim = start_simulator("--faults", "429*1", work_dir=tmp_path)
    try:
        with sim.client() as http:
            assert_nest_error(http.get(LIST), 429)
            assert http.get(LIST).status_code == 200
    finally:
        assert sim.stop() == 0


def test_invalid_command_line_profile_refuses_to_start(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="simulator did not start"):
        start_simulator("--faults", "explode:2", work_dir=tmp_path)
