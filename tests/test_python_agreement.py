"""The Python docs, api-surface.txt and the generated SDK name the same things, for every spec of the repo.

For each valid spec (spec/openai.yaml and tests/specs/**, invalid/ left out):
- the classes api-surface.txt lists under `types` are exactly the classes (nested ones as `Outer.Inner`)
  the generated `types/` modules declare, and its methods are exactly those the client reaches;
- every type name the Python docs show (parameters, returned properties, model pages, signatures) is
  one of those classes, and every method the docs call (signature and example program) exists.

The docs once spelled types on their own and named `Batch.BatchUsage` a nested class the SDK calls
`Batch.BatchUsage_` (tests/specs/fuzz_regressions/inline_object_beside_model.yaml).
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

import pytest

from generator.build import generate, load_api
from generator.diagnostics import SpecError
from generator.ir import Api, ModelRef, calls
from generator.targets import all_targets
from generator.targets.python import PythonTarget
from snapshots import ROOT

SPECS = [ROOT / "spec" / "openai.yaml"] + [
    path for path in sorted((ROOT / "tests" / "specs").rglob("*.yaml")) if "invalid" not in path.parts
]
PYTHON_TARGET = PythonTarget()
PYTHON = next(lang for lang in all_targets()["docs"].languages if lang.name == "python")  # type: ignore[attr-defined]
#: Names a type may use besides the package's classes.
TYPING = {"Optional", "List", "Dict", "Literal", "Union", "str", "int", "float", "bool", "object", "None"}
#: Names of the package's runtime modules a type may use (files, downloads, pages), checked in
#: test_runtime_names_the_docs_use_exist.
# Runtime names the docs may show besides the types/ classes (page classes: pagination.py, read per SDK).
RUNTIME = {"FileTypes", "HttpxBinaryResponseContent", "AsyncPaginator"}
STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
NAME = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")


@lru_cache(maxsize=None)
def loaded(spec: Path) -> Api | None:
    # Checked by the python target only: a spec another language refuses still has a Python SDK to check.
    try:
        return load_api(spec.relative_to(ROOT).as_posix(), {"python": PYTHON_TARGET})
    except SpecError:
        return None  # the diff specs hold a few on purpose


@lru_cache(maxsize=None)
def sdk(spec: Path) -> dict[str, str]:
    api = loaded(spec)
    assert api is not None
    files = generate(api, ("python",), targets={"python": PYTHON_TARGET})
    return {path.removeprefix("python/"): text for path, text in files.items()}


def type_names(text: str) -> set[str]:
    """The class names a type mentions (strings of `Literal[...]` left out)."""
    return {name for name in NAME.findall(STRING.sub("", text)) if name not in TYPING}


def source_classes(files: dict[str, str], module: str) -> set[str]:
    """Every class the types/ modules declare, nested ones as `Outer.Inner`."""
    found: set[str] = set()

    def walk(body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if isinstance(node, ast.ClassDef):
                found.add(prefix + node.name)
                walk(node.body, prefix + node.name + ".")

    for path, text in files.items():
        if path.startswith(f"src/{module}/types/") and not path.endswith(("__init__.py", "_params.py")):
            walk(ast.parse(text).body, "")
    return found


def source_aliases(files: dict[str, str], module: str) -> set[str]:
    """The aliases types/shared/ declares (`Metadata: TypeAlias = Dict[str, str]`), and those
    types/shared_params/ declares (as `shared_params.Metadata`)."""
    found: set[str] = set()
    for path, text in files.items():
        for package, prefix in (("shared", ""), ("shared_params", "shared_params.")):
            if path.startswith(f"src/{module}/types/{package}/") and not path.endswith("__init__.py"):
                for node in ast.parse(text).body:
                    if isinstance(node, ast.AnnAssign) and ast.unparse(node.annotation) == "TypeAlias":
                        found.add(prefix + ast.unparse(node.target))
    return found


def surface_aliases(files: dict[str, str], module: str) -> set[str]:
    """The aliases api-surface.txt lists (`types.shared.Metadata`, `types.shared_params.Metadata`)."""
    found = re.findall(
        rf"^{re.escape(module)}\.types\.(shared\.|shared_params\.)(\w+): TypeAlias = ",
        files["api-surface.txt"],
        flags=re.M,
    )
    return {("" if package == "shared." else package) + name for package, name in found}


def page_classes(files: dict[str, str], module: str) -> set[str]:
    """The page classes the SDK's pagination module declares (`SyncCursorPage`, one pair per page style)."""
    text = files.get(f"src/{module}/pagination.py")
    if text is None:
        return set()
    return {node.name for node in ast.parse(text).body if isinstance(node, ast.ClassDef)}


def source_typed_dicts(files: dict[str, str], module: str) -> set[str]:
    """The TypedDicts of the params modules: `BatchCreateParams` (exported by types/) and the others
    as `batch_create_params.OutputExpiresAfter`, declared as classes or with the functional syntax."""
    found: set[str] = set()
    exported = files[f"src/{module}/types/__init__.py"]
    for path, text in files.items():
        if path.startswith(f"src/{module}/types/") and path.endswith("_params.py"):
            stem = path.rsplit("/", 1)[1].removesuffix(".py")
            for node in ast.parse(text).body:
                name = node.name if isinstance(node, ast.ClassDef) else None
                if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                    name = node.targets[0].id  # type: ignore[attr-defined]
                if name is not None:
                    found.add(name if f" {name} as {name}" in exported else f"{stem}.{name}")
    return found


def source_methods(files: dict[str, str], module: str) -> set[str]:
    """Every method path the client reaches (`batches.cancel`), read from _client.py and resources/."""
    classes: dict[str, ast.ClassDef] = {}
    for path, text in files.items():
        if path.startswith(f"src/{module}/resources/") or path == f"src/{module}/_client.py":
            classes.update({n.name: n for n in ast.parse(text).body if isinstance(n, ast.ClassDef)})

    def members(cls: ast.ClassDef) -> tuple[dict[str, str], list[str]]:
        children, methods = {}, []
        for node in cls.body:
            if (
                not isinstance(node, ast.FunctionDef)
                or node.name.startswith("_")
                or node.name == "with_raw_response"
            ):
                continue
            if any(isinstance(d, ast.Name) and d.id == "cached_property" for d in node.decorator_list):
                assert isinstance(node.returns, ast.Name)
                children[node.name] = node.returns.id
            else:
                methods.append(node.name)
        return children, methods

    client = next(
        c
        for c in classes.values()
        if any(isinstance(b, ast.Name) and b.id == "SyncAPIClient" for b in c.bases)
    )
    found: set[str] = set()
    todo = [(attr, cls) for attr, cls in members(client)[0].items()]
    while todo:
        access, cls = todo.pop()
        children, methods = members(classes[cls])
        found |= {f"{access}.{m}" for m in methods}
        todo += [(f"{access}.{attr}", child) for attr, child in children.items()]
    return found


def surface_listing(files: dict[str, str], module: str) -> tuple[set[str], set[str]]:
    """(classes under `types`, method paths from the client) of api-surface.txt."""
    lines = [line for line in files["api-surface.txt"].splitlines() if not line.startswith("#")]
    types = f"{module}.types."
    classes = {
        line[len(types) :].removesuffix(": class")
        for line in lines
        if line.startswith(types) and line.endswith(": class")
    }
    attributes: dict[str, list[tuple[str, str]]] = {}  # owner -> (attribute, resource class)
    methods: dict[str, list[str]] = {}
    for line in lines:
        match = re.fullmatch(r"(\S+)\.(\w+): (\S+)", line)
        if match and match.group(3).startswith(f"{module}.resources."):
            attributes.setdefault(match.group(1), []).append((match.group(2), match.group(3)))
        match = re.match(rf"({re.escape(module)}\.resources\.\w+)\.(\w+)\(", line)
        if match:
            methods.setdefault(match.group(1), []).append(match.group(2))
    client = next(
        line.removesuffix(": class")
        for line in lines
        if line.endswith(": class")
        and ".types." not in line
        and ".resources." not in line
        and ".pagination." not in line
        and not line.startswith(f"{module}.Async")
    )
    found: set[str] = set()
    todo = [(attr, cls) for attr, cls in attributes.get(client, [])]
    while todo:
        access, cls = todo.pop()
        found |= {f"{access}.{m}" for m in methods.get(cls, [])}
        todo += [(f"{access}.{attr}", child) for attr, child in attributes.get(cls, [])]
    return classes, found


def docs_shown(api: Api) -> tuple[set[str], set[str]]:
    """(type names, method paths) the Python docs show for this API (runtime names left out)."""
    names: set[str] = set()
    paths: set[str] = set()
    for call in calls(api):
        signature = PYTHON.signature(api, call)
        paths.add(signature.call.split("(", 1)[0])
        names |= type_names(signature.returns)
        fields = PYTHON.parameters(call) + PYTHON.returns(api, call)
        while fields:
            field = fields.pop()
            names |= type_names(field.type)
            fields += field.children
        names -= RUNTIME
        example = PYTHON.example(api, call)
        paths |= set(re.findall(r"^(?:\w+ = )?client\.([\w.]+)\(", example, flags=re.M))
    for model in api.models:
        names |= type_names(PYTHON.type_name(ModelRef(model.name)))  # the title of the model's page
        fields = PYTHON.model_fields(api, model.name)
        while fields:
            field = fields.pop()
            names |= type_names(field.type)
            fields += field.children
    return names, paths


def spec_id(spec: Path) -> str:
    return spec.relative_to(ROOT).as_posix()


VALID = [spec for spec in SPECS if loaded(spec) is not None]


def test_every_spec_of_the_repo_is_checked() -> None:
    assert len(VALID) > 100
    assert ROOT / "tests" / "specs" / "fuzz_regressions" / "inline_object_beside_model.yaml" in VALID


@pytest.mark.parametrize("spec", VALID, ids=spec_id)
def test_docs_surface_and_source_agree(spec: Path) -> None:
    api = loaded(spec)
    assert api is not None
    files = sdk(spec)
    module = next(path.split("/")[1] for path in files if path.startswith("src/"))
    classes, methods = surface_listing(files, module)
    assert classes == source_classes(files, module)
    assert methods == source_methods(files, module)
    typed_dicts = {
        line.split(": ")[0].removeprefix(f"{module}.types.")
        for line in files["api-surface.txt"].splitlines()
        if line.endswith(": TypedDict")
    }
    assert typed_dicts == source_typed_dicts(files, module)
    aliases = source_aliases(files, module)
    assert aliases == surface_aliases(files, module)
    shown_types, shown_paths = docs_shown(api)
    shown_types -= page_classes(files, module)
    # The docs name classes and the aliases of types.shared (`Metadata`).
    known = classes | aliases
    assert shown_types <= known, f"the docs name classes the SDK lacks: {sorted(shown_types - known)}"
    assert shown_paths <= methods, f"the docs call methods the SDK lacks: {sorted(shown_paths - methods)}"


def test_an_inline_object_beside_a_model_is_named_as_the_sdk_names_it() -> None:
    spec = ROOT / "tests" / "specs" / "fuzz_regressions" / "inline_object_beside_model.yaml"
    api = loaded(spec)
    assert api is not None
    shown = {field.name: field.type for field in PYTHON.model_fields(api, "Batch")}
    assert shown["batch_usage"] == "Optional[Batch.BatchUsage_]"
    assert "Batch.BatchUsage_" in surface_listing(sdk(spec), "usage")[0]
