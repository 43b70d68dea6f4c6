"""Direction: the same change is judged by where the value travels, and nested places are compared too."""

from __future__ import annotations

from pathlib import Path

from generator.diff import diff_apis
from generator.diff.context import model_directions
from generator.diff.model import bump, quote
from generator.diff.sources import load_file
from snapshots import ROOT

KITCHEN_SINK = ROOT / "tests" / "specs" / "fixtures" / "kitchen_sink.yaml"


def _changed(tmp_path: Path, source: Path, edits: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    text = source.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    changed = tmp_path / "new.yaml"
    changed.write_text(text, encoding="utf-8")
    before, after = load_file(source), load_file(changed)
    return [(c.code, c.level, c.subject) for c in diff_apis(before.api, after.api, before.tree, after.tree)]


def test_models_travel_in_the_directions_their_methods_use_them() -> None:
    api = load_file(KITCHEN_SINK).api
    directions = model_directions(api)
    assert directions["Owner"] == ("request", "response")  # body parameter of create, and inside Widget
    assert directions["Widget"] == ("response",)
    assert directions["Part"] == ("response",)


def test_a_model_used_both_ways_reports_both_directions(tmp_path: Path) -> None:
    changes = _changed(tmp_path, KITCHEN_SINK, [("      name: {type: string, required: true}\n      email",
                                                 "      email")])
    assert changes == [("request-property-removed", "breaking", "Owner.name"),
                       ("response-property-removed", "breaking", "Owner.name")]


def test_the_same_change_differs_by_direction(tmp_path: Path) -> None:
    # Owner.email becomes non-nullable: safer to read, but callers sending null now break.
    changes = _changed(tmp_path, KITCHEN_SINK, [("format: email, nullable: true}", "format: email}")])
    assert changes == [("request-property-became-non-nullable", "breaking", "Owner.email"),
                       ("response-property-became-non-nullable", "non-breaking", "Owner.email")]


def test_array_items_map_values_and_inline_objects_are_compared(tmp_path: Path) -> None:
    changes = _changed(tmp_path, KITCHEN_SINK, [
        ("tags: {type: array, items: {type: string}}\n      scores",
         "tags: {type: array, items: {type: integer}}\n      scores"),
        ("values: {type: number}, nullable: true}", "values: {type: string}, nullable: true}"),
        ("              value: {type: number}", "              value: {type: number, required: true}"),
    ])
    assert changes == [
        ("response-type-changed", "breaking", "Widget.tags[]"),
        ("response-type-changed", "breaking", "Widget.scores{}"),
        ("response-property-became-required", "non-breaking", "Widget.dimensions.depth.value"),
    ]


def test_a_method_result_is_a_response_place(tmp_path: Path) -> None:
    changes = _changed(tmp_path, KITCHEN_SINK, [("returns: {type: array, items: {ref: Widget}}",
                                                 "returns: {ref: Widget}")])
    assert changes == [("response-type-changed", "breaking", "widgets.list()")]


def test_a_nested_resource_method_is_named_by_its_path(tmp_path: Path) -> None:
    changes = _changed(tmp_path, KITCHEN_SINK, [("part_number: {in: path, type: integer}",
                                                 "part_number: {in: path, type: string}")])
    assert changes == [("request-type-changed", "breaking", "widgets.parts.retrieve(part_number)")]


def test_renaming_a_path_placeholder_is_not_a_path_change(tmp_path: Path) -> None:
    changes = _changed(tmp_path, KITCHEN_SINK, [
        ("PATCH /widgets/{widget_id}\n        params:\n          widget_id:",
         "PATCH /widgets/{id}\n        params:\n          id:"),
    ])
    # Listed by location, one in the new spec and one in the old: compare without that order.
    assert sorted(changes) == [("request-parameter-added-required", "breaking", "widgets.update(id)"),
                               ("request-parameter-removed", "breaking", "widgets.update(widget_id)")]


def test_bump_follows_the_most_severe_level(tmp_path: Path) -> None:
    spec = load_file(KITCHEN_SINK)
    assert bump(diff_apis(spec.api, spec.api)) == "none"


def test_quote_keeps_untrusted_values_on_one_line_and_inside_their_code_span() -> None:
    assert quote("plain") == "`plain`"
    assert quote("a`b") == "`` a`b ``"
    assert quote("line\nbreak\x1b[31m") == "`line\\nbreak\\x1b[31m`"
    assert "\n" not in quote("\u2028")
