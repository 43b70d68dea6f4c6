"""The Batch workflow through the generated Ruby gem, as openai-ruby's documentation writes it, against the
loopback mock server: upload (Pathname, file contents, FilePart, StringIO), create, retrieve, list with
`auto_paging_each` across 3 pages, `next_page?`/`next_page`, cancel, then files list/retrieve/delete/content.

The snippets are the official README's (File uploads, Pagination) and API reference's, unchanged but for
what names another resource (`fine_tuning.jobs.list` -> `batches.list`), `require "bundler/setup"` (no
Gemfile here) and the README's placeholder content type `"…"` (-> `"application/jsonl"`). Each request
on the wire is checked: method, path, query, JSON body, multipart parts, the headers that matter.
"""

from __future__ import annotations

import json
import subprocess
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from conformance.drivers.ruby import render_gem, require_tool
from conformance.mock_server import MockServer, RecordedRequest

BATCH = {"id": "batch_abc", "object": "batch", "endpoint": "/v1/chat/completions", "errors": None,
         "input_file_id": "file-abc", "completion_window": "24h", "status": "validating", "created_at": 1711471533,
         "metadata": {"customer_id": "user_123456789"}}
FILE = {"id": "file-abc", "object": "file", "bytes": 20, "created_at": 1711471533, "filename": "input.jsonl",
        "purpose": "fine-tune", "status": "processed"}
CONTENT = '{"custom_id": "request-1"}\n'
OUTPUT = '{"id": "r1"}\n\x00\u00ff binary\n'  # the mock server sends it as UTF-8: bytes c3 bf


def page(ids: list[str], has_more: bool, item: dict[str, Any] = BATCH) -> dict[str, Any]:
    return {"body": {"object": "list", "data": [{**item, "id": i} for i in ids], "has_more": has_more,
                     "first_id": ids[0] if ids else None, "last_id": ids[-1] if ids else None}}


# The program: README and API reference snippets in order, each result printed as one JSON line.
PROGRAM = r'''
require "openai"
require "json"

def report(name, value)
  $stdout.puts(JSON.generate({name => value}))
end

openai = OpenAI::Client.new(
  api_key: ENV["OPENAI_API_KEY"] # This is the default and can be omitted
)

# README: File uploads
require "pathname"

# Use `Pathname` to send the filename and/or avoid paging a large file into memory:
file_object = openai.files.create(file: Pathname("input.jsonl"), purpose: "fine-tune")

# Alternatively, pass file contents or a `StringIO` directly:
file_object = openai.files.create(file: File.read("input.jsonl"), purpose: "fine-tune")

# Or, to control the filename and/or content type:
file = OpenAI::FilePart.new(File.read("input.jsonl"), filename: "input.jsonl", content_type: "application/jsonl")
file_object = openai.files.create(file: file, purpose: "fine-tune")

puts(file_object.id)

# The Batch workflow: a batch input file, with its expiry
file_object = openai.files.create(
  file: StringIO.new(File.read("input.jsonl")),
  purpose: :batch,
  expires_after: {anchor: :created_at, seconds: 3600}
)
report("uploaded", [file_object.class.name, file_object.id, file_object.purpose, file_object._request_id])

# API reference: Create batch
batch = openai.batches.create(
  completion_window: :"24h",
  endpoint: :"/v1/chat/completions",
  input_file_id: file_object.id,
  metadata: {customer_id: "user_123456789"},
  output_expires_after: {anchor: :created_at, seconds: 3600}
)
report("created", [batch.class.name, batch.id, batch.status, batch.endpoint])

# API reference: Retrieve batch
batch = openai.batches.retrieve("batch_abc")
report("retrieved", [batch.id, batch.status])

# README: Pagination
page = openai.batches.list(limit: 20)

# Fetch single item from page.
job = page.data[0]
puts(job.id)

# Automatically fetches more pages as needed.
page.auto_paging_each do |job|
  puts(job.id)
end

report("page", [page.class.name, page.data.map(&:id), page.has_more, page.next_page?])

if page.next_page?
  new_page = page.next_page
  puts(new_page.data[0].id)
end

report("enum", page.to_enum.map(&:id))

# API reference: Cancel batch
batch = openai.batches.cancel("batch_abc")
report("cancelled", [batch.id, batch.status])

# API reference: files
files = []
openai.files.list(purpose: "batch", order: :asc).auto_paging_each { |f| files << f.id }
report("files", files)

file_object = openai.files.retrieve("file-abc")
report("file", [file_object.id, file_object.filename])

file_deleted = openai.files.delete("file-abc")
report("deleted", [file_deleted.class.name, file_deleted.id, file_deleted.deleted])

response = openai.files.content("file-out")
report("content", [response.class.name, response.read.unpack1("H*")])
'''


@pytest.fixture(scope="module")
def gem(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_tool("ruby")
    return render_gem("openai", tmp_path_factory.mktemp("gem-workflow"))


def parts(request: RecordedRequest) -> dict[str, Any]:
    """The multipart parts: name -> text, or (filename, content type, content) for a file part."""
    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary="), content_type
    message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + request.body)
    out: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        content = part.get_payload(decode=True).decode("utf-8")
        filename = part.get_filename()
        out[name] = (filename, part.get_content_type(), content) if filename is not None else content
    return out


def test_the_official_examples_run_unchanged_and_send_what_the_official_gem_sends(gem: Path, tmp_path: Path) -> None:
    (tmp_path / "input.jsonl").write_text(CONTENT, encoding="utf-8")
    responses = [
        *[{"body": FILE}] * 3,
        {"headers": {"x-request-id": "req_upload"}, "body": {**FILE, "purpose": "batch"}},
        {"body": BATCH},
        {"body": {**BATCH, "status": "in_progress"}},
        page(["batch_1", "batch_2"], True), page(["batch_3", "batch_4"], True), page(["batch_5"], False),
        page(["batch_3", "batch_4"], True),  # next_page
        page(["batch_3", "batch_4"], True), page(["batch_5"], False),  # to_enum (first page already loaded)
        {"body": {**BATCH, "status": "cancelling"}},
        page(["file-1", "file-2"], True, FILE), page([], False, FILE),
        {"body": FILE},
        {"body": {"id": "file-abc", "object": "file", "deleted": True}},
        {"status": 200, "raw": OUTPUT, "headers": {"content-type": "application/octet-stream"}},
    ]
    with MockServer() as server:
        server.play(responses)
        result = subprocess.run(
            ["ruby", "-w", "-I", str(gem / "lib"), "-e", PROGRAM], capture_output=True, text=True, timeout=120,
            cwd=tmp_path, env={"PATH": "/usr/bin:/bin", "OPENAI_API_KEY": "sk-workflow",
                               "OPENAI_BASE_URL": f"{server.url}/v1"})
        requests = server.requests
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    reports = {k: v for line in lines if line.startswith("{") for k, v in json.loads(line).items()}
    printed = [line for line in lines if not line.startswith("{")]

    # What the program printed: the README's ids, then every item across the 3 pages, then the next page's first.
    assert printed == ["file-abc", "batch_1", "batch_1", "batch_2", "batch_3", "batch_4", "batch_5", "batch_3"]
    assert reports["uploaded"] == ["OpenAI::Models::FileObject", "file-abc", "batch", "req_upload"]
    assert reports["created"] == ["OpenAI::Models::Batch", "batch_abc", "validating", "/v1/chat/completions"]
    assert reports["retrieved"] == ["batch_abc", "in_progress"]
    assert reports["page"] == ["OpenAI::Internal::CursorPage", ["batch_1", "batch_2"], True, True]
    assert reports["enum"] == ["batch_1", "batch_2", "batch_3", "batch_4", "batch_5"]
    assert reports["cancelled"] == ["batch_abc", "cancelling"]
    assert reports["files"] == ["file-1", "file-2"]
    assert reports["file"] == ["file-abc", "input.jsonl"]
    assert reports["deleted"] == ["OpenAI::Models::FileDeleted", "file-abc", True]
    assert reports["content"] == ["StringIO", OUTPUT.encode("utf-8").hex()]

    # On the wire.
    assert len(requests) == len(responses)
    targets = [(r.method, urlsplit(r.path).path, parse_qs(urlsplit(r.path).query)) for r in requests]
    assert targets == [
        *[("POST", "/v1/files", {})] * 4,
        ("POST", "/v1/batches", {}),
        ("GET", "/v1/batches/batch_abc", {}),
        ("GET", "/v1/batches", {"limit": ["20"]}),
        ("GET", "/v1/batches", {"limit": ["20"], "after": ["batch_2"]}),
        ("GET", "/v1/batches", {"limit": ["20"], "after": ["batch_4"]}),
        ("GET", "/v1/batches", {"limit": ["20"], "after": ["batch_2"]}),
        ("GET", "/v1/batches", {"limit": ["20"], "after": ["batch_2"]}),
        ("GET", "/v1/batches", {"limit": ["20"], "after": ["batch_4"]}),
        ("POST", "/v1/batches/batch_abc/cancel", {}),
        ("GET", "/v1/files", {"purpose": ["batch"], "order": ["asc"]}),
        ("GET", "/v1/files", {"purpose": ["batch"], "order": ["asc"], "after": ["file-2"]}),
        ("GET", "/v1/files/file-abc", {}),
        ("DELETE", "/v1/files/file-abc", {}),
        ("GET", "/v1/files/file-out/content", {}),
    ]
    for request in requests:
        assert request.headers["authorization"] == "Bearer sk-workflow"
        assert request.headers["user-agent"] == "OpenAI/Ruby 0.1.0"
    assert parts(requests[0]) == {"file": ("input.jsonl", "application/octet-stream", CONTENT), "purpose": "fine-tune"}
    # File contents as a String: a file part (no name to send: `upload`, as httpx names one).
    assert parts(requests[1]) == {"file": ("upload", "application/octet-stream", CONTENT), "purpose": "fine-tune"}
    assert parts(requests[2]) == {"file": ("input.jsonl", "application/jsonl", CONTENT), "purpose": "fine-tune"}
    assert parts(requests[3]) == {"file": ("upload", "application/octet-stream", CONTENT), "purpose": "batch",
                                  "expires_after[anchor]": "created_at", "expires_after[seconds]": "3600"}
    create = requests[4]
    assert create.headers["content-type"] == "application/json"
    assert create.json() == {"completion_window": "24h", "endpoint": "/v1/chat/completions",
                             "input_file_id": "file-abc", "metadata": {"customer_id": "user_123456789"},
                             "output_expires_after": {"anchor": "created_at", "seconds": 3600}}
    for request in requests[5:]:
        assert request.body == b""
        if request.method == "GET":
            assert "content-type" not in request.headers
    assert requests[12].headers["content-length"] == "0"  # cancel: a POST without a body
    assert requests[-1].headers["accept"] == "application/binary"
    assert all(r.headers["accept"] == "application/json" for r in requests[:-1])
