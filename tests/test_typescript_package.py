"""The generated TypeScript package, for the bundled spec and each fixture spec: it compiles with
`tsc` (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes, from its own tsconfig), passes
`prettier --check` with its own config, pins and locks the very toolchain the tests use, and talks
HTTP to a real loopback server (query parameters, JSON bodies, nested resources, integer path
parameters, void responses, per-spec headers and env vars)."""

from __future__ import annotations

import json
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conformance.drivers import node
from conformance.mock_server import MockServer
from snapshots import ALL_SPECS, BUNDLED_SPEC, ROOT

SPECS = {spec.stem: spec for spec in ALL_SPECS}

# Long names (every layout that prettier would break) and hostile text in every string position.
HOSTILE_SPEC = r"""
format: 1
api:
  name: VeryLongClientNameForTestingPrettierLayoutsThatGoesOnAndOn
  title: "Quote's \"API\" */ <script>"
  version: "1"
  description: "*/ `backticks` 'quotes' \"doubles\" ${x} \\ backslash \u2028 separator"
  base_url: https://example.test/v1
  auth: {type: bearer, env: LONG_TOKEN}
  request_id_header: x-req
  timeout: 1.5
  max_retries: 0
  packages:
    python: {name: long-sdk, version: 1.0.0}
    ruby: {name: long_sdk, version: 1.0.0}
    typescript: {name: long-sdk, version: 1.0.0}
models:
  ExtraordinarilyLongModelNameNumberOne:
    description: "It's a */ model with a \u2028 line separator"
    properties:
      a_really_really_long_property_name_for_layout:
        type: enum
        values: ["it's", "say \"hi\"", "back\\slash", "${inj}", "*/", "a`b", "\u2029"]
        required: true
        description: "*/ alert(1) /*"
      short:
        type: array
        items: {type: enum, values: [aaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbb, cccccccccccccccccccccc, dddddddddddddddd]}
      status:
        type: enum
        values: [validating, failed, in_progress, finalizing, completed, expired, cancelling, cancelled]
  Orphan:
    description: "No method uses it: it lives in resources/shared.ts. Mail: team@example.test"
    properties:
      link: {ref: ExtraordinarilyLongModelNameNumberOne}
resources:
  extraordinarily_long_resource_names:
    resources:
      and_a_nested_resource_with_a_long_name_too:
        methods:
          get:
            http: GET /nested/{id}
            params: {id: {in: path, type: string}}
            returns: {ref: ExtraordinarilyLongModelNameNumberOne}
    methods:
      do_the_extraordinarily_long_operation:
        http: POST /extraordinarily/long/path/{first_extraordinarily_long_identifier}/and/{second_extraordinarily_long_identifier}
        params:
          first_extraordinarily_long_identifier: {in: path, type: string}
          second_extraordinarily_long_identifier: {in: path, type: integer}
          some_body_field_with_long_name: {in: body, type: enum, values: ["x'y", "z"], required: true}
        returns: {ref: ExtraordinarilyLongModelNameNumberOne}
"""


@pytest.fixture(scope="module", autouse=True)
def toolchain() -> None:
    node.ensure_toolchain()  # fails (never skips) when tests/toolchains/node.sh has not run


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each spec's package, rendered in memory from the spec (not read from generated/)."""
    root = tmp_path_factory.mktemp("ts-packages")
    hostile = root / "hostile.yaml"
    hostile.write_text(HOSTILE_SPEC, encoding="utf-8")
    specs = {**SPECS, "hostile": hostile}
    return {stem: node.generate_package(spec, root / stem) for stem, spec in specs.items()}


@pytest.fixture(scope="module")
def apps(packages: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("ts-builds")
    with ThreadPoolExecutor(max_workers=4) as pool:  # each build is its own tsc process
        futures = {stem: pool.submit(node.build_package, root / stem, package) for stem, package in packages.items()}
        return {stem: future.result() for stem, future in futures.items()}


@pytest.mark.parametrize("stem", [*sorted(SPECS), "hostile"])
def test_compiles_to_javascript_and_declarations(stem: str, apps: dict[str, Path]) -> None:
    dist = apps[stem].parent / "package" / "dist"
    assert (dist / "index.js").is_file() and (dist / "index.d.ts").is_file()
    config = json.loads((apps[stem].parent / "package" / "tsconfig.json").read_text())["compilerOptions"]
    assert config["strict"] and config["noUncheckedIndexedAccess"] and config["exactOptionalPropertyTypes"]


@pytest.mark.parametrize("stem", [*sorted(SPECS), "hostile"])
def test_prettier_check_passes(stem: str, packages: dict[str, Path]) -> None:
    result = subprocess.run([node.tool("prettier"), "--check", "."], cwd=packages[stem], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_devdependencies_are_the_locked_test_toolchain(packages: dict[str, Path]) -> None:
    toolchain_lock = json.loads((node.TOOLCHAIN / "package-lock.json").read_text())
    toolchain_pins = json.loads((node.TOOLCHAIN / "package.json").read_text())["devDependencies"]
    package = packages["openai"]
    manifest = json.loads((package / "package.json").read_text())
    lock = json.loads((package / "package-lock.json").read_text())
    assert manifest["devDependencies"] == toolchain_pins
    assert "dependencies" not in manifest  # zero runtime dependencies
    assert lock["packages"][""]["devDependencies"] == toolchain_pins
    assert {k: v for k, v in lock["packages"].items() if k} == \
        {k: v for k, v in toolchain_lock["packages"].items() if k}


def test_generated_folder_is_what_the_bundled_spec_produces(packages: dict[str, Path]) -> None:
    committed = ROOT / "generated" / "typescript"
    fresh = packages[BUNDLED_SPEC.stem]
    for path in sorted(p for p in fresh.rglob("*") if p.is_file()):
        rel = path.relative_to(fresh)
        assert (committed / rel).read_text() == path.read_text(), f"generated/typescript/{rel} is stale"


def test_npm_ci_accepts_the_generated_lock(packages: dict[str, Path], tmp_path: Path) -> None:
    # `npm ci` refuses a lock file that does not match package.json; --dry-run checks without a download.
    package = tmp_path / "pkg"
    package.mkdir()
    for name in ("package.json", "package-lock.json"):
        (package / name).write_text((packages["petstore"] / name).read_text())
    result = subprocess.run(["npm", "ci", "--dry-run", "--ignore-scripts", "--no-audit", "--no-fund"],
                            cwd=package, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


PETSTORE_CALL = """
import Petstore from '@vets/petstore';
const client = new Petstore({ baseURL: process.env.BASE_URL });  // key and clinic from the env
const pet = await client.pets.adopt('pet 7', { family: 'Smith' });
console.log(JSON.stringify({ pet, requestID: pet._request_id, retries: client.maxRetries,
  timeout: client.timeout }));
"""


def test_petstore_posts_a_json_body_with_its_own_headers_and_env(apps: dict[str, Path]) -> None:
    with MockServer() as server:
        server.play([{"status": 200, "headers": {"x-trace-id": "trace_1"},
                      "body": {"pet_id": "pet 7", "name": "Rex", "species": "dog", "object": "pet"}}])
        out = node.run_script(apps["petstore"], "adopt.mjs", PETSTORE_CALL, env={
            "BASE_URL": server.url + "/v3", "PETSTORE_API_TOKEN": "tok_1", "PETSTORE_CLINIC": "clinic_9"})
        (request,) = server.requests
    assert out == {"pet": {"pet_id": "pet 7", "name": "Rex", "species": "dog", "object": "pet"},
                   "requestID": "trace_1", "retries": 4, "timeout": 20000}
    assert (request.method, request.path) == ("POST", "/v3/pets/pet%207/adopt")
    assert request.json() == {"family": "Smith"}
    assert request.headers["authorization"] == "Bearer tok_1"
    assert request.headers["x-clinic-id"] == "clinic_9"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["user-agent"] == "Petstore/JS 2.0.0"


KITCHEN_SINK_CALLS = """
import KitchenSink from 'kitchen-sink';
const client = new KitchenSink({ apiKey: 'sk', baseURL: process.env.BASE_URL });
const list = await client.widgets.list({ enabled: true, limit: 2 });
const created = await client.widgets.create({ name: 'w', tags: ['a', 'b'], owner: { name: 'o', email: null } });
const part = await client.widgets.parts.retrieve('w/1', 3);
const deleted = await client.widgets.delete('w1');
const updated = await client.widgets.update('w1');
console.log(JSON.stringify({ list, created, part, deleted: deleted === undefined, updated }));
"""


def test_kitchen_sink_query_body_nested_resource_and_void(apps: dict[str, Path]) -> None:
    widget = {"id": "w1", "count": 1, "enabled": True, "kind": "widget", "created": None, "parts": []}
    with MockServer() as server:
        server.play([
            {"status": 200, "body": [widget]},
            {"status": 200, "body": widget},
            {"status": 200, "body": {"sku": "s-3"}},
            {"status": 204},
            {"status": 200, "body": widget},
        ])
        out = node.run_script(apps["kitchen_sink"], "calls.mjs", KITCHEN_SINK_CALLS,
                              env={"BASE_URL": server.url + "/api"})
        requests = server.requests
    assert out == {"list": [widget], "created": widget, "part": {"sku": "s-3"}, "deleted": True, "updated": widget}
    assert [(r.method, r.path) for r in requests] == [
        ("GET", "/api/widgets?enabled=true&limit=2"),  # in the caller's order, as openai-node sends it
        ("POST", "/api/widgets"),
        ("GET", "/api/widgets/w%2F1/parts/3"),
        ("DELETE", "/api/widgets/w1"),
        ("PATCH", "/api/widgets/w1"),
    ]
    assert requests[1].json() == {"name": "w", "tags": ["a", "b"], "owner": {"name": "o", "email": None}}
    assert "content-type" not in requests[0].headers  # no body, no Content-Type
    assert requests[4].json() == {}


def test_hostile_text_stays_inside_strings_and_comments(packages: dict[str, Path]) -> None:
    source = (packages["hostile"] / "src" / "resources" / "extraordinarily-long-resource-names.ts").read_text()
    assert "*/ alert(1)" not in source and "*\\/ alert(1) /*" in source
    assert "\u2028" not in source and "\u2029" not in source.replace("\\u2029", "")
    shared = (packages["hostile"] / "src" / "resources" / "shared.ts").read_text()
    assert "export interface Orphan" in shared and "team@example.test" in shared
    assert "import type { ExtraordinarilyLongModelNameNumberOne } from './extraordinarily-long-resource-names.js';" \
        in shared
    assert """"it's" | 'say "hi"' | 'back\\\\slash' | '${inj}' | '*/' | 'a`b' | '\\u2029'""" in source


def test_npm_run_build_emits_javascript_and_declarations(packages: dict[str, Path], tmp_path: Path) -> None:
    package = tmp_path / "openai"
    shutil.copytree(packages["openai"], package)
    (package / "node_modules").symlink_to(node.TOOLCHAIN_MODULES, target_is_directory=True)
    result = subprocess.run(["npm", "run", "build", "--silent"], cwd=package, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    emitted = {p.relative_to(package / "dist").as_posix() for p in (package / "dist").rglob("*.*")}
    assert {"index.js", "index.d.ts", "client.js", "client.d.ts", "resources/batches.js",
            "resources/batches.d.ts"} <= emitted
    # The CommonJS build, marked as such, for `require` (see test_typescript_fidelity.py).
    assert {"cjs/index.js", "cjs/index.d.ts", "cjs/pagination.js", "cjs/resources/files.js",
            "cjs/package.json"} <= emitted
    assert json.loads((package / "dist" / "cjs" / "package.json").read_text()) == {"type": "commonjs"}


QUERY_CALL = """
import KitchenSink from 'kitchen-sink';
const client = new KitchenSink({ apiKey: 'sk', baseURL: process.env.BASE_URL });
await client.widgets.list({ enabled: false, after: process.env.AFTER }, { query: { extra: 'x y' } });
console.log(JSON.stringify({ ok: true }));
"""


def test_query_strings_are_encoded_as_the_python_sdk_encodes_them(apps: dict[str, Path]) -> None:
    import httpx  # the Python SDK's HTTP library: the reference for the bytes on the wire

    after = "a b/c?d&e=f+g~h!*'()é"
    with MockServer() as server:
        server.play([{"status": 200, "body": []}])
        node.run_script(apps["kitchen_sink"], "query.mjs", QUERY_CALL,
                        env={"BASE_URL": server.url + "/api", "AFTER": after})
        (request,) = server.requests
    expected = httpx.Request("GET", "http://x/api/widgets",
                             params={"enabled": "false", "after": after, "extra": "x y"}).url
    # The parameters in the order the caller wrote them (openai-node 6.49.0 does the same, measured);
    # the encoding is the Python SDK's (openai-node writes a space as %20, not +).
    assert request.path == f"/api/widgets?{expected.query.decode()}"
