"""The generated Python SDK (bundled spec), exercised in-process against the loopback mock server.

The conformance suite (tests/conformance) covers what every language shares; these tests cover what
is specific to the Python package: its public API, models, environment variables and secrets.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import sys
import time
import typing
from pathlib import Path
from typing import Any, Iterator

import httpx
import pytest

from conformance.mock_server import MockServer

from conformance.drivers.python import bundled_src  # noqa: E402

SRC = bundled_src()  # the bundled spec's SDK as this generator renders it now
sys.path.insert(0, str(SRC))

import openai  # noqa: E402  (the generated package, from SRC)
from openai import AsyncOpenAI, OpenAI  # noqa: E402
from openai.types import Batch, BatchError, BatchRequestCounts, BatchUsage  # noqa: E402

SECRET = "sk-test-secret-4f2a9c"
BATCH = {
    "id": "batch_abc",
    "object": "batch",
    "endpoint": "/v1/chat/completions",
    "input_file_id": "file-abc",
    "completion_window": "24h",
    "status": "in_progress",
    "created_at": 1711471533,
    "errors": {
        "object": "list",
        "data": [{"code": "invalid_json", "line": 3, "message": "bad", "param": None}],
    },
    "request_counts": {"total": 3, "completed": 2, "failed": 1},
    "usage": {
        "input_tokens": 10,
        "input_tokens_details": {"cached_tokens": 4},
        "output_tokens": 5,
        "output_tokens_details": {"reasoning_tokens": 1},
        "total_tokens": 15,
    },
    "metadata": {"team": "evals"},
}


@pytest.fixture
def server() -> Iterator[MockServer]:
    with MockServer() as mock:
        yield mock


@pytest.fixture
def client(server: MockServer) -> Iterator[OpenAI]:
    with OpenAI(api_key=SECRET, base_url=f"{server.url}/v1") as sdk:
        yield sdk


def test_it_is_the_generated_package() -> None:
    assert Path(openai.__file__).is_relative_to(SRC)
    assert openai.__version__ == "0.1.0"


def test_headers_sent_match_the_official_sdk(server: MockServer, client: OpenAI) -> None:
    server.play([{"status": 200, "body": BATCH}, {"status": 200, "body": BATCH}])
    client.batches.retrieve("batch_abc")
    client.batches.cancel("batch_abc")
    get, post = server.requests
    for request in (get, post):
        assert request.headers["authorization"] == f"Bearer {SECRET}"
        assert request.headers["accept"] == "application/json"
        assert request.headers["user-agent"] == "OpenAI/Python 0.1.0"
        assert "content-type" not in request.headers  # neither call has a body
        assert "openai-organization" not in request.headers and "openai-project" not in request.headers
    assert (get.method, get.path, post.method, post.path) == (
        "GET",
        "/v1/batches/batch_abc",
        "POST",
        "/v1/batches/batch_abc/cancel",
    )


def test_environment_variables(server: MockServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(openai.OpenAIError, match="OPENAI_API_KEY"):
        OpenAI()
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    monkeypatch.setenv("OPENAI_BASE_URL", f"{server.url}/v2")
    monkeypatch.setenv("OPENAI_ORG_ID", "org-env")
    monkeypatch.setenv("OPENAI_PROJECT_ID", "proj-env")
    server.play([{"status": 200, "body": BATCH}])
    with OpenAI() as sdk:
        assert (sdk.timeout, sdk.max_retries) == (httpx.Timeout(600.0, connect=5.0), 2)
        sdk.batches.retrieve("b1")
    (request,) = server.requests
    assert request.path == "/v2/batches/b1"
    assert request.headers["authorization"] == f"Bearer {SECRET}"
    assert (request.headers["openai-organization"], request.headers["openai-project"]) == (
        "org-env",
        "proj-env",
    )
    monkeypatch.delenv("OPENAI_BASE_URL")
    assert str(OpenAI().base_url) == "https://api.openai.com/v1"


def test_with_options_copies_and_keeps_the_original(server: MockServer, client: OpenAI) -> None:
    changed = client.with_options(
        organization="org-1", max_retries=0, timeout=5.0, default_headers={"X-A": "1"}
    )
    assert (changed.max_retries, changed.timeout, changed.organization) == (0, 5.0, "org-1")
    assert (client.max_retries, client.timeout, client.organization) == (
        2,
        httpx.Timeout(600.0, connect=5.0),
        None,
    )
    server.play([{"status": 500, "body": {}}])
    with pytest.raises(openai.InternalServerError):
        changed.batches.retrieve("b")
    (request,) = server.requests  # max_retries=0: no retry
    assert (request.headers["openai-organization"], request.headers["x-a"]) == ("org-1", "1")


def test_model_shape_and_round_trip(server: MockServer, client: OpenAI) -> None:
    sent = {**BATCH, "status": "paused_for_review", "brand_new": {"nested": [1, 2]}}
    server.play([{"status": 200, "headers": {"x-request-id": "req_42"}, "body": sent}])
    batch = client.batches.retrieve("batch_abc")
    assert isinstance(batch, Batch) and batch._request_id == "req_42"
    assert isinstance(batch.errors, Batch.Errors) and isinstance(batch.errors.data[0], BatchError)
    assert isinstance(batch.request_counts, BatchRequestCounts) and batch.request_counts.failed == 1
    assert isinstance(batch.usage, BatchUsage)
    assert isinstance(batch.usage.input_tokens_details, BatchUsage.InputTokensDetails)
    assert batch.status == "paused_for_review"  # unknown enum value kept, not an error
    assert batch.brand_new == {"nested": [1, 2]}  # type: ignore[attr-defined]  # unknown field kept
    assert batch.to_dict() == sent
    assert json.loads(batch.to_json()) == sent
    assert batch.cancelled_at is None


def test_model_annotations_follow_the_spec() -> None:
    hints = typing.get_type_hints(Batch)
    statuses = (
        "validating",
        "failed",
        "in_progress",
        "finalizing",
        "completed",
        "expired",
        "cancelling",
        "cancelled",
    )
    assert hints["id"] is str
    assert hints["object"] == typing.Literal["batch"]
    assert hints["status"] == typing.Literal[statuses]
    assert hints["metadata"] == typing.Optional[typing.Dict[str, str]]
    assert hints["cancelled_at"] == typing.Optional[int]
    assert Batch.model_fields["cancelled_at"].default is None and Batch.model_fields["id"].is_required()
    assert len(Batch.model_fields) == 22


def test_raw_response(server: MockServer, client: OpenAI) -> None:
    server.play(
        [
            {"status": 429, "headers": {"retry-after-ms": "5"}, "body": {}},
            {"status": 200, "headers": {"x-request-id": "req_raw", "x-extra": "yes"}, "body": BATCH},
        ]
    )
    response = client.batches.with_raw_response.cancel("batch_abc")
    assert (response.status_code, response.request_id, response.retries_taken) == (200, "req_raw", 1)
    assert response.headers["x-extra"] == "yes"
    assert response.http_request.method == "POST"
    assert response.http_request.url.raw_path == b"/v1/batches/batch_abc/cancel"
    batch = response.parse()
    assert isinstance(batch, Batch) and batch._request_id == "req_raw"
    assert client.with_raw_response.batches.retrieve  # the client-level spelling exists too


def test_path_arguments_are_checked_before_any_request(server: MockServer, client: OpenAI) -> None:
    with pytest.raises(ValueError) as empty:
        client.batches.retrieve("")
    assert str(empty.value) == "Expected a non-empty value for `batch_id` but received ''"
    for segment in (".", ".."):
        with pytest.raises(ValueError, match="dot-segment"):
            client.batches.cancel(segment)
    assert server.requests == []


def test_error_attributes(server: MockServer, client: OpenAI) -> None:
    body = {
        "error": {
            "message": "No such batch",
            "type": "invalid_request_error",
            "param": "batch_id",
            "code": None,
        }
    }
    server.play([{"status": 404, "headers": {"x-request-id": "req_404"}, "body": body}])
    with pytest.raises(openai.NotFoundError) as caught:
        client.batches.retrieve("missing")
    err = caught.value
    assert isinstance(err, openai.APIStatusError) and isinstance(err, openai.APIError)
    assert str(err) == err.message == "Error code: 404 - No such batch"
    assert (err.status_code, err.request_id, err.code, err.param, err.type) == (
        404,
        "req_404",
        None,
        "batch_id",
        "invalid_request_error",
    )
    assert err.body == body["error"] and err.response.status_code == 404


def test_retry_after_http_date(server: MockServer, client: OpenAI) -> None:
    when = email.utils.formatdate(time.time() + 2, usegmt=True)  # whole seconds: 1 to 2 s from now
    server.play(
        [{"status": 503, "headers": {"retry-after": when}, "body": {}}, {"status": 200, "body": BATCH}]
    )
    client.batches.retrieve("b")
    first, second = server.requests
    assert 0.9 <= second.time - first.time <= 2.5


def test_backoff_formula(monkeypatch: pytest.MonkeyPatch) -> None:
    from openai import _base_client

    for jitter in (0.0, 1.0):
        monkeypatch.setattr(_base_client.random, "random", lambda: jitter)
        delays = [_base_client.retry_delay(n, None) for n in range(6)]
        assert delays == [min(0.5 * 2**n, 8.0) * (1 - 0.25 * jitter) for n in range(6)]
    # Honoured up to 120 s, as openai-python 3.63 (tests/test_python_retry_after.py: above it, no retry).
    ignored = httpx.Headers({"retry-after": "121"})
    assert 0.375 <= _base_client.retry_delay(0, ignored) <= 0.5
    assert _base_client.retry_delay(0, httpx.Headers({"retry-after": "120"})) == 120.0
    assert _base_client.retry_delay(0, httpx.Headers({"retry-after": "61"})) == 61.0


def test_api_key_is_never_shown(server: MockServer, client: OpenAI, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    server.play([{"status": 401, "body": {"error": {"message": "Incorrect API key"}}}, {"close": True}])
    shown = [repr(client), str(client), repr(client.with_options(max_retries=0))]
    with pytest.raises(openai.AuthenticationError) as auth:
        client.batches.retrieve("b")
    with pytest.raises(openai.APIConnectionError) as conn:
        client.with_options(max_retries=0).batches.retrieve("b")
    for err in (auth.value, conn.value):
        shown += [str(err), repr(err), repr(err.request)]
    shown += [record.getMessage() for record in caplog.records]
    assert any("Sending HTTP Request" in line for line in shown)  # the debug log did run
    assert all(SECRET not in line for line in shown)


def test_async_client(server: MockServer) -> None:
    async def scenario() -> Any:
        async with AsyncOpenAI(api_key=SECRET, base_url=f"{server.url}/v1", project="proj-a") as sdk:
            batch = await sdk.batches.retrieve("batch_abc")
            raw = await sdk.batches.with_raw_response.cancel("batch_abc", extra_headers={"X-Call": "1"})
            parsed = raw.parse()  # the body is read: no coroutine, as in openai-python
            copy = sdk.with_options(max_retries=0)
            assert isinstance(copy, AsyncOpenAI)
            with pytest.raises(ValueError):
                await sdk.batches.cancel("")
            return batch, raw, parsed

    server.play(
        [
            {"status": 500, "headers": {"retry-after-ms": "5"}, "body": {}},
            {"status": 200, "headers": {"x-request-id": "req_a1"}, "body": BATCH},
            {"status": 200, "headers": {"x-request-id": "req_a2"}, "body": BATCH},
        ]
    )
    batch, raw, parsed = asyncio.run(scenario())
    assert batch._request_id == "req_a1" and parsed._request_id == "req_a2" and raw.retries_taken == 0
    assert [r.headers["openai-project"] for r in server.requests] == ["proj-a"] * 3
    assert server.requests[2].headers["x-call"] == "1"
