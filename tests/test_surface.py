"""api-surface.txt: each SDK's public API, one line per symbol, locked by a snapshot per spec and SDK."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.build import load_api
from generator.surface import FILENAME, SDK_TARGETS, surface_files
from generator.surface.common import sort_key
from snapshots import ALL_SPECS, BUNDLED_SPEC, ROOT, TextFileSnapshot, generated

CASES = [(spec, target) for spec in ALL_SPECS for target in SDK_TARGETS]


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
        "ruby": ["OpenAI::Models::Batch#priority: Integer?"],
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
    mood = [line for line in text.splitlines() if "mood" in line and "back`tick" in line]
    assert len(mood) == 1  # all six values stayed on the property's own line
    assert not any(ch in text for ch in "\r\u2028\u2029")
    # The property and the query parameter: one line each, however many line breaks their values hold.
    assert len([line for line in text.splitlines() if "mood" in line]) == 2


# How each language declares the names a surface lists: the surface is computed from the IR, so
# this checks that it names what the generated SDK really declares.
DECLARATIONS = {
    "python": (r"^([\w.]+)\.(\w+): class$", r"class {name}\b", r"^[\w.]+\.(\w+)\(", r"def {name}\("),
    "ruby": (r"^(.*)::(\w+): class$", r"class {name}\b", r"#(\w+): \(", r"def {name}\b"),
    "typescript": (r"^([\w.]*?)\.?(\w+): (?:class|interface)$", r"(class|interface) {name}\b",
                   r"^\w+\.(\w+)\(", r"\b{name}\("),
}


@pytest.mark.parametrize(("spec", "target"), CASES, ids=[f"{s.stem}-{t}" for s, t in CASES])
def test_surface_names_what_the_sdk_declares(spec: Path, target: str) -> None:
    source_ext = {"python": (".py",), "ruby": (".rb",), "typescript": (".ts",)}[target]
    files = generated(spec, target)
    source = "\n".join(text for path, text in files.items() if path.endswith(source_ext))
    type_line, type_decl, method_line, method_decl = DECLARATIONS[target]
    checked = 0
    for line in files[FILENAME].splitlines()[1:]:
        if (match := re.match(type_line, line)) is not None:
            assert re.search(type_decl.format(name=match.group(2)), source), line
            checked += 1
        elif (match := re.search(method_line, line)) is not None and "constructor" not in line:
            assert re.search(method_decl.format(name=match.group(1)), source), line
            checked += 1
    assert checked >= 3
