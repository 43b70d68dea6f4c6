"""The TypeScript package of the hostile specs (tests/specs/hostile/): text that tries to break out of
every context, and names that are reserved or special somewhere.

Each package compiles under tsc strict (noUncheckedIndexedAccess, exactOptionalPropertyTypes) and
passes `prettier --check`; the TypeScript compiler itself reads back every property name, enum value
and const value of the declarations exactly as the spec writes them; and a consumer program, itself
type-checked against the package, sends and receives every hostile property through the real SDK
against the conformance mock server.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from conformance.drivers import node
from conformance.mock_server import MockServer
from generator.build import generate, load_api
from generator.ir import Api, Const, Enum, Primitive
from generator.targets.typescript import TypeScriptTarget
from generator.targets.typescript.literals import string_literal
from generator.targets.typescript.names import binding, es5_identifier, model_ident, property_key, reserved_words
from snapshots import ROOT

HOSTILE = ROOT / "tests" / "specs" / "hostile"
SPECS = {"hostile_text": HOSTILE / "hostile_text.yaml", "hostile_names": HOSTILE / "hostile_names.yaml"}
TARGETS = {"typescript": TypeScriptTarget()}  # only this language's checks: others report their own

CONSUMER_TSCONFIG = {
    "compilerOptions": {
        "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext", "lib": ["ES2022", "DOM"],
        "strict": True, "noUncheckedIndexedAccess": True, "exactOptionalPropertyTypes": True, "types": [],
        "outDir": "out",
    },
    "include": ["*.ts"],
}

# Prints, for each exported interface named on the command line, its properties as the TypeScript
# compiler understands the package's declarations: name -> the literal values (or type text) of
# each member of its type.
DECLARED_TYPES = r"""
import ts from 'typescript';
const [entry, ...names] = process.argv.slice(2);
const program = ts.createProgram([entry], {
  strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [],
});
const checker = program.getTypeChecker();
const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)));
const out = [];
for (const name of names) {
  let symbol = exported.find((s) => s.name === name);
  if (!symbol) throw new Error(`${name} is not exported`);
  if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  // Pairs, not an object: `fields['__proto__'] = ...` would set a prototype, not add a field.
  const fields = [];
  for (const prop of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol))) {
    const type = checker.getNonNullableType(checker.getTypeOfSymbol(prop));
    fields.push([prop.name, (type.isUnion() ? type.types : [type]).map((t) =>
      t.isStringLiteral() || t.isNumberLiteral() ? t.value : checker.typeToString(t))]);
  }
  out.push([name, fields]);
}
console.log(JSON.stringify(out));
"""


@pytest.fixture(scope="module", autouse=True)
def toolchain() -> None:
    node.ensure_toolchain()  # fails (never skips) when tests/toolchains/node.sh has not run


@pytest.fixture(scope="module")
def apis() -> dict[str, Api]:
    return {stem: load_api(spec.relative_to(ROOT).as_posix(), TARGETS) for stem, spec in SPECS.items()}


@pytest.fixture(scope="module")
def packages(apis: dict[str, Api], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("ts-hostile")
    out = {}
    for stem, api in apis.items():
        for key, text in generate(api, ("typescript",), targets=TARGETS).items():
            path = root / stem / key.split("/", 1)[1]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        out[stem] = root / stem
    return out


@pytest.fixture(scope="module")
def apps(packages: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("ts-hostile-builds")
    return {stem: node.build_package(root / stem, package) for stem, package in packages.items()}


def consumer(app: Path, source: str, env: dict[str, str]) -> Any:
    """Type-check `source` (a TypeScript program using the package) under tsc strict, then run it."""
    for old in app.glob("*.ts"):
        old.unlink()
    # The program reads its environment without @types/node (the consumer has no node_modules of its own).
    prelude = "declare const process: { env: Record<string, string | undefined> };\n"
    (app / "main.ts").write_text(prelude + source, encoding="utf-8")
    (app / "tsconfig.json").write_text(json.dumps(CONSUMER_TSCONFIG), encoding="utf-8")
    result = subprocess.run([node.tool("tsc"), "-p", str(app / "tsconfig.json")], cwd=app, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return node.run_script(app, "run.mjs", "import './out/main.js';\n", env=env)


def declared(app: Path, *names: str) -> dict[str, dict[str, list[Any]]]:
    package = app.parent / "package"
    (package / "declared.mjs").write_text(DECLARED_TYPES, encoding="utf-8")
    result = subprocess.run(["node", "declared.mjs", "src/index.ts", *names], cwd=package, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    return {name: dict(fields) for name, fields in json.loads(result.stdout)}


def access(obj: str, name: str) -> str:
    """How a user reads the property `name` of `obj`: dotted when it is an identifier."""
    return f"{obj}.{name}" if es5_identifier(name) else f"{obj}[{string_literal(name)}]"


def sample(name: str, t: Any) -> Any:
    """A distinct JSON value of the property's type."""
    if isinstance(t, Primitive):
        return {"string": f"v:{name}", "integer": 7, "number": 1.5, "boolean": True}[t.kind]
    raise AssertionError(f"no sample for {t}")


# ---------------------------------------------------------------- compile and lint


@pytest.mark.parametrize("stem", sorted(SPECS))
def test_compiles_under_tsc_strict(stem: str, apps: dict[str, Path]) -> None:
    package = apps[stem].parent / "package"
    config = json.loads((package / "tsconfig.json").read_text())["compilerOptions"]
    assert config["strict"] and config["noUncheckedIndexedAccess"] and config["exactOptionalPropertyTypes"]
    assert (package / "dist" / "index.d.ts").is_file()  # build_package ran tsc and raised on any error


@pytest.mark.parametrize("stem", sorted(SPECS))
def test_prettier_check_passes(stem: str, packages: dict[str, Path]) -> None:
    result = subprocess.run([node.tool("prettier"), "--check", "."], cwd=packages[stem], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# ---------------------------------------------------------------- hostile text


def test_declared_enum_and_const_values_are_the_spec_values(apis: dict[str, Api], apps: dict[str, Path]) -> None:
    thing = apis["hostile_text"].model("Thing")
    found = declared(apps["hostile_text"], "Thing")["Thing"]
    mood, marker = (next(p.type for p in thing.properties if p.name == n) for n in ("mood", "marker"))
    assert isinstance(mood, Enum) and isinstance(marker, Const)
    assert found["mood"] == list(mood.values)
    assert found["marker"] == [marker.value]
    assert sorted(found) == sorted(p.name for p in thing.properties)


def test_no_text_escapes_its_comment_or_literal(packages: dict[str, Path]) -> None:
    package = packages["hostile_text"]
    for path in (package / "src").rglob("*.ts"):
        source = path.read_text(encoding="utf-8")
        # Nothing invisible or line-breaking is written raw: each shows as its \uXXXX escape.
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]",
                             source), path
        # The only code is the generated code: every `*/` closes a comment that `/**` opened.
        code = re.sub(r"/\*\*.*?\*/", "", source, flags=re.S)
        assert "pwned" not in code and "alert" not in code and "<img" not in code, path
    things = (package / "src" / "resources" / "things.ts").read_text(encoding="utf-8")
    assert " * *\\/ export const pwned = 1; /*" in things
    assert "right-to-left mark" in things and "\\u200f" in things and "bell \\u0007" in things


def test_readme_text_cannot_become_markup(packages: dict[str, Path]) -> None:
    readme = (packages["hostile_text"] / "README.md").read_text(encoding="utf-8")
    assert "<script>" not in readme and "<!--" not in readme and "<iframe" not in readme
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in readme
    assert "the `` X-Tenant-`Id` `` header" in readme  # a code span that the backticks inside cannot end
    manifest = json.loads((packages["hostile_text"] / "package.json").read_text(encoding="utf-8"))
    assert manifest["description"].startswith('Ends a docstring """ then')


def test_hostile_text_round_trips_through_the_sdk(apis: dict[str, Api], apps: dict[str, Path]) -> None:
    api = apis["hostile_text"]
    mood = next(p.type for p in api.model("Thing").properties if p.name == "mood")
    marker = next(p.type for p in api.model("Thing").properties if p.name == "marker")
    assert isinstance(mood, Enum) and isinstance(marker, Const)
    hostile_filter = "'; DROP TABLE things; -- ${x} #{y} `z` \\ \"\"\" */ \u2028 \U0001f4a3"
    # Each enum value and the const value, written with the SDK's own literals: tsc checks that each
    # is a member of the declared type, then node sends and prints what comes back.
    source = f"""
import Hostile from 'hostile';
import type {{ Thing }} from 'hostile';
const client = new Hostile({{ apiKey: 'k', baseURL: process.env['BASE_URL'] ?? '', maxRetries: 0 }});
const moods: Array<Thing['mood']> = [{', '.join(string_literal(v) for v in mood.values)}];
const marker: Thing['marker'] = {string_literal(str(marker.value))};
const got: Thing[] = [];
for (const _ of moods) got.push(await client.things.fetch('a/b c', {{ filter: process.env['FILTER'] ?? '' }}));
// Line and paragraph separators escaped: the test reads the output line by line.
const json = JSON.stringify({{ moods, marker, got: got.map((t) => [t.mood, t.marker, t.id]) }});
console.log(json.replace(/[\\u2028\\u2029\\u0085]/g, (c) => `\\\\u${{c.charCodeAt(0).toString(16).padStart(4, '0')}}`));
"""
    with MockServer() as server:
        server.play([{"status": 200, "body": {"id": f"t{i}", "mood": value, "marker": marker.value}}
                     for i, value in enumerate(mood.values)])
        out = consumer(apps["hostile_text"], source, {"BASE_URL": server.url, "FILTER": hostile_filter,
                                                      "HOSTILE_TENANT": "tenant \"7\""})
        requests = server.requests
    assert out["moods"] == list(mood.values) and out["marker"] == marker.value
    assert out["got"] == [[value, marker.value, f"t{i}"] for i, value in enumerate(mood.values)]
    assert len(requests) == len(mood.values)
    url = urlsplit(requests[0].path)
    assert url.path == "/things/a%2Fb%20c"
    assert parse_qsl(url.query) == [("filter", hostile_filter)]
    assert requests[0].headers["x-tenant-`id`"] == "tenant \"7\""


# ---------------------------------------------------------------- hostile names


def test_declared_property_names_are_the_wire_names(apis: dict[str, Api], apps: dict[str, Path]) -> None:
    api = apis["hostile_names"]
    found = declared(apps["hostile_names"], "Object_", "Type", "ClassNewParams", "ClassDefParams")
    assert sorted(found["Object_"]) == sorted(p.name for p in api.model("Object").properties)
    new = next(m for m in api.resources[0].methods if m.name == "new")
    assert sorted(found["ClassNewParams"]) == sorted(p.name for p in new.parameters)
    assert found["Type"] == {"default": ["Object_"], "self": ["Type"]}


def test_names_are_escaped_by_the_documented_rules() -> None:
    assert model_ident("Object") == "Object_" and model_ident("Thing") == "Thing"
    assert [binding(n) for n in ("class", "options", "query", "path_param", "end", "self", "thing_id")] == \
        ["class_", "options_", "query_", "pathParam_", "end", "self", "thingID"]
    assert property_key("__proto__") == "__proto__" and property_key("café") == "café"
    assert property_key("2fa_enabled") == "'2fa_enabled'" and property_key("a.b.c") == "'a.b.c'"
    assert "Object" in reserved_words("typescript_type_names")


def test_every_capitalized_name_the_templates_use_is_reserved_for_types() -> None:
    # A model named like any of them would shadow it in a module that uses it.
    code_words: set[str] = set()
    for template in (ROOT / "templates" / "typescript").glob("*.ts.j2"):
        text = re.sub(r"/\*.*?\*/|//[^\n]*|'[^'\n]*'|`[^`\n]*`|\{\{.*?\}\}|\{%.*?%\}", "",
                      template.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"\b[A-Z]\w*(?=:)|const Client\b|\bClient\(", "", text)  # object keys, a local
        code_words |= set(re.findall(r"\b[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*\b", text))
    type_params = {"T", "TError", "THeaders", "TResult", "TResult1", "TResult2", "TStatus"}
    assert code_words - type_params - reserved_words("typescript_type_names") == set()


NAMES_CALLS = """
import Names from 'names-sdk';
import type {{ Object_, ClassNewParams }} from 'names-sdk';
const client = new Names({{ apiKey: 'k', baseURL: process.env['BASE_URL'] ?? '', maxRetries: 0 }});
const read = (obj: Object_) => ({{ {reads} }});
const def: Object_ = await client.class.def('end', {{ yield: 'y', then: 7 }});
const full: ClassNewParams = {{ {body} }};
const created = await client.class.new(full);
const bare = await client.class.new({{ function: 'f' }});
const deleted = await client.class.delete('self');
const sent: Object_ = await client.withRawResponse.send({{ options: 'o', client: 'c' }});
console.log(JSON.stringify({{ def: read(def), sent: read(sent), created, bare, deleted }}));
"""


def test_hostile_names_round_trip_through_the_sdk(apis: dict[str, Api], apps: dict[str, Path]) -> None:
    api = apis["hostile_names"]
    model = api.model("Object")
    wire = {p.name: sample(p.name, p.type) for p in model.properties}
    new = next(m for m in api.resources[0].methods if m.name == "new")
    body = {p.name: sample(p.name, p.type) for p in new.parameters}
    # `__proto__` as a plain key would set the prototype: a computed key makes it an own property.
    body_literal = ", ".join(
        f"[{string_literal(k)}]: {json.dumps(v)}" if k == "__proto__" else f"{property_key(k)}: {json.dumps(v)}"
        for k, v in body.items())
    # Computed keys: in a literal, a plain `'__proto__': x` would set the prototype.
    reads = ", ".join(f"[{string_literal(p.name)}]: {access('obj', p.name)}" for p in model.properties)
    source = NAMES_CALLS.format(reads=reads, body=body_literal)
    with MockServer() as server:
        server.play([{"status": 200, "body": wire}, {"status": 200, "body": {"self": {"self": {}}}},
                     {"status": 200, "body": {}}, {"status": 200, "body": {"value": 3}},
                     {"status": 200, "body": wire}])
        out = consumer(apps["hostile_names"], source, {"BASE_URL": server.url})
        requests = server.requests
    assert out["def"] == wire and out["sent"] == wire  # every wire name read back through its TS property
    assert out["created"] == {"self": {"self": {}}} and out["bare"] == {} and out["deleted"] == {"value": 3}
    assert [(r.method, r.path) for r in requests] == [
        ("GET", "/class/end?yield=y&then=7"), ("POST", "/class"), ("POST", "/class"), ("DELETE", "/class/self"),
        ("POST", "/send")]
    assert requests[1].json() == body  # `__proto__` and `constructor` sent as plain fields
    assert requests[2].json() == {"function": "f"}  # nothing inherited from Object.prototype is sent
    assert requests[4].json() == {"options": "o", "client": "c"}
