"""The Ruby adapter of the reference docs on the bundled spec: every method's example program, as the docs
adapter writes it, runs against the gem this checkout renders and the loopback mock server (answering
with the docs' response example) and sends the documented request; pages and downloads are named as the
gem names them. (tests/test_docs_examples.py runs the committed docs pages; this runs the adapter itself.)
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conformance.drivers.ruby import render_gem, require_tool
from conformance.mock_server import MockServer
from generator.build import load_api
from generator.ir import Api, Binary, Call, calls
from generator.ir.examples import response_example
from generator.targets.ruby import RubyTarget
from generator.targets.ruby.docs import Ruby

ROOT = Path(__file__).resolve().parents[1]


def bundled() -> Api:
    return load_api("spec/openai.yaml", {"ruby": RubyTarget()})


@pytest.fixture(scope="module")
def gem(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_tool("ruby")
    return render_gem("openai", tmp_path_factory.mktemp("gem-docs"))


CALLS = calls(bundled())


@pytest.mark.parametrize("call", CALLS, ids=lambda c: ".".join([*(r.name for r in c.resources), c.method.name]))
def test_example_program_runs(call: Call, gem: Path, tmp_path: Path) -> None:
    api = bundled()
    program = Ruby().example(api, call)
    response = response_example(api, call.method)
    binary = isinstance(call.method.returns, Binary)
    answer = ({"status": 200, "raw": "line 1\n", "headers": {"content-type": "application/octet-stream"}} if binary
              else {"status": 200, "body": response})
    with MockServer() as server:
        server.play([answer])
        result = subprocess.run(["ruby", "-w", "-I", str(gem / "lib"), "-e", program], capture_output=True, text=True,
                                timeout=60, cwd=tmp_path,
                                env={"PATH": "/usr/bin:/bin", "OPENAI_BASE_URL": f"{server.url}/v1"})
        requests = server.requests
    assert result.returncode == 0, program + result.stderr
    assert result.stderr == ""
    assert [r.method for r in requests] == [call.method.http_method]
    assert requests[0].path.split("?")[0].startswith("/v1" + call.method.path.split("{")[0])
    assert result.stdout.strip()
    if call.method.body_encoding == "multipart":
        assert b'filename="input.jsonl"' in requests[0].body and b'{"custom_id": "request-1"}' in requests[0].body
    elif any(p.location == "body" for p in call.method.parameters):
        json.loads(requests[0].body)


def test_signatures_name_pages_and_downloads_as_the_gem_does() -> None:
    api = bundled()
    ruby = Ruby()
    shown = {f"{c.resources[-1].name}.{c.method.name}": (ruby.signature(api, c).returns,
                                                           ruby.result_variable(c, "openai")) for c in CALLS}
    assert shown["batches.list"] == ("CursorPage<Batch>", "page")
    assert shown["files.list"] == ("CursorPage<FileObject>", "page")
    assert shown["files.content"] == ("StringIO", "response")
    assert shown["batches.create"] == ("Batch", "batch")
    style = api.page_styles[0]
    assert ruby.page_type_name(style, "Batch") == "CursorPage<Batch>"
    files_create = next(c for c in CALLS if c.resources[-1].name == "files" and c.method.name == "create")
    assert ('file: OpenAI::FilePart.new(StringIO.new("{\\"custom_id\\": \\"request-1\\"}\\n"), filename: "input.jsonl")'
            in ruby.example(api, files_create))
