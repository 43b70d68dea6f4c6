"""Retry-After in the generated Python SDK, against the loopback server: honoured up to 120 s, and a
response asking for more is not retried at all, as openai-python does.

Measured with openai-python 3.63.0 (pip install openai, CPython 3.11) against tests/conformance/
mock_server.py, `time.sleep` of its `_base_client` recording the waits: `retry-after-ms: 61000` and
`retry-after: 61` waited 61.0 s, `retry-after-ms: 120000` and `retry-after: 120` 120.0 s, then
retried; `retry-after-ms: 120001`, `retry-after: 121` and an HTTP date an hour ahead raised
RateLimitError after one request (no retry, even with `x-should-retry: true`); `retry-after-ms: 0`
fell back to the backoff (0.473 s). The shared conformance scenario
`retry_after_over_60_seconds_falls_back_to_backoff` encodes the older 60 s rule and skips the Python
drivers. Here the waits above a second are recorded instead of slept (the SDK's own `time.sleep`);
the request and the decision to retry are real.
"""

from __future__ import annotations

import asyncio
import email.utils
import sys
import time
from typing import Any, Iterator

import pytest

from conformance.drivers.python import bundled_src
from conformance.mock_server import MockServer

sys.path.insert(0, str(bundled_src()))

import openai  # noqa: E402
from openai import AsyncOpenAI, OpenAI  # noqa: E402
from openai import _base_client  # noqa: E402

BATCH = {
    "id": "batch_abc",
    "object": "batch",
    "endpoint": "/v1/chat/completions",
    "input_file_id": "file-abc",
    "completion_window": "24h",
    "status": "validating",
    "created_at": 1711471533,
}
LIMITED = {"error": {"message": "Rate limit reached", "type": "requests"}}


@pytest.fixture
def slept(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """The waits the sync client asks for (recorded, not slept)."""
    waits: list[float] = []
    monkeypatch.setattr(_base_client.time, "sleep", lambda seconds: waits.append(seconds))
    yield waits


def retrieve_after(headers: dict[str, str], max_retries: int = 1) -> tuple[Any, int]:
    with MockServer() as server:
        server.play([{"status": 429, "headers": headers, "body": LIMITED}, {"status": 200, "body": BATCH}])
        with OpenAI(api_key="sk-test", base_url=f"{server.url}/v1", max_retries=max_retries) as client:
            try:
                outcome: Any = client.batches.retrieve("batch_abc")
            except openai.APIStatusError as err:
                outcome = err
        return outcome, len(server.requests)


@pytest.mark.parametrize(
    ("headers", "wait"),
    [
        ({"retry-after-ms": "61000"}, 61.0),
        ({"retry-after": "61"}, 61.0),
        ({"retry-after-ms": "120000"}, 120.0),
        ({"retry-after": "120"}, 120.0),
    ],
    ids=["ms61000", "s61", "ms120000", "s120"],
)
def test_a_wait_of_up_to_120_seconds_is_honoured(
    headers: dict[str, str], wait: float, slept: list[float]
) -> None:
    outcome, requests = retrieve_after(headers)
    assert requests == 2 and outcome.id == "batch_abc"
    assert slept == [wait]


@pytest.mark.parametrize(
    "headers",
    [
        {"retry-after-ms": "120001"},
        {"retry-after": "121"},
        {"retry-after": "121", "x-should-retry": "true"},
        {"retry-after": email.utils.formatdate(time.time() + 3600, usegmt=True)},
    ],
    ids=["ms120001", "s121", "s121-should-retry", "date-an-hour-ahead"],
)
def test_a_longer_wait_is_not_retried(headers: dict[str, str], slept: list[float]) -> None:
    outcome, requests = retrieve_after(headers, max_retries=2)
    assert isinstance(outcome, openai.RateLimitError) and outcome.status_code == 429
    assert requests == 1 and slept == []


def test_no_usable_wait_falls_back_to_the_backoff(slept: list[float]) -> None:
    outcome, requests = retrieve_after({"retry-after-ms": "0"})
    assert requests == 2 and outcome.id == "batch_abc"
    assert len(slept) == 1 and 0.375 <= slept[0] <= 0.5


def test_a_short_wait_is_slept_for_real() -> None:
    with MockServer() as server:
        server.play([{"status": 429, "headers": {"retry-after": "0.3"}, "body": LIMITED}, {"body": BATCH}])
        with OpenAI(api_key="sk-test", base_url=f"{server.url}/v1") as client:
            client.batches.retrieve("batch_abc")
        first, second = server.requests
    assert 0.29 <= second.time - first.time <= 1.5


def test_the_async_client_follows_the_same_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    waits: list[float] = []

    async def recorded(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(_base_client.asyncio, "sleep", recorded)

    async def scenario(server: MockServer) -> list[Any]:
        outcomes: list[Any] = []
        async with AsyncOpenAI(api_key="sk-test", base_url=f"{server.url}/v1", max_retries=1) as client:
            outcomes.append(await client.batches.retrieve("batch_abc"))
            with pytest.raises(openai.RateLimitError) as err:
                await client.batches.retrieve("batch_abc")
            outcomes.append(err.value)
        return outcomes

    with MockServer() as server:
        server.play(
            [
                {"status": 429, "headers": {"retry-after": "120"}, "body": LIMITED},
                {"body": BATCH},
                {"status": 429, "headers": {"retry-after": "121"}, "body": LIMITED},
            ]
        )
        ok, refused = asyncio.run(scenario(server))
        assert len(server.requests) == 3
    assert ok.id == "batch_abc" and refused.status_code == 429
    assert waits == [120.0]
