"""Fidelity of the generated TypeScript SDK to openai-node, and the format-2 constructs beyond the bundled spec.

- a dual package: `require('openai')` gives the client class (CommonJS), `import` the ES modules; the
  subpaths `openai/pagination`, `openai/uploads`, `openai/resources/batches` in both;
- request options `idempotencyKey` and `body`, a function `apiKey` called per request, the browser guard;
- what openai-node 6.49.0 sends, measured against a loopback server (`npm install openai`, Node 20.20.2,
  2026-12-05), for the calls where we differ or could: each difference is asserted here;
- header parameters, a per-method timeout, `any` values and files inside arrays (a format-2 fixture).

Each test runs a real Node script against the loopback mock server; nothing is patched.
"""

from __future__ import annotations

import json
import subprocess
import time
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import Any

import pytest

from conformance.drivers import node
from conformance.mock_server import MockServer

BATCH = {"id": "batch_1", "object": "batch", "status": "completed", "endpoint": "/v1/chat/completions"}
PAGE = {"object": "list", "data": [BATCH], "has_more": False}

FORMAT_2_SPEC = """
format: 2
api:
  name: Workshop
  title: Gadgets API
  version: 1.0.0
  base_url: https://gadgets.example.test/v1
  base_url_env: WORKSHOP_BASE_URL
  auth: {type: bearer, env: WORKSHOP_API_KEY}
  timeout: 30
  packages:
    python: {name: gadgets, version: 0.1.0}
    ruby: {name: gadgets, version: 0.1.0}
    typescript: {name: gadgets, version: 0.1.0}
models:
  Gadget:
    properties:
      id: {type: string, required: true}
      extra: {type: any, description: Anything at all.}
resources:
  gadgets:
    methods:
      update:
        http: POST /gadgets/{gadget_id}
        timeout: 0.3
        params:
          gadget_id: {in: path, type: string, required: true}
          OpenAI-Beta: {in: header, type: string, description: A beta to opt into.}
          payload: {in: body, type: any, required: true}
        returns: {ref: Gadget}
      attach:
        http: POST /gadgets/attachments
        encoding: multipart
        params:
          files: {in: body, type: array, items: {type: file}, required: true}
          label: {in: body, type: string}
        returns: {ref: Gadget}
"""


def form_parts(body: bytes, content_type: str) -> list[tuple[str, str | None, bytes]]:
    message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body)
    return [(p.get_param("name", header="content-disposition"), p.get_filename(), p.get_payload(decode=True))
            for p in message.iter_parts()]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled spec's package, built as ES modules and as CommonJS."""
    node.ensure_toolchain()
    root = tmp_path_factory.mktemp("ts-fidelity")
    package = node.generate_package(node.ROOT / "spec" / "openai.yaml", root / "generated")
    return node.build_package(root / "build", package, cjs=True)


@pytest.fixture(scope="module")
def gadgets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    node.ensure_toolchain()
    root = tmp_path_factory.mktemp("ts-gadgets")
    spec = root / "gadgets.yaml"
    spec.write_text(FORMAT_2_SPEC, encoding="utf-8")
    return node.build_package(root / "build", node.generate_package(spec, root / "generated"))


def run_cjs(app: Path, source: str, env: dict[str, str]) -> Any:
    """A CommonJS script (`.cjs`), run from the folder where the package resolves by name."""
    script = app / "script.cjs"
    script.write_text(source, encoding="utf-8")
    result = subprocess.run(["node", str(script)], cwd=app, capture_output=True, text=True, timeout=60,
                            env={"PATH": "/usr/bin:/bin:/usr/local/bin", **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_require_gives_the_client_class(app: Path) -> None:
    with MockServer() as server:
        server.play([{"status": 200, "body": BATCH}])
        out = run_cjs(app, """
const OpenAI = require('openai');
const { toFile, APIError, NotFoundError, PagePromise } = require('openai');
const { CursorPage } = require('openai/pagination');
const { Batches } = require('openai/resources/batches');
const uploads = require('openai/uploads');
(async () => {
  const client = new OpenAI({ apiKey: 'sk-cjs', baseURL: process.env.BASE_URL });
  const batch = await client.batches.retrieve('batch_1');
  console.log(JSON.stringify({
    isClass: typeof OpenAI === 'function' && client instanceof OpenAI, id: batch.id,
    defaultIsClass: OpenAI.default === OpenAI, named: OpenAI.OpenAI === OpenAI,
    toFile: typeof toFile, notFound: new NotFoundError(404, {}, 'x', new Headers()) instanceof APIError,
    pagePromise: typeof PagePromise, cursorPage: typeof CursorPage, batches: client.batches instanceof Batches,
    uploadsToFile: uploads.toFile === toFile,
  }));
})();
""", {"BASE_URL": server.url + "/v1"})
        (request,) = server.requests
    assert out == {"isClass": True, "id": "batch_1", "defaultIsClass": True, "named": True, "toFile": "function",
                   "notFound": True, "pagePromise": "function", "cursorPage": "function", "batches": True,
                   "uploadsToFile": True}
    assert request.headers["authorization"] == "Bearer sk-cjs"


def test_es_module_subpaths(app: Path) -> None:
    with MockServer() as server:
        server.play([{"status": 200, "body": PAGE}])
        out = node.run_script(app, "subpaths.mjs", """
import OpenAI, { toFile as rootToFile } from 'openai';
import { CursorPage } from 'openai/pagination';
import { toFile } from 'openai/uploads';
import { Batches } from 'openai/resources/batches';
const client = new OpenAI({ apiKey: 'sk', baseURL: process.env.BASE_URL });
const page = await client.batches.list();
console.log(JSON.stringify({ page: page instanceof CursorPage, toFile: toFile === rootToFile,
  batches: client.batches instanceof Batches, ids: page.data.map((b) => b.id), more: page.hasNextPage() }));
""", env={"BASE_URL": server.url + "/v1"})
    assert out == {"page": True, "toFile": True, "batches": True, "ids": ["batch_1"], "more": False}


def test_the_package_json_exports_each_subpath_both_ways(app: Path) -> None:
    manifest = json.loads((app / "node_modules" / "openai" / "package.json").read_text())
    assert manifest["license"] and manifest["main"] == "./entry.cjs"
    for subpath in (".", "./pagination", "./uploads", "./resources/batches", "./resources/files"):
        assert set(manifest["exports"][subpath]) == {"import", "require"}, subpath


def test_idempotency_key_and_body_options(app: Path) -> None:
    with MockServer() as server:
        server.play([{"status": 500}, {"status": 200, "body": BATCH}, {"status": 200, "body": BATCH},
                     {"status": 200, "body": BATCH}])
        node.run_script(app, "options.mjs", """
import OpenAI from 'openai';
const client = new OpenAI({ apiKey: 'sk', baseURL: process.env.BASE_URL, maxRetries: 1 });
const params = { input_file_id: 'f', endpoint: '/v1/chat/completions', completion_window: '24h' };
await client.batches.create(params, { idempotencyKey: 'idem-1' });
await client.batches.retrieve('batch_1', { idempotencyKey: 'idem-get' });
await client.batches.create(params, { body: { replaced: true } });
console.log(JSON.stringify({}));
""", env={"BASE_URL": server.url + "/v1"})
        requests = server.requests
    # Ours: the key is sent on each attempt (the retry too), never on GET. openai-node 6.49.0 sends no
    # Idempotency-Key at all for the OpenAI client (measured: the option is accepted and ignored).
    assert [r.headers.get("idempotency-key") for r in requests] == ["idem-1", "idem-1", None, None]
    # As openai-node 6.49.0 (measured): `body` replaces the body the method builds, byte for byte.
    assert requests[3].body == b'{"replaced":true}' and requests[3].headers["content-type"] == "application/json"


def test_a_function_api_key_is_called_before_every_request(app: Path) -> None:
    with MockServer() as server:
        server.play([{"status": 200, "body": BATCH}] * 2)
        out = node.run_script(app, "apikey.mjs", """
import OpenAI from 'openai';
let n = 0;
const client = new OpenAI({ apiKey: async () => `sk-fn-${++n}`, baseURL: process.env.BASE_URL });
await client.batches.retrieve('batch_1');
await client.batches.retrieve('batch_2');
const errors = [];
for (const apiKey of [async () => { throw new Error('vault down'); }, async () => '']) {
  try { await new OpenAI({ apiKey, baseURL: process.env.BASE_URL }).batches.retrieve('b'); }
  catch (err) { errors.push([err instanceof OpenAI.OpenAIError, err.message]); }
}
console.log(JSON.stringify({ calls: n, errors }));
""", env={"BASE_URL": server.url + "/v1"})
        requests = server.requests
    # As openai-node 6.49.0 (measured): `Bearer fn-1`, then `Bearer fn-2`.
    assert [r.headers["authorization"] for r in requests] == ["Bearer sk-fn-1", "Bearer sk-fn-2"]
    assert out == {"calls": 2, "errors": [
        [True, "Failed to get token from 'apiKey' function: vault down"],
        [True, "Expected 'apiKey' function argument to return a string but it returned "]]}


def test_the_browser_guard(app: Path) -> None:
    out = node.run_script(app, "browser.mjs", """
import OpenAI from 'openai';
globalThis.window = { document: {} };
Object.defineProperty(globalThis, 'navigator', { value: {}, configurable: true });
let refused;
try { new OpenAI({ apiKey: 'sk' }); } catch (err) { refused = [err instanceof OpenAI.OpenAIError, err.message]; }
const allowed = new OpenAI({ apiKey: 'sk', dangerouslyAllowBrowser: true }) instanceof OpenAI;
console.log(JSON.stringify({ refused, allowed }));
""")
    assert out["allowed"] is True
    assert out["refused"][0] is True
    assert out["refused"][1].startswith("It looks like you're running in a browser-like environment.")
    assert "dangerouslyAllowBrowser" in out["refused"][1]


def test_measured_against_openai_node(app: Path) -> None:
    """What openai-node 6.49.0 sent for these calls (measured), and we send the same: `list(null)`, a
    bodiless POST with `content-length: 0` and no content-type, and a file upload's parts."""
    with MockServer() as server:
        server.play([{"status": 200, "body": PAGE}, {"status": 200, "body": BATCH},
                     {"status": 200, "body": {"id": "file-1", "object": "file"}}])
        node.run_script(app, "measured.mjs", """
import OpenAI, { toFile } from 'openai';
const client = new OpenAI({ apiKey: 'sk', baseURL: process.env.BASE_URL });
await client.batches.list(null);
await client.batches.cancel('b1');
await client.files.create({ file: await toFile(Buffer.from('{"a": 1}'), 'up.jsonl'), purpose: 'batch',
  expires_after: { anchor: 'created_at', seconds: 3600 } });
console.log('{}');
""", env={"BASE_URL": server.url + "/v1"})
        listed, cancelled, uploaded = server.requests
    assert listed.path == "/v1/batches"
    assert cancelled.headers["content-length"] == "0" and "content-type" not in cancelled.headers
    parts = form_parts(uploaded.body, uploaded.headers["content-type"])
    assert parts == [("file", "up.jsonl", b'{"a": 1}'), ("purpose", None, b"batch"),
                     ("expires_after[anchor]", None, b"created_at"), ("expires_after[seconds]", None, b"3600")]
    # openai-node 6.49.0 streams an fs.ReadStream upload (`transfer-encoding: chunked`, boundary
    # `openai-<random>`); ours sends the same parts with a content-length (boundary from the platform's
    # FormData). The scripted server records identical parts either way for Blob/File/toFile uploads.
    assert "transfer-encoding" not in uploaded.headers and int(uploaded.headers["content-length"]) == len(uploaded.body)


def test_header_params_timeout_any_and_file_arrays(gadgets: Path) -> None:
    with MockServer() as server:
        server.play([{"status": 200, "body": {"id": "g1", "extra": [1, {"a": None}]}},
                     {"status": 200, "body": {"id": "g1"}, "delay": 1.0},
                     {"status": 200, "body": {"id": "g2"}}])
        started = time.monotonic()
        out = node.run_script(gadgets, "gadgets.mjs", """
import Workshop, { toFile } from 'gadgets';
const client = new Workshop({ apiKey: 'sk', baseURL: process.env.BASE_URL, maxRetries: 0 });
const gadget = await client.gadgets.update('g1', { payload: { deep: [1, 'two'] }, openAiBeta: 'assistants=v2' });
let timedOut;
try { await client.gadgets.update('g1', { payload: null }); } catch (err) { timedOut = err.constructor.name; }
const attached = await client.gadgets.attach({ files: [await toFile(Buffer.from('one'), 'a.txt'),
  await toFile(Buffer.from('two'), 'b.txt')], label: 'x' });
console.log(JSON.stringify({ extra: gadget.extra, timedOut, attached: attached.id }));
""", env={"BASE_URL": server.url + "/v1"})
        elapsed = time.monotonic() - started
        update, slow, attach = server.requests
    assert out == {"extra": [1, {"a": None}], "timedOut": "APIConnectionTimeoutError", "attached": "g2"}
    assert update.headers["openai-beta"] == "assistants=v2" and update.json() == {"payload": {"deep": [1, "two"]}}
    assert "openai-beta" not in slow.headers and slow.json() == {"payload": None}
    assert elapsed < 5  # the method's own 0.3 s timeout, not the client's 30 s
    assert form_parts(attach.body, attach.headers["content-type"]) == [
        ("files[]", "a.txt", b"one"), ("files[]", "b.txt", b"two"), ("label", None, b"x")]


def test_format_2_types_are_declared(gadgets: Path) -> None:
    source = (gadgets.parent / "package" / "src" / "resources" / "gadgets.ts").read_text()
    assert "extra?: unknown;" in source and "payload: unknown;" in source
    assert "files: Array<Uploadable>;" in source and "openAiBeta?: string;" in source
    assert "timeout: 300," in source and "'OpenAI-Beta': params?.openAiBeta," in source


def test_the_docs_examples_run(app: Path) -> None:
    """Every TypeScript example of the reference pages (the docs adapter's), run unchanged against the
    server answering with the page's response example: one request each, the file example uploaded."""
    from generator.build import load_api
    from generator.ir import Binary, calls
    from generator.ir.examples import FILE_EXAMPLE, response_example
    from generator.targets.typescript.docs import TypeScript

    api = load_api(node.ROOT / "spec" / "openai.yaml")
    docs = TypeScript()
    for i, call in enumerate(calls(api)):
        program = docs.example(api, call)
        body = response_example(api, call.method)
        answer = ({"status": 200, "raw": "line 1\n", "headers": {"content-type": "application/octet-stream"}}
                  if isinstance(call.method.returns, Binary) else {"status": 200, "body": body})
        with MockServer() as server:
            server.play([answer])
            script = app / f"docs_{i}.mjs"
            script.write_text(program, encoding="utf-8")
            result = subprocess.run(["node", str(script)], cwd=app, capture_output=True, text=True, timeout=60,
                                    env={"PATH": "/usr/bin:/bin:/usr/local/bin",
                                         "OPENAI_BASE_URL": server.url + "/v1"})
            requests = server.requests
        assert result.returncode == 0, (program, result.stderr)
        assert len(requests) == 1, program
        assert requests[0].method == call.method.http_method
        assert result.stdout.strip(), program
        if call.method.body_encoding == "multipart":
            parts = form_parts(requests[0].body, requests[0].headers["content-type"])
            assert ("file", FILE_EXAMPLE.filename, FILE_EXAMPLE.content.encode()) in parts
        if isinstance(call.method.returns, Binary):
            assert result.stdout == "line 1\n\n"
    # And they type-check as the docs test checks them: strict, DOM types only (no @types/node).
    typecheck = app / "docs-typecheck"
    typecheck.mkdir(exist_ok=True)
    for i, call in enumerate(calls(api)):
        (typecheck / f"example_{i}.ts").write_text(docs.example(api, call), encoding="utf-8")
    (typecheck / "tsconfig.json").write_text(json.dumps({
        "compilerOptions": {"target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext",
                            "lib": ["ES2022", "DOM"], "types": [], "strict": True, "noEmit": True,
                            "skipLibCheck": True},
        "include": ["*.ts"]}), encoding="utf-8")
    checked = subprocess.run([node.tool("tsc"), "-p", str(typecheck / "tsconfig.json")], cwd=typecheck,
                             capture_output=True, text=True, timeout=300)
    assert checked.returncode == 0, checked.stdout + checked.stderr


PAGED_SPEC = """
format: 2
api:
  name: Shop
  title: Shop
  version: "1"
  base_url: https://shop.example.test
  auth: {type: bearer, env: SHOP_KEY}
  pagination:
    STYLE: {kind: cursor}
  packages:
    python: {name: shop, version: 0.1.0}
    ruby: {name: shop, version: 0.1.0}
    typescript: {name: shop, version: 0.1.0}
models:
  MODEL:
    properties:
      id: {type: string, required: true}
resources:
  items:
    methods:
      list:
        http: GET /items
        paginated: STYLE
        params:
          after: {in: query, type: string}
        returns: {ref: MODEL}
"""


def test_a_model_named_like_a_page_class(tmp_path: Path) -> None:
    from generator.build import generate, load_api
    from generator.diagnostics import SpecError

    spec = tmp_path / "shop.yaml"
    spec.write_text(PAGED_SPEC.replace("STYLE", "cursor").replace("MODEL", "CursorPage"), encoding="utf-8")
    source = generate(load_api(spec), ("typescript",))["typescript/src/resources/items.ts"]
    assert "export interface CursorPage_ {" in source  # escaped, as other names the package uses
    assert "export type CursorPagesPage = CursorPage<CursorPage_>;" in source
    assert "PagePromise<CursorPagesPage, CursorPage_>" in source
    spec.write_text(PAGED_SPEC.replace("STYLE", "offset").replace("MODEL", "OffsetPage"), encoding="utf-8")
    with pytest.raises(SpecError) as refused:
        load_api(spec)
    assert [(p.code, "already a page class" in p.message) for p in refused.value.diagnostics] == [("E204", True)]
