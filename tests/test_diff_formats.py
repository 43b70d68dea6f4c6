"""Diffs across spec formats and of format 2 features beyond the one-code cases of test_diff_checks.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator import changelog
from generator.diagnostics import SpecError
from generator.diff import Change, bump, diff_apis
from generator.diff.checks import all_codes
from generator.diff.report import render
from generator.diff.sources import load_file
from snapshots import BUNDLED_SPEC, ROOT

CASES = ROOT / "tests" / "specs" / "diff"
BASE_1 = CASES / "base.yaml"
BASE_2 = CASES / "base-2.yaml"


def _edited(tmp_path: Path, source: Path, edits: list[tuple[str, str]], name: str = "new.yaml") -> Path:
    text = source.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    changed = tmp_path / name
    changed.write_text(text, encoding="utf-8")
    return changed


def _diff(old: Path, new: Path) -> list[Change]:
    before, after = load_file(old), load_file(new)
    return diff_apis(before.api, after.api, before.tree, after.tree)


def _changed(tmp_path: Path, edits: list[tuple[str, str]], source: Path = BASE_2) -> list[tuple[str, str, str]]:
    return [(c.code, c.level, c.subject) for c in _diff(source, _edited(tmp_path, source, edits))]


def _messages(tmp_path: Path, edits: list[tuple[str, str]], source: Path = BASE_2) -> list[str]:
    return [c.message for c in _diff(source, _edited(tmp_path, source, edits))]


# ---------------------------------------------------------------- across formats


def test_a_format_1_spec_read_as_format_2_has_no_changes(tmp_path: Path) -> None:
    assert _changed(tmp_path, [("format: 1", "format: 2")], BASE_1) == []


def test_the_format_1_bundled_spec_against_the_format_2_one() -> None:
    changes = _diff(CASES / "openai-format-1.yaml", BUNDLED_SPEC)
    found = {(c.code, c.subject) for c in changes}
    assert ("page-style-added", "api.pagination.cursor") in found
    assert {("method-added", m) for m in ("batches.list", "files.create", "files.content", "files.list")} <= found
    assert ("model-added", "FileObject") in found
    # Adding methods, models and a page style breaks nothing that existed.
    assert bump(changes) == "minor", [(c.code, c.subject) for c in changes if c.level == "breaking"]
    for fmt in ("text", "markdown", "json"):
        assert "page style `cursor` was added" in render(changes, fmt, "old.yaml", "new.yaml")


def test_format_2_back_to_format_1_reports_what_is_lost(tmp_path: Path) -> None:
    changes = _diff(BASE_2, BASE_1)
    found = {(c.code, c.subject) for c in changes}
    assert ("page-style-removed", "api.pagination.cursor") in found
    assert ("method-removed", "orders.list") in found
    assert ("request-header-parameter-removed", "orders.create(Idempotency-Key)") in found
    assert bump(changes) == "major"


def test_every_valid_test_spec_diffs_both_ways_against_both_formats() -> None:
    """Fixtures, hostile and fuzz-regression specs against the format 1 and 2 anchors: every change
    has a registered code and level, and a one-line message. Loaded without the targets' checks: the
    comparison needs only the IR, and this way every spec the IR accepts is compared."""
    anchors = [load_file(path, target_checks=False)
               for path in (BUNDLED_SPEC, BASE_2, CASES / "base-3.yaml", CASES / "openai-format-1.yaml")]
    specs = []
    for folder in ("fixtures", "hostile", "fuzz_regressions"):
        for path in sorted((ROOT / "tests" / "specs" / folder).glob("*.yaml")):
            try:
                specs.append(load_file(path, target_checks=False))
            except SpecError:
                continue  # (all 24 are valid today; invalid specs live in tests/specs/invalid)
    assert len(specs) >= 10
    codes = all_codes()
    for spec in specs:
        for anchor in anchors:
            for old, new in ((spec, anchor), (anchor, spec)):
                changes = diff_apis(old.api, new.api, old.tree, new.tree)
                assert changes, (old.name, new.name)
                for change in changes:
                    assert codes[change.code] == change.level, change
                    assert "\n" not in change.message and "\x1b" not in change.message, change


# ---------------------------------------------------------------- pagination


def test_the_items_of_pages_are_compared_and_named_after_the_page_style(tmp_path: Path) -> None:
    edits = [("paginated: cursor\n        params:\n          after: {in: query, type: string}\n"
              "          limit: {in: query, type: integer, default: 20}\n        returns: {ref: Order}",
              "paginated: cursor\n        params:\n          after: {in: query, type: string}\n"
              "          limit: {in: query, type: integer, default: 20}\n        returns: {ref: Receipt}")]
    assert _changed(tmp_path, edits) == [("response-type-changed", "breaking", "orders.list().data[]")]
    assert _messages(tmp_path, edits) == [
        "the items of the pages of `orders.list` in responses changed from model `Order` to model `Receipt`"]


def test_a_new_page_style_and_its_items_type_are_both_reported(tmp_path: Path) -> None:
    edits = [("        paginated: cursor\n", "        paginated: legacy\n"),
             ("default: 20}\n        returns: {ref: Order}", "default: 20}\n        returns: {ref: Receipt}")]
    assert _changed(tmp_path, edits) == [  # by line: the method, then its `paginated`
        ("response-type-changed", "breaking", "orders.list().results[]"),
        ("method-page-style-changed", "breaking", "orders.list"),
    ]


def test_each_changed_field_of_a_page_style_is_reported(tmp_path: Path) -> None:
    edits = [("items: data, has_more: has_more, cursor_param: after, cursor_field: id}",
              "items: objects, has_more: more, cursor_param: after, cursor_field: id}")]
    assert _changed(tmp_path, edits) == [
        ("page-style-changed", "breaking", "api.pagination.cursor.items"),
        ("page-style-changed", "breaking", "api.pagination.cursor.has_more"),
    ]
    assert _messages(tmp_path, edits)[1] == ("the field saying whether more pages follow of page style `cursor` "
                                             "changed from `has_more` to `more` (auto-paging of `orders.list`)")


def test_a_changed_style_no_method_uses_names_no_method(tmp_path: Path) -> None:
    assert _messages(tmp_path, [("items: results, has_more: more", "items: results, has_more: has_more")]) == [
        "the field saying whether more pages follow of page style `legacy` changed from `more` to `has_more`"]


def test_pagination_is_located_at_its_key_in_nested_resources(tmp_path: Path) -> None:
    edits = [("  attachments:\n    methods:\n", "  attachments:\n    resources:\n      notes:\n        methods:\n"
              "          list:\n            http: GET /attachments/notes\n            paginated: cursor\n"
              "            params:\n              after: {in: query, type: string}\n"
              "            returns: {ref: Receipt}\n    methods:\n")]
    source = _edited(tmp_path, BASE_2, edits, "old.yaml")
    new = _edited(tmp_path, source, [("            paginated: cursor\n", "")])
    [change] = _diff(source, new)
    assert (change.code, change.subject) == ("method-no-longer-paginated", "attachments.notes.list")
    text = new.read_text(encoding="utf-8").splitlines()
    assert text[change.location.line - 1].strip() == "list:"  # the method: `paginated` is gone
    [change] = _diff(new, source)
    assert change.code == "method-became-paginated"
    assert source.read_text(encoding="utf-8").splitlines()[change.location.line - 1] == "            paginated: cursor"


# ---------------------------------------------------------------- headers, defaults, timeouts, types


def test_a_parameter_moving_to_or_from_a_header_changes_location(tmp_path: Path) -> None:
    to_header = [("limit: {in: query, type: integer, default: 20}", "limit: {in: header, type: integer, default: 20}")]
    assert _changed(tmp_path, to_header) == [("request-parameter-location-changed", "breaking", "orders.list(limit)")]
    assert _messages(tmp_path, to_header) == ["parameter `orders.list(limit)` moved from the query to the header"]
    moved = _edited(tmp_path, BASE_2, to_header, "moved.yaml")
    assert [c.message for c in _diff(moved, BASE_2)] == [
        "parameter `orders.list(limit)` moved from the header to the query"]


def test_a_header_parameter_becoming_required_uses_the_parameter_code(tmp_path: Path) -> None:
    assert _changed(tmp_path, [("Idempotency-Key: {in: header, type: string}",
                                "Idempotency-Key: {in: header, type: string, required: true}")]) == [
        ("request-parameter-became-required", "breaking", "orders.create(Idempotency-Key)")]


def test_defaults_added_dropped_and_of_another_json_type(tmp_path: Path) -> None:
    assert _messages(tmp_path, [("limit: {in: query, type: integer, default: 20}",
                                 "limit: {in: query, type: integer}")]) == [
        "parameter `orders.list(limit)` no longer documents a default (it was `20`)"]
    assert _messages(tmp_path, [("q: {in: query, type: string}", "q: {in: query, type: string, default: null}")]) == [
        "parameter `orders.search(q)` now documents the default `null`"]
    # 1 == True in Python, but they are different defaults.
    one = _edited(tmp_path, BASE_2, [("default: 20}", "default: 1}")], "one.yaml")
    true = _edited(tmp_path, BASE_2, [("default: 20}", "default: true}")], "true.yaml")
    assert [c.message for c in _diff(one, true)] == [
        "the default of parameter `orders.list(limit)` changed from `1` to `true`"]
    assert [c.level for c in _diff(one, true)] == ["info"]


def test_a_hostile_default_stays_inside_its_code_span(tmp_path: Path) -> None:
    [message] = _messages(tmp_path, [("default: 20}", 'default: "a``b\\nc\\u001b[31m"}')])
    assert message == ("the default of parameter `orders.list(limit)` changed from `20` to "
                       "``` \"a``b\\nc\\u001b[31m\" ```")
    assert "\n" not in message and "\x1b" not in message


def test_a_method_timeout_set_or_dropped_names_the_clients(tmp_path: Path) -> None:
    assert _messages(tmp_path, [("        timeout: 120\n", "")]) == [
        "the default timeout of `attachments.upload` changed from `120s` to the client's (`60s`)"]
    set_own = ("        http: POST /orders\n", "        http: POST /orders\n        timeout: 1.5\n")
    assert _messages(tmp_path, [set_own]) == [
        "the default timeout of `orders.create` changed from the client's (`60s`) to `1.5s`"]


def test_the_client_timeout_alone_is_a_client_default_change(tmp_path: Path) -> None:
    # attachments.upload keeps its own 120s; the other methods follow the client: one change.
    assert _changed(tmp_path, [("  timeout: 60\n", "  timeout: 90\n")]) == [
        ("client-default-changed", "non-breaking", "api.timeout")]


def test_any_inside_arrays_and_as_a_result(tmp_path: Path) -> None:
    assert _changed(tmp_path, [("data: {type: array, items: {ref: Order}, required: true}",
                                "data: {type: array, items: {type: any}, required: true}")]) == [
        ("response-type-widened-to-any", "breaking", "OrderList.data[]")]
    assert _messages(tmp_path, [("        returns: {ref: Receipt}\n      download:",
                                 "        returns: {type: any}\n      download:")]) == [
        "the result of `orders.receipt` in responses changed from model `Receipt` to any: code using the value "
        "must now check its type"]


def test_binary_to_any_is_one_binary_change(tmp_path: Path) -> None:
    assert _changed(tmp_path, [("        returns: {type: binary}\n", "        returns: {type: any}\n")]) == [
        ("response-no-longer-binary", "breaking", "orders.download()")]


def test_a_method_that_stops_returning_bytes(tmp_path: Path) -> None:
    assert _messages(tmp_path, [("        returns: {type: binary}\n", "")]) == [
        "method `orders.download` now returns nothing instead of the raw response bytes (binary)"]


def test_a_string_part_becoming_a_file_is_a_request_type_change(tmp_path: Path) -> None:
    edits = [("purpose: {in: body, type: string, required: true}", "purpose: {in: body, type: file, required: true}")]
    assert _changed(tmp_path, edits) == [("request-type-changed", "breaking", "attachments.upload(purpose)")]
    assert _messages(tmp_path, edits) == [
        "the type of `attachments.upload(purpose)` in requests changed from string to file"]


def test_multipart_to_json_locates_the_method(tmp_path: Path) -> None:
    edits = [("        encoding: multipart\n", ""), ("file: {in: body, type: file, required: true}",
                                                     "file: {in: body, type: string, required: true}")]
    assert _changed(tmp_path, edits) == [
        ("method-body-encoding-changed", "breaking", "attachments.upload"),
        ("request-type-changed", "breaking", "attachments.upload(file)"),
    ]
    assert _messages(tmp_path, edits)[0] == ("the body of `attachments.upload` is now sent as JSON instead of a "
                                             "multipart form")


# ---------------------------------------------------------------- changelog


def test_the_changelog_lists_format_2_changes(tmp_path: Path) -> None:
    new = _edited(tmp_path, BASE_2, [("        paginated: cursor\n", "        paginated: legacy\n"),
                                     ("        timeout: 120\n", "        timeout: 300\n")])
    changes = _diff(BASE_2, new)
    text = changelog.section(changelog.bumped("2.0.0", bump(changes)), dt.date(2026, 5, 6), changes)
    assert text == (
        "## 3.0.0 (2026-05-06)\n\n### Breaking changes\n\n"
        "- method `orders.list` now returns pages of style `legacy` instead of `cursor`: its page type changes\n\n"
        "### Non-breaking changes\n\n"
        "- the default timeout of `attachments.upload` changed from `120s` to `300s`\n"
    )
