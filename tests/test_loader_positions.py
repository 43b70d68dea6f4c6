"""The loader keeps positions as (line, column) pairs and remembers each scalar's tag: what the
validator reads back must be what libyaml reported, whatever is cached."""

from __future__ import annotations

import yaml

import generator.loader as loader
from generator.ir import Location
from generator.loader import YList, YMap, load_spec_text

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
    assert loader._Loader(text).scalar_tags == {}  # one cache per load, nothing shared
