"""Spec format 2's general constructs in the generated Python SDK, against the loopback server: header
parameters, a method's own timeout, `type: any`, files inside arrays, nested form fields, a page style
with its own field names, params TypedDicts of nested objects. The spec is written here (other APIs will
use these constructs; the bundled spec uses only some of them)."""

from __future__ import annotations

import asyncio
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import httpx
import pytest

from conformance.drivers.python import generate_package
from conformance.mock_server import MockServer
from conformance.test_conformance import multipart_parts

SPEC = """
format: 2
api:
  name: Shop
  title: Widgets API
  version: 1.0.0
  base_url: https://api.example.com/v1
  auth: {type: bearer, env: SHOP_API_KEY}
  pagination:
    offset_cursor: {kind: cursor, items: items, has_more: more, cursor_param: starting_after, cursor_field: key}
  packages:
    python: {name: widgets, version: 1.2.3}
    ruby: {name: widgets, version: 1.2.3}
    typescript: {name: widgets, version: 1.2.3}
models:
  Widget:
    properties:
      key: {type: string, required: true}
      payload: {type: any}
resources:
  widgets:
    methods:
      upload:
        http: POST /widgets/{widget_id}/upload
        encoding: multipart
        timeout: 30
        params:
          widget_id: {in: path, type: string, required: true}
          OpenAI-Beta: {in: header, type: string}
          attachments: {in: body, type: array, items: {type: file}, required: true}
          tags: {in: body, type: array, items: {type: string}}
          options:
            in: body
            type: object
            properties:
              mode: {type: enum, values: [fast, slow], required: true}
              extra: {type: any}
        returns: {ref: Widget}
      search:
        http: GET /widgets
        paginated: offset_cursor
        params:
          q: {in: query, type: string, required: true}
          starting_after: {in: query, type: string}
          X-Trace: {in: header, type: integer}
        returns: {ref: Widget}
      slow:
        http: GET /slow
        timeout: 0.3
        returns: {ref: Widget}
      put:
        http: PUT /widgets/{widget_id}
        params:
          widget_id: {in: path, type: string, required: true}
          data: {in: body, type: any, required: true}
          settings:
            in: body
            type: object
            properties:
              inner:
                type: object
                required: true
                properties:
                  depth: {type: integer, required: true}
        returns: {ref: Widget}
"""
WIDGET = {"key": "w1", "payload": {"any": ["json", 1, None]}}


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp("format2")
    spec = folder / "shop.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    src = generate_package(spec, folder / "sdk")
    sys.path.insert(0, str(src))
    try:
        yield importlib.import_module("widgets")
    finally:
        sys.path.remove(str(src))


@pytest.fixture
def server() -> Iterator[MockServer]:
    with MockServer() as mock:
        yield mock


def test_header_parameters_are_sent_under_their_wire_name_and_only_when_given(shop: Any, server: MockServer) -> None:
    page = {"items": [], "more": False}
    server.play([{"body": page}, {"body": page}])
    with shop.Shop(api_key="sk", base_url=f"{server.url}/v1") as client:
        list(client.widgets.search(q="a", x_trace=7))
        list(client.widgets.search(q="b", extra_headers={"X-Trace": "from-extra"}))
    first, second = server.requests
    assert first.headers["x-trace"] == "7" and first.path == "/v1/widgets?q=a"
    assert second.headers["x-trace"] == "from-extra"  # extra_headers win, as in openai-python


def test_a_page_style_with_its_own_names_auto_pages(shop: Any, server: MockServer) -> None:
    server.play(
        [
            {"body": {"items": [WIDGET, {**WIDGET, "key": "w2"}], "more": True}},
            {"body": {"items": [{**WIDGET, "key": "w3"}], "more": False}},
        ]
    )
    with shop.Shop(api_key="sk", base_url=f"{server.url}/v1") as client:
        page = client.widgets.search(q="x")
        assert isinstance(page, shop.pagination.SyncOffsetCursorPage)
        assert (len(page.items), page.more, page.has_next_page()) == (2, True, True)
        keys = [w.key for w in page]
    assert keys == ["w1", "w2", "w3"]
    assert [r.path for r in server.requests] == ["/v1/widgets?q=x", "/v1/widgets?q=x&starting_after=w2"]


def test_any_values_go_and_come_as_json(shop: Any, server: MockServer) -> None:
    server.play([{"body": WIDGET}])
    with shop.Shop(api_key="sk", base_url=f"{server.url}/v1") as client:
        widget = client.widgets.put("w1", data={"nested": [1, 2.5, None, True]}, settings={"inner": {"depth": 2}})
    assert widget.payload == {"any": ["json", 1, None]}
    assert json.loads(server.requests[0].body) == {
        "data": {"nested": [1, 2.5, None, True]},
        "settings": {"inner": {"depth": 2}},
    }
    from widgets.types import widget_put_params

    settings: widget_put_params.Settings = {"inner": {"depth": 3}}
    assert settings["inner"]["depth"] == 3


def test_files_inside_an_array_and_nested_fields_go_as_form_parts(shop: Any, server: MockServer, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"from a path")
    server.play([{"body": WIDGET}])
    with shop.Shop(api_key="sk", base_url=f"{server.url}/v1") as client:
        client.widgets.upload(
            "w1",
            attachments=[path, ("b.bin", b"\x00\x01")],
            tags=["x", "y"],
            options={"mode": "fast", "extra": {"k": True}},
            open_ai_beta="assistants=v2",
        )
    (request,) = server.requests
    assert request.headers["openai-beta"] == "assistants=v2"
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    body = request.body
    for part in (
        b'name="tags[]"\r\n\r\nx\r\n',
        b'name="tags[]"\r\n\r\ny\r\n',
        b'name="options[mode]"\r\n\r\nfast\r\n',
        b'name="options[extra][k]"\r\n\r\ntrue\r\n',
        b'name="attachments[]"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nfrom a path\r\n',
        b'name="attachments[]"; filename="b.bin"\r\nContent-Type: application/octet-stream\r\n\r\n\x00\x01\r\n',
    ):
        assert part in body, part
    assert set(multipart_parts(request)) == {"tags[]", "options[mode]", "options[extra][k]", "attachments[]"}


def test_a_multipart_method_without_files_still_sends_multipart(shop: Any, server: MockServer) -> None:
    server.play([{"body": WIDGET}])
    with shop.Shop(api_key="sk", base_url=f"{server.url}/v1") as client:
        client.widgets.upload("w1", attachments=[])
    assert server.requests[0].headers["content-type"].startswith("multipart/form-data")


def test_a_methods_own_timeout_is_its_default(shop: Any, server: MockServer) -> None:
    """`slow` declares `timeout: 0.3`: it times out on a 1 s answer with the client's default timeout,
    while a timeout given to the client or the call wins over it (as openai-python's per-method
    defaults apply only while the client keeps its default)."""
    server.play([{"body": WIDGET, "delay": 1.0}, {"body": WIDGET, "delay": 0.5}, {"body": WIDGET, "delay": 0.5}])
    with shop.Shop(api_key="sk", base_url=f"{server.url}/v1", max_retries=0) as client:
        with pytest.raises(shop.APITimeoutError):
            client.widgets.slow()
        assert client.widgets.slow(timeout=5.0).key == "w1"
        assert client.with_options(timeout=httpx.Timeout(5.0)).widgets.slow().key == "w1"


def test_the_async_client_takes_the_same_constructs(shop: Any, server: MockServer) -> None:
    async def scenario() -> list[str]:
        async with shop.AsyncShop(api_key="sk", base_url=f"{server.url}/v1") as client:
            await client.widgets.upload("w1", attachments=[b"bytes"], open_ai_beta="v")
            return [w.key async for w in client.widgets.search(q="z", x_trace=1)]

    server.play([{"body": WIDGET}, {"body": {"items": [WIDGET], "more": False}}])
    assert asyncio.run(scenario()) == ["w1"]
    upload, search = server.requests
    assert upload.headers["openai-beta"] == "v" and search.headers["x-trace"] == "1"
    assert multipart_parts(upload)["attachments[]"] == {"filename": "upload", "content": "bytes"}


def test_the_package_is_black_formatted_as_rendered_and_mypy_strict_clean(tmp_path: Path) -> None:
    from generator.build import load_api
    from generator.formatting import format_python
    from generator.render import render_target
    from generator.targets import all_targets

    spec = tmp_path / "shop.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    rendered = render_target(all_targets()["python"], load_api(spec))
    assert [p for p, text in rendered.items() if p.endswith(".py") and format_python(text) != text] == []
    src = generate_package(spec, tmp_path / "sdk")
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / ".mypy"), str(src / "widgets")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


HOSTILE_SPEC = r"""
format: 2
api:
  name: Evil
  title: "Evil \"\"\" API"
  version: 1.0.0
  base_url: https://api.example.com/v1
  auth: {type: bearer, env: EVIL_API_KEY}
  pagination:
    cursor: {kind: cursor, items: "class", has_more: "has more", cursor_param: "from", cursor_field: "the id"}
  packages:
    python: {name: evil, version: 1.0.0}
    ruby: {name: evil, version: 1.0.0}
    typescript: {name: evil, version: 1.0.0}
models:
  Thing:
    properties:
      "the id": {type: string, required: true}
resources:
  things:
    methods:
      create:
        http: POST /things
        encoding: multipart
        description: "ends with \"\"\" and \\ backslash"
        params:
          "x\"y": {in: body, type: file, required: true, description: "\"\"\" breakout"}
          "a b":
            in: body
            type: object
            description: "'''"
            properties:
              "c-d": {type: enum, values: ["q\"", "r'"], required: true}
              class: {type: any}
          X-Evil: {in: header, type: string}
        returns: {ref: Thing}
      list:
        http: GET /things
        paginated: cursor
        params:
          from: {in: query, type: string}
          "lambda": {in: query, type: integer}
        returns: {ref: Thing}
"""


def test_hostile_names_in_the_new_constructs_stay_inside_their_literals(tmp_path: Path) -> None:
    """Keys that are no identifiers (functional TypedDicts), quotes in names, enum values and
    descriptions, a page style whose fields are a keyword and a phrase: the package type-checks and
    sends the wire names."""
    spec = tmp_path / "evil.yaml"
    spec.write_text(HOSTILE_SPEC, encoding="utf-8")
    src = generate_package(spec, tmp_path / "sdk")
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / ".mypy"), str(src / "evil")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    program = '''
import sys
from evil import Evil
client = Evil(api_key="k", base_url=sys.argv[1])
client.things.create(x_y=("f.txt", b"data"), a_b={"c-d": 'q"', "class": [1]}, x_evil="1")
print([t.to_dict()["the id"] for t in client.things.list(lambda_=3)])
'''
    with MockServer() as server:
        server.play(
            [
                {"body": {"the id": "t0"}},
                {"body": {"class": [{"the id": "t1"}], "has more": True}},
                {"body": {"class": [{"the id": "t2"}], "has more": False}},
            ]
        )
        result = subprocess.run(
            [sys.executable, "-c", program, f"{server.url}/v1"],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(src)},
        )
        requests = server.requests
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['t1', 't2']"
    assert multipart_parts(requests[0]) == {
        # httpx writes a quote in a part name as %22 (the WHATWG form encoding), as for the official SDK.
        "x%22y": {"filename": "f.txt", "content": "data"},
        "a b[c-d]": 'q"',
        "a b[class][]": "1",
    }
    assert requests[0].headers["x-evil"] == "1"
    assert [r.path for r in requests[1:]] == ["/v1/things?lambda=3", "/v1/things?lambda=3&from=t1"]
