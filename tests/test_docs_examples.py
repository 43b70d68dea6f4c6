"""Every example program of the reference docs runs, in its language, against the generated SDK.

Each example is taken from its Markdown page as a reader would copy it, run unchanged with the
SDK's base URL environment variable (from the spec) pointed at the conformance mock server, which
answers with the page's own response example. The test then checks what the program did on the
wire (one request, the documented HTTP method and path, the example's API key) and what it printed.

Specs: the bundled spec, from the committed generated/ folders; petstore and kitchen_sink (given a
base URL environment variable, which it lacks), and the hostile specs (tests/specs/hostile/: names
every target must escape, text that tries to break out of literals), generated into a temporary
folder. The hostile examples prove that the pages name methods, parameters, modules, require and
import names exactly as each SDK declares them: a name the SDK does not have fails the program.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

import pytest
import yaml

from conformance.mock_server import MockServer, multipart_parts
from generator.build import generate, load_api
from generator.ir import Api, Binary
from generator.targets.docs.markdown import markdown_path
from generator.ir.examples import FileExample, example_value
from generator.ir import Call, calls
from generator.targets import all_targets

LANGUAGES = all_targets()["docs"].languages  # type: ignore[attr-defined]
from snapshots import BUNDLED_SPEC, ROOT

FIXTURES = ROOT / "tests" / "specs" / "fixtures"
HOSTILE = ROOT / "tests" / "specs" / "hostile"
REGRESSIONS = ROOT / "tests" / "specs" / "fuzz_regressions"


def with_base_url_env(spec: Path, env: str) -> Path:
    """A copy of a fixture spec that names a base URL environment variable, so its examples can be
    pointed at the mock server unchanged (kitchen_sink names none; it has the query and body
    parameters, the nested resource and the array and empty returns the other specs lack)."""
    text = spec.read_text(encoding="utf-8")
    assert "base_url_env" not in text
    copy = Path(tempfile.mkdtemp(prefix="docs-spec-")) / spec.name
    copy.write_text(re.sub(r"^(  base_url: .*)$", rf"\1\n  base_url_env: {env}", text, count=1, flags=re.M),
                    encoding="utf-8")
    return copy


def named_like_the_standard_library(spec: Path) -> Path:
    """hostile_names renamed as each language's own library would be (`JSON`, package `json`: the
    gem requires as `json_sdk` with module `JSONApi`, the npm client class is `JSON_`, the Python
    package `json_`), with a resource named like a member of each client (`timeout`) and one named
    `constructor` whose method and parameters are named like the SDKs' own (`then`, `options`,
    `request_options`)."""
    tree = yaml.safe_load(spec.read_text(encoding="utf-8"))
    tree["api"]["name"] = "JSON"
    tree["api"]["packages"] = {lang: {"name": "json", "version": "1.0.0"} for lang in ("python", "ruby", "typescript")}
    tree["resources"]["constructor"] = {"methods": {"then": {
        "http": "GET /constructor/{options}",
        "params": {"options": {"in": "path", "type": "string"},
                   "request_options": {"in": "query", "type": "string", "required": True}},
        "returns": {"ref": "Default"}}}}
    tree["resources"]["timeout"] = {"methods": {"list": {"http": "GET /timeout", "returns": {"ref": "Type"}}}}
    copy = Path(tempfile.mkdtemp(prefix="docs-spec-")) / "hostile_stdlib.yaml"
    copy.write_text(yaml.safe_dump(tree, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return copy


SPECS = {"openai": BUNDLED_SPEC, "petstore": FIXTURES / "petstore.yaml",
         "kitchen_sink": with_base_url_env(FIXTURES / "kitchen_sink.yaml", "KITCHEN_SINK_BASE_URL"),
         "hostile_names": HOSTILE / "hostile_names.yaml", "hostile_text": HOSTILE / "hostile_text.yaml",
         "hostile_stdlib": named_like_the_standard_library(HOSTILE / "hostile_names.yaml"),
         # Examples that once failed in Python: a result named like a builtin (`print = ...`), emoji
         # written as JSON escapes (lone surrogates), a nested class named as the SDK does not.
         **{name: REGRESSIONS / f"{name}.yaml" for name in
            ("example_result_named_like_builtin", "emoji_parameter_name", "inline_object_beside_model")}}
RUN_TIMEOUT = 60  # seconds for one example program
API_KEY = "My API Key"  # what every example passes (docs_languages.EXAMPLE_API_KEY)


@dataclass(frozen=True)
class Example:
    spec: str
    language: str
    call: Call
    page: str  # path of the Markdown page inside the docs folder

    @property
    def id(self) -> str:
        return f"{self.spec}-{self.language}-{self.page.split('/', 1)[1].removesuffix('.md').replace('/', '.')}"


@lru_cache(maxsize=None)
def api_of(spec: str) -> Api:
    return load_api(str(SPECS[spec]))


@lru_cache(maxsize=None)
def outputs(spec: str, target: str) -> dict[str, str]:
    """The files one target generates for a spec, keyed by `<target>/<path>`."""
    return generate(api_of(spec), (target,))


def all_examples() -> list[Example]:
    return [Example(spec, language.name, call, markdown_path(language, call))
            for spec in SPECS for call in calls(api_of(spec)) for language in LANGUAGES]


def page_text(example: Example) -> str:
    if example.spec == "openai":
        return (ROOT / "generated" / "docs" / example.page).read_text(encoding="utf-8")
    return outputs(example.spec, "docs")[f"docs/{example.page}"]


def code_block(markdown: str, section: str) -> tuple[str, str]:
    """(info string, content) of the first code block under `## section`."""
    body = re.split(r"^## ", markdown, flags=re.M)
    found = next(part for part in body if part.startswith(section + "\n"))
    match = re.search(r"^(`{3,})(\w*)\n(.*?)^\1$", found, flags=re.M | re.S)
    assert match, f"no code block under {section}"
    return match.group(2), match.group(3)


_sdk_roots: dict[str, Path] = {}


def sdk_root(spec: str, language: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder holding generated/<language>: the committed one for the bundled spec, else written out."""
    if spec == "openai":
        return ROOT / "generated"
    key = f"{spec}-{language}"
    if key not in _sdk_roots:
        root = tmp_path_factory.mktemp(f"sdk-{key}")
        for path, text in outputs(spec, language).items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        _sdk_roots[key] = root
    return _sdk_roots[key]


def require_tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail(f"{name} is missing: a script of tests/toolchains/ should have installed it")
    pytest.skip(f"{name} is not installed")


_node_apps: dict[str, Path] = {}


def node_app(spec: str, sdk_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The TypeScript SDK of `spec`, compiled once per test session, importable by its package name."""
    if spec not in _node_apps:
        from conformance.drivers import node

        require_tool("node")
        try:
            node.ensure_toolchain()
        except node.ToolchainMissing as missing:
            if os.environ.get("CI") == "true":
                pytest.fail(str(missing))
            pytest.skip(str(missing))
        _node_apps[spec] = node.build_package(tmp_path_factory.mktemp(f"node-{spec}"), sdk_root / "typescript")
    return _node_apps[spec]


def example_command(example: Example, program: str, sdk_root: Path, work: Path,
                    tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], Path, dict[str, str]]:
    """argv, working folder and extra environment that run `program` as a user of that SDK would."""
    if example.language == "python":
        script = work / "example.py"
        script.write_text(program, encoding="utf-8")
        return [sys.executable, str(script)], work, {"PYTHONPATH": str(sdk_root / "python" / "src")}
    if example.language == "ruby":
        script = work / "example.rb"
        script.write_text(program, encoding="utf-8")
        return [require_tool("ruby"), "-I", str(sdk_root / "ruby" / "lib"), str(script)], work, {}
    app = node_app(example.spec, sdk_root, tmp_path_factory)
    # The example is TypeScript without type annotations: as an ES module it runs on node directly.
    script = app / f"example-{example.id}.mjs"
    script.write_text(program, encoding="utf-8")
    return [require_tool("node"), str(script)], app, {}


def expected_path(api: Api, example: Example) -> str:
    """The raw request path: the base URL's path, then the method's path with the example arguments."""
    method = example.call.method
    path = method.path
    for param in method.path_params:
        value = example_value(api, param.type, param.name)
        text = json.dumps(value) if not isinstance(value, str) else value
        path = path.replace("{" + param.name + "}", quote(text, safe=""))
    query = {name: text for name, (where, _, text) in required_arguments(api, example).items() if where == "query"}
    return urlsplit(api.base_url).path.rstrip("/") + path + (f"?{urlencode(query)}" if query else "")


def required_arguments(api: Api, example: Example) -> dict[str, tuple[str, Any, str]]:
    """What the example passes besides path arguments: wire name -> (location, JSON value, query text)."""
    found = {}
    for param in example.call.method.parameters:
        if param.location != "path" and param.required:
            value = example_value(api, param.type, param.name)
            text = str(value).lower() if isinstance(value, bool) else str(value)
            found[param.name] = (param.location, value, text)
    return found


#: The body the mock server answers a download with.
DOWNLOADED = "downloaded file content"


def first_printed_value(response: Any) -> Any:
    if isinstance(response, dict) and response:
        return next(iter(response.values()))
    return None


@pytest.mark.parametrize("example", all_examples(), ids=lambda e: e.id)
def test_example_runs_against_the_mock_server(example: Example, tmp_path: Path,
                                              tmp_path_factory: pytest.TempPathFactory) -> None:
    api = api_of(example.spec)
    markdown = page_text(example)
    info, program = code_block(markdown, "Example")
    assert info == next(lang for lang in LANGUAGES if lang.name == example.language).fence
    binary = isinstance(example.call.method.returns, Binary)
    response = (json.loads(code_block(markdown, "Response example")[1])
                if example.call.method.returns is not None and not binary else None)
    assert api.base_url_env, "the spec names no base URL environment variable"

    argv, cwd, extra_env = example_command(example, program, sdk_root(example.spec, example.language, tmp_path_factory), tmp_path,
                                             tmp_path_factory)
    with MockServer() as server:
        if binary:  # a download: the example prints the bytes it got
            server.play([{"status": 200, "raw": DOWNLOADED, "headers": {"content-type": "application/octet-stream"}}])
        else:
            server.play([{"status": 200, "body": response, "headers": {api.request_id_header: "req_docs_example"}}]
                        if response is not None else [{"status": 204}])
        env = {key: value for key, value in os.environ.items()
               if key not in (api.api_key_env, *(o.env for o in api.client_options if o.env))}
        env.update(extra_env)
        env[api.base_url_env] = server.url + urlsplit(api.base_url).path
        result = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT)
        requests = server.requests

    assert result.returncode == 0, f"the example failed:\n{program}\n--- stderr ---\n{result.stderr[-3000:]}"
    assert len(requests) == 1, [(r.method, r.path) for r in requests]
    request = requests[0]
    assert request.method == example.call.method.http_method
    assert request.path == expected_path(api, example)
    assert request.headers.get("authorization") == f"Bearer {API_KEY}"

    sent = required_arguments(api, example)
    query = dict(parse_qsl(urlsplit(request.path).query))
    assert query == {name: text for name, (where, _, text) in sent.items() if where == "query"}
    body = {name: value for name, (where, value, _) in sent.items() if where == "body"}
    if body and example.call.method.body_encoding == "multipart":
        # A file part carries the example file's name and content; the other parts, their text.
        parts = multipart_parts(request)
        for name, value in body.items():
            expected = ({"filename": value.filename, "content": value.content} if isinstance(value, FileExample)
                        else value)
            assert parts[name] == expected, (name, parts)
    elif body:
        assert request.json() == body

    printed = result.stdout.strip()
    first = first_printed_value(response)
    if example.language in ("python", "typescript") and isinstance(first, str):
        assert printed == first  # the example prints the first property of what it got back
    elif example.language == "ruby" and isinstance(first, str):
        assert f'"{first}"' in printed  # `puts(model)` shows the parsed model, its strings quoted
    elif binary:
        assert DOWNLOADED in printed, printed  # the content, not a description of the object holding it
    elif response is not None:
        assert printed, "the example printed nothing"


# ---------------------------------------------------------------- type checks


def examples_of(spec: str, language: str) -> list[Example]:
    return [e for e in all_examples() if e.spec == spec and e.language == language]


def test_python_examples_type_check(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """mypy --strict accepts every Python example against the generated packages' annotations.

    One mypy run for all specs (their packages have distinct names), as mypy's start-up dominates.
    """
    scripts, sources = [], []
    for spec in SPECS:
        for example in examples_of(spec, "python"):
            script = tmp_path / f"example_{re.sub(r'[^a-z0-9]+', '_', example.id)}.py"
            script.write_text(code_block(page_text(example), "Example")[1], encoding="utf-8")
            scripts.append(str(script))
        sources.append(str(sdk_root(spec, "python", tmp_path_factory) / "python" / "src"))
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", os.devnull, *scripts],
        cwd=tmp_path, env={**os.environ, "MYPYPATH": os.pathsep.join(sources)}, capture_output=True, text=True,
        timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("spec", list(SPECS))
def test_typescript_examples_type_check(spec: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    """tsc --strict accepts every TypeScript example against the compiled package's declarations."""
    from conformance.drivers import node

    app = node_app(spec, sdk_root(spec, "typescript", tmp_path_factory), tmp_path_factory)
    folder = app / "typecheck"
    folder.mkdir(exist_ok=True)
    for example in examples_of(spec, "typescript"):
        (folder / f"{example.id}.ts").write_text(code_block(page_text(example), "Example")[1], encoding="utf-8")
    (folder / "tsconfig.json").write_text(json.dumps({
        "compilerOptions": {"target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext",
                            "lib": ["ES2022", "DOM"], "types": [], "strict": True, "noEmit": True,
                            "skipLibCheck": True},
        "include": ["*.ts"],
    }), encoding="utf-8")
    result = subprocess.run([node.tool("tsc"), "-p", str(folder / "tsconfig.json")], cwd=folder,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
