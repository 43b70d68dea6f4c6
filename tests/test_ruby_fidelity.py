"""openai-ruby's public API where the issue found the generated gem differing, through real HTTP to the
loopback mock server: the positional forms (`retrieve(id, request_options: ...)`, a params Hash given
positionally, `create(**params)` of a params class), keyword checks as Ruby words them, `e.body` the whole
error document (openai-ruby's APIStatusError#body), `_request_id` on models and pages, `Client#with_options`
and the `idempotency_key` request option (`Idempotency-Key` header).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance.drivers.ruby import render_gem, require_tool, run_ruby
from conformance.mock_server import MockServer

BATCH = {"id": "batch_abc", "object": "batch", "endpoint": "/v1/chat/completions", "input_file_id": "file-abc",
         "completion_window": "24h", "status": "validating", "created_at": 1711471533}
ERROR = {"error": {"message": "No such batch", "type": "invalid_request_error", "param": "batch_id",
                   "code": "not_found"}}


@pytest.fixture(scope="module")
def gem(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_tool("ruby")
    return render_gem("openai", tmp_path_factory.mktemp("gem-fidelity"))


def test_the_positional_forms_of_the_official_gem(gem: Path) -> None:
    source = r"""
    require 'openai'
    require 'json'
    client = OpenAI::Client.new(api_key: 'k', base_url: ARGV[0])
    a = client.batches.retrieve('batch_abc', request_options: {extra_headers: {'x-form' => 'keywords'}})
    b = client.batches.retrieve('batch_abc', {request_options: {extra_headers: {'x-form' => 'hash'}}})
    c = client.batches.create({completion_window: :'24h', endpoint: '/v1/chat/completions', input_file_id: 'f'})
    params = OpenAI::Models::BatchCreateParams.new(
      completion_window: OpenAI::Models::BatchCreateParams::CompletionWindow::VALUE_24_H,
      endpoint: :'/v1/embeddings', input_file_id: 'g',
      output_expires_after: OpenAI::Models::BatchCreateParams::OutputExpiresAfter.new(anchor: :created_at, seconds: 60)
    )
    d = client.batches.create(**params)
    page = client.batches.list({limit: 1})
    errors = [
      -> { client.batches.create(input_file_id: 'f') },
      -> { client.batches.list(limit: 1, bogus: 2) },
      -> { client.batches.retrieve('b', 'not a hash') }
    ].map do |call|
      call.call
    rescue ArgumentError => e
      e.message
    end
    puts JSON.generate('ids' => [a.id, b.id, c.id, d.id, page.data.map(&:id)], 'errors' => errors)
    """
    with MockServer() as server:
        server.play([{"body": BATCH}] * 4 + [{"body": {"object": "list", "data": [BATCH], "has_more": False}}])
        out = run_ruby(gem, source, args=[f"{server.url}/v1"])
        requests = server.requests
    assert out["ids"] == ["batch_abc"] * 4 + [["batch_abc"]]
    assert out["errors"] == ["missing keywords: :completion_window, :endpoint", "unknown keyword: :bogus",
                             "expected a Hash of parameters, got String"]
    assert [r.headers.get("x-form") for r in requests[:2]] == ["keywords", "hash"]
    assert requests[2].json() == {"completion_window": "24h", "endpoint": "/v1/chat/completions",
                                  "input_file_id": "f"}
    assert requests[3].json() == {"completion_window": "24h", "endpoint": "/v1/embeddings", "input_file_id": "g",
                                  "output_expires_after": {"anchor": "created_at", "seconds": 60}}
    assert requests[4].path == "/v1/batches?limit=1"
    assert len(requests) == 5  # the argument errors sent nothing


def test_error_body_is_the_whole_document_and_request_ids_are_on_models_and_pages(gem: Path) -> None:
    source = r"""
    require 'openai'
    require 'json'
    client = OpenAI::Client.new(api_key: 'k', base_url: ARGV[0], max_retries: 0)
    batch = client.batches.retrieve('batch_abc')
    page = client.batches.list
    begin
      client.batches.retrieve('missing')
    rescue OpenAI::Errors::NotFoundError => e
      error = [e.body, e.code, e.param, e.type, e.message, e.request_id]
    end
    puts JSON.generate('ids' => [batch._request_id, batch.request_id, page._request_id], 'error' => error)
    """
    with MockServer() as server:
        server.play([
            {"headers": {"x-request-id": "req_model"}, "body": BATCH},
            {"headers": {"x-request-id": "req_page"}, "body": {"object": "list", "data": [], "has_more": False}},
            {"status": 404, "headers": {"x-request-id": "req_error"}, "body": ERROR},
        ])
        out = run_ruby(gem, source, args=[f"{server.url}/v1"])
    assert out["ids"] == ["req_model", "req_model", "req_page"]
    assert out["error"] == [ERROR, "not_found", "batch_id", "invalid_request_error",
                            "Error code: 404 - No such batch", "req_error"]


def test_with_options_copies_the_client_with_overrides(gem: Path) -> None:
    source = r"""
    require 'openai'
    require 'json'
    client = OpenAI::Client.new(api_key: 'k', base_url: ARGV[0], organization: 'org-1',
                                default_headers: {'x-a' => '1', 'x-b' => '2'})
    copy = client.with_options(max_retries: 0, project: 'proj-2', default_headers: {'x-b' => nil, 'x-c' => '3'})
    copy.batches.retrieve('batch_abc')
    client.batches.retrieve('batch_abc')
    puts JSON.generate([client.max_retries, copy.max_retries, copy.project, client.project, copy.class.name])
    """
    with MockServer() as server:
        server.play([{"body": BATCH}, {"body": BATCH}])
        out = run_ruby(gem, source, args=[f"{server.url}/v1"])
        copied, original = server.requests
    assert out == [2, 0, "proj-2", None, "OpenAI::Client"]
    assert (copied.headers["openai-organization"], copied.headers["openai-project"]) == ("org-1", "proj-2")
    assert (copied.headers["x-a"], copied.headers.get("x-b"), copied.headers["x-c"]) == ("1", None, "3")
    assert "openai-project" not in original.headers
    assert (original.headers["x-a"], original.headers["x-b"], original.headers.get("x-c")) == ("1", "2", None)


def test_idempotency_key_request_option(gem: Path) -> None:
    source = r"""
    require 'openai'
    client = OpenAI::Client.new(api_key: 'k', base_url: ARGV[0])
    params = {completion_window: :'24h', endpoint: :'/v1/chat/completions', input_file_id: 'f'}
    client.batches.create(**params, request_options: {idempotency_key: 'key-1'})
    client.batches.create(**params)
    client.batches.cancel('batch_abc',
                          request_options: {idempotency_key: 'key-2', extra_headers: {'Idempotency-Key' => 'key-3'}})
    puts '[]'
    """
    with MockServer() as server:
        server.play([{"body": BATCH}] * 3)
        run_ruby(gem, source, args=[f"{server.url}/v1"])
        keys = [r.headers.get("idempotency-key") for r in server.requests]
    assert keys == ["key-1", None, "key-3"]  # extra_headers win, as every header they name


def test_timeout_nil_waits_as_long_as_it_takes(gem: Path) -> None:
    """openai-ruby's README: `OpenAI::Client.new(timeout: nil)` disables the timeout; a call may set one."""
    source = r"""
    require 'openai'
    require 'json'
    client = OpenAI::Client.new(api_key: 'k', base_url: ARGV[0], timeout: nil, max_retries: 0)
    slow = client.batches.retrieve('batch_abc')
    late = begin
      client.batches.retrieve('batch_abc', request_options: {timeout: 0.2})
    rescue OpenAI::Errors::APITimeoutError => e
      e.class.name
    end
    puts JSON.generate([client.timeout, slow.id, late])
    """
    with MockServer() as server:
        server.play([{"body": BATCH, "delay": 0.5}, {"body": BATCH, "delay": 0.5}])
        out = run_ruby(gem, source, args=[f"{server.url}/v1"])
    assert out == [None, "batch_abc", "OpenAI::Errors::APITimeoutError"]
