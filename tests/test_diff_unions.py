"""`gen diff` on format 2's unions, integer enums, aliases and auth schemes: edited copies of the zoo
fixture (tests/specs/fixtures/zoo_unions.yaml) and of the bundled spec, compared both ways.

Specs are loaded without the targets' own checks (see test_diff_checks.py): only the IR matters here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.diff import diff_apis
from generator.diff.checks import all_codes
from generator.diff.checks.base import describe_type
from generator.diff.context import DiffContext, model_directions
from generator.diff.sources import load_file
from generator.ir import AliasRef, Array, Enum, ModelRef, Primitive, Union
from snapshots import ROOT

ZOO = ROOT / "tests" / "specs" / "fixtures" / "zoo_unions.yaml"
BUNDLED = ROOT / "spec" / "openai.yaml"

Found = list[tuple[str, str, str]]


def _edit(text: str, edits: list[tuple[str, str]]) -> str:
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _changes(tmp_path: Path, old_text: str, new_text: str) -> tuple[Found, list[str]]:
    """(code, level, subject) of each change from old to new, and the messages."""
    (tmp_path / "old.yaml").write_text(old_text, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(new_text, encoding="utf-8")
    before = load_file(tmp_path / "old.yaml", target_checks=False)
    after = load_file(tmp_path / "new.yaml", target_checks=False)
    changes = diff_apis(before.api, after.api, before.tree, after.tree)
    codes = all_codes()
    for c in changes:
        assert codes[c.code] == c.level
        assert c.location.line > 0 and c.location.file in (before.name, after.name)
    return [(c.code, c.level, c.subject) for c in changes], [c.message for c in changes]


def _zoo(tmp_path: Path, edits: list[tuple[str, str]]) -> tuple[Found, list[str]]:
    text = ZOO.read_text(encoding="utf-8")
    return _changes(tmp_path, text, _edit(text, edits))


# Each edit of the zoo, with what it must report (both ways: the reverse edit is checked not to crash
# and to report as many changes).
ZOO_EDITS: dict[str, tuple[list[tuple[str, str]], Found]] = {
    "alias type changed: reported once per direction at the alias, not at its three uses": (
        [("    type: map\n    values: {type: string}\n  Animal:", "    type: map\n    values: {type: integer}\n  Animal:")],
        [("request-type-changed", "breaking", "Metadata{}"), ("response-type-changed", "breaking", "Metadata{}")]),
    "open enum of an alias: a value added to its enum variant": (
        [("values: [herbivore, carnivore, omnivore]", "values: [herbivore, carnivore, omnivore, insectivore]")],
        [("request-enum-value-added", "non-breaking", "Diet|enum"),
         ("response-enum-value-added", "non-breaking", "Diet|enum")]),
    "integer enum of an alias: values added and removed": (
        [("    values: [1, 2, 3]\nmodels:", "    values: [1, 2, 4]\nmodels:")],
        [("request-enum-value-removed", "breaking", "Priority"), ("response-enum-value-removed", "breaking", "Priority"),
         ("request-enum-value-added", "non-breaking", "Priority"),
         ("response-enum-value-added", "non-breaking", "Priority")]),
    "integer enum of a query parameter: a value removed": (
        [("values: [1, 2, 4], description: The size", "values: [1, 2], description: The size")],
        [("request-enum-value-removed", "breaking", "enclosures.star(size)")]),
    "integer enum became a string enum: a change of kind": (
        [("values: [1, 2, 3, 4, 5, 6, 7, 8, 9]", "values: [one, two]")],
        [("request-type-changed", "breaking", "Cat.lives"), ("response-type-changed", "breaking", "Cat.lives")]),
    "a scalar/array union became a scalar": (
        [("      keeper:\n        description: The keeper on duty, by name or as the list of names of a shift.\n"
          "        type: union\n        variants:\n          - {type: string}\n          - {type: array, items: {type: string}}",
          "      keeper:\n        description: The keeper on duty, by name or as the list of names of a shift.\n"
          "        type: string")],
        [("response-type-changed", "breaking", "Enclosure.keeper")]),
    "a scalar became a union": (
        [("      id: {type: string, required: true}\n      priority: {ref: Priority, required: true}",
          "      id: {type: union, variants: [{type: string}, {type: integer}], required: true}\n"
          "      priority: {ref: Priority, required: true}")],
        [("response-type-changed", "breaking", "Task.id")]),
    "a union variant replaced by another kind": (
        [("          - {type: integer}\n          - {type: enum, values: [small, large]}",
          "          - {type: number}\n          - {type: enum, values: [small, large]}")],
        [("response-union-variant-added", "non-breaking", "Enclosure.capacity"),
         ("response-union-variant-removed", "breaking", "Enclosure.capacity")]),
    "a discriminated union of a model lost its discriminator": (
        [("        discriminator: kind\n        variants: [{ref: Cat}, {ref: Parrot}]",
          "        variants: [{ref: Cat}, {ref: Parrot}]")],
        [("response-union-discriminator-changed", "breaking", "Enclosure.favorite")]),
    "a place spelled its alias out": (
        [("      priority: {ref: Priority}\n      metadata", "      priority: {type: enum, values: [1, 2, 3]}\n      metadata")],
        [("type-no-longer-alias", "info", "Enclosure.priority")]),
    "a place spelled its alias out with another map value: both the switch and the change are said": (
        [("      metadata: {ref: Metadata, nullable: true}\n  Task:",
          "      metadata: {type: map, values: {type: integer}, nullable: true}\n  Task:")],
        [("type-no-longer-alias", "info", "Enclosure.metadata"),
         ("response-type-changed", "breaking", "Enclosure.metadata{}")]),
    "a place switched from an alias to a type of another kind: the type change names the alias": (
        [("      metadata: {ref: Metadata, nullable: true}\n  Task:", "      metadata: {type: string, nullable: true}\n  Task:")],
        [("response-type-changed", "breaking", "Enclosure.metadata")]),
    "a union's variant spelled through a new alias: one variant, which became an alias": (
        [("    values: [1, 2, 3]\nmodels:", "    values: [1, 2, 3]\n  Names: {type: array, items: {type: string}}\nmodels:"),
         ("          - {type: array, items: {type: string}}\n      favorite:", "          - {ref: Names}\n      favorite:")],
        [("alias-added", "non-breaking", "Names"), ("type-became-alias", "info", "Enclosure.keeper|array")]),
    "an auth scheme's env var renamed": (
        [("env: ZOO_ADMIN_KEY", "env: ZOO_ADMIN_API_KEY")],
        [("env-var-changed", "breaking", "auth scheme admin_api_key")]),
    "an auth scheme's env var dropped": (
        [("      env: ZOO_ADMIN_KEY\n", "")],
        [("env-var-changed", "breaking", "auth scheme admin_api_key")]),
    "a method's auth scheme dropped": (
        [("        auth: admin_api_key\n", "")],
        [("method-auth-changed", "breaking", "tasks.create")]),
    "an alias's description": (
        [("description: How urgent a task is", "description: How pressing a task is")],
        [("description-changed", "info", "Priority")]),
    "an alias deprecated": (
        [("    description: How urgent a task is, 1 (most) to 3 (least).\n",
          "    description: How urgent a task is, 1 (most) to 3 (least).\n    deprecated: true\n")],
        [("deprecation-added", "info", "Priority")]),
    "an auth scheme's description": (
        [("description: The key of a zoo administrator", "description: The key of a zoo manager")],
        [("description-changed", "info", "admin_api_key")]),
}


@pytest.mark.parametrize("name", list(ZOO_EDITS))
def test_zoo_edits_are_classified(name: str, tmp_path: Path) -> None:
    edits, expected = ZOO_EDITS[name]
    found, _ = _zoo(tmp_path, edits)
    assert sorted(found) == sorted(expected)
    # The reverse edit: nothing crashes, and each change has its counterpart.
    text = ZOO.read_text(encoding="utf-8")
    back, _ = _changes(tmp_path, _edit(text, edits), text)
    assert len(back) == len(found)


def test_messages_spell_unions_aliases_and_integer_enums(tmp_path: Path) -> None:
    _, became_union = _zoo(tmp_path, ZOO_EDITS["a scalar became a union"][0])
    assert became_union == ["the type of `Task.id` in responses changed from string to union of string | integer"]
    _, kind = _zoo(tmp_path, ZOO_EDITS["integer enum became a string enum: a change of kind"][0])
    assert "changed from integer enum to enum" in kind[0]
    _, values = _zoo(tmp_path, ZOO_EDITS["integer enum of an alias: values added and removed"][0])
    assert "value `3` was removed from the enum of `Priority` in requests" in values
    _, switched = _zoo(tmp_path, ZOO_EDITS["a place switched from an alias to a type of another kind: the type change "
                                           "names the alias"][0])
    assert switched == ["the type of `Enclosure.metadata` in responses changed from alias `Metadata` (map of string) "
                        "to string"]
    _, auth = _zoo(tmp_path, ZOO_EDITS["a method's auth scheme dropped"][0])
    assert auth == ["method `tasks.create` now sends the API key (`api_key`) instead of the `admin_api_key` key: "
                    "clients built without it fail on this method"]
    _, env = _zoo(tmp_path, ZOO_EDITS["an auth scheme's env var renamed"][0])
    assert env == ["auth scheme `admin_api_key` is now read from `ZOO_ADMIN_API_KEY` instead of `ZOO_ADMIN_KEY`"]


def test_describe_type() -> None:
    assert describe_type(Union((Primitive("string"), Array(Primitive("string"))))) == \
        "union of string | array of string"
    assert describe_type(Union((ModelRef("Cat"), ModelRef("Parrot")), "kind")) == \
        "union of model `Cat` | model `Parrot` (discriminator `kind`)"
    assert describe_type(AliasRef("Metadata")) == "alias `Metadata`"
    assert describe_type(Enum((1, 2))) == "integer enum"
    assert describe_type(Enum(("a",))) == "enum"


def test_an_alias_travels_where_its_users_do() -> None:
    api = load_file(ZOO, target_checks=False).api
    directions = model_directions(api)
    assert directions["Metadata"] == ("request", "response")  # enclosures.create(metadata), Enclosure.metadata
    assert directions["Animal"] == ("request", "response")
    assert directions["Cat"] == ("request", "response")  # through the alias Animal
    # A place that names the same alias in both specs is not looked through: the alias is compared once.
    ctx = DiffContext.of(api, api)
    places = [p for p in ctx.types if p.subject.startswith("Enclosure.metadata")]
    assert [(p.subject, p.old, p.new) for p in places] == \
        [("Enclosure.metadata", AliasRef("Metadata"), AliasRef("Metadata"))]  # Enclosure: responses only
    assert {p.subject for p in ctx.types if p.alias_root} == {"Metadata", "Animal", "Diet", "Priority"}


def test_a_zoo_without_each_new_construct_compares_without_crashing(tmp_path: Path) -> None:
    """Everything of format 2 removed at once, compared both ways with the zoo: every change is a known
    code at a known place (checked in _changes)."""
    text = ZOO.read_text(encoding="utf-8")
    plain = _edit(text, [
        ("  auth_schemes:\n    admin_api_key:\n      type: bearer\n      env: ZOO_ADMIN_KEY\n"
         "      description: The key of a zoo administrator, for the admin methods.\n", ""),
        ("        auth: admin_api_key\n", ""),
    ])
    plain = re.sub(r"\bref: (Metadata|Diet|Priority|Animal)\b", "type: string", plain)
    plain = re.sub(r"(?ms)^aliases:.*?^models:", "models:", plain)
    plain = re.sub(r"(?m)^( +)type: union\n(\1discriminator: kind\n)?\1variants:\n(\1  - .*\n)+", r"\1type: string\n",
                   plain)
    plain = re.sub(r"type: union\n( +)discriminator: kind\n +variants: \[.*\]", "type: string", plain)
    plain = re.sub(r"type: enum, values: \[[0-9, ]+\]", "type: integer", plain)
    forward, _ = _changes(tmp_path, text, plain)
    backward, _ = _changes(tmp_path, plain, text)
    for found, gone in ((forward, "alias-removed"), (backward, "alias-added")):
        assert sum(code == gone for code, _, _ in found) == 4
        assert ("method-auth-changed", "breaking", "tasks.create") in found
    assert ("auth-scheme-removed", "breaking", "auth scheme admin_api_key") in forward
    assert ("auth-scheme-added", "non-breaking", "auth scheme admin_api_key") in backward


def test_the_bundled_spec_gaining_its_metadata_alias(tmp_path: Path) -> None:
    """The bundled spec before `Metadata` became an alias, against the bundled spec."""
    new = BUNDLED.read_text(encoding="utf-8")
    old = re.sub(r"(?ms)^aliases:\n.*?\n\n", "", new)
    old = re.sub(r"(?m)^( +)ref: Metadata$", r"\1type: map\n\1values: {type: string}", old)
    assert old.count("values: {type: string}") == new.count("values: {type: string}") + 1
    found, messages = _changes(tmp_path, old, new)
    assert found == [("alias-added", "non-breaking", "Metadata"),
                     ("type-became-alias", "info", "Batch.metadata"),
                     ("type-became-alias", "info", "batches.create(metadata)")]
    assert messages[1] == ("the type of `Batch.metadata` now refers to alias `Metadata`, which stands for the same "
                           "map of string: the same on the wire and to type checkers, but the SDKs' signatures and "
                           "docs now name the type `Metadata`")
    back, _ = _changes(tmp_path, new, old)
    assert back == [("alias-removed", "breaking", "Metadata"),
                    ("type-no-longer-alias", "info", "Batch.metadata"),
                    ("type-no-longer-alias", "info", "batches.create(metadata)")]
