"""The layout of generator/ (docs/architecture.md), read from the code: imports, module sizes, docstrings.

Imports are read with `ast`, function-level ones included: a lazy import still ties two modules
together, and a cycle hidden in a function is a cycle all the same.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

import pytest

from generator.targets import SDK_TARGETS, TARGET_NAMES

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
MAX_LINES = 400
#: What may import what, by layer: a module of a layer imports only modules of these layers.
LAYERS = {
    "generator.text": ("generator.text",),
    "generator.ir": ("generator.ir", "generator.text"),
}
#: Modules of the pipeline above the targets: a target never reaches up into them.
ABOVE_TARGETS = ("generator.build", "generator.render", "generator.cli")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@lru_cache(maxsize=None)
def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


@lru_cache(maxsize=None)
def imports() -> dict[str, frozenset[str]]:
    """Each module of generator/ -> the modules of generator/ it imports (anywhere in its body)."""
    known = modules()
    graph: dict[str, frozenset[str]] = {}
    for name, path in known.items():
        found: set[str] = set()
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: from the package, up level - 1
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
                # `from generator.targets.python import layout` imports the module layout: the package's
                # __init__ only runs first, as every parent package's does, which is no edge of its own
                submodules = {f"{base}.{alias.name}" for alias in node.names} & known.keys()
                found.update(submodules)
                if len(submodules) < len(node.names):
                    found.add(base)
        graph[name] = frozenset(m for m in found if m in known and m != name)
    return graph


def cycles(graph: dict[str, frozenset[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def target_of(module: str) -> str | None:
    """The target package a module belongs to (`python` for generator.targets.python.names), if any."""
    parts = module.split(".")
    if len(parts) >= 3 and parts[:2] == ["generator", "targets"] and parts[2] in TARGET_NAMES:
        return parts[2]
    return None


def test_the_reader_sees_the_package() -> None:
    graph = imports()
    assert "generator.build" in graph and "generator.ir.model" in graph
    assert "generator.spec.loader" in graph["generator.build"]


def test_cycle_detection_finds_a_cycle() -> None:
    assert cycles({"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset()}) == [["a", "b", "c"]]


def test_no_import_cycles() -> None:
    assert cycles(dict(imports())) == []


@pytest.mark.parametrize("target", TARGET_NAMES)
def test_a_target_imports_no_other_target(target: str) -> None:
    offences = sorted(f"{module} imports {imported}"
                      for module, imported_set in imports().items() if target_of(module) == target
                      for imported in imported_set if target_of(imported) not in (None, target))
    assert offences == []


def test_targets_do_not_import_the_pipeline_above_them() -> None:
    offences = sorted(f"{module} imports {imported}"
                      for module, imported_set in imports().items() if module.startswith("generator.targets")
                      for imported in imported_set if imported.startswith(ABOVE_TARGETS))
    assert offences == []


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_lower_layers_import_only_lower_layers(layer: str) -> None:
    allowed = LAYERS[layer]
    offences = sorted(f"{module} imports {imported}"
                      for module, imported_set in imports().items() if module.startswith(layer)
                      for imported in imported_set if not imported.startswith(allowed))
    assert offences == []


def test_every_sdk_target_is_a_package_with_its_authorities() -> None:
    for target in SDK_TARGETS:
        for part in ("names", "types", "files", "surface", "docs"):
            assert f"generator.targets.{target}.{part}" in modules(), (target, part)


@pytest.mark.parametrize("module", sorted(modules()))
def test_modules_are_small_and_say_their_job(module: str) -> None:
    path = modules()[module]
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_LINES, f"{path}: {len(text.splitlines())} lines"
    docstring = ast.get_docstring(ast.parse(text))
    assert docstring and docstring.splitlines()[0].strip(), f"{path} opens with no line saying its job"
