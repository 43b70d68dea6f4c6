"""The whole Batch workflow through the generated TypeScript SDK, written as openai-node's own docs write it.

The Node script below is made of the official examples, copied unchanged (only each one's `async
function main()` wrapper dropped, and `console.log` collected): openai-node's README ("File uploads",
"Auto-pagination") and the API reference's Node examples for batches and files (create, retrieve,
list, cancel; upload, list, retrieve, delete, content). The client is `new OpenAI()`, configured by
OPENAI_API_KEY and OPENAI_BASE_URL as a user's would be. It runs against the loopback mock server;
the test checks what the examples got and every request on the wire.
"""

from __future__ import annotations

import json
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from conformance.drivers import node
from conformance.mock_server import MockServer, RecordedRequest

API_KEY = "sk-workflow-test"
BATCH = {"id": "batch_abc123", "object": "batch", "endpoint": "/v1/chat/completions",
         "input_file_id": "file-abc123", "completion_window": "24h", "status": "validating",
         "created_at": 1711471533, "request_counts": {"total": 0, "completed": 0, "failed": 0},
         "metadata": {"customer_id": "user_123456789"}}
FILE = {"id": "file-abc123", "object": "file", "bytes": 20, "created_at": 1711471533, "filename": "mydata.jsonl",
        "purpose": "batch", "status": "processed"}
JSONL = '{"custom_id": "request-1", "method": "POST", "url": "/v1/chat/completions"}\n'
OUTPUT = '{"id": "batch_req_1", "custom_id": "request-1"}\n{"id": "batch_req_2", "custom_id": "request-2"}\n'


def batch(i: int) -> dict[str, Any]:
    return {**BATCH, "id": f"batch_{i}"}


def batch_pages() -> list[dict[str, Any]]:
    """Three pages of batches: 2, 2 and 1 items; the last says there is no more."""
    return [{"status": 200, "body": {"object": "list", "data": [batch(1), batch(2)], "has_more": True}},
            {"status": 200, "body": {"object": "list", "data": [batch(3), batch(4)], "has_more": True}},
            {"status": 200, "body": {"object": "list", "data": [batch(5)], "has_more": False}}]


# The examples, unchanged; between them only comments saying where each comes from.
SCRIPT = r"""
import fs from 'fs';
import OpenAI, { toFile } from 'openai';

const logged = [];
console.log = (value) => logged.push(value);

fs.writeFileSync('mydata.jsonl', process.env.JSONL);
fs.writeFileSync('input.jsonl', process.env.JSONL);

// The API reference, "Upload file" (Node).
{
  const openai = new OpenAI();
  const file = await openai.files.create({
    file: fs.createReadStream("mydata.jsonl"),
    purpose: "fine-tune",
  });

  console.log(file);
}

// openai-node README, "File uploads".
{
  const client = new OpenAI();

  // If you have access to Node `fs` we recommend using `fs.createReadStream()`:
  await client.files.create({ file: fs.createReadStream('input.jsonl'), purpose: 'fine-tune' });

  // Or if you have the web `File` API you can pass a `File` instance:
  await client.files.create({ file: new File(['my bytes'], 'input.jsonl'), purpose: 'fine-tune' });

  // Finally, if none of the above are convenient, you can use our `toFile` helper:
  await client.files.create({
    file: await toFile(Buffer.from('my bytes'), 'input.jsonl'),
    purpose: 'fine-tune',
  });
  await client.files.create({
    file: await toFile(new Uint8Array([0, 1, 2]), 'input.jsonl'),
    purpose: 'fine-tune',
  });
}

// The API reference, "Create batch" (Node).
{
  const openai = new OpenAI();
  const batch = await openai.batches.create({
    input_file_id: "file-abc123",
    endpoint: "/v1/chat/completions",
    completion_window: "24h"
  });

  console.log(batch);
}

// The API reference, "Retrieve batch" (Node).
{
  const openai = new OpenAI();
  const batch = await openai.batches.retrieve("batch_abc123");

  console.log(batch);
}

// The API reference, "List batch" (Node).
{
  const openai = new OpenAI();
  const list = await openai.batches.list();

  for await (const batch of list) {
    console.log(batch);
  }
}

// openai-node README, "Auto-pagination" (with batches for fine-tuning jobs).
{
  const client = new OpenAI();
  async function fetchAllBatches(params) {
    const allBatches = [];
    // Automatically fetches more pages as needed.
    for await (const batch of client.batches.list({ limit: 2 })) {
      allBatches.push(batch);
    }
    return allBatches;
  }
  console.log((await fetchAllBatches()).map((b) => b.id));

  let page = await client.batches.list({ limit: 2 });
  for (const batch of page.data) {
    console.log(batch.id);
  }

  // Convenience methods are provided for manually paginating:
  while (page.hasNextPage()) {
    page = await page.getNextPage();
    console.log(page.data.map((b) => b.id));
  }
}

// The API reference, "Cancel batch" (Node).
{
  const openai = new OpenAI();
  const batch = await openai.batches.cancel("batch_abc123");

  console.log(batch);
}

// The API reference, "List files" (Node).
{
  const openai = new OpenAI();
  const list = await openai.files.list();

  for await (const file of list) {
    console.log(file);
  }
}

// The API reference, "Retrieve file" (Node).
{
  const openai = new OpenAI();
  const file = await openai.files.retrieve("file-abc123");

  console.log(file);
}

// The API reference, "Delete file" (Node).
{
  const openai = new OpenAI();
  const file = await openai.files.delete("file-abc123");

  console.log(file);
}

// The API reference, "Retrieve file content" (Node).
{
  const openai = new OpenAI();
  const file = await openai.files.content("file-abc123");

  console.log(file);
}

const last = logged[logged.length - 1];
logged[logged.length - 1] = { isResponse: last instanceof Response, text: await last.text() };
process.stdout.write(JSON.stringify(logged) + '\n');
"""


def form_parts(request: RecordedRequest) -> dict[str, Any]:
    """The parts of a multipart body: name -> text, or {filename, content, type} for a file part."""
    content_type = request.headers.get("content-type", "")
    assert content_type.startswith("multipart/form-data; boundary="), content_type
    message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + request.body)
    parts: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        content = part.get_payload(decode=True)
        filename = part.get_filename()
        parts[name] = ({"filename": filename, "content": content, "type": part.get_content_type()}
                       if filename is not None else content.decode())
    return parts


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    node.ensure_toolchain()
    root = tmp_path_factory.mktemp("ts-workflow")
    package = node.generate_package(node.ROOT / "spec" / "openai.yaml", root / "generated")
    return node.build_package(root / "build", package)


@pytest.fixture(scope="module")
def run(app: Path) -> tuple[list[Any], list[RecordedRequest]]:
    responses = [{"status": 200, "body": FILE}] * 5
    responses += [{"status": 200, "body": BATCH}, {"status": 200, "body": BATCH}]
    responses += batch_pages() * 3
    responses += [{"status": 200, "body": {**BATCH, "status": "cancelling"}}]
    responses += [{"status": 200, "body": {"object": "list", "data": [FILE], "has_more": False}}]
    responses += [{"status": 200, "body": FILE}, {"status": 200, "body": {"id": "file-abc123", "object": "file",
                                                                          "deleted": True}}]
    responses += [{"status": 200, "raw": OUTPUT, "headers": {"content-type": "application/octet-stream"}}]
    with MockServer() as server:
        server.play(responses)
        logged = node.run_script(app, "workflow.mjs", SCRIPT, env={
            "OPENAI_API_KEY": API_KEY, "OPENAI_BASE_URL": server.url + "/v1", "JSONL": JSONL})
        return logged, server.requests


def test_the_examples_get_what_the_server_sent(run: tuple[list[Any], list[RecordedRequest]]) -> None:
    logged, _ = run
    assert logged[0] == FILE
    assert logged[1] == BATCH and logged[2] == BATCH
    assert logged[3:8] == [batch(i) for i in range(1, 6)]  # `for await` over the awaited first page: all 3 pages
    assert logged[8] == [f"batch_{i}" for i in range(1, 6)]
    assert logged[9:11] == ["batch_1", "batch_2"]  # page.data: the first page only
    assert logged[11:13] == [["batch_3", "batch_4"], ["batch_5"]]  # getNextPage while hasNextPage
    assert logged[13] == {**BATCH, "status": "cancelling"}
    assert logged[14] == FILE  # the one file of files.list
    assert logged[15] == FILE
    assert logged[16] == {"id": "file-abc123", "object": "file", "deleted": True}
    assert logged[17] == {"isResponse": True, "text": OUTPUT}
    assert len(logged) == 18


def test_the_requests_on_the_wire(run: tuple[list[Any], list[RecordedRequest]]) -> None:
    _, requests = run
    lines = [(r.method, urlsplit(r.path).path, dict(parse_qsl(urlsplit(r.path).query))) for r in requests]
    pages = [("GET", "/v1/batches", {"limit": "2"}), ("GET", "/v1/batches", {"limit": "2", "after": "batch_2"}),
             ("GET", "/v1/batches", {"limit": "2", "after": "batch_4"})]
    assert lines == [
        *[("POST", "/v1/files", {})] * 5,
        ("POST", "/v1/batches", {}),
        ("GET", "/v1/batches/batch_abc123", {}),
        ("GET", "/v1/batches", {}), ("GET", "/v1/batches", {"after": "batch_2"}),
        ("GET", "/v1/batches", {"after": "batch_4"}),
        *pages, *pages,
        ("POST", "/v1/batches/batch_abc123/cancel", {}),
        ("GET", "/v1/files", {}),
        ("GET", "/v1/files/file-abc123", {}),
        ("DELETE", "/v1/files/file-abc123", {}),
        ("GET", "/v1/files/file-abc123/content", {}),
    ]
    for r in requests:
        assert r.headers["authorization"] == f"Bearer {API_KEY}"
        assert r.headers["user-agent"].startswith("OpenAI/JS ")
    # JSON bodies, byte for byte as openai-node sends them (JSON.stringify of the params, in their order).
    assert requests[5].body == (b'{"input_file_id":"file-abc123","endpoint":"/v1/chat/completions",'
                                b'"completion_window":"24h"}')
    assert requests[5].headers["content-type"] == "application/json"
    assert all(r.body == b"" and "content-type" not in r.headers for r in requests if r.method in ("GET", "DELETE"))
    assert requests[-1].headers["accept"] == "application/binary"
    assert all(r.headers["accept"] == "application/json" for r in requests[:-1])


def test_uploads_send_the_file_and_purpose(run: tuple[list[Any], list[RecordedRequest]]) -> None:
    _, requests = run
    uploads = [form_parts(r) for r in requests[:5]]
    assert uploads[0] == {"file": {"filename": "mydata.jsonl", "content": JSONL.encode(),
                                   "type": "application/octet-stream"}, "purpose": "fine-tune"}
    assert uploads[1]["file"]["filename"] == "input.jsonl" and uploads[1]["file"]["content"] == JSONL.encode()
    assert uploads[2]["file"]["content"] == b"my bytes"
    assert uploads[3]["file"]["content"] == b"my bytes"
    assert uploads[4]["file"] == {"filename": "input.jsonl", "content": bytes([0, 1, 2]),
                                  "type": "application/octet-stream"}
    assert all(u["purpose"] == "fine-tune" for u in uploads)
    # The parts in the order of the params object, the file first, as openai-node sends them.
    names = [part.get_param("name", header="content-disposition") for part in BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {requests[0].headers['content-type']}\r\n\r\n".encode() + requests[0].body).iter_parts()]
    assert names == ["file", "purpose"]


def test_the_script_is_the_official_examples() -> None:
    """The calls of the script are those of openai-node's docs: kept here so an edit that "fixes" an
    example to suit the SDK shows up as a failing test."""
    for call in ('openai.files.create({\n    file: fs.createReadStream("mydata.jsonl"),\n    purpose: "fine-tune",\n  })',
                 "for await (const batch of list) {", "while (page.hasNextPage()) {",
                 "page = await page.getNextPage();", "file: await toFile(Buffer.from('my bytes'), 'input.jsonl'),",
                 'const file = await openai.files.content("file-abc123");'):
        assert call in SCRIPT
    assert json.dumps(SCRIPT).count("OpenAI(") == 11
