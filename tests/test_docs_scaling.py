"""The docs stay small for models reached along many paths (a chain where model i refers to i-1 and i-2).

Expanding every path is exponential in the depth: 22 such models once made 75 MB of pages in 13 s.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.build import generate, load_api
from generator.targets.docs_example import EXPANSION_BUDGET, example_value, property_tree
from generator.ir import ModelRef

DEPTH = 30


def chain_spec(path: Path) -> Path:
    lines = ["format: 1", "api:", "  name: Chain", "  title: Chain", "  version: '1'",
             "  base_url: https://chain.example.test", "  auth: {type: bearer, env: CHAIN_KEY}", "  packages:",
             "    python: {name: chain, version: 1.0.0}", "    ruby: {name: chain, version: 1.0.0}",
             "    typescript: {name: chain, version: 1.0.0}", "models:"]
    for i in range(DEPTH):
        lines += [f"  M{i}:", "    properties:", "      v: {type: integer}"]
        lines += [f"      a: {{ref: M{i - 1}}}"] if i >= 1 else []
        lines += [f"      b: {{ref: M{i - 2}}}"] if i >= 2 else []
    lines += ["resources:", "  things:", "    methods:", "      get:", "        http: GET /t",
              f"        returns: {{ref: M{DEPTH - 1}}}"]
    path.write_text("\n".join(lines) + "\n")
    return path


def count_nodes(nodes) -> int:  # type: ignore[no-untyped-def]
    return sum(1 + count_nodes(node.children) for node in nodes)


def test_property_tree_and_example_stay_bounded(tmp_path: Path) -> None:
    api = load_api(str(chain_spec(tmp_path / "chain.yaml")))
    top = ModelRef(f"M{DEPTH - 1}")

    tree = property_tree(api, top)
    example = json.dumps(example_value(api, top))

    # Every model is still expanded at least once, and the page stays within the budget's order.
    assert count_nodes(tree) < 4 * EXPANSION_BUDGET
    assert len(example) < 100 * EXPANSION_BUDGET
    assert example.count('"v": 0') >= DEPTH  # each model appears, expanded, at least once


def test_docs_of_a_deep_chain_build_small(tmp_path: Path) -> None:
    api = load_api(str(chain_spec(tmp_path / "chain.yaml")))
    files = generate(api, ("docs",))
    assert sum(len(text) for text in files.values()) < 10_000_000


def test_small_pages_still_expand_recurring_models_in_full(tmp_path: Path) -> None:
    api = load_api(str(chain_spec(tmp_path / "chain.yaml")))
    # M4 reaches M1 along several paths; under the budget each occurrence is expanded.
    example = example_value(api, ModelRef("M4"))
    assert example["a"]["a"] == example["b"] == example_value(api, ModelRef("M2"))
