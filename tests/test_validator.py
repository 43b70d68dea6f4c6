"""The validator's rules that the corpus does not pin down alone: reference cycles, boundaries of
limits, no cascades of errors from one mistake, and, fuzzed, that no spec tree makes it crash."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.diagnostics import SpecError
from generator.ir import AnyValue, Api, Array, Binary, Const, Default, FileUpload, Location, Primitive
from generator.spec.loader import load_spec_text
from generator.targets import all_targets
from generator.spec.validator import MAX_NAME_LENGTH, MAX_SAFE_INTEGER, build_api

ROOT = Path(__file__).resolve().parent.parent

HEADER = """\
format: 1
api:
  name: Acme
  title: Acme API
  version: "1"
  base_url: https://acme.example.test
  auth: {type: bearer, env: ACME_KEY}
  packages:
    python: {name: acme, version: 1.0.0}
    ruby: {name: acme, version: 1.0.0}
    typescript: {name: acme, version: 1.0.0}
"""


def validate(text: str) -> Api:
    return build_api(load_spec_text(text.encode(), "spec.yaml"), "spec.yaml")


def problems(text: str) -> list[str]:
    """Each problem as `line:col CODE message`."""
    with pytest.raises(SpecError) as caught:
        validate(text)
    return [f"{d.location.line}:{d.location.col} {d.code} {d.message}" for d in caught.value.diagnostics]


# ---------------------------------------------------------------- reference cycles


@pytest.mark.parametrize("models", [
    # a tree: children through an array
    "  Node:\n    properties:\n      children: {type: array, items: {ref: Node}, required: true}\n",
    # a linked list: the next item is optional
    "  Item:\n    properties:\n      next: {ref: Item}\n",
    # required, but nullable: null ends the chain
    "  Item:\n    properties:\n      next: {ref: Item, required: true, nullable: true}\n",
    # mutual references through a map and an optional property
    "  Folder:\n    properties:\n      files: {type: map, values: {ref: File}, required: true}\n"
    "  File:\n    properties:\n      folder: {ref: Folder}\n",
    # through an inline object whose reference is optional
    "  Person:\n    properties:\n      family:\n        type: object\n        required: true\n"
    "        properties:\n          parent: {ref: Person}\n",
], ids=["array", "optional", "nullable", "map-and-optional", "inline-optional"])
def test_cycles_that_a_finite_value_can_satisfy_are_valid(models: str) -> None:
    api = validate(HEADER + "models:\n" + models)
    assert api.models


def test_a_cycle_of_required_references_is_reported_once_with_its_path() -> None:
    spec = HEADER + (
        "models:\n"
        "  A:\n    properties:\n      b: {ref: B, required: true}\n"
        "  B:\n    properties:\n      c: {ref: C, required: true}\n"
        "  C:\n    properties:\n      a: {ref: A, required: true}\n      self: {ref: C, required: true}\n"
    )
    assert problems(spec) == [
        "15:7 E211 models require each other in a cycle: `A.b` -> `B.c` -> `C.a` -> `A`",
        "22:7 E211 models require each other in a cycle: `C.self` -> `C`",
    ]


# ---------------------------------------------------------------- values and names at their limits


@pytest.mark.parametrize("value, code", [("true", "E103"), ("1.0", "E103"), ('"1"', "E103"), ("3", "E104"),
                                         ("0", "E104")])
def test_format_must_be_a_supported_integer(value: str, code: str) -> None:
    # `true` and `1.0` compare equal to 1 in Python: they must still be refused.
    assert [p.split()[1] for p in problems(HEADER.replace("format: 1", f"format: {value}"))] == [code]


def model_named(name: str) -> str:
    return HEADER + f"models:\n  {name}:\n    properties: {{}}\n"


def test_names_up_to_the_length_limit_are_accepted() -> None:
    assert validate(model_named("M" * MAX_NAME_LENGTH)).models[0].name == "M" * MAX_NAME_LENGTH
    assert problems(model_named("M" * (MAX_NAME_LENGTH + 1)))[0].startswith("13:3 E205")


@pytest.mark.parametrize("name, reason", [
    ("batch", "it must start with an upper-case letter"),
    ("2Fa", "it cannot start with `2`"),
    ("Batch-Error", "`-` is not allowed"),
    ("Batch Error", "it contains a space"),
    ("Größe", "`ö` (U+00F6) is not an ASCII letter or digit"),
    ("Batch\u200f", "`\u200f` (U+200F) is not an ASCII letter or digit"),  # a right-to-left mark
])
def test_an_invalid_name_says_which_character_is_wrong(name: str, reason: str) -> None:
    [problem] = problems(model_named(f'"{name}"'))
    assert problem.endswith(f"is not a valid model name: {reason}")


def test_integer_consts_must_be_exact_in_javascript() -> None:
    spec = HEADER + "models:\n  M:\n    properties:\n      v: {type: const, value: VALUE}\n"
    const = validate(spec.replace("VALUE", str(MAX_SAFE_INTEGER))).models[0].properties[0].type
    assert const == Const(MAX_SAFE_INTEGER)
    assert [p.split()[1] for p in problems(spec.replace("VALUE", str(-MAX_SAFE_INTEGER - 1)))] == ["E105"]


@pytest.mark.parametrize("timeout", [".inf", "-.inf", ".nan", "0", "-1"])
def test_timeouts_must_be_finite_and_positive(timeout: str) -> None:
    spec = HEADER.replace("  packages:", f"  timeout: {timeout}\n  packages:")
    assert [p.split()[1] for p in problems(spec)] == ["E105"]


# ---------------------------------------------------------------- one mistake, one diagnostic

METHOD = """\
resources:
  things:
    methods:
      get:
        http: {http}
        params:
          thing_id: {{in: path, type: string}}
          fields: {{in: body, type: string}}
"""


@pytest.mark.parametrize("http", ["get /things/{thing_id}", "GET /things/{thing-id}", "GET things", "GET /things?x=1"])
def test_a_malformed_http_line_is_reported_alone(http: str) -> None:
    # Before, the method fell back to `GET /` and every path or body parameter was reported too.
    found = problems(HEADER + METHOD.format(http=http))
    assert [p.split()[1] for p in found] == ["E105"], found


def test_a_method_and_a_sub_resource_with_one_name_are_reported() -> None:
    spec = HEADER + (
        "resources:\n  files:\n    methods:\n      content: {http: GET /files/content}\n"
        "    resources:\n      content:\n        methods:\n          list: {http: GET /files/contents}\n"
    )
    assert problems(spec) == ["17:7 E203 resource `files` has a method and a sub-resource both named `content`"]


def test_a_missing_key_is_reported_at_the_key_that_owns_the_mapping() -> None:
    assert problems(HEADER + "models:\n  M:\n    properties:\n      p:\n        required: true\n") == [
        "15:7 E102 property `p` of model `M` is missing `type`"]


# ---------------------------------------------------------------- fuzzed: never anything but SpecError

BASE_TREE: Any = yaml.safe_load((ROOT / "tests" / "specs" / "fixtures" / "kitchen_sink.yaml").read_text("utf-8"))
WORDS = ["type", "ref", "string", "integer", "number", "boolean", "const", "enum", "array", "map", "object",
         "items", "values", "value", "properties", "required", "nullable", "in", "path", "query", "body", "http",
         "GET /things/{id}", "POST /x", "params", "returns", "Thing", "id", "class", "__proto__", "format",
         "date-time", "unix-time", "models", "resources", "methods", "api", "name"]
SCALARS = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
           | st.sampled_from(WORDS))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.sampled_from(WORDS) | st.text(max_size=8), inner, max_size=3),
                      max_leaves=10)


def node_paths(tree: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(tree, dict):
        for key, value in tree.items():
            found += node_paths(value, prefix + (key,))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            found += node_paths(value, prefix + (index,))
    return found


def mutate(tree: Any, path: tuple[Any, ...], action: str, value: Any) -> Any:
    if not path:
        return value if action == "replace" else tree
    parent = tree
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "replace":
        parent[last] = value
    elif action == "delete":
        del parent[last]
    elif action == "rename" and isinstance(parent, dict) and isinstance(value, str) and value not in parent:
        parent[value] = parent.pop(last)
    return tree


# CI runs 150 examples (a few seconds); a longer campaign: GEN_VALIDATOR_FUZZ_EXAMPLES=5000 pytest -k crash
@settings(max_examples=int(os.environ.get("GEN_VALIDATOR_FUZZ_EXAMPLES", "150")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_no_spec_tree_makes_validation_crash(data: st.DataObject) -> None:
    tree = copy.deepcopy(BASE_TREE)
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        path = data.draw(st.sampled_from(node_paths(tree)), label="path")
        action = data.draw(st.sampled_from(["replace", "delete", "rename"]), label="action")
        value = data.draw(st.text(max_size=12) | st.sampled_from(WORDS) if action == "rename" else VALUES,
                          label="value")
        tree = mutate(tree, path, action, value)
    text = yaml.safe_dump(tree, sort_keys=False, allow_unicode=True)
    lines = text.split("\n")
    try:
        tree_in = load_spec_text(text.encode("utf-8"), "spec.yaml")
        build_api(tree_in, "spec.yaml", [t.check for t in all_targets().values()])
    except SpecError as exc:
        assert exc.diagnostics
        for d in exc.diagnostics:
            assert d.code[0] == "E" and d.hint and d.message
            assert isinstance(d.location, Location) and 1 <= d.location.line <= len(lines)


# ---------------------------------------------------------------- names that become file names

PATH_TRICKS = ["..", "../Escape", "a/b", "a\\\\b", "Batch.py", "/etc", "C:", "Batch\\u0000", "~root", ".hidden"]


@pytest.mark.parametrize("trick", PATH_TRICKS)
@pytest.mark.parametrize("kind", ["model", "resource", "method"])
def test_names_that_become_file_names_cannot_hold_path_characters(kind: str, trick: str) -> None:
    # Models and resources name files in every target: a name accepted here holds only letters,
    # digits and `_`, so no target can be led to write outside its output folder.
    name = f'"{trick}"'
    spec = {
        "model": HEADER + f"models:\n  {name}:\n    properties: {{}}\n",
        "resource": HEADER + f"resources:\n  {name}:\n    methods: {{}}\n",
        "method": HEADER + f"resources:\n  things:\n    methods:\n      {name}: {{http: GET /things}}\n",
    }[kind]
    assert [p.split()[1] for p in problems(spec)] == ["E205"]


# ---------------------------------------------------------------- format 2


FORMAT_2 = HEADER.replace("format: 1", "format: 2") + """\
  pagination:
    cursor: {kind: cursor, cursor_field: name}
models:
  Widget:
    properties:
      name: {type: string, required: true}
      payload: {type: any}
resources:
  widgets:
    methods:
      list:
        http: GET /widgets
        paginated: cursor
        timeout: 12.5
        params:
          after: {in: query, type: string}
          limit: {in: query, type: integer, default: 20}
          Acme-Beta: {in: header, type: string}
        returns: {ref: Widget}
      upload:
        http: POST /widgets/upload
        encoding: multipart
        params:
          file: {in: body, type: file, required: true}
          extras: {in: body, type: array, items: {type: file}}
          note: {in: body, type: string, default: null}
      download:
        http: GET /widgets/{name}/content
        params:
          name: {in: path, type: string}
        returns: {type: binary}
"""


def test_format_2_constructs_reach_the_ir() -> None:
    api = validate(FORMAT_2)
    (style,) = api.page_styles
    assert (style.name, style.kind, style.items, style.has_more, style.cursor_param, style.cursor_field) == (
        "cursor", "cursor", "data", "has_more", "after", "name")
    listing, upload, download = api.resources[0].methods
    assert listing.page is style and listing.timeout_seconds == 12.5 and listing.body_encoding == "json"
    limit, beta = listing.parameters[1:]
    assert limit.default == Default(20) and beta.location == "header" and beta.default is None
    assert api.models[0].properties[1].type == AnyValue()
    assert upload.body_encoding == "multipart" and upload.page is None and upload.timeout_seconds is None
    assert [p.type for p in upload.parameters] == [FileUpload(), Array(FileUpload()), Primitive("string")]
    assert upload.parameters[2].default == Default(None)  # a default of null is kept, boxed
    assert download.returns == Binary()


def test_format_1_specs_read_as_before_under_format_2() -> None:
    old = validate(HEADER + "models:\n  M:\n    properties: {}\n")
    new = validate(HEADER.replace("format: 1", "format: 2") + "models:\n  M:\n    properties: {}\n")
    assert old == new and new.page_styles == ()


ZOO = Path(__file__).parent / "specs" / "fixtures" / "zoo_unions.yaml"


def test_unions_aliases_integer_enums_and_auth_schemes_reach_the_ir() -> None:
    from generator.ir import AliasRef, AuthScheme, Enum, Map, ModelRef, Union

    api = build_api(load_spec_text(ZOO.read_bytes(), "zoo.yaml"), "zoo.yaml")
    assert [a.name for a in api.aliases] == ["Metadata", "Animal", "Diet", "Priority"]
    assert api.alias("Metadata").type == Map(Primitive("string"))
    assert api.alias("Animal").type == Union((ModelRef("Cat"), ModelRef("Parrot")), "kind")
    assert api.alias("Diet").type == Union((Primitive("string"), Enum(("herbivore", "carnivore", "omnivore"))))
    priority = api.alias("Priority").type
    assert priority == Enum((1, 2, 3)) and isinstance(priority, Enum) and priority.is_integer
    enclosure = api.model("Enclosure")
    assert enclosure.property("residents").type == Array(AliasRef("Animal"))
    assert enclosure.property("keeper").type == Union((Primitive("string"), Array(Primitive("string"))))
    assert enclosure.property("metadata").type == AliasRef("Metadata") and enclosure.property("metadata").nullable
    assert api.resolve(AliasRef("Priority")) == priority
    (scheme,) = api.auth_schemes
    assert scheme == AuthScheme("admin_api_key", "bearer", "ZOO_ADMIN_KEY", scheme.description, scheme.location)
    tasks_create = next(m for r in api.resources if r.name == "tasks" for m in r.methods)
    assert tasks_create.auth == "admin_api_key"
    assert all(m.auth is None for r in api.resources if r.name == "enclosures" for m in r.methods)


def test_a_ref_to_an_alias_inside_a_union_is_checked_like_any_ref() -> None:
    spec = HEADER.replace("format: 1", "format: 2") + """\
models:
  M:
    properties:
      a: {type: union, variants: [{type: string}, {ref: Nowhere}]}
"""
    assert any("E202" in p and "Nowhere" in p for p in problems(spec))


def test_an_integer_enum_beyond_javascript_precision_is_refused() -> None:
    spec = HEADER.replace("format: 1", "format: 2") + """\
models:
  M:
    properties:
      a: {type: enum, values: [1, 9007199254740993]}
"""
    assert any("E105" in p and "too large" in p for p in problems(spec))
