"""What the generated Ruby gem does, through real HTTP to the loopback mock server: the seed page's
example as written, models (enums, unknown values and keys, to_h, ==, pattern matching, inspect),
client options and their environment fallbacks, retry delays, and calls through the petstore and
kitchen_sink gems (query parameters, JSON bodies, nested resources)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conformance.drivers.ruby import render_gem, require_tool, run_ruby
from conformance.mock_server import MockServer

FULL_BATCH = {
    "id": "batch_abc", "completion_window": "24h", "created_at": 1714000000, "endpoint": "/v1/chat/completions",
    "input_file_id": "file_in", "object": "batch", "status": "cancelling", "cancelled_at": None,
    "errors": {"data": [{"code": "bad_line", "line": 3, "message": "Oops", "param": None}], "object": "list"},
    "metadata": {"team": "ml"}, "request_counts": {"completed": 1, "failed": 2, "total": 3},
    "usage": {"input_tokens": 5, "input_tokens_details": {"cached_tokens": 1}, "output_tokens": 7,
              "output_tokens_details": {"reasoning_tokens": 2}, "total_tokens": 12},
}


@pytest.fixture(scope="module", autouse=True)
def ruby() -> None:
    require_tool("ruby")


@pytest.fixture(scope="module")
def openai_gem(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The gem the generator of this checkout renders from the bundled spec (generated/ruby is that
    gem as of the last `gen build`; tests/test_ruby_gem.py checks the two are the same)."""
    return render_gem("openai", tmp_path_factory.mktemp("openai"))


@pytest.fixture(scope="module")
def petstore(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_gem("petstore", tmp_path_factory.mktemp("petstore"))


@pytest.fixture(scope="module")
def kitchen_sink(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_gem("kitchen_sink", tmp_path_factory.mktemp("kitchen_sink"))


def test_seed_example_runs_as_written(openai_gem: Path, tmp_path: Path) -> None:
    """The Ruby usage of the reference page, unchanged; the base URL comes from OPENAI_BASE_URL."""
    script = 'require "openai"\nopenai = OpenAI::Client.new(api_key: "My API Key")\n' \
             'batch = openai.batches.cancel("batch_id")\nputs(batch)\n'
    with MockServer() as server:
        server.play([{"status": 200, "headers": {"x-request-id": "req_seed"}, "body": FULL_BATCH}])
        import subprocess

        result = subprocess.run(["ruby", "-w", "-I", str(openai_gem / "lib"), "-e", script], capture_output=True, text=True,
                                timeout=60, env={"PATH": "/usr/bin:/bin", "OPENAI_BASE_URL": f"{server.url}/v1"})
        requests = server.requests
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith('#<OpenAI::Models::Batch id="batch_abc"')
    assert "status=:cancelling" in result.stdout
    assert [(r.method, r.path) for r in requests] == [("POST", "/v1/batches/batch_id/cancel")]
    headers = requests[0].headers
    assert headers["authorization"] == "Bearer My API Key"
    assert headers["user-agent"] == "OpenAI/Ruby 0.1.0"
    assert headers["accept"] == "application/json"
    assert headers["content-length"] == "0"  # a bodiless POST, as httpx sends it
    assert "content-type" not in headers


MODEL_CHECKS = r"""
require 'json'
require 'openai'
data = JSON.parse(ARGV[0], symbolize_names: true)
batch = OpenAI::Batch.new(data)
later = OpenAI::Batch.new(data.merge(status: 'paused', brand_new: { 'x' => 1 }))
matched = case batch
          in { status: OpenAI::Batch::Status::CANCELLING, request_counts: { total: } } then total
          end
puts JSON.generate(
  'same_class' => OpenAI::Batch.equal?(OpenAI::Models::Batch),
  'status' => batch.status.inspect,
  'status_constant' => OpenAI::Batch::Status::CANCELLING.inspect,
  'values' => OpenAI::Batch::Status.values.map(&:to_s),
  'object' => batch.object.inspect,
  'optional_absent' => batch.completed_at.nil?,
  'nested' => batch.errors.data.first.class.name,
  'nested_line' => batch.errors.data.first.line,
  'usage_cached' => batch.usage.input_tokens_details.cached_tokens,
  'inline_class' => batch.usage.input_tokens_details.class.name,
  'metadata' => batch.metadata,
  'unknown_status' => later.status.inspect,
  'unknown_key' => later[:brand_new],
  'unknown_key_by_string' => later['brand_new'],
  'to_h_keys' => batch.to_h.keys.map(&:to_s),
  'to_h_nested' => batch.to_h[:request_counts],
  'round_trip' => JSON.parse(batch.to_json) == JSON.parse(ARGV[0]),
  'equal' => batch == OpenAI::Batch.new(data),
  'eql_hash' => batch.hash == OpenAI::Batch.new(data).hash,
  'different' => batch == later,
  'matched' => matched,
  'deconstruct_absent' => batch.deconstruct_keys([:completed_at]),
  'inspect' => batch.request_counts.inspect,
  'to_s' => batch.request_counts.to_s,
  'request_id' => batch.request_id
)
"""


def test_models_read_like_the_official_gem(openai_gem: Path) -> None:
    checks = run_ruby(openai_gem, MODEL_CHECKS, args=[json.dumps(FULL_BATCH)])
    assert checks["same_class"] is True
    assert checks["status"] == checks["status_constant"] == ":cancelling"
    assert checks["values"] == ["validating", "failed", "in_progress", "finalizing", "completed", "expired",
                                "cancelling", "cancelled"]
    assert checks["object"] == ":batch"
    assert checks["optional_absent"] is True
    assert checks["nested"] == "OpenAI::Models::BatchError"
    assert checks["nested_line"] == 3
    assert checks["usage_cached"] == 1
    assert checks["inline_class"] == "OpenAI::Models::BatchUsage::InputTokensDetails"
    assert checks["metadata"] == {"team": "ml"}
    assert checks["unknown_status"] == '"paused"'  # kept as it came, not raised on
    assert checks["unknown_key"] == checks["unknown_key_by_string"] == {"x": 1}
    assert checks["to_h_keys"] == list(FULL_BATCH)
    assert checks["to_h_nested"] == {"completed": 1, "failed": 2, "total": 3}
    assert checks["round_trip"] is True
    assert checks["equal"] is True and checks["eql_hash"] is True
    assert checks["different"] is False
    assert checks["matched"] == 3
    assert checks["deconstruct_absent"] == {"completed_at": None}
    assert checks["inspect"] == checks["to_s"] == "#<OpenAI::Models::BatchRequestCounts completed=1 failed=2 total=3>"
    assert checks["request_id"] is None  # built by hand, not read from a response


CLIENT_CHECKS = r"""
require 'json'
require 'pp'
require 'openai'

def error_of
  yield
  nil
rescue StandardError => e
  { 'class' => e.class.name, 'message' => e.message }
end

client = OpenAI::Client.new
explicit = OpenAI::Client.new(api_key: 'sk-explicit', organization: 'org_x', base_url: 'http://127.0.0.1:9/v9',
                              max_retries: 5, timeout: 1.5)
puts JSON.generate(
  'missing_key' => error_of { ENV.delete('OPENAI_API_KEY'); OpenAI::Client.new },
  'env' => [client.organization, client.project, client.base_url],
  'explicit' => [explicit.organization, explicit.project, explicit.base_url, explicit.max_retries, explicit.timeout],
  'defaults' => [OpenAI::Client::DEFAULT_MAX_RETRIES, OpenAI::Client::DEFAULT_TIMEOUT_IN_SECONDS,
                 OpenAI::Client::DEFAULT_BASE_URL],
  'inspect' => [client.inspect, client.to_s, explicit.inspect, client.batches.inspect, PP.pp(explicit, +''),
                explicit.instance_variables.inspect],
  'empty_id' => error_of { client.batches.cancel('') },
  'nil_id' => error_of { client.batches.retrieve(nil) },
  'dot' => error_of { client.batches.retrieve('.') },
  'dot_dot' => error_of { client.batches.retrieve('..') },
  'unknown_option' => error_of { client.batches.retrieve('b', request_options: { retries: 1 }) },
  'negative_retries' => error_of { OpenAI::Client.new(api_key: 'k', max_retries: -1) },
  'hierarchy' => [OpenAI::Errors::RateLimitError, OpenAI::Errors::APITimeoutError,
                  OpenAI::Errors::APIResponseValidationError].map do |error|
                   error.ancestors.take_while { |a| a != StandardError }.map(&:name)
                 end
)
"""


def test_client_options_errors_and_argument_checks(openai_gem: Path) -> None:
    env = {"OPENAI_API_KEY": "sk-env-secret", "OPENAI_ORG_ID": "org_env", "OPENAI_PROJECT_ID": "proj_env",
           "OPENAI_BASE_URL": "http://127.0.0.1:9/v1"}
    checks = run_ruby(openai_gem, CLIENT_CHECKS, env=env)
    assert checks["missing_key"]["class"] == "ArgumentError"
    assert "OPENAI_API_KEY" in checks["missing_key"]["message"]
    assert checks["env"] == ["org_env", "proj_env", "http://127.0.0.1:9/v1"]
    assert checks["explicit"] == ["org_x", "proj_env", "http://127.0.0.1:9/v9", 5, 1.5]
    assert checks["defaults"] == [2, 600.0, "https://api.openai.com/v1"]
    # The key is nowhere in what inspect, to_s or pp print (the last entry lists what they could reach).
    assert all("sk-env-secret" not in text and "sk-explicit" not in text for text in checks["inspect"][:-1])
    assert "@api_key" in checks["inspect"][-1]
    assert checks["empty_id"] == {"class": "ArgumentError",
                                  "message": 'Expected a non-empty value for `batch_id` but received ""'}
    assert checks["nil_id"]["class"] == "ArgumentError"
    assert checks["dot"]["class"] == checks["dot_dot"]["class"] == "ArgumentError"
    assert checks["unknown_option"] == {"class": "ArgumentError", "message": "unknown request_options: :retries"}
    assert checks["negative_retries"] == {"class": "ArgumentError",
                                          "message": "max_retries must be a non-negative Integer, got -1"}
    assert checks["hierarchy"] == [
        ["OpenAI::Errors::RateLimitError", "OpenAI::Errors::APIStatusError", "OpenAI::Errors::APIError",
         "OpenAI::Errors::Error"],
        ["OpenAI::Errors::APITimeoutError", "OpenAI::Errors::APIConnectionError", "OpenAI::Errors::APIError",
         "OpenAI::Errors::Error"],
        ["OpenAI::Errors::APIResponseValidationError", "OpenAI::Errors::APIError", "OpenAI::Errors::Error"],
    ]


RETRY_DELAYS = r"""
require 'json'
require 'openai'
policy = OpenAI::Internal::RetryPolicy.new(initial_delay: 0.5, max_delay: 8.0)
backoff = (0..5).map do |n|
  samples = Array.new(2000) { policy.delay(n) }
  [samples.min, samples.max]
end
date = (Time.now + 30).httpdate
puts JSON.generate(
  'backoff' => backoff,
  'retry_after_ms' => policy.delay(0, 'retry-after-ms' => '250'),
  'retry_after' => policy.delay(0, 'retry-after' => '2'),
  'retry_after_date' => policy.delay(0, 'retry-after' => date),
  'too_long' => policy.delay(0, 'retry-after' => '61'),
  'zero' => policy.delay(0, 'retry-after-ms' => '0'),
  'garbage' => policy.delay(0, 'retry-after' => 'soon'),
  'statuses' => [408, 409, 429, 500, 503, 400, 404, 418].map { |s| policy.retry_status?(s, {}) },
  'should_retry' => [policy.retry_status?(400, 'x-should-retry' => 'true'),
                     policy.retry_status?(500, 'x-should-retry' => 'false')]
)
"""


def test_retry_delays_follow_the_python_sdk(openai_gem: Path) -> None:
    checks = run_ruby(openai_gem, RETRY_DELAYS)
    for n, (low, high) in enumerate(checks["backoff"]):
        full = min(0.5 * 2**n, 8.0)
        # min(0.5 * 2**n, 8.0) * (1 - 0.25 * random()): within [0.75, 1] of the full delay, and
        # 2000 draws spread over most of that range.
        assert 0.75 * full <= low <= high <= full
        assert high - low > 0.2 * full
    assert checks["retry_after_ms"] == 0.25
    assert checks["retry_after"] == 2.0
    assert 28 < checks["retry_after_date"] <= 30
    for ignored in ("too_long", "zero", "garbage"):
        assert 0.375 <= checks[ignored] <= 0.5, ignored  # the server's value is ignored: backoff n=0
    assert checks["statuses"] == [True, True, True, True, True, False, False, False]
    assert checks["should_retry"] == [True, False]


PETSTORE_CALL = r"""
require 'json'
require 'petstore'
client = Petstore::Client.new(base_url: ARGV[0], clinic: 'clinic 7')
pet = client.pets.adopt('rex/1', family: 'Smiths')
puts JSON.generate('species' => pet.species.inspect, 'known' => Petstore::Pet::Species::CAT.inspect,
                   'request_id' => pet.request_id, 'class' => pet.class.name, 'user_agent' => Petstore::VERSION)
"""


def test_petstore_gem_sends_a_json_body_and_its_own_headers(petstore: Path) -> None:
    pet = {"pet_id": "rex/1", "name": "Rex", "species": "cat", "object": "pet"}
    with MockServer() as server:
        server.play([{"status": 200, "headers": {"x-trace-id": "trace_9"}, "body": pet}])
        checks = run_ruby(petstore, PETSTORE_CALL, args=[f"{server.url}/v3"], env={"PETSTORE_API_TOKEN": "tok"})
        (request,) = server.requests
    assert checks == {"species": ":cat", "known": ":cat", "request_id": "trace_9", "class": "Petstore::Models::Pet",
                      "user_agent": "2.0.0"}
    assert (request.method, request.path) == ("POST", "/v3/pets/rex%2F1/adopt")
    assert request.json() == {"family": "Smiths"}
    assert request.headers["content-type"] == "application/json"
    assert request.headers["authorization"] == "Bearer tok"
    assert request.headers["x-clinic-id"] == "clinic 7"
    assert request.headers["user-agent"] == "Petstore/Ruby 2.0.0"


KITCHEN_SINK_CALLS = r"""
require 'json'
require 'kitchen_sink'
client = KitchenSink::Client.new(api_key: 'k', base_url: ARGV[0], max_retries: 0)
widgets = client.widgets.list(enabled: true, limit: 2, request_options: { extra_query: { 'trace' => 'a b' } })
part = client.widgets.parts.retrieve('w 1', 3)
cleared = client.widgets.update('w1', label: nil)
untouched = client.widgets.update('w1')
created = client.widgets.create(name: 'Bolt', color: :red, owner: KitchenSink::Owner.new(name: 'Ann'))
deleted = client.widgets.delete('w1')
puts JSON.generate(
  'widgets' => widgets.map(&:class).map(&:name), 'color' => widgets.first.color.inspect,
  'depth' => widgets.first.dimensions.depth.class.name, 'history' => widgets.first.history,
  'part' => part.sku, 'cleared' => cleared.id, 'untouched' => untouched.id, 'created' => created.kind.inspect,
  'deleted' => deleted
)
"""


def test_kitchen_sink_gem_query_body_and_nested_resources(kitchen_sink: Path) -> None:
    widget = {"id": "w1", "count": 1, "enabled": True, "kind": "widget", "parts": [], "created": None,
              "color": "green", "dimensions": {"width": 1, "height": 2.5, "depth": {"value": 3}},
              "history": {"2024": [1, 2]}}
    with MockServer() as server:
        server.play([
            {"status": 200, "body": [widget]},
            {"status": 200, "body": {"sku": "p-3"}},
            {"status": 200, "body": widget},
            {"status": 200, "body": widget},
            {"status": 200, "body": widget},
            {"status": 204},
        ])
        checks = run_ruby(kitchen_sink, KITCHEN_SINK_CALLS, args=[f"{server.url}/api"])
        requests = server.requests
    assert checks == {"widgets": ["KitchenSink::Models::Widget"], "color": ":green",
                      "depth": "KitchenSink::Models::Widget::Dimensions::Depth", "history": {"2024": [1, 2]},
                      "part": "p-3", "cleared": "w1", "untouched": "w1", "created": ":widget", "deleted": None}
    assert [(r.method, r.path) for r in requests] == [
        ("GET", "/api/widgets?enabled=true&limit=2&trace=a+b"),
        ("GET", "/api/widgets/w%201/parts/3"),
        ("PATCH", "/api/widgets/w1"),
        ("PATCH", "/api/widgets/w1"),
        ("POST", "/api/widgets"),
        ("DELETE", "/api/widgets/w1"),
    ]
    assert requests[0].body == b"" and "content-type" not in requests[0].headers
    assert requests[2].json() == {"label": None}  # nullable: nil is sent as null
    assert requests[3].json() == {}  # not given: left out
    assert requests[4].json() == {"name": "Bolt", "color": "red", "owner": {"name": "Ann"}}


REDIRECTED_CALLS = r"""
require 'json'
require 'openai'
client = OpenAI::Client.new(api_key: 'sk-r', base_url: ARGV[0], max_retries: 0)
ids = [client.batches.cancel('b1').id, client.batches.cancel('b2').id, client.batches.retrieve('b3').id]
puts JSON.generate('ids' => ids)
"""


def test_redirects_are_followed_as_the_python_sdk_follows_them(openai_gem: Path) -> None:
    """307 repeats the POST; 303 turns it into a GET; another origin does not get the API key."""
    with MockServer() as server, MockServer() as other:
        server.play([
            {"status": 307, "headers": {"location": "/v1/batches/b1-moved/cancel"}},
            {"status": 200, "body": {"id": "one"}},
            {"status": 303, "headers": {"location": "/v1/batches/b2"}},
            {"status": 200, "body": {"id": "two"}},
            {"status": 302, "headers": {"location": f"{other.url}/elsewhere/b3"}},
        ])
        other.play([{"status": 200, "body": {"id": "three"}}])
        checks = run_ruby(openai_gem, REDIRECTED_CALLS, args=[f"{server.url}/v1"])
        here, there = server.requests, other.requests
    assert checks["ids"] == ["one", "two", "three"]
    assert [(r.method, r.path) for r in here] == [
        ("POST", "/v1/batches/b1/cancel"), ("POST", "/v1/batches/b1-moved/cancel"),
        ("POST", "/v1/batches/b2/cancel"), ("GET", "/v1/batches/b2"),
        ("GET", "/v1/batches/b3"),
    ]
    assert all(r.headers["authorization"] == "Bearer sk-r" for r in here)
    assert here[2].headers["content-length"] == "0" and "content-length" not in here[3].headers
    assert [(r.method, r.path) for r in there] == [("GET", "/elsewhere/b3")]
    assert "authorization" not in there[0].headers


KEEP_ALIVE = r"""
require 'json'
require 'openai'
# Counts the TCP connections Net::HTTP opens; the requests themselves go over the real sockets.
module CountConnects
  class << self
    attr_accessor :count
  end
  self.count = 0

  def tcp(*args, **kwargs, &block)
    CountConnects.count += 1
    super
  end
end
Socket.singleton_class.prepend(CountConnects)

client = OpenAI::Client.new(api_key: 'k', base_url: ARGV[0], max_retries: 1)
counts = []
3.times { client.batches.retrieve('b') }
counts << CountConnects.count
client.batches.retrieve('b') # the server drops the connection; the retry opens a new one
counts << CountConnects.count
client.close
client.batches.retrieve('b')
counts << CountConnects.count
puts JSON.generate('connects' => counts)
"""


def test_connections_are_kept_alive_and_replaced_after_a_failure(openai_gem: Path) -> None:
    ok = {"status": 200, "body": {"id": "b"}}
    with MockServer() as server:
        server.play([ok, ok, ok, {"close": True, "headers": {"retry-after-ms": "1"}}, ok, ok])
        checks = run_ruby(openai_gem, KEEP_ALIVE, args=[f"{server.url}/v1"])
        assert len(server.requests) == 6
    assert checks["connects"] == [1, 2, 3]


THREADS = r"""
require 'json'
require 'openai'
client = OpenAI::Client.new(api_key: 'k', base_url: ARGV[0], max_retries: 0)
ids = Array.new(8) { |i| Thread.new { client.batches.retrieve("b#{i}").id } }.map(&:value)
puts JSON.generate('ids' => ids)
"""


def test_one_client_serves_several_threads_at_once(openai_gem: Path) -> None:
    with MockServer() as server:
        # Each answer waits a little, so that the eight calls overlap and need eight connections.
        server.play([{"status": 200, "delay": 0.2, "body": {"id": "same"}}] * 8)
        checks = run_ruby(openai_gem, THREADS, args=[f"{server.url}/v1"])
        paths = sorted(r.path for r in server.requests)
    assert checks["ids"] == ["same"] * 8
    assert paths == sorted(f"/v1/batches/b{i}" for i in range(8))


ENCODING_CALLS = r"""
require 'json'
require 'kitchen_sink'
client = KitchenSink::Client.new(api_key: 'k', base_url: ARGV[0], max_retries: 0)
text = ARGV[1]
client.widgets.list(enabled: false, after: text)
client.widgets.parts.retrieve(text, 7)
puts JSON.generate('done' => true)
"""


def test_path_and_query_are_encoded_byte_for_byte_as_the_python_sdk_encodes_them(kitchen_sink: Path) -> None:
    import httpx
    from urllib.parse import quote

    text = "".join(chr(c) for c in range(32, 127)) + "é€"
    with MockServer() as server:
        server.play([{"status": 200, "body": []}, {"status": 200, "body": {"sku": "s"}}])
        run_ruby(kitchen_sink, ENCODING_CALLS, args=[f"{server.url}/api", text])
        listed, retrieved = (r.path for r in server.requests)
    # What httpx (under the Python SDK) sends for the same query, and Python's quote(safe="") for a path.
    expected_query = httpx.Request("GET", "http://h/api/widgets", params={"enabled": "false", "after": text}).url
    assert listed == expected_query.raw_path.decode("ascii")
    assert retrieved == f"/api/widgets/{quote(text, safe='')}/parts/7"
