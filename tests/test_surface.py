"""api-surface.txt: each SDK's public API, one line per symbol, locked by a snapshot per spec and SDK."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.build import generate, load_api
from generator.targets import SDK_TARGETS, all_targets
from generator.targets.listing import FILENAME, sort_key


def surface_files(target: str, api) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The api-surface.txt the target's file plan holds ({} when it plans none)."""
    return {f.path: f.text or "" for f in all_targets()[target].files(api) if f.path == FILENAME}
from snapshots import ALL_SPECS, BUNDLED_SPEC, ROOT, TextFileSnapshot, generated

# The hostile specs too: their names are the ones the targets escape (keywords, members, builtins,
# non-ASCII), so a surface that spells a name differently from its SDK fails here.
HOSTILE_SPECS = sorted((ROOT / "tests" / "specs" / "hostile").glob("*.yaml"))
CASES = [(spec, target) for spec in [*ALL_SPECS, *HOSTILE_SPECS] for target in SDK_TARGETS]


def surface(spec: Path, target: str) -> str:
    return surface_files(target, load_api(spec.relative_to(ROOT).as_posix()))[FILENAME]


@pytest.mark.parametrize(("spec", "target"), CASES, ids=[f"{s.stem}-{t}" for s, t in CASES])
def test_surface_file(spec: Path, target: str, snapshot) -> None:  # type: ignore[no-untyped-def]
    text = surface(spec, target)
    lines = text.splitlines()
    assert lines[0].startswith("# Public API of the ")
    body = lines[1:]
    assert body == sorted(set(body), key=sort_key)  # sorted by symbol, no duplicates
    assert text == snapshot(extension_class=TextFileSnapshot)


@pytest.mark.parametrize("target", SDK_TARGETS)
def test_every_sdk_build_writes_and_owns_its_surface_file(target: str) -> None:
    files = generated(BUNDLED_SPEC, target)
    assert files[FILENAME] == surface(BUNDLED_SPEC, target)
    assert FILENAME in files[".gen-manifest"].splitlines()


def test_docs_have_no_surface_file() -> None:
    assert surface_files("docs", load_api(BUNDLED_SPEC.relative_to(ROOT).as_posix())) == {}


def test_a_new_batch_field_is_one_new_line_in_each_surface(tmp_path: Path) -> None:
    text = BUNDLED_SPEC.read_text(encoding="utf-8").replace(
        "      usage:\n        ref: BatchUsage",
        "      priority:\n        type: integer\n      usage:\n        ref: BatchUsage")
    changed = tmp_path / "openai.yaml"
    changed.write_text(text, encoding="utf-8")
    before, after = load_api(BUNDLED_SPEC), load_api(changed)
    added = {}
    for target in SDK_TARGETS:
        old = set(surface_files(target, before)[FILENAME].splitlines())
        new = set(surface_files(target, after)[FILENAME].splitlines())
        assert not old - new
        added[target] = sorted(new - old)
    assert added == {
        "python": ["openai.types.Batch.priority: Optional[int]"],
        "ruby": ["OpenAI::Models::Batch#priority: ::Integer?"],
        "typescript": ["Batch.priority?: number"],
    }


HOSTILE = """format: 1
api:
  name: Hostile
  title: Hostile
  version: "1"
  base_url: https://hostile.example.test
  auth: {type: bearer, env: HOSTILE_KEY}
  packages:
    python: {name: hostile, version: 1.0.0}
    ruby: {name: hostile, version: 1.0.0}
    typescript: {name: hostile, version: 1.0.0}
models:
  Thing:
    properties:
      mood:
        type: enum
        values: ["line\\nbreak", "quote\\"s", "back`tick", "*/ end", "#{interp}", "\\u2028sep"]
        required: true
      label: {type: const, value: "a\\r\\nb"}
resources:
  things:
    methods:
      get:
        http: GET /things
        params:
          mood: {in: query, type: enum, values: ["x\\ny"]}
        returns: {ref: Thing}
"""


@pytest.mark.parametrize("target", SDK_TARGETS)
def test_untrusted_values_cannot_break_a_line(tmp_path: Path, target: str) -> None:
    spec = tmp_path / "hostile.yaml"
    spec.write_text(HOSTILE, encoding="utf-8")
    text = surface_files(target, load_api(spec))[FILENAME]
    # (Ruby lists an enum's values on its own line, `...::Thing::Mood::value: ...`, as its RBS declares them.)
    mood = [line for line in text.splitlines() if "mood" in line.lower() and "back`tick" in line]
    assert len(mood) == 1  # all six values stayed on the property's own line
    assert not any(ch in text for ch in "\r\u2028\u2029")
    # The property, the query parameter and (Python, Ruby) the params class's field `ThingGetParams.mood`:
    # one line each, however many line breaks their values hold.
    expected = {"python": 3, "ruby": 3}.get(target, 2)
    assert len([line for line in text.splitlines() if "mood" in line]) == expected


# How each language declares the names a surface lists: the surface is computed from the IR, so
# this checks that it names what the generated SDK really declares. Each rule: a pattern of a
# surface line (the name in group 1, for readers the class they return in group 2) and the
# declaration the SDK's source must then contain; the first rule whose pattern matches applies.
_TS_KEY = r"((?:'(?:[^'\\]|\\.)*')|[^\s'?:]+)"
DECLARATIONS: dict[str, list[tuple[str, str, str]]] = {
    "python": [
        ("class", r"^[\w.]+\.(\w+): class$", r"^\s*class {name}\b"),
        ("method", r"^[\w.]+\.(\w+)\(", r"^\s*(?:async )?def {name}\("),
        ("reader", r"^[\w.]+\.(\w+): [\w.]+\.resources\.(\w+)$", r"^\s*def {name}\(self\) -> {cls}:"),
        ("typeddict", r"^[\w.]+\.types\.(?:\w+\.)?(\w+): TypedDict$", r"^(?:class {name}\(TypedDict\b|{name} = TypedDict\()"),
        ("key", r'^[\w.]+\.types\.[\w.]+\[(".*")\]: ', r"^\s+{name}: "),
        ("field", r"^[\w.]+\.types\.[\w.]+\.(\w+): ", r"^\s+{name}: "),
        ("page field", r"^[\w.]+\.pagination\.\w+\.(\w+): ", r"^\s*def {name}\(self\)"),
    ],
    "ruby": [
        ("enum", r"^(?:.*::)?(\w+)::value: ", r"^\s*module {name}$"),
        ("class", r"^(?:.*::)?(\w+): class$", r"^\s*class {name}\b"),
        ("method", r"#(\w+): \(", r"^\s*def {name}\b"),
        ("reader", r"#(\w+): \S+::Resources::(?:\w+::)*(\w+)$", r"^\s*attr_reader :{name}$"),
        ("field", r"::Models::[\w:]+#(\w+): ", r"^\s*def {name}$"),
        ("page", r"::Internal::\w+Page#(\w+\??): ", r"^\s*(?:def |attr_reader :){name}"),
    ],
    "typescript": [
        ("class", r"^(?:[\w.]*\.)?(\w+): (?:class|interface)$", r"^\s*export (?:class|interface) {name}\b"),
        ("method", r"^\w+\.(\w+)\(", r"^\s*{name}\("),
        ("reader", r"^\w+\.(\w+): (\w+)$", r"^\s*{name}: {cls} = new {cls}\("),
        ("alias", r"^(\w+): type ", r"^\s*export type {name}\b"),
        ("field", rf"^[\w.]+\.{_TS_KEY}\??: ", r"^\s*(?:readonly )?{name}\??:(?: |$)"),
    ],
}


def check_declarations(files: dict[str, str], target: str) -> dict[str, int]:
    """Every class, method, resource reader and field the surface lists is declared in the SDK's
    source as listed; returns how many of each kind were checked."""
    source_ext = {"python": (".py",), "ruby": (".rb",), "typescript": (".ts",)}[target]
    source = "\n".join(text for path, text in files.items() if path.endswith(source_ext))
    listed = files[FILENAME].splitlines()[1:]
    classes = {line.split(": ")[0].rsplit(".", 1)[-1].rsplit("::", 1)[-1]
               for line in listed if line.endswith((": class", ": interface"))}
    checked: dict[str, int] = {}
    for line in listed:
        if line.startswith("env ") or ".constructor(" in line or ".__init__(" in line or "#initialize: " in line:
            continue
        for kind, pattern, declaration in DECLARATIONS[target]:
            match = re.search(pattern, line)
            if match is None or (kind == "reader" and match.group(2) not in classes):
                continue
            cls = re.escape(match.group(2)) if kind == "reader" else ""
            regex = declaration.format(name=re.escape(match.group(1)), cls=cls)
            assert re.search(regex, source, re.MULTILINE), f"{line!r}: the SDK has no {kind} declaration {regex!r}"
            checked[kind] = checked.get(kind, 0) + 1
            break
        else:
            pytest.fail(f"{line!r}: no rule says how the {target} SDK declares it")
    return checked


@pytest.mark.parametrize(("spec", "target"), CASES, ids=[f"{s.stem}-{t}" for s, t in CASES])
def test_surface_names_what_the_sdk_declares(spec: Path, target: str) -> None:
    checked = check_declarations(generated(spec, target), target)
    assert checked.get("class", 0) >= 2 and checked.get("method", 0) >= 1, checked


# Names each target escapes that the fixture specs do not reach: a module named like a Ruby
# stdlib constant (Ruby `JSONApi`; TypeScript client `JSON_`), a resource named
# like a client method (Ruby `timeout_`; TypeScript `then_`), a sub-resource named like a resource
# member (`client_`, `constructor_`), a parameter named like the method keyword (`request_options_`),
# a model named like a global (TypeScript `Object_`), an inline object a method returns
# (TypeScript `ThenFetchResponse`) and a client option named like a client member.
ESCAPES = """format: 1
api:
  name: JSON
  title: Escapes
  version: "1"
  base_url: https://escapes.example.test
  auth: {type: bearer, env: ESCAPES_KEY}
  client_options:
    - {name: headers, header: X-Headers}
    - {name: fetch, header: X-Fetch}
  packages:
    python: {name: json, version: 1.0.0}
    ruby: {name: json, version: 1.0.0}
    typescript: {name: json, version: 1.0.0}
models:
  Object:
    properties:
      then: {type: string}
      "2fa": {type: boolean}
resources:
  then:
    methods:
      fetch:
        http: GET /then/{id}
        params:
          id: {in: path, type: string}
          request_options: {in: query, type: string}
        returns:
          type: object
          properties:
            inner:
              type: object
              properties:
                depth: {type: integer}
    resources:
      client:
        methods:
          then:
            http: GET /client
            returns: {ref: Object}
      constructor:
        methods:
          get:
            http: GET /constructor
            returns: {ref: Object}
  timeout:
    methods:
      get:
        http: GET /timeout
        returns: {ref: Object}
"""


@pytest.mark.parametrize("target", SDK_TARGETS)
def test_escaped_names_are_listed_as_declared(tmp_path: Path, target: str) -> None:
    spec = tmp_path / "escapes.yaml"
    spec.write_text(ESCAPES, encoding="utf-8")
    api = load_api(spec)
    prefix = f"{target}/"
    files = {path[len(prefix):]: text for path, text in generate(api, (target,)).items()}
    assert files[FILENAME] == surface_files(target, api)[FILENAME]
    checked = check_declarations(files, target)
    assert checked.get("class", 0) >= 5 and checked.get("method", 0) >= 4 and checked.get("reader", 0) >= 4, checked
    expected = {
        "python": ["json_.JSON.timeout_: json_.resources.Timeout"],
        "ruby": ["JSONApi::Client#timeout_: ::JSONApi::Resources::Timeout",
                 "JSONApi::Resources::Then#client_: ::JSONApi::Resources::Then::Client",
                 "JSONApi::Resources::Then#fetch: (::String id, ?request_options_: ::String?) "
                 "-> ::Hash[::Symbol, untyped]",
                 "JSONApi::Client#initialize: (?api_key: String?, ?headers_: String?, ?fetch: String?, "
                 "?base_url: String?, ?max_retries: Integer, ?timeout: Float?, ?initial_retry_delay: Float, "
                 "?max_retry_delay: Float, ?default_headers: Hash[String, String]) -> void"],
        "typescript": ["JSON_: class", "JSON_.then_: Then", "Then.constructor_: Constructor",
                       "Client.then_(options?: RequestOptions): APIPromise<Object_>", "Object_: interface",
                       "ClientOptions.fetch_?: string | null",
                       "Then.fetch(id: string, query?: ThenFetchParams | null | undefined, options?: RequestOptions): "
                       "APIPromise<ThenFetchResponse>",
                       "ThenFetchResponse: interface", "ThenFetchResponse.Inner: interface"],
    }[target]
    listed = files[FILENAME].splitlines()
    assert [line for line in expected if line not in listed] == []
