"""The whole Batch workflow with the generated Python SDK: the official openai-python examples for
batches and files, run unchanged against the loopback server, and the requests they send compared
with what the official SDK sends.

The programs below are copied from openai-python's README and the OpenAI Batch guide and API
reference (upload a JSONL file, create a batch, retrieve it, download a file, list batches across
pages, cancel, list/retrieve/delete files), sync and async. Each runs in a subprocess with
`OPENAI_API_KEY` and `OPENAI_BASE_URL` set, as a user would run it.

What the official SDK sends was measured with openai-python 3.63.0 (pip install openai into a
scratch venv, CPython 3.11) running the same programs against tests/conformance/mock_server.py;
the expectations below are those measurements. Where ours differs on purpose, the test says so:
- bodiless POST (`cancel`) and DELETE: the official SDK sends `content-type: application/json`;
  ours sends a Content-Type only with a body (the project's rule, see tests/conformance/README.md);
- `user-agent`: `OpenAI/Python 3.63.0` / `AsyncOpenAI/Python 3.63.0` there, the generated
  package's version here (`OpenAI/Python 0.1.0`, `AsyncOpenAI/Python 0.1.0`); the official SDK
  also sends `x-stainless-*` telemetry headers, which ours does not.
Every other measured byte is equal: methods, paths, query strings (order included), JSON bodies
(compact, UTF-8), multipart bodies (parts, order, filenames, part Content-Types; only the random
boundary differs), the Accept header (`application/binary` for downloads).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import httpx
import pytest
import typing_extensions

from conformance.drivers.python import BUNDLED_SPEC, bundled_src
from conformance.mock_server import MockServer, RecordedRequest
from conformance.test_conformance import multipart_parts

SRC = bundled_src()
sys.path.insert(0, str(SRC))

import openai  # noqa: E402
from openai import AsyncOpenAI, OpenAI  # noqa: E402
from openai.pagination import AsyncCursorPage, SyncCursorPage  # noqa: E402
from openai.types import Batch, FileObject, batch_create_params, file_create_params  # noqa: E402

from generator.build import load_api  # noqa: E402
from generator.ir import calls  # noqa: E402
from generator.ir.examples import response_example  # noqa: E402
from generator.targets.python.docs import Python  # noqa: E402

SYNC_PROGRAM = '''
from openai import OpenAI
client = OpenAI()

batch_input_file = client.files.create(
    file=open("batchinput.jsonl", "rb"),
    purpose="batch"
)

print(batch_input_file)

batch_input_file_id = batch_input_file.id
client.batches.create(
    input_file_id=batch_input_file_id,
    endpoint="/v1/chat/completions",
    completion_window="24h",
    metadata={
        "description": "nightly eval job"
    }
)

batch = client.batches.retrieve("batch_abc123")
print(batch)

file_response = client.files.content("file-xyz123")
print(file_response.text)

all_batches = []
# Automatically fetches more pages as needed.
for batch in client.batches.list(
    limit=2,
):
    # Do something with batch here
    all_batches.append(batch)
print(all_batches)

client.batches.cancel("batch_abc123")

client.files.list()

client.files.retrieve("file-abc123")

client.files.delete("file-abc123")

content = client.files.content("file-abc123").content
client.files.content("file-abc123").write_to_file("output.jsonl")

from pathlib import Path
from openai import OpenAI

client = OpenAI()

client.files.create(
    file=Path("input.jsonl"),
    purpose="fine-tune",
)
'''

ASYNC_PROGRAM = '''
import asyncio
from pathlib import Path
from openai import AsyncOpenAI

client = AsyncOpenAI()


async def main() -> None:
    batch_input_file = await client.files.create(
        file=open("batchinput.jsonl", "rb"),
        purpose="batch"
    )
    await client.batches.create(
        input_file_id=batch_input_file.id,
        endpoint="/v1/chat/completions",
        completion_window="24h",
        metadata={
            "description": "nightly eval job"
        }
    )
    batch = await client.batches.retrieve("batch_abc123")
    print(batch)
    file_response = await client.files.content("file-xyz123")
    print(file_response.text)

    all_batches = []
    # Iterate through items across all pages, issuing requests as needed.
    async for batch in client.batches.list(
        limit=2,
    ):
        all_batches.append(batch)
    print(all_batches)

    await client.batches.cancel("batch_abc123")
    await client.files.list()
    await client.files.retrieve("file-abc123")
    await client.files.delete("file-abc123")
    content = (await client.files.content("file-abc123")).content
    (await client.files.content("file-abc123")).write_to_file("output.jsonl")
    await client.files.create(
        file=Path("input.jsonl"),
        purpose="fine-tune",
    )


asyncio.run(main())
'''

BATCH = {
    "id": "batch_abc123",
    "object": "batch",
    "endpoint": "/v1/chat/completions",
    "input_file_id": "file-abc123",
    "completion_window": "24h",
    "status": "validating",
    "created_at": 1711471533,
}
FILE = {
    "id": "file-abc123",
    "object": "file",
    "bytes": 120000,
    "created_at": 1677610602,
    "filename": "batchinput.jsonl",
    "purpose": "batch",
    "status": "processed",
}
BATCH_INPUT = b'{"custom_id": "request-1"}\n'
FINE_TUNE_INPUT = b'{"prompt": "p"}\n'


def batch_page(ids: list[str], has_more: bool) -> dict[str, Any]:
    return {
        "object": "list",
        "data": [{**BATCH, "id": i} for i in ids],
        "first_id": ids[0],
        "last_id": ids[-1],
        "has_more": has_more,
    }


RESPONSES = [
    {"body": FILE},
    {"body": BATCH},
    {"body": BATCH},
    {"raw": '{"id": "r1"}\n', "headers": {"content-type": "application/octet-stream"}},
    {"body": batch_page(["batch_1", "batch_2"], True)},
    {"body": batch_page(["batch_3", "batch_4"], True)},
    {"body": batch_page(["batch_5"], False)},
    {"body": {**BATCH, "status": "cancelling"}},
    {"body": {"object": "list", "data": [FILE], "has_more": False}},
    {"body": FILE},
    {"body": {"id": "file-abc123", "object": "file", "deleted": True}},
    {"raw": '{"id": "r2"}\n', "headers": {"content-type": "application/octet-stream"}},
    {"raw": '{"id": "r3"}\n', "headers": {"content-type": "application/octet-stream"}},
    {"body": {**FILE, "purpose": "fine-tune", "filename": "input.jsonl"}},
]

B = "BOUNDARY"
#: What openai-python 3.63.0 sent for the programs (sync and async alike): method, path with query,
#: accept, content-type (the multipart boundary written BOUNDARY), body.
OFFICIAL: list[tuple[str, str, str, str | None, bytes]] = [
    (
        "POST",
        "/v1/files",
        "application/json",
        f"multipart/form-data; boundary={B}",
        (
            f'--{B}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n'
            f'--{B}\r\nContent-Disposition: form-data; name="file"; filename="batchinput.jsonl"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + BATCH_INPUT
        + f"\r\n--{B}--\r\n".encode(),
    ),
    (
        "POST",
        "/v1/batches",
        "application/json",
        "application/json",
        b'{"completion_window":"24h","endpoint":"/v1/chat/completions","input_file_id":"file-abc123",'
        b'"metadata":{"description":"nightly eval job"}}',
    ),
    ("GET", "/v1/batches/batch_abc123", "application/json", None, b""),
    ("GET", "/v1/files/file-xyz123/content", "application/binary", None, b""),
    ("GET", "/v1/batches?limit=2", "application/json", None, b""),
    ("GET", "/v1/batches?limit=2&after=batch_2", "application/json", None, b""),
    ("GET", "/v1/batches?limit=2&after=batch_4", "application/json", None, b""),
    # The official SDK also sends content-type: application/json here (no body): ours does not.
    ("POST", "/v1/batches/batch_abc123/cancel", "application/json", "application/json", b""),
    ("GET", "/v1/files", "application/json", None, b""),
    ("GET", "/v1/files/file-abc123", "application/json", None, b""),
    # Likewise a content-type on the bodiless DELETE.
    ("DELETE", "/v1/files/file-abc123", "application/json", "application/json", b""),
    ("GET", "/v1/files/file-abc123/content", "application/binary", None, b""),
    ("GET", "/v1/files/file-abc123/content", "application/binary", None, b""),
    (
        "POST",
        "/v1/files",
        "application/json",
        f"multipart/form-data; boundary={B}",
        (
            f'--{B}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nfine-tune\r\n'
            f'--{B}\r\nContent-Disposition: form-data; name="file"; filename="input.jsonl"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + FINE_TUNE_INPUT
        + f"\r\n--{B}--\r\n".encode(),
    ),
]
#: Where ours differs on purpose (module docstring): a Content-Type only with a body.
BODILESS_CONTENT_TYPE = {("POST", "/v1/batches/batch_abc123/cancel"), ("DELETE", "/v1/files/file-abc123")}


def without_boundary(request: RecordedRequest) -> tuple[str | None, bytes]:
    content_type = request.headers.get("content-type")
    match = re.search(r"boundary=([0-9A-Za-z'()+_,./:=?-]+)", content_type or "")
    if match is None:
        return content_type, request.body
    return content_type.replace(match.group(1), B), request.body.replace(match.group(1).encode(), B.encode())


def run_program(program: str, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], list[RecordedRequest]]:
    (tmp_path / "batchinput.jsonl").write_bytes(BATCH_INPUT)
    (tmp_path / "input.jsonl").write_bytes(FINE_TUNE_INPUT)
    with MockServer() as server:
        server.play(RESPONSES)
        env = {key: value for key, value in os.environ.items() if not key.startswith("OPENAI_")}
        env.update(OPENAI_API_KEY="sk-test-workflow", OPENAI_BASE_URL=f"{server.url}/v1", PYTHONPATH=str(SRC))
        result = subprocess.run(
            [sys.executable, "-c", program], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
        )
        return result, server.requests


@pytest.mark.parametrize(("program", "client"), [(SYNC_PROGRAM, "OpenAI"), (ASYNC_PROGRAM, "AsyncOpenAI")], ids=["sync", "async"])
def test_the_official_examples_run_unchanged_and_send_what_the_official_sdk_sends(
    program: str, client: str, tmp_path: Path
) -> None:
    result, requests = run_program(program, tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    printed = result.stdout
    assert "id='file-abc123'" in printed and "id='batch_abc123'" in printed
    assert '{"id": "r1"}' in printed  # file_response.text
    assert [f"batch_{n}" for n in range(1, 6)] == re.findall(r"Batch\(id='(batch_\d)'", printed)
    assert (tmp_path / "output.jsonl").read_text() == '{"id": "r3"}\n'  # write_to_file

    assert len(requests) == len(OFFICIAL) == len(RESPONSES)
    for request, (method, path, accept, content_type, body) in zip(requests, OFFICIAL):
        assert (request.method, request.path) == (method, path)
        assert request.headers["accept"] == accept
        assert request.headers["authorization"] == "Bearer sk-test-workflow"
        assert request.headers["user-agent"] == f"{client}/Python 0.1.0"
        if (method, path) in BODILESS_CONTENT_TYPE:
            assert "content-type" not in request.headers  # the official SDK sends application/json
        else:
            assert without_boundary(request) == (content_type, body), path


# ---------------------------------------------------------------- uploads


@pytest.fixture
def upload(tmp_path: Path) -> Path:
    path = tmp_path / "up.jsonl"
    path.write_bytes(b"line\n")
    return path


def form(name: str, value: str) -> bytes:
    return f'--{B}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()


def file_part(filename: str, content: bytes, content_type: str = "application/octet-stream") -> bytes:
    head = f'--{B}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
    return f"{head}Content-Type: {content_type}\r\n\r\n".encode() + content + b"\r\n"


END = f"--{B}--\r\n".encode()


def test_every_file_type_is_sent_as_the_official_sdk_sends_it(upload: Path) -> None:
    """FileTypes: a Path, bytes, a tuple with a content type, an open file, a (name, Path) tuple; the
    expected bodies are those openai-python 3.63.0 sent for the same calls (boundary aside)."""
    with MockServer() as server:
        server.play([{"body": FILE}] * 5)
        with OpenAI(api_key="sk-test", base_url=f"{server.url}/v1") as client:
            uploaded = client.files.create(
                file=upload, purpose="batch", expires_after={"anchor": "created_at", "seconds": 3600}
            )
            client.files.create(file=b"raw bytes", purpose="batch")
            client.files.create(file=("named.jsonl", b"tuple", "application/jsonl"), purpose="batch")
            with open(upload, "rb") as handle:
                client.files.create(file=handle, purpose="batch")
            client.files.create(file=("n.jsonl", upload), purpose="batch")
        bodies = [without_boundary(r)[1] for r in server.requests]
        assert all(without_boundary(r)[0] == f"multipart/form-data; boundary={B}" for r in server.requests)
        assert multipart_parts(server.requests[0]) == {
            "purpose": "batch",
            "expires_after[anchor]": "created_at",
            "expires_after[seconds]": "3600",
            "file": {"filename": "up.jsonl", "content": "line\n"},
        }
    assert isinstance(uploaded, FileObject) and uploaded.id == "file-abc123"
    purpose = form("purpose", "batch")
    assert bodies == [
        purpose
        + form("expires_after[anchor]", "created_at")
        + form("expires_after[seconds]", "3600")
        + file_part("up.jsonl", b"line\n")
        + END,
        purpose + file_part("upload", b"raw bytes") + END,
        purpose + file_part("named.jsonl", b"tuple", "application/jsonl") + END,
        purpose + file_part("up.jsonl", b"line\n") + END,
        purpose + file_part("n.jsonl", b"line\n") + END,
    ]


def test_a_value_that_is_no_file_is_refused_before_any_request() -> None:
    with MockServer() as server:
        with OpenAI(api_key="sk-test", base_url=f"{server.url}/v1") as client:
            with pytest.raises(TypeError, match="Expected a file"):
                client.files.create(file="input.jsonl", purpose="batch")  # type: ignore[arg-type]
        assert server.requests == []


# ---------------------------------------------------------------- JSON bodies


def test_create_bodies_match_the_official_bytes() -> None:
    """Bodies openai-python 3.63.0 sent for the same three calls: compact JSON, UTF-8, `None` as
    null, `omit` left out, `extra_body` merged; the nested params object as a TypedDict or a dict."""
    expires: batch_create_params.OutputExpiresAfter = {"anchor": "created_at", "seconds": 3600}
    with MockServer() as server:
        server.play([{"body": BATCH}] * 3)
        with OpenAI(api_key="sk-test", base_url=f"{server.url}/v1") as client:
            created = client.batches.create(
                input_file_id="f",
                endpoint="/v1/embeddings",
                completion_window="24h",
                metadata={"k": "é ü"},
                output_expires_after=expires,
            )
            client.batches.create(input_file_id="f", endpoint="/v1/embeddings", completion_window="24h", metadata=None)
            client.batches.create(
                input_file_id="f",
                endpoint="/v1/embeddings",
                completion_window="24h",
                metadata=openai.omit,
                extra_body={"x": 1},
            )
        bodies = [r.body for r in server.requests]
    assert isinstance(created, Batch)
    assert bodies == [
        '{"completion_window":"24h","endpoint":"/v1/embeddings","input_file_id":"f","metadata":{"k":"é ü"},'
        '"output_expires_after":{"anchor":"created_at","seconds":3600}}'.encode(),
        b'{"completion_window":"24h","endpoint":"/v1/embeddings","input_file_id":"f","metadata":null}',
        b'{"completion_window":"24h","endpoint":"/v1/embeddings","input_file_id":"f","x":1}',
    ]


def test_params_types_are_named_as_in_the_official_sdk() -> None:
    from openai.types import BatchCreateParams, FileCreateParams, FileListParams

    def required(cls: Any) -> set[str]:
        # Read from the annotations: with postponed annotations, __required_keys__ is empty here as
        # in openai-python 3.63.0 (measured: frozenset() for its BatchCreateParams).
        hints = typing.get_type_hints(cls, include_extras=True)
        return {key for key, hint in hints.items() if typing.get_origin(hint) is typing_extensions.Required}

    assert required(BatchCreateParams) == {"completion_window", "endpoint", "input_file_id"}
    assert set(typing.get_type_hints(BatchCreateParams)) == {
        "completion_window",
        "endpoint",
        "input_file_id",
        "metadata",
        "output_expires_after",
    }
    assert required(batch_create_params.OutputExpiresAfter) == {"anchor", "seconds"}
    assert required(file_create_params.ExpiresAfter) == {"anchor", "seconds"}
    assert required(FileCreateParams) == {"file", "purpose"}
    assert required(FileListParams) == set()
    assert (openai.omit, openai.not_given) == (openai.Omit(), openai.NotGiven())
    assert not openai.omit and openai.NOT_GIVEN is openai.not_given


# ---------------------------------------------------------------- pages


def test_a_page_behaves_like_the_official_cursor_page() -> None:
    """Measured on openai-python 3.63.0 with these responses: the query keeps its order and `after`
    is replaced in place; `next_page_info()` is `PageInfo(params={'after': 'file-1'})`; the list
    object's other fields stay readable; an empty page ends the listing."""
    listed = {"object": "list", "data": [FILE | {"id": "file-1"}], "first_id": "file-1", "last_id": "file-1", "has_more": True}
    with MockServer() as server:
        empty = {"body": {"object": "list", "data": [], "has_more": False}}
        server.play([{"body": listed}, empty, empty])
        with OpenAI(api_key="sk-test", base_url=f"{server.url}/v1") as client:
            page = client.files.list(purpose="batch", order="asc", limit=1, after="file-0")
            assert isinstance(page, SyncCursorPage)
            assert (page.has_next_page(), page.has_more, len(page.data)) == (True, True, 1)
            assert repr(page.next_page_info()) == "PageInfo(params={'after': 'file-1'})"
            assert (page.object, page.last_id) == ("list", "file-1")
            assert page.to_dict() == listed and json.loads(page.to_json()) == listed
            following = page.get_next_page()
            assert (following.has_next_page(), following.data, following.next_page_info()) == (False, [], None)
            assert [p.data for p in page.iter_pages()][1:] == [[]]  # iter_pages asks again
        paths = [r.path for r in server.requests]
    assert paths[:2] == [
        "/v1/files?after=file-0&limit=1&order=asc&purpose=batch",
        "/v1/files?after=file-1&limit=1&order=asc&purpose=batch",
    ]


def test_async_listing_is_awaitable_and_async_iterable() -> None:
    pages = [
        {"body": batch_page(["batch_1", "batch_2"], True)},
        {"body": batch_page(["batch_3"], False)},
    ]

    async def scenario(server: MockServer) -> dict[str, Any]:
        async with AsyncOpenAI(api_key="sk-test", base_url=f"{server.url}/v1") as client:
            paginator = client.batches.list(limit=2)
            assert type(paginator).__name__ == "AsyncPaginator"
            first = await paginator
            assert isinstance(first, AsyncCursorPage)
            assert [b.id for b in first.data] == ["batch_1", "batch_2"] and first.has_next_page()
            second = await first.get_next_page()
            walked = [page async for page in first.iter_pages()]
            items = [b.id async for b in client.batches.list(limit=2)]
            return {"second": [b.id for b in second.data], "walked": len(walked), "items": items}

    with MockServer() as server:
        first, last = pages
        server.play([first, last, last, first, last])
        outcome = asyncio.run(scenario(server))
        queries = [r.path for r in server.requests]
    assert outcome == {"second": ["batch_3"], "walked": 2, "items": ["batch_1", "batch_2", "batch_3"]}
    after = "/v1/batches?limit=2&after=batch_2"
    assert queries == ["/v1/batches?limit=2", after, after, "/v1/batches?limit=2", after]


# ---------------------------------------------------------------- downloads


def test_a_download_gives_the_bytes_as_the_official_binary_response(tmp_path: Path) -> None:
    data = b'{"id": "r1"}\n{"id": "r2"}\n'
    with MockServer() as server:
        server.play([{"raw": data.decode(), "headers": {"content-type": "application/octet-stream"}}])
        with OpenAI(api_key="sk-test", base_url=f"{server.url}/v1") as client:
            response = client.files.content("file-out")
        (request,) = server.requests
    assert isinstance(response, openai.HttpxBinaryResponseContent)
    assert (response.content, response.text, response.read()) == (data, data.decode(), data)
    assert b"".join(response.iter_bytes()) == data
    assert isinstance(response.response, httpx.Response) and response.response.status_code == 200
    response.write_to_file(tmp_path / "out.jsonl")
    response.stream_to_file(tmp_path / "streamed.jsonl")
    assert (tmp_path / "out.jsonl").read_bytes() == data == (tmp_path / "streamed.jsonl").read_bytes()
    assert request.headers["accept"] == "application/binary"


def test_an_async_download_and_its_errors() -> None:
    async def scenario(server: MockServer) -> tuple[bytes, bytes, Any]:
        async with AsyncOpenAI(api_key="sk-test", base_url=f"{server.url}/v1", max_retries=0) as client:
            response = await client.files.content("file-out")
            streamed = b"".join([chunk async for chunk in response.aiter_bytes()])
            with pytest.raises(openai.NotFoundError) as missing:
                await client.files.content("file-missing")
            return await response.aread(), streamed, missing.value

    with MockServer() as server:
        server.play(
            [
                {"raw": "abc", "headers": {"content-type": "application/octet-stream"}},
                {"status": 404, "body": {"error": {"message": "no such file"}}},
            ]
        )
        read, streamed, missing = asyncio.run(scenario(server))
    assert read == streamed == b"abc"
    assert str(missing) == "Error code: 404 - no such file"  # the official message, measured


# ---------------------------------------------------------------- the docs' example programs


def test_every_docs_example_of_the_bundled_spec_runs(tmp_path: Path) -> None:
    """The Python reference pages' example programs (docs adapter), each against the mock server
    answering the page's response example: a file argument is a (filename, bytes) tuple."""
    api = load_api(BUNDLED_SPEC)
    language = Python()
    for call in calls(api):
        program = language.example(api, call)
        response = response_example(api, call.method)
        with MockServer() as server:
            if response is None:
                server.play([{"raw": "bytes of the file", "headers": {"content-type": "application/octet-stream"}}])
            else:
                server.play([{"body": response}])
            env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
            env.update(OPENAI_BASE_URL=f"{server.url}/v1", PYTHONPATH=str(SRC))
            result = subprocess.run(
                [sys.executable, "-c", program], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
            )
            requests = server.requests
        assert result.returncode == 0, f"{program}\n{result.stderr[-2000:]}"
        assert len(requests) == 1 and requests[0].method == call.method.http_method, program
        assert result.stdout.strip(), program
        if call.method.body_encoding == "multipart":
            assert multipart_parts(requests[0])["file"] == {
                "filename": "input.jsonl",
                "content": '{"custom_id": "request-1"}\n',
            }
        if call.method.page is not None:
            assert "page.data[0]" in program
        (tmp_path / f"example_{call.resources[0].name}_{call.method.name}.py").write_text(program, encoding="utf-8")
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / ".mypy"), *sorted(
            str(p) for p in tmp_path.glob("example_*.py"))],
        capture_output=True, text=True, env={**os.environ, "MYPYPATH": str(SRC)}, cwd=tmp_path,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


# ---------------------------------------------------------------- fidelity fixes of the issue


def test_default_timeout_is_600_seconds_with_5_to_connect() -> None:
    """openai-python 3.63.0: `OpenAI().timeout` is `Timeout(connect=5.0, read=600, write=600, pool=600)`."""
    expected = httpx.Timeout(600.0, connect=5.0)
    assert openai.DEFAULT_TIMEOUT == expected
    with OpenAI(api_key="sk-test") as client:
        assert client.timeout == expected
        assert client._client.timeout == expected  # the httpx client it made
    with MockServer() as server:
        server.play([{"body": BATCH, "delay": 0.5}, {"body": BATCH}])
        with OpenAI(api_key="sk-test", base_url=f"{server.url}/v1", max_retries=0) as client:
            client.batches.retrieve("batch_abc123")  # half a second is well within the default
            with pytest.raises(openai.APITimeoutError):
                client.with_options(timeout=httpx.Timeout(0.05)).batches.retrieve("b", timeout=0.0001)


def test_a_callable_api_key_is_called_before_each_request_and_never_sent_as_its_repr() -> None:
    keys = iter(["sk-a", "sk-b"])
    with MockServer() as server:
        server.play([{"body": BATCH}] * 2)
        with OpenAI(api_key=lambda: next(keys), base_url=f"{server.url}/v1") as client:
            client.batches.retrieve("batch_abc123")
            client.with_options(max_retries=0).batches.retrieve("batch_abc123")
        sent = [r.headers["authorization"] for r in server.requests]
    assert sent == ["Bearer sk-a", "Bearer sk-b"]  # as openai-python 3.63.0 sent them (measured)

    async def scenario(url: str) -> str:
        async def provider() -> str:
            return "sk-async"

        async with AsyncOpenAI(api_key=provider, base_url=url) as client:
            batch = await client.batches.retrieve("batch_abc123")
            return batch.id

    with MockServer() as server:
        server.play([{"body": BATCH}])
        assert asyncio.run(scenario(f"{server.url}/v1")) == "batch_abc123"
        assert server.requests[0].headers["authorization"] == "Bearer sk-async"

    with MockServer() as server:
        with OpenAI(api_key=lambda: None, base_url=f"{server.url}/v1") as client:  # type: ignore[arg-type, return-value]
            with pytest.raises(openai.OpenAIError, match="must return a non-empty string"):
                client.batches.retrieve("batch_abc123")
        assert server.requests == []
    with pytest.raises(TypeError, match="api_key must be a string or a function"):
        OpenAI(api_key=b"sk-bytes")  # type: ignore[arg-type]


def test_an_async_raw_response_parses_without_await() -> None:
    async def scenario(url: str) -> tuple[Any, Any]:
        async with AsyncOpenAI(api_key="sk-test", base_url=url) as client:
            raw = await client.batches.with_raw_response.retrieve("batch_abc123")
            listed = await client.batches.with_raw_response.list(limit=1)
            return raw.parse(), listed.parse()

    with MockServer() as server:
        server.play([{"body": BATCH}, {"body": batch_page(["batch_1"], False)}])
        batch, page = asyncio.run(scenario(f"{server.url}/v1"))
    assert isinstance(batch, Batch) and batch.id == "batch_abc123"  # not a coroutine
    assert isinstance(page, AsyncCursorPage) and [b.id for b in page.data] == ["batch_1"]


def test_the_official_top_level_names_are_exported() -> None:
    for name in ("omit", "not_given", "NOT_GIVEN", "Omit", "NotGiven", "DefaultHttpxClient",
                 "DefaultAsyncHttpxClient", "HttpxBinaryResponseContent"):
        assert name in openai.__all__ and hasattr(openai, name), name
    with openai.DefaultHttpxClient() as http:
        assert http.timeout == httpx.Timeout(600.0, connect=5.0) and http.follow_redirects
    with MockServer() as server:
        server.play([{"body": BATCH}])
        custom = openai.DefaultHttpxClient(headers={"x-from-http-client": "1"})
        with OpenAI(api_key="sk-test", base_url=f"{server.url}/v1", http_client=custom) as client:
            client.batches.retrieve("batch_abc123")
        assert server.requests[0].headers["x-from-http-client"] == "1"


def test_the_surface_lists_every_constructor_option_with_its_declared_type() -> None:
    """api-surface.txt's `__init__` lines name each option of the real constructors, with the
    annotation the constructor declares (read with inspect)."""
    import inspect

    surface = (SRC.parent / "api-surface.txt").read_text(encoding="utf-8").splitlines()
    for cls in (OpenAI, AsyncOpenAI):
        (line,) = [entry for entry in surface if entry.startswith(f"openai.{cls.__name__}.__init__(")]
        declared = [
            f"{name}: {param.annotation} = ..."
            for name, param in inspect.signature(cls.__init__).parameters.items()
            if name != "self"
        ]
        assert line == f"openai.{cls.__name__}.__init__(*, {', '.join(declared)})"
        assert "timeout: Union[float, httpx.Timeout, None] = ..." in line
