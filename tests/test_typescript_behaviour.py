"""Behaviour of the generated TypeScript SDK beyond the shared conformance scenarios: withOptions,
asResponse/withResponse, AbortSignal, env fallbacks, the missing-key error, the API key never shown,
the measured retry backoff, and the error classes as static members. Each test runs a real Node
script against the loopback mock server; nothing is patched."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest

from conformance.drivers import node
from conformance.mock_server import MockServer

BATCH = {"id": "batch_1", "object": "batch", "status": "completed", "endpoint": "/v1/chat/completions"}
SECRET = "sk-secret-DO-NOT-PRINT-42"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    node.ensure_toolchain()
    return node.build_package(tmp_path_factory.mktemp("ts-behaviour"))


def run(app: Path, source: str, server: MockServer, **env: str) -> dict:
    return node.run_script(app, "script.mjs", "import OpenAI from 'openai';\n" + source,
                           env={"BASE_URL": server.url + "/v1", **env})


def test_with_options_copies_the_client_with_changes(app: Path) -> None:
    with MockServer() as server:
        server.play([{"status": 500}, {"status": 200, "body": BATCH}, {"status": 500}])
        out = run(app, """
const client = new OpenAI({ apiKey: 'sk-1', baseURL: process.env.BASE_URL, maxRetries: 0,
  defaultHeaders: { 'X-Layer': 'client' } });
const copy = client.withOptions({ maxRetries: 1, defaultHeaders: { 'X-Layer': 'copy' } });
const batch = await copy.batches.retrieve('batch_1');
let error;
try { await client.batches.retrieve('batch_1'); } catch (err) { error = err.constructor.name; }
console.log(JSON.stringify({ id: batch.id, error, copyRetries: copy.maxRetries, retries: client.maxRetries,
  sameClass: copy instanceof OpenAI, sharesNothing: copy.batches !== client.batches }));
""", server)
        requests = server.requests
    assert out == {"id": "batch_1", "error": "InternalServerError", "copyRetries": 1, "retries": 0,
                   "sameClass": True, "sharesNothing": True}
    assert [r.headers["x-layer"] for r in requests] == ["copy", "copy", "client"]
    assert all(r.headers["authorization"] == "Bearer sk-1" for r in requests)


def test_as_response_and_with_response(app: Path) -> None:
    with MockServer() as server:
        server.play([{"status": 200, "headers": {"x-request-id": "req_a", "x-custom": "1"}, "body": BATCH},
                     {"status": 200, "headers": {"x-request-id": "req_b"}, "body": BATCH},
                     {"status": 200, "headers": {"x-request-id": "req_c"}, "body": BATCH}])
        out = run(app, """
const client = new OpenAI({ apiKey: 'sk-1', baseURL: process.env.BASE_URL });
const response = await client.batches.retrieve('batch_1').asResponse();
const raw = { status: response.status, custom: response.headers.get('x-custom'), body: await response.json() };
const { data, response: r2, request_id } = await client.batches.cancel('batch_1').withResponse();
const promise = client.batches.retrieve('batch_1');
const plain = await promise;
console.log(JSON.stringify({ raw, data, status: r2.status, request_id, plainRequestID: plain._request_id,
  enumerable: Object.keys(plain).includes('_request_id'), isPromise: promise instanceof Promise }));
""", server)
    assert out == {"raw": {"status": 200, "custom": "1", "body": BATCH}, "data": BATCH, "status": 200,
                   "request_id": "req_b", "plainRequestID": "req_c", "enumerable": False, "isPromise": True}


def test_abort_signal_cancels_a_request_and_a_pending_retry(app: Path) -> None:
    with MockServer() as server:
        server.play([{"status": 200, "delay": 3, "body": BATCH},
                     {"status": 500, "headers": {"retry-after-ms": "5000"}}])
        out = run(app, """
const client = new OpenAI({ apiKey: 'sk-1', baseURL: process.env.BASE_URL });
async function abortedAfter(ms) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), ms);
  const start = Date.now();
  try { await client.batches.retrieve('batch_1', { signal: controller.signal }); return 'resolved'; }
  catch (err) { return { name: err.constructor.name, abort: err instanceof OpenAI.APIUserAbortError,
                         ms: Date.now() - start }; }
}
const inFlight = await abortedAfter(200);   // the server holds the response for 3 s
const inRetry = await abortedAfter(200);    // the server asks for a retry in 5 s
const controller = new AbortController();
controller.abort();
let already;
try { await client.batches.retrieve('batch_1', { signal: controller.signal }); }
catch (err) { already = err.constructor.name; }
console.log(JSON.stringify({ inFlight, inRetry, already }));
""", server)
        count = len(server.requests)
    for case in (out["inFlight"], out["inRetry"]):
        assert case["name"] == "APIUserAbortError" and case["abort"] is True
        assert case["ms"] < 1500, case
    assert out["already"] == "APIUserAbortError"
    assert count == 2  # no retry after an abort, nothing sent with an already aborted signal


def test_environment_fallbacks_and_null_disables_them(app: Path) -> None:
    with MockServer() as server:
        server.play([{"status": 200, "body": BATCH}, {"status": 200, "body": BATCH}])
        out = node.run_script(app, "env.mjs", """
import OpenAI from 'openai';
const fromEnv = new OpenAI();
await fromEnv.batches.retrieve('b');
const explicit = new OpenAI({ organization: null, project: 'proj_given' });
await explicit.batches.retrieve('b');
console.log(JSON.stringify({ baseURL: fromEnv.baseURL, org: fromEnv.organization, orgNull: explicit.organization }));
""", env={"OPENAI_API_KEY": "sk-env", "OPENAI_BASE_URL": server.url + "/v1", "OPENAI_ORG_ID": "org_env",
          "OPENAI_PROJECT_ID": "proj_env"})
        first, second = server.requests
    assert out == {"baseURL": server.url + "/v1", "org": "org_env", "orgNull": None}
    assert first.headers["authorization"] == "Bearer sk-env"
    assert (first.headers["openai-organization"], first.headers["openai-project"]) == ("org_env", "proj_env")
    assert "openai-organization" not in second.headers
    assert second.headers["openai-project"] == "proj_given"


def test_missing_api_key_names_the_env_var(app: Path) -> None:
    with MockServer() as server:
        out = run(app, """
try { new OpenAI(); console.log(JSON.stringify({ constructed: true })); }
catch (err) { console.log(JSON.stringify({ name: err.constructor.name, base: err instanceof OpenAI.OpenAIError,
  api: err instanceof OpenAI.APIError, message: err.message })); }
""", server, OPENAI_API_KEY="  ")
    assert out["name"] == "OpenAIError" and out["base"] is True and out["api"] is False
    assert "OPENAI_API_KEY" in out["message"]


def test_the_api_key_is_never_shown(app: Path) -> None:
    with MockServer() as server:
        server.play([{"status": 401, "body": {"error": {"message": "Incorrect API key provided"}}}])
        out = run(app, f"""
import {{ inspect }} from 'node:util';
const client = new OpenAI({{ apiKey: '{SECRET}', baseURL: process.env.BASE_URL }});
let error;
try {{ await client.batches.retrieve('b'); }} catch (err) {{ error = err; }}
console.log(JSON.stringify({{
  inspected: inspect(client, {{ showHidden: true, depth: 6 }}),
  copy: inspect(client.withOptions({{ maxRetries: 1 }}), {{ showHidden: true, depth: 6 }}),
  string: String(client), keys: Object.keys(client),
  error: inspect(error, {{ showHidden: true, depth: 6 }}) + String(error) + error.stack,
}}));
""", server)
        (request,) = server.requests
    assert request.headers["authorization"] == f"Bearer {SECRET}"  # it is sent, and only sent
    for shown in (out["inspected"], out["copy"], out["string"], " ".join(out["keys"]), out["error"]):
        assert SECRET not in shown
    assert "AuthenticationError" in out["error"]


def test_default_backoff_is_measured_and_a_long_retry_after_is_ignored(app: Path) -> None:
    with MockServer() as server:
        # retry-after above 60 s is not honoured: the exponential backoff applies.
        server.play([{"status": 500}, {"status": 503, "headers": {"retry-after": "120"}},
                     {"status": 200, "body": BATCH}])
        out = run(app, """
const client = new OpenAI({ apiKey: 'sk-1', baseURL: process.env.BASE_URL, maxRetries: 2 });
const batch = await client.batches.retrieve('batch_1');
console.log(JSON.stringify({ id: batch.id }));
""", server)
        times = [r.time for r in server.requests]
    assert out == {"id": "batch_1"}
    first, second = times[1] - times[0], times[2] - times[1]
    # min(0.5 * 2**n, 8) * (1 - 0.25 * random()): n=0 in [0.375, 0.5], n=1 in [0.75, 1.0] (+ slack)
    assert 0.36 <= first <= 0.65, first
    assert 0.73 <= second <= 1.15, second


def test_error_classes_are_static_members_and_named_exports(app: Path) -> None:
    with MockServer() as server:
        out = run(app, """
import * as pkg from 'openai';
const names = ['OpenAIError', 'APIError', 'APIConnectionError', 'APIConnectionTimeoutError', 'APIUserAbortError',
  'BadRequestError', 'AuthenticationError', 'PermissionDeniedError', 'NotFoundError', 'ConflictError',
  'UnprocessableEntityError', 'RateLimitError', 'InternalServerError', 'APIResponseValidationError'];
const same = names.filter((n) => typeof pkg[n] === 'function' && OpenAI[n] === pkg[n]);
const chain = {
  api: new pkg.NotFoundError(404, undefined, 'x', new Headers()) instanceof pkg.APIError,
  base: new pkg.APIError(400, undefined, 'x', new Headers()) instanceof pkg.OpenAIError,
  timeout: new pkg.APIConnectionTimeoutError() instanceof pkg.APIConnectionError,
};
console.log(JSON.stringify({ same, chain, named: pkg.OpenAI === OpenAI, self: OpenAI.OpenAI === OpenAI }));
""", server)
    assert len(out["same"]) == 14, out["same"]
    assert out["chain"] == {"api": True, "base": True, "timeout": True}
    assert out["named"] and out["self"]


class StallingServer:
    """A loopback server that sends a status line and headers promising a body, then sends nothing
    more: only the client's timeout can end such a request."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.stop = threading.Event()
        self.requests = 0
        self.thread = threading.Thread(target=self.serve, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def serve(self) -> None:
        self.sock.settimeout(0.1)
        held = []
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            conn.settimeout(1)
            try:
                request = conn.recv(65536)  # the request (no body: a GET)
            except TimeoutError:
                request = b""
            if not request:  # Node may open a spare connection that carries no request
                conn.close()
                continue
            self.requests += 1
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"id\"")
            held.append(conn)
        for conn in held:
            conn.close()

    def __enter__(self) -> "StallingServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=5)
        self.sock.close()


def test_a_body_that_stalls_times_out_and_is_retried(app: Path) -> None:
    with StallingServer() as server:
        out = node.run_script(app, "stall.mjs", """
import OpenAI from 'openai';
const client = new OpenAI({ apiKey: 'sk-1', baseURL: process.env.BASE_URL, timeout: 300, maxRetries: 1 });
const start = Date.now();
try { await client.batches.retrieve('batch_1'); console.log(JSON.stringify({ resolved: true })); }
catch (err) { console.log(JSON.stringify({ name: err.constructor.name, ms: Date.now() - start })); }
""", env={"BASE_URL": server.url + "/v1"})
        requests = server.requests
    assert out["name"] == "APIConnectionTimeoutError"
    assert requests == 2  # the timed-out attempt was retried once
    assert 600 <= out["ms"] < 3000, out  # two 300 ms timeouts plus one backoff of 375..500 ms
