"""The mock server plays scripted responses in order and records requests as sent."""

from __future__ import annotations

import time

import httpx
import pytest

from conformance.mock_server import MockServer


def test_plays_responses_in_order_and_records_raw_requests() -> None:
    with MockServer() as server:
        server.play(
            [
                {
                    "status": 429,
                    "headers": {"Retry-After-Ms": "5", "x-request-id": "req_1"},
                    "body": {"a": 1},
                },
                {"status": 200, "raw": "not json", "headers": {"content-type": "application/json"}},
            ]
        )
        with httpx.Client(base_url=server.url) as client:
            first = client.post("/v1/batches/a%2Fb/cancel?x=1", json={"k": "v"}, headers={"X-Custom": "yes"})
            second = client.get("/v1/batches/b")
            third = client.get("/v1/unscripted")

    assert (first.status_code, first.headers["retry-after-ms"], first.json()) == (429, "5", {"a": 1})
    assert first.headers["content-type"] == "application/json"
    assert (second.status_code, second.text, second.headers["content-type"]) == (
        200,
        "not json",
        "application/json",
    )
    assert third.status_code == 418

    recorded = server.requests
    assert [(r.method, r.path) for r in recorded] == [
        ("POST", "/v1/batches/a%2Fb/cancel?x=1"),
        ("GET", "/v1/batches/b"),
        ("GET", "/v1/unscripted"),
    ]
    assert recorded[0].headers["x-custom"] == "yes"
    assert recorded[0].headers["content-type"] == "application/json"
    assert recorded[0].json() == {"k": "v"}
    assert recorded[1].body == b""
    assert recorded[0].time <= recorded[1].time <= recorded[2].time


def test_delay_and_closed_connection() -> None:
    with MockServer() as server:
        server.play([{"status": 200, "body": {}, "delay": 0.3}, {"close": True}])
        with httpx.Client(base_url=server.url) as client:
            started = time.monotonic()
            with pytest.raises(httpx.ReadTimeout):
                client.get("/slow", timeout=0.05)
            assert time.monotonic() - started < 0.25
            with pytest.raises(httpx.RemoteProtocolError):
                client.get("/closed")
    assert len(server.requests) == 2
