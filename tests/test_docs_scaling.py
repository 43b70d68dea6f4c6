"""The docs grow linearly with the spec: a page's size is bounded, whatever its models reach.

Each method page once expanded every model its returned model reached, so a spec where models refer
to a few others each (most real APIs) made pages that grew with the whole spec: 1,000 models and
500 methods gave 150 MB of docs. Now a returned tree expands nested models only within TREE_BUDGET
properties and links the rest to the one place each model is documented, and an example stops
expanding models at EXAMPLE_BUDGET values. Sizes here are bytes of generated text, never times.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.build import generate, load_api
from generator.ir import ModelRef
from generator.ir.examples import EXAMPLE_BUDGET, TREE_BUDGET, _Expansion, example_value, property_tree

HEADER = ["format: 1", "api:", "  name: Mesh", "  title: Mesh", "  version: '1'",
          "  base_url: https://mesh.example.test", "  auth: {type: bearer, env: MESH_KEY}", "  packages:",
          "    python: {name: mesh, version: 1.0.0}", "    ruby: {name: mesh, version: 1.0.0}",
          "    typescript: {name: mesh, version: 1.0.0}", "models:"]


def count_nodes(nodes) -> int:  # type: ignore[no-untyped-def]
    return sum(1 + count_nodes(node.children) for node in nodes)


# ---------------------------------------------------------------- a chain: model i refers to i-1 and i-2

DEPTH = 30


def chain_spec(path: Path) -> Path:
    lines = list(HEADER)
    for i in range(DEPTH):
        lines += [f"  M{i}:", "    properties:", "      v: {type: integer}"]
        lines += [f"      a: {{ref: M{i - 1}}}"] if i >= 1 else []
        lines += [f"      b: {{ref: M{i - 2}}}"] if i >= 2 else []
    lines += ["resources:", "  things:", "    methods:", "      get:", "        http: GET /t",
              f"        returns: {{ref: M{DEPTH - 1}}}"]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_property_tree_and_example_stay_bounded(tmp_path: Path) -> None:
    # Expanding every path of the chain is exponential in its depth (2^30 here).
    api = load_api(str(chain_spec(tmp_path / "chain.yaml")))
    top = ModelRef(f"M{DEPTH - 1}")

    assert count_nodes(property_tree(api, top)) <= TREE_BUDGET
    page = _Expansion()
    example_value(api, top, _page=page)
    # Past the budget, only the objects being written are finished (models in them are `{}`):
    # at most the 3 properties of each model open on the way down.
    assert page.values <= EXAMPLE_BUDGET + 3 * DEPTH


def test_a_model_is_expanded_once_per_tree_nearest_first_and_linked_elsewhere(tmp_path: Path) -> None:
    api = load_api(str(chain_spec(tmp_path / "chain.yaml")))
    expanded: list[str] = []
    linked: list[str] = []

    def walk(nodes) -> None:  # type: ignore[no-untyped-def]
        for node in nodes:
            if node.link:
                linked.append(node.link)
                assert not node.children
            elif node.children:
                expanded.append(node.property.type.name)
            walk(node.children)

    tree = property_tree(api, ModelRef(f"M{DEPTH - 1}"))
    walk(tree)
    assert len(expanded) == len(set(expanded))  # each once
    # Nearest first: the returned model's own references are expanded, not their repeats further down.
    assert [(n.property.name, bool(n.children)) for n in tree] == [("v", False), ("a", True), ("b", True)]
    assert set(linked) - set(expanded)  # past the budget, deeper models are links


def test_every_linked_model_is_documented_once_in_each_form(tmp_path: Path) -> None:
    files = generate(load_api(str(chain_spec(tmp_path / "chain.yaml"))), ("docs",))
    page = files["docs/ruby/things/get.md"]
    models = files["docs/ruby/things/model-reference.md"]
    targets = set(re.findall(r"\]\(\.\./things/model-reference\.md#(model-M\d+)\)", page))
    assert targets  # the deep models are links, not expanded on the method page
    anchors = re.findall(r'^<a id="(model-M\d+)"></a>$', models, flags=re.M)
    assert targets <= set(anchors) and len(anchors) == len(set(anchors))
    html = files["docs/html/things.html"]
    assert sorted(re.findall(r'<section class="model" id="(model-M\d+)">', html)) == sorted(anchors)


def test_small_pages_still_expand_recurring_models_in_full(tmp_path: Path) -> None:
    api = load_api(str(chain_spec(tmp_path / "chain.yaml")))
    # M4 reaches M1 along several paths; under the budget each occurrence is expanded.
    example = example_value(api, ModelRef("M4"))
    assert example["a"]["a"] == example["b"] == example_value(api, ModelRef("M2"))


# ---------------------------------------------------------------- a mesh: growth with the spec's size


def mesh_spec(path: Path, models: int) -> Path:
    """`models` models, each with a few scalars, an inline object and references to three others
    (so that any model reaches most of the rest), and a method returning each second model."""
    lines = list(HEADER)
    for i in range(models):
        refs = [(i + 1) % models, (i * 7 + 3) % models, (i * 13 + 5) % models]
        lines += [f"  M{i}:", f"    description: Model {i}, which refers to three others.", "    properties:",
                  "      id: {type: string, required: true, description: The identifier of the object.}",
                  "      count: {type: integer, description: How many there are.}",
                  "      status: {type: enum, values: [active, archived, deleted]}",
                  "      details:", "        type: object", "        properties:",
                  "          note: {type: string, description: A note about the object.}",
                  "          score: {type: number}",
                  f"      first: {{ref: M{refs[0]}}}",
                  f"      items: {{type: array, items: {{ref: M{refs[1]}}}}}",
                  f"      by_key: {{type: map, values: {{ref: M{refs[2]}}}}}"]
    lines += ["resources:"]
    for r in range(models // 10):
        lines += [f"  things{r}:", "    methods:"]
        for m in range(5):
            i = (r * 5 + m) * 2
            lines += [f"      get{m}:", f"        http: GET /things{r}/{{thing_id}}/m{m}", "        params:",
                      "          thing_id: {in: path, type: string, description: The thing.}",
                      f"        returns: {{ref: M{i}}}"]
    path.write_text("\n".join(lines) + "\n")
    return path


def docs_of(tmp_path: Path, models: int) -> dict[str, str]:
    return generate(load_api(str(mesh_spec(tmp_path / f"mesh{models}.yaml", models))), ("docs",))


#: The most a method's Markdown page may hold, in bytes, whatever the size of the spec: its own
#: parts, a tree of at most TREE_BUDGET properties and an example of about EXAMPLE_BUDGET values.
PAGE_BOUND = 20_000


@pytest.fixture(scope="module")
def small_and_large(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], dict[str, str]]:
    tmp = tmp_path_factory.mktemp("mesh")
    return docs_of(tmp, 40), docs_of(tmp, 160)


def test_method_pages_are_bounded_whatever_the_spec_size(small_and_large) -> None:  # type: ignore[no-untyped-def]
    for files in small_and_large:
        pages = {path: text for path, text in files.items()
                 if re.fullmatch(r"docs/\w+/things_\d+/get_\d\.md", path)}
        assert pages
        largest = max(pages, key=lambda path: len(pages[path].encode()))
        assert len(pages[largest].encode()) <= PAGE_BOUND, largest


def test_docs_grow_linearly_with_the_spec(small_and_large) -> None:  # type: ignore[no-untyped-def]
    small, large = small_and_large
    # The large spec has 4 times the models and methods of the small one: 4 times the docs, give or
    # take what every spec has once (assets, index headers). Every model reaching most others used
    # to give 4 * 4 times.
    small_bytes = sum(len(text.encode()) for text in small.values())
    large_bytes = sum(len(text.encode()) for text in large.values())
    assert large_bytes <= 4.5 * small_bytes, (small_bytes, large_bytes)
    # Bytes per method, all pages and forms counted, stay under a constant.
    assert large_bytes / 80 <= 4 * PAGE_BOUND


def test_response_examples_of_a_large_mesh_are_json_and_bounded(small_and_large) -> None:  # type: ignore[no-untyped-def]
    _, large = small_and_large
    page = large["docs/python/things_0/get_0.md"]
    block = re.search(r"^## Response example\n\n```json\n(.*?)^```$", page, flags=re.M | re.S).group(1)
    value = json.loads(block)
    assert value["id"] == "id" and isinstance(value["first"], dict)
    assert len(block) < 60 * EXAMPLE_BUDGET
