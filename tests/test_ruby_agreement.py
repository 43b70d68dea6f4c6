"""The Ruby gem, its api-surface.txt and the Ruby reference docs agree on every type, for every valid spec of the repo.

- Every RBS type api-surface.txt lists is the one the gem's sig/*.rbs declares: each surface line is
  rebuilt as the declaration it stands for, which must be in sig/ verbatim. (A `number` property was
  once `Float?` in the surface but `(::Float | ::Integer)?` in sig/.)
- Every type the docs show is the gem's own YARD type (`@param`, `@return`), with model classes named
  as the docs name them (`Batch` for `OpenAI::Models::Batch`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.build import generate, load_api
from generator.diagnostics import SpecError
from generator.ir import Api, ModelRef, calls, resources_with_paths
from generator.targets.listing import FILENAME
from generator.targets.ruby import RubyTarget
import generator.targets.ruby.names as names
from generator.targets.ruby.docs import Ruby

ROOT = Path(__file__).resolve().parents[1]
SPECS = [ROOT / "spec" / "openai.yaml", *sorted(p for p in (ROOT / "tests" / "specs").rglob("*.yaml")
                                               if "invalid" not in p.relative_to(ROOT / "tests" / "specs").parts)]


def gem(spec: Path) -> tuple[Api, dict[str, str]]:
    targets = {"ruby": RubyTarget()}
    try:
        api = load_api(spec.relative_to(ROOT).as_posix(), targets)
    except SpecError:
        pytest.skip("not a valid spec for Ruby")
    files = generate(api, ("ruby",), targets=targets)
    return api, {path.split("/", 1)[1]: text for path, text in files.items()}


def declaration(line: str, module: str) -> str | None:
    """The sig/ declaration a surface line stands for, or None for the `env` lines (no declaration)."""
    if line.startswith("env ") or line.split(": ", 1)[1].startswith("?"):
        return None  # the constructor's options one by one: the whole `initialize` line declares them
    symbol, rest = line.split(": ", 1)
    if rest == "class":
        return f"class {symbol.rsplit('::', 1)[-1]}"
    if symbol.endswith("::value"):
        return f"type value = {rest}"
    owner, member = symbol.rsplit("#", 1)
    if member == "initialize":
        return f"def initialize: {rest}"
    if member == "with_options" or ("::Internal::" in owner and rest.startswith("(")):
        return f"def {member}: {rest}"  # the client's own, a page's (no request options)
    if owner.startswith(f"{module}::Models::"):
        return f"def `{member}`: () -> {rest}"
    if rest.startswith("("):
        args, returns = rest[1:].split(") -> ", 1) if not rest.startswith("() ->") else ("", rest[6:])
        every = ", ".join([args, "?request_options: ::Hash[::Symbol, untyped]"] if args else
                          ["?request_options: ::Hash[::Symbol, untyped]"])
        return f"def `{member}`: ({every}) -> {returns}"
    return f"attr_reader `{member}`: {rest}"


@pytest.mark.parametrize("spec", SPECS, ids=[p.relative_to(ROOT).as_posix() for p in SPECS])
def test_surface_types_are_the_signatures(spec: Path) -> None:
    api, files = gem(spec)
    module = names.module_name(api.name)
    sig = "\n".join(text for path, text in files.items() if path.startswith("sig/"))
    declared = {line.strip() for line in sig.splitlines()}
    # Without superclass, without type parameters (`class CursorPage[Elem]`).
    declared |= {line.split(" < ")[0].split("[")[0] for line in declared if line.startswith("class ")}
    missing = []
    for line in files[FILENAME].splitlines()[1:]:
        wanted = declaration(line, module)
        if wanted is not None and wanted not in declared:
            missing.append((line, wanted))
    assert missing == []


def yard_tags(source: str) -> dict[str, list[str]]:
    """The YARD comment lines right above each `def <name>` of a Ruby file, by method name (a name
    defined in several classes of the file gets the tags of each)."""
    tags: dict[str, list[str]] = {}
    comments: list[str] = []
    for raw in source.splitlines():
        line = raw.strip()
        if line.startswith("#"):
            comments.append(line)
            continue
        match = re.match(r"def (\w+[?!]?)", line)
        if match:
            tags.setdefault(match.group(1), []).extend(comments)
        comments = []
    return tags


def short(yard: str, module: str) -> str:
    """A YARD type as the docs name classes: without the gem's `<Module>::Models::`, `<Module>::Internal::`
    (`CursorPage<Batch>`) or `<Module>::` (`FilePart`)."""
    for prefix in (f"{module}::Models::", f"{module}::Internal::"):
        yard = yard.replace(prefix, "")
    return re.sub(rf"(?<![\w:]){re.escape(module)}::FilePart\b", "FilePart", yard)


@pytest.mark.parametrize("spec", SPECS, ids=[p.relative_to(ROOT).as_posix() for p in SPECS])
def test_docs_types_are_the_yard_types(spec: Path) -> None:
    api, files = gem(spec)
    module, lib = names.module_name(api.name), names.library_name(api.package("ruby").name)
    docs = Ruby().bind(api)  # as the docs target uses it: bound to the API, so aliases are spelled in place
    files_of = {path: f"lib/{lib}/resources/{names.resource_file(path)}.rb" for path, _ in resources_with_paths(api)}
    checked = 0
    for call in calls(api):
        source = files[files_of[tuple(r.name for r in call.resources)]]
        tags = yard_tags(source)[names.identifier(call.method.name)]
        for field in docs.parameters(call):
            assert f"@param {field.name} [" in "\n".join(tags), (call.method.name, field.name)
            # Inside the method's `@overload`, as the official gem documents its keywords.
            yard = next(re.match(rf"#\s+@param {re.escape(field.name)} \[([^\]]*)\]", t) for t in tags
                        if re.match(rf"#\s+@param {re.escape(field.name)} \[", t))
            assert yard is not None and short(yard.group(1), module) == field.type
            checked += 1
        returns = [t for t in tags if re.match(r"#\s+@return \[", t)][-1]
        assert f"#   @return [{docs.signature(api, call).returns}]" == short(returns, module), call.method.name
        checked += 1
    for model in api.models:
        source = files[f"lib/{lib}/models/{names.file_name(model.name)}.rb"]
        tags = yard_tags(source)
        stack = list(docs.model_fields(api, model.name))
        while stack:
            field = stack.pop()
            stack.extend(field.children)
            returns = {short(t, module) for t in tags[field.name] if t.startswith("# @return [")}
            assert f"# @return [{field.type}]" in returns, (model.name, field.name, returns)
            checked += 1
        assert docs.type_name(ModelRef(model.name)) == short(names.model_class(model.name, module), module)
    assert checked or not (api.models or calls(api))
