"""The three views of the TypeScript SDK agree, for every valid spec of the repo: the declarations of the
generated source (read by the TypeScript parser), its api-surface.txt, and the reference docs' TypeScript
names, types and call paths.

- source <-> api-surface.txt: every class, resource field, method signature, interface and interface
  field the source declares is a line of the listing, and every line of the listing is declared, with
  the same type (compared token by token: prettier's line breaks and leading `|` aside);
- docs -> api-surface.txt: each method's call path leads, field by field, from the client to that
  method; its documented return type, parameters and the fields of what it returns are the declared
  ones; every model's documented fields are its interface's.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conformance.drivers import node
from generator.build import generate, load_api
from generator.diagnostics import SpecError
from generator.ir import Api, InlineObject, ModelRef, calls
from generator.targets.language import Language
from generator.targets.listing import FILENAME
from generator.targets.typescript import TypeScriptTarget
from generator.targets.typescript.names import page_class_name
from snapshots import ROOT

SPECS = [ROOT / "spec" / "openai.yaml",
         *(p for p in sorted((ROOT / "tests" / "specs").rglob("*.yaml")) if "invalid" not in p.parts)]
TYPESCRIPT = ROOT / "tests" / "toolchains" / "typescript" / "node_modules" / "typescript"

# Prints, for each package folder given, what its src/ declares, as the TypeScript parser reads it:
# exported classes (their `new`-initialized fields, constructor and methods) and interfaces (nested in
# namespaces, with their fields); each type as its source text.
DECLARATIONS = r"""
const ts = require(process.argv[2]);
const fs = require('fs');
const path = require('path');
const params = (sf, node) => node.parameters.map((p) => [p.name.getText(sf), !!(p.questionToken || p.initializer),
                                                          p.type.getText(sf)]);
const out = {};
for (const pkg of process.argv.slice(3)) {
  const found = [];
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
  for (const file of [path.join(pkg, 'src', 'client.ts'), ...walk(path.join(pkg, 'src', 'resources'))]) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node, prefix) => {
      if (ts.isClassDeclaration(node) && node.name) {
        const cls = node.name.text;
        found.push(['class', cls]);
        for (const m of node.members) {
          if (ts.isPropertyDeclaration(m) && m.initializer && ts.isNewExpression(m.initializer)) {
            found.push(['field', cls, m.name.getText(sf), m.type.getText(sf)]);
          } else if (ts.isConstructorDeclaration(m)) {
            found.push(['constructor', cls, params(sf, m)]);
          } else if (ts.isMethodDeclaration(m) && ts.isIdentifier(m.name)) {
            found.push(['method', cls, m.name.text, params(sf, m), m.type.getText(sf)]);
          }
        }
      } else if (ts.isTypeAliasDeclaration(node)) {
        found.push(['alias', prefix + node.name.text, node.type.getText(sf)]);
      } else if (ts.isInterfaceDeclaration(node)) {
        const name = prefix + node.name.text;
        found.push(['interface', name]);
        for (const m of node.members) {
          found.push(['property', name, m.name.getText(sf), !!m.questionToken, m.type.getText(sf)]);
        }
      } else if (ts.isModuleDeclaration(node) && node.body && ts.isModuleBlock(node.body)) {
        for (const s of node.body.statements) visit(s, prefix + node.name.text + '.');
      }
    };
    for (const s of sf.statements) visit(s, '');
  }
  out[pkg] = found;
}
console.log(JSON.stringify(out));
"""

_TOKEN = re.compile(r"'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"|[\w$]+|\S")


def canonical(text: str) -> str:
    """`text` as its tokens, without what only the layout adds: a leading `|` of a broken union, the `;`
    closing a broken `{ [key: string]: T }` block."""
    tokens = _TOKEN.findall(text)
    kept: list[str] = []
    for i, token in enumerate(tokens):
        if token == "|" and (not kept or kept[-1] in ("<", ":", "(", ",")):
            continue
        if token == ";" and i + 1 < len(tokens) and tokens[i + 1] == "}":
            continue
        kept.append(token)
    return " ".join(kept)


def _args(params: list[list[Any]]) -> str:
    return ", ".join(f"{name}{'?' if optional else ''}: {type_text}" for name, optional, type_text in params)


#: What client.ts declares for the client itself, not for the API: not in the listing's spec part.
CLIENT_TYPES = ("ClientOptions", "RequestOptions", "RequestSpec", "PreparedRequest", "Fetch", "ApiKeySetter")


def source_lines(declared: list[list[Any]], client: str) -> set[str]:
    """The declarations as api-surface.txt lines (ClientOptions and the environment aside)."""
    lines = set()
    for kind, owner, *rest in declared:
        if kind == "class":
            lines.add(f"{owner}: class")
        elif kind == "field":
            lines.add(f"{owner}.{rest[0]}: {rest[1]}")
        elif kind == "constructor" and owner == client:
            lines.add(f"{owner}.constructor({_args(rest[0])})")
        elif kind == "method" and owner != client:  # the client's own methods are not the API's
            lines.add(f"{owner}.{rest[0]}({_args(rest[1])}): {rest[2]}")
        elif kind == "alias" and owner not in CLIENT_TYPES:
            lines.add(f"{owner}: type {rest[0]}")
        elif kind == "interface" and owner not in CLIENT_TYPES:
            lines.add(f"{owner}: interface")
        elif kind == "property" and owner not in CLIENT_TYPES:
            lines.add(f"{owner}.{rest[0]}{'?' if rest[1] else ''}: {rest[2]}")
    return {canonical(line) for line in lines}


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, Api, str, list[list[Any]]]]:
    """(spec, api, api-surface.txt, source declarations) of every valid spec."""
    node.ensure_toolchain()
    root = tmp_path_factory.mktemp("ts-agreement")
    built: list[tuple[Path, Api, str, Path]] = []
    for i, spec in enumerate(SPECS):
        try:
            api = load_api(spec)
        except SpecError:
            continue  # the invalid ones of tests/specs/diff, fuzz inputs meant to be refused
        folder = root / str(i)
        files = generate(api, ("typescript",))
        for key, text in files.items():
            if key.startswith("typescript/src/"):
                path = folder / key.split("/", 1)[1]
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
        built.append((spec, api, files[f"typescript/{FILENAME}"], folder))
    script = root / "declarations.cjs"
    script.write_text(DECLARATIONS, encoding="utf-8")
    result = subprocess.run(["node", str(script), str(TYPESCRIPT), *(str(b[3]) for b in built)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    declared = json.loads(result.stdout)
    return [(spec, api, surface, declared[str(folder)]) for spec, api, surface, folder in built]


def surface_lines(surface: str, api: Api) -> list[str]:
    """The lines of what the spec declares: without the options, the environment and the page classes the
    package has whatever the spec (src/core/pagination.ts: `CursorPage`, `PagePromise`)."""
    runtime = ("PagePromise:", *(f"{page_class_name(s.name)}{sep}" for s in api.page_styles for sep in ".:"))
    return [line for line in surface.splitlines()[1:]
            if not line.startswith(("ClientOptions", "env ", "RequestOptions", *runtime))]


def test_every_valid_spec_is_checked(packages: list[tuple[Path, Api, str, list[list[Any]]]]) -> None:
    assert len(packages) >= 100  # 113 when this was written


def test_source_and_api_surface_declare_the_same(packages: list[tuple[Path, Api, str, list[list[Any]]]]) -> None:
    for spec, api, surface, declared in packages:
        from_source = source_lines(declared, client_name(api, surface))
        listed = {canonical(line) for line in surface_lines(surface, api)}
        assert listed - from_source == set(), f"{spec}: listed but not declared"
        assert from_source - listed == set(), f"{spec}: declared but not listed"


def client_name(api: Api, surface: str) -> str:
    """The client class: the one whose constructor takes ClientOptions."""
    line = next(line for line in surface.splitlines() if line.endswith(".constructor(options?: ClientOptions)"))
    return line.split(".", 1)[0]


def test_client_options_are_declared_as_listed(packages: list[tuple[Path, Api, str, list[list[Any]]]]) -> None:
    for spec, _, surface, declared in packages:
        fields = {canonical(f"{rest[0]}{'?' if rest[1] else ''}: {rest[2]}")
                  for kind, owner, *rest in declared if kind == "property" and owner == "ClientOptions"}
        for line in surface.splitlines():
            if line.startswith("ClientOptions."):  # declared as `name?: T | undefined` (exactOptionalPropertyTypes)
                assert canonical(line.split(".", 1)[1] + " | undefined") in fields, f"{spec}: {line}"


def test_docs_name_and_type_what_the_package_declares(
        packages: list[tuple[Path, Api, str, list[list[Any]]]]) -> None:
    docs: Language = TypeScriptTarget().docs_language()
    for spec, api, surface, _ in packages:
        lines = set(surface.splitlines())
        owner = client_name(api, surface)
        for call in calls(api):
            where = f"{spec}: {docs.call_path(call)}"
            *fields_path, method = docs.call_path(call).split(".")
            cls = owner
            for field in fields_path:  # client.widgets.parts: each field's class holds the next
                cls = next(line.split(": ", 1)[1] for line in lines if line.startswith(f"{cls}.{field}: "))
            signature = next((line for line in lines if line.startswith(f"{cls}.{method}(")), None)
            assert signature is not None, where
            returns = docs.signature(api, call).returns
            if call.method.page is not None:  # `CursorPage<Batch>`: what awaiting PagePromise<BatchesPage, Batch> gives
                alias = re.fullmatch(r".*\): PagePromise<(\w+), (.+)>", signature)
                assert alias, where
                assert f"{alias[1]}: type {returns}" in lines, where
                returns = alias[2]
            else:
                assert signature.endswith(f"): APIPromise<{returns}>"), where
            params_type = None
            for field in docs.parameters(call):
                if field.location == "path":
                    assert f"{field.declaration}" in signature, (where, field.declaration)
                else:
                    params_type = params_type or re.search(r"(?:query|body|params)\??: (\w+)", signature)[1]  # type: ignore[index]
                    assert f"{params_type}.{field.declaration}" in lines, (where, field.declaration)
            returned = docs.returned_type(call)
            if isinstance(returned, (ModelRef, InlineObject)):
                for field in docs.returns(api, call):
                    assert f"{returns}.{field.declaration}" in lines, (where, field.declaration)
        for model in api.models:
            name = docs.type_name(ModelRef(model.name))
            assert f"{name}: interface" in lines, (spec, name)
            for field in docs.model_fields(api, model.name):
                assert f"{name}.{field.declaration}" in lines, (spec, name, field.declaration)
