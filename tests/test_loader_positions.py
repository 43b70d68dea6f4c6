"""The loader keeps positions as (line, column) pairs, remembers each scalar's tag, and builds plain
specs straight from the parser's events: what the validator reads back must be what the general path
(compose, then convert) builds, and everything but plain specs must be left to that path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import generator.spec.composed as composed
import generator.spec.parsing as parsing
import generator.spec.plain as plain_path
from generator.diagnostics import Diagnostic, SpecError
from generator.ir import Location
from generator.spec.loader import MAX_DEPTH, YList, YMap, load_spec_text

TEXT = b"""\
models:
  Thing:
    tags: [a,   'b', c]
    flags:
      - true
      - 'true'
      - "true"
      - 1
      - '1'
      - true
base: &base {type: string}
merged:
  <<: *base
  required: true
"""


def test_keys_values_and_items_point_where_libyaml_found_them() -> None:
    tree = load_spec_text(TEXT, "spec.yaml")
    root = yaml.compose(TEXT.decode(), Loader=yaml.SafeLoader)
    thing = tree["models"]["Thing"]
    thing_node = root.value[0][1].value[0][1]
    for (key_node, value_node), key in zip(thing_node.value, thing):
        assert thing.key_at(key) == Location("spec.yaml", key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        assert thing.value_at(key) == Location("spec.yaml", value_node.start_mark.line + 1,
                                               value_node.start_mark.column + 1)
    tags = thing["tags"]
    assert isinstance(tags, YList)
    assert [tags.item_at(i) for i in range(3)] == [Location("spec.yaml", 3, c) for c in (12, 17, 22)]
    # Past the end, and for keys a mapping does not have, the container's own position.
    assert tags.item_at(3) == tags.location == Location("spec.yaml", 3, 11)
    assert thing.key_at("missing") == thing.value_at("missing") == thing.location == Location("spec.yaml", 3, 5)
    assert thing.owner_location == Location("spec.yaml", 2, 3)


def test_merged_keys_point_into_the_anchor() -> None:
    merged = load_spec_text(TEXT, "spec.yaml")["merged"]
    assert isinstance(merged, YMap)
    assert merged == {"required": True, "type": "string"}
    assert merged.key_at("type") == Location("spec.yaml", 11, 14)
    assert merged.value_at("required") == Location("spec.yaml", 14, 13)


def test_a_repeated_scalar_keeps_the_type_its_quoting_gives_it() -> None:
    # The tag of each scalar text is remembered per quoting style: `true` and `'true'` stay apart.
    flags = load_spec_text(TEXT, "spec.yaml")["models"]["Thing"]["flags"]
    assert flags == [True, "true", "true", 1, "1", True]


def test_the_tags_remembered_are_those_of_the_plain_resolver() -> None:
    text = "\n".join(f"k{i}: {value}" for i, value in enumerate(
        ["yes", "'yes'", "~", "null", "'null'", "0x1F", "1.5e3", ".inf", "2024-01-02", "'2024-01-02'", "yes"]))
    loaded = load_spec_text(text.encode(), "spec.yaml")
    assert loaded == yaml.load(text, Loader=yaml.SafeLoader)
    assert parsing.SpecLoader(text).scalar_tags == {}  # one cache per load, nothing shared


# ---------------------------------------------------------------- the plain path builds what the general one builds

SPECS = sorted((Path(__file__).resolve().parents[1]).glob("spec/*.yaml")) + sorted(
    (Path(__file__).resolve().parent / "specs").rglob("*.yaml"))


def general_tree(text: str) -> tuple[object, list[str]]:
    """The general path alone: compose nodes, then convert them."""
    problems: list[Diagnostic] = []
    try:
        node = composed.compose(text, "spec.yaml")
    except SpecError as exc:
        return None, [d.render() for d in exc.diagnostics]
    tree = composed.Converter("spec.yaml", text, problems).convert(node, 0, False) if node is not None else None
    return tree, [d.render() for d in problems]


def assert_same_tree(plain: object, general: object, where: str = "") -> None:
    assert type(plain) is type(general), where
    if isinstance(plain, YMap):
        assert isinstance(general, YMap)
        assert list(plain) == list(general), where
        assert (plain.location, plain.owner_location) == (general.location, general.owner_location), where
        for key in plain:
            assert (plain.key_at(key), plain.value_at(key)) == (general.key_at(key), general.value_at(key)), where
            assert_same_tree(plain[key], general[key], f"{where}.{key}")
    elif isinstance(plain, YList):
        assert isinstance(general, YList)
        assert len(plain) == len(general) and plain.location == general.location, where
        for index, (a, b) in enumerate(zip(plain, general)):
            assert plain.item_at(index) == general.item_at(index), where
            assert_same_tree(a, b, f"{where}[{index}]")
    else:
        assert plain == general or (plain != plain and general != general), where  # NaN is NaN


def check_paths_agree(text: str) -> bool:
    """Whether the plain path took `text`; when it did, the general path must build the same tree."""
    plain = plain_path.PlainBuilder(text, "spec.yaml").build()
    if plain is None:
        return False
    general, problems = general_tree(text)
    assert problems == []
    assert_same_tree(plain, general)
    return True


@pytest.mark.parametrize("spec", SPECS, ids=lambda path: str(path.relative_to(path.parents[1])))
def test_the_plain_path_builds_the_tree_the_general_path_builds(spec: Path) -> None:
    text = spec.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff")
    check_paths_agree(text)


def test_the_plain_path_takes_the_bundled_spec() -> None:
    assert check_paths_agree((Path(__file__).resolve().parents[1] / "spec" / "openai.yaml").read_text("utf-8"))


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n",  # anchors and aliases
    "base: &b {x: 1}\nc:\n  <<: *b\n",  # merge keys
    "a: 1\na: 2\n",  # duplicate keys
    "a: !!str 1\n",  # explicit tags
    "? [a]\n: 1\n",  # a collection as a key
    "- a\n",  # not a mapping
    "a: 1\n---\nb: 2\n",  # two documents
    "",  # no document
    "a: 2024-02-30\n",  # a value YAML cannot read
    "a: [\n",  # a syntax error
    "a:" + " [" * (MAX_DEPTH + 1) + " ]" * (MAX_DEPTH + 1) + "\n",  # too deep
])
def test_the_plain_path_leaves_everything_else_to_the_general_path(text: str) -> None:
    assert plain_path.PlainBuilder(text, "spec.yaml").build() is None


def test_nesting_up_to_the_limit_stays_on_the_plain_path() -> None:
    text = "a:" + " [" * MAX_DEPTH + " ]" * MAX_DEPTH + "\n"
    assert check_paths_agree(text)


YAML_PIECES = st.sampled_from(["a", "b", "key", ": ", ":", "- ", "-", "\n", "\n  ", "\n    ", "  ", "[", "]", "{", "}",
                               ", ", "'q'", '"d"', "1", "1.5", "true", "null", "~", "on", "2024-01-02", "#c", "é",
                               "&x ", "*x", "<<: ", "!!str ", "|\n  ", ">\n  ", "? ", "---\n"])


@settings(max_examples=int(os.environ.get("GEN_LOADER_FUZZ_EXAMPLES", "1500")), deadline=None)
@given(st.lists(YAML_PIECES, max_size=40).map("".join))
def test_both_paths_agree_on_yaml_like_text(text: str) -> None:
    check_paths_agree(text)


@settings(max_examples=int(os.environ.get("GEN_LOADER_FUZZ_EXAMPLES", "300")), deadline=None)
@given(st.lists(YAML_PIECES, max_size=40).map("".join))
def test_both_paths_agree_with_the_pure_python_parser(text: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parsing, "SpecLoader", yaml.SafeLoader)
        check_paths_agree(text)


SCALARS = (st.text(st.sampled_from(list("ab :#-'\"é\u2028\t\\")), max_size=8) | st.integers() | st.floats()
           | st.booleans() | st.none() | st.sampled_from(["on", "no", "1", "0x1F", "2024-01-02", "~", "<<"]))
KEYS = st.text(st.sampled_from(list("ab _-1é")), min_size=1, max_size=4) | st.sampled_from(["on", "null", "1", "~"])
DOCUMENTS = st.dictionaries(KEYS, st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4), max_leaves=20),
    min_size=1, max_size=5)


@settings(max_examples=int(os.environ.get("GEN_LOADER_FUZZ_EXAMPLES", "800")), deadline=None)
@given(DOCUMENTS, st.sampled_from([None, True, False]), st.booleans(), st.integers(20, 80))
def test_both_paths_agree_on_dumped_documents(document: dict, flow: bool | None, unicode: bool, width: int) -> None:
    text = yaml.safe_dump(document, default_flow_style=flow, allow_unicode=unicode, width=width, sort_keys=False)
    assert check_paths_agree(text) or "<<" in text
