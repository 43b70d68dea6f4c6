"""Minimise a failing spec: delete what is not needed for the failure, greedily, until nothing can go.

    .venv/bin/python tests/fuzz/minimise.py FAILURE.yaml LANGUAGE TEXT [OUT.yaml]

LANGUAGE is python, ruby or typescript; TEXT is a piece of the problem message that must stay in
the output of that language's check (e.g. `TS1002` or `duplicate argument`). Each step removes one
mapping key or list item, or shortens one text, keeps it when the spec is still valid and the
failure still shows, and goes on until a whole pass changes nothing. Only the one target is built.
"""

from __future__ import annotations

import copy
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import yaml  # noqa: E402

from fuzz import checks  # noqa: E402
from fuzz.strategies import yaml_text  # noqa: E402
from generator.build import build, load_api  # noqa: E402
from generator.diagnostics import SpecError  # noqa: E402


def fails(spec: dict[str, Any], language: str, text: str) -> bool:
    with tempfile.TemporaryDirectory(prefix="fuzz-min-") as work:
        path = Path(work) / "spec.yaml"
        path.write_text(yaml_text(spec), encoding="utf-8")
        out = Path(work) / "out"
        try:
            load_api(path)
            build(path, out, [language])
        except SpecError:
            return False
        except Exception as error:  # a crash is a failure too, when it is the one looked for
            return text in f"{type(error).__name__}: {error}"
        if language == "python":
            problems = checks.check_python(out)
        elif language == "ruby":
            problems = checks.check_ruby(out)
        else:
            problems = checks.check_typescript([out], Path(work) / "tsc")[0]
        return any(text in p for p in problems)


def paths(node: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key of every mapping and every item of every list, deepest last."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield at + (k,)
            yield from paths(v, at + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield at + (i,)
            yield from paths(v, at + (i,))


def get(node: Any, at: tuple[Any, ...]) -> Any:
    for step in at:
        node = node[step]
    return node


def candidates(spec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for at in list(paths(spec)):
        try:
            parent, value = get(spec, at[:-1]), get(spec, at)
        except (KeyError, IndexError, TypeError):
            continue
        smaller = copy.deepcopy(spec)
        del get(smaller, at[:-1])[at[-1]]
        yield smaller
        if isinstance(value, str) and len(value) > 1:
            for shorter in (value[: len(value) // 2], value[len(value) // 2:], "x"):
                changed = copy.deepcopy(spec)
                get(changed, at[:-1])[at[-1]] = shorter
                yield changed
        del parent


def minimise(spec: dict[str, Any], language: str, text: str) -> dict[str, Any]:
    assert fails(spec, language, text), "the spec does not show that failure"
    changed = True
    while changed:
        changed = False
        for smaller in candidates(spec):
            if fails(smaller, language, text):
                spec, changed = smaller, True
                print(f"  {len(yaml_text(spec))} characters", file=sys.stderr)
                break
    return spec


def main() -> None:
    source, language, text = sys.argv[1:4]
    os.environ.setdefault("GEN_CACHE_DIR", tempfile.mkdtemp(prefix="fuzz-min-cache-"))
    spec = yaml.safe_load(Path(source).read_text(encoding="utf-8"))
    result = yaml_text(minimise(spec, language, text))
    if len(sys.argv) > 4:
        Path(sys.argv[4]).write_text(result, encoding="utf-8")
    print(result)


if __name__ == "__main__":
    main()
