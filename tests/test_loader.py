"""The loader: positions, keys as written, merge keys, and the limits that keep untrusted specs cheap."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import generator.spec.loader as loader
import generator.spec.parsing as parsing
from generator.diagnostics import SpecError
from generator.spec.loader import MAX_ALIAS_VALUES, MAX_DEPTH, MAX_SPEC_BYTES, YMap, load_spec, load_spec_text

CORPUS = sorted((Path(__file__).resolve().parent / "specs" / "invalid").glob("*.yaml"))


def codes(text: str | bytes) -> list[str]:
    data = text.encode() if isinstance(text, str) else text
    with pytest.raises(SpecError) as caught:
        load_spec_text(data, "spec.yaml")
    return [d.code for d in caught.value.diagnostics]


def test_positions_of_keys_and_values_are_one_based() -> None:
    tree = load_spec_text(b"format: 1\napi:\n  name:   Acme\n", "spec.yaml")
    api = tree["api"]
    assert isinstance(api, YMap)
    assert (api.key_at("name").line, api.key_at("name").col) == (3, 3)
    assert (api.value_at("name").line, api.value_at("name").col) == (3, 11)
    # A mapping remembers the key it belongs to: "`api` is missing ..." points at `api:`.
    assert (api.owner_location.line, api.owner_location.col) == (2, 1)


def test_keys_stay_as_written_even_when_yaml_would_read_them_as_other_types() -> None:
    # YAML 1.1 reads `on`, `no` as booleans, `null` as None and `1` as an integer; as property names
    # they are JSON keys and must reach the generated code exactly as written.
    tree = load_spec_text(b"on: 1\nno: 2\nnull: 3\n1: 4\n'quoted': 5\n", "spec.yaml")
    assert list(tree) == ["on", "no", "null", "1", "quoted"]


def test_values_keep_their_yaml_types() -> None:
    tree = load_spec_text(b"a: 1\nb: 1.5\nc: true\nd: text\ne: '1'\nf: ~\n", "spec.yaml")
    assert tree == {"a": 1, "b": 1.5, "c": True, "d": "text", "e": "1", "f": None}


def test_merge_keys_copy_an_anchor_and_explicit_keys_win() -> None:
    text = b"base: &base {type: string, required: true}\nid:\n  <<: *base\n  required: false\n"
    tree = load_spec_text(text, "spec.yaml")
    assert tree["id"] == {"type": "string", "required": False}


def test_merging_something_that_is_not_a_mapping_is_reported() -> None:
    assert codes("base: &base [a]\nid:\n  <<: *base\n") == ["E003"]


def test_a_byte_order_mark_is_ignored() -> None:
    assert load_spec_text("\ufeffformat: 1\n".encode(), "spec.yaml") == {"format": 1}


def test_a_spec_of_exactly_the_size_limit_is_read_and_one_byte_more_is_refused() -> None:
    text = b"format: 1\n# "
    at_limit = text + b"x" * (MAX_SPEC_BYTES - len(text) - 1) + b"\n"
    assert len(at_limit) == MAX_SPEC_BYTES
    assert load_spec_text(at_limit, "spec.yaml") == {"format": 1}
    assert codes(at_limit + b"\n") == ["E006"]


def test_load_spec_reads_no_more_than_one_byte_past_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_bytes(b"format: 1\n" + b"#" * (3 * MAX_SPEC_BYTES))
    seen: list[int] = []
    real = loader.load_spec_text
    monkeypatch.setattr(loader, "load_spec_text", lambda data, name: seen.append(len(data)) or real(data, name))
    with pytest.raises(SpecError) as caught:
        load_spec(spec)
    assert [d.code for d in caught.value.diagnostics] == ["E006"]
    assert seen == [MAX_SPEC_BYTES + 1]


def nested_lists(depth: int) -> str:
    # The top-level mapping is level 0; `x:` holds `depth` lists nested in each other.
    return "x: " + "[" * depth + "]" * depth + "\n"


def test_nesting_up_to_the_limit_is_read_and_one_level_more_is_refused() -> None:
    tree = load_spec_text(nested_lists(MAX_DEPTH).encode(), "spec.yaml")
    level = tree["x"]
    for _ in range(MAX_DEPTH - 1):
        level = level[0]
    assert level == []
    assert codes(nested_lists(MAX_DEPTH + 1)) == ["E007"]


def test_nesting_beyond_libyaml_and_python_limits_is_a_diagnostic(monkeypatch: pytest.MonkeyPatch) -> None:
    # libyaml stops at 1000 levels; the pure-Python composer would hit the recursion limit first.
    assert codes(nested_lists(5000)) == ["E007"]
    monkeypatch.setattr(parsing, "SpecLoader", yaml.SafeLoader)
    assert codes(nested_lists(5000)) == ["E007"]


def test_aliases_are_expanded_up_to_the_limit() -> None:
    text = "a: &a [" + ", ".join(["x"] * 99) + "]\nb: [" + ", ".join(["*a"] * 10) + "]\n"
    tree = load_spec_text(text.encode(), "spec.yaml")
    assert len(tree["b"]) == 10 and tree["b"][9] == ["x"] * 99


def test_an_alias_bomb_is_refused_before_it_expands() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]  # 10**9 values
    assert codes("\n".join(lines) + "\n") == ["E008"]
    assert MAX_ALIAS_VALUES < 10**9


def test_a_recursive_alias_is_refused() -> None:
    assert codes("a: &a [*a]\n") in (["E003"], ["E007"], ["E008"])


@pytest.mark.parametrize("text, code", [
    ("when: 2024-02-30\n", "E003"),  # looks like a date to YAML, is not one
    ("n: !!int one\n", "E003"),
    ("n: !!timestamp nope\n", "E003"),
    ("n: !!bool maybe\n", "E003"),
    ("n: !custom x\n", "E003"),
    ("n: !!python/object:os.system x\n", "E003"),
    ("? {a: 1}\n: x\n", "E003"),
    ("a: \x00\n", "E003"),
    ("a: 1\n---\nb: 2\n", "E003"),
    ("- a\n", "E005"),
    ("", "E002"),
    ("# nothing\n", "E002"),
])
def test_yaml_the_library_refuses_becomes_one_located_diagnostic(text: str, code: str) -> None:
    assert codes(text) == [code]


@pytest.mark.parametrize("spec", CORPUS, ids=lambda path: path.stem)
def test_the_pure_python_loader_reports_what_libyaml_reports(spec: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Diagnostics do not depend on whether PyYAML was built with libyaml."""
    if not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML without libyaml: there is only one loader to compare")

    def outcome() -> list[str]:
        try:
            load_spec(spec, spec.name)
        except SpecError as exc:
            return [d.render() for d in exc.diagnostics]
        return []

    with_libyaml = outcome()
    monkeypatch.setattr(parsing, "SpecLoader", yaml.SafeLoader)
    assert outcome() == with_libyaml


# ---------------------------------------------------------------- fuzzed: any bytes give a tree or a SpecError
# A longer campaign: GEN_LOADER_FUZZ_EXAMPLES=20000 pytest tests/test_loader.py -k "any_bytes or any_yaml"

YAML_ALPHABET = st.sampled_from(list(":-[]{},#&*!|>'\"%@`?\t\n\r ~.0123456789abcxyzé\u2028\x00\x07\ufeff<="))


def load_or_refuse(data: bytes) -> None:
    try:
        tree = load_spec_text(data, "spec.yaml")
    except SpecError as exc:
        assert exc.diagnostics and all(d.code.startswith("E0") and d.hint for d in exc.diagnostics)
    else:
        assert isinstance(tree, YMap)


@settings(max_examples=int(os.environ.get("GEN_LOADER_FUZZ_EXAMPLES", "300")), deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_load_or_are_refused_with_diagnostics(data: bytes) -> None:
    load_or_refuse(data)


@settings(max_examples=int(os.environ.get("GEN_LOADER_FUZZ_EXAMPLES", "500")), deadline=None)
@given(st.lists(YAML_ALPHABET, max_size=120).map("".join))
def test_any_yaml_like_text_loads_or_is_refused_with_diagnostics(text: str) -> None:
    load_or_refuse(text.encode("utf-8", "surrogatepass"))
