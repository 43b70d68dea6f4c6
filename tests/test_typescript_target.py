"""The TypeScript target's own decisions: names that clash only in TypeScript are reported as E204
before anything is written, and every string literal it emits reads back, in Node, as the spec text."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conformance.drivers import node
from conformance.mock_server import MockServer
from generator.build import generate, load_api
from generator.diagnostics import SpecError
from generator.targets.typescript import TypeScriptTarget
from generator.targets.typescript.literals import jsdoc, string_literal
from snapshots import ROOT

BASE = """
format: 1
api:
  name: Demo
  title: Demo API
  version: "1"
  base_url: https://demo.example.test
  auth: {{type: bearer, env: DEMO_KEY}}
  packages:
    python: {{name: demo, version: 1.0.0}}
    ruby: {{name: demo, version: 1.0.0}}
    typescript: {{name: demo, version: 1.0.0}}
models:
  {model}:
    properties:
      id: {{type: string, required: true}}
resources:
  things:
    methods:
      {method}:
        http: GET /things/{{{param}}}
        params:
          {param}: {{in: path, type: string}}
        returns: {{ref: {model}}}
"""


def problems(tmp_path: Path, model: str = "Thing", method: str = "retrieve", param: str = "thing_id") -> list[str]:
    spec = tmp_path / "demo.yaml"
    spec.write_text(BASE.format(model=model, method=method, param=param), encoding="utf-8")
    try:
        load_api(spec, {"typescript": TypeScriptTarget()})  # this language's checks only
    except SpecError as err:
        return [f"{d.code} {d.message}" for d in err.diagnostics]
    return []


def test_a_valid_spec_has_no_typescript_problem(tmp_path: Path) -> None:
    assert problems(tmp_path) == []


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"model": "DemoError"}, "which is already the base error class"),
    ({"model": "Demo"}, "which is already the client class"),
    ({"model": "Things"}, "resource `things` becomes `Things` in typescript, which is already model `Things`"),
])
def test_names_that_clash_in_typescript_are_reported(tmp_path: Path, kwargs: dict[str, str], expected: str) -> None:
    found = problems(tmp_path, **kwargs)
    assert any(p.startswith("E204 ") and expected in p for p in found), found


@pytest.mark.parametrize(("kwargs", "escaped"), [
    ({"model": "APIError"}, ["export interface APIError_ {", "APIPromise<APIError_>"]),
    ({"model": "Object"}, ["export interface Object_ {"]),
    ({"method": "constructor"}, ["  constructor_(thingID: string, options?: RequestOptions): APIPromise<Thing> {"]),
    ({"method": "then"}, ["  then_(thingID: string"]),
    ({"method": "to_string"}, ["  toString_(thingID: string"]),
    ({"method": "has_own_property"}, ["  hasOwnProperty_(thingID: string"]),
    ({"param": "options"}, ["(options_: string, options?: RequestOptions)", "pathParam('options_', 'options', options_)"]),
    ({"param": "class"}, ["(class_: string, options?: RequestOptions)"]),
])
def test_names_the_package_already_uses_are_escaped(tmp_path: Path, kwargs: dict[str, str],
                                                      escaped: list[str]) -> None:
    assert problems(tmp_path, **kwargs) == []
    spec = tmp_path / "demo.yaml"
    source = generate(load_api(spec, {"typescript": TypeScriptTarget()}), ("typescript",))["typescript/src/resources/things.ts"]
    for text in escaped:
        assert text in source, source


COLLIDING = """
format: 1
api:
  name: Demo
  title: Demo API
  version: "1"
  base_url: https://demo.example.test
  auth: {type: bearer, env: DEMO_KEY}
  client_options:
    - {name: fetch, header: X-Fetch}
  packages:
    python: {name: demo, version: 1.0.0}
    ruby: {name: demo, version: 1.0.0}
    typescript: {name: demo, version: 1.0.0}
models:
  Thing:
    properties:
      a.b: {type: object, properties: {x: {type: string}}}
      a_b: {type: object, properties: {y: {type: string}}}
resources:
  things:
    methods:
      constructor:
        http: GET /things
        returns: {ref: Thing}
      constructor_:
        http: GET /things/all
        returns: {ref: Thing}
  fetch:
    methods:
      list:
        http: GET /fetch
"""


def test_escaped_names_that_collide_are_reported_never_merged(tmp_path: Path) -> None:
    spec = tmp_path / "colliding.yaml"
    spec.write_text(COLLIDING, encoding="utf-8")
    with pytest.raises(SpecError) as err:
        load_api(spec, {"typescript": TypeScriptTarget()})
    messages = [f"{d.code} {d.message}" for d in err.value.diagnostics]
    assert "E204 `a.b` and `a_b` (inline object in `Thing`) both become `AB` in typescript" in messages
    assert "E204 `constructor` and `constructor_` (member of `things`) both become `constructor_` in typescript" \
        in messages
    assert "E204 `fetch (client option)` and `fetch (resource)` (member of the client) both become `fetch_` " \
        "in typescript" in messages


NASTY = ["", "plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "${inj}", "a`b", "*/", "</script>",
         "line\nbreak", "tab\there", "\r", "\u2028\u2029", "\x00\x1f\x7f", "emoji \U0001f600", "\\u0041"]


def test_string_literals_read_back_as_the_spec_text(tmp_path: Path) -> None:
    node.ensure_toolchain()
    script = tmp_path / "literals.mjs"
    script.write_text(f"console.log(JSON.stringify([{', '.join(string_literal(s) for s in NASTY)}]));\n",
                      encoding="utf-8")
    result = subprocess.run(["node", str(script)], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == NASTY


def test_prettier_quote_choice() -> None:
    assert string_literal("plain") == "'plain'"
    assert string_literal("it's") == '"it\'s"'  # more single quotes than double: double quotes
    assert string_literal('say "hi"') == "'say \"hi\"'"
    assert string_literal("both ' and \"") == "'both \\' and \"'"  # a tie keeps single quotes


def test_jsdoc_cannot_be_closed_early() -> None:
    block = jsdoc("ends */ here\nand @deprecated injected", "  ")
    body = block[block.index("/**") + 3: block.rindex("*/")]
    assert "*/" not in body and "@deprecated" not in body.replace("\\@deprecated", "")


OBJECT_MEMBERS_SPEC = ROOT / "tests" / "specs" / "fuzz_regressions" / "method_named_like_object_member.yaml"

# Every escaped member is called through the compiled package; the resources still behave as objects.
OBJECT_MEMBERS_CALLS = """
import Members from 'members';
const client = new Members({ apiKey: 'k', baseURL: process.env.BASE_URL, maxRetries: 0, valueOf_: 'v' });
const things = client.toString_;
const got = [await things.toString_(), await things.hasOwnProperty_(), await things.valueOf_(),
             await things.isPrototypeOf_(), await things.propertyIsEnumerable_(), await things.constructor_(),
             await things.toLocaleString_.toLocaleString_()];
await client.hasOwnProperty_.list();
console.log(JSON.stringify({ got: got.map((m) => m.to_string), text: String(things), own: Object.hasOwn(client, 'valueOf_'),
                             inherited: client.hasOwnProperty('valueOf_') }));
"""


def test_methods_named_like_object_members_compile_and_are_called(tmp_path: Path) -> None:
    # tsc refused `toString(...)` in a resource class (TS4114: it overrides Object's without `override`).
    package = node.generate_package(OBJECT_MEMBERS_SPEC, tmp_path / "src")
    app = node.build_package(tmp_path / "build", package)  # runs tsc on the package; raises on any error
    with MockServer() as server:
        server.play([{"status": 200, "body": {"to_string": f"m{i}"}} for i in range(7)] + [{"status": 204}])
        out = node.run_script(app, "main.mjs", OBJECT_MEMBERS_CALLS, env={"BASE_URL": server.url})
        paths = [r.path for r in server.requests]
    assert out == {"got": [f"m{i}" for i in range(7)], "text": "[object Object]", "own": True, "inherited": True}
    assert paths == ["/members/to-string", "/members/has-own-property", "/members/value-of",
                     "/members/is-prototype-of", "/members/property-is-enumerable", "/members/constructor",
                     "/members/to-locale-string", "/has-own-property"]
