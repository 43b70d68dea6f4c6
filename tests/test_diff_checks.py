"""Every change code of `gen diff`: a pair of specs that differ in one thing, the classification
expected for it, and its report in all three formats locked by a snapshot.

The pairs live in tests/specs/diff/<code>/{old,new}.yaml; old.yaml is tests/specs/diff/base.yaml, or
base-2.yaml for the changes only spec format 2 can express (pagination, encodings, headers, ...), or
base-3.yaml for format 2's unions, integer enums, aliases and auth schemes.

Specs are loaded without the targets' own checks: the classification does not depend on them (and
`gen validate` tests them on the fixtures).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.diff import diff_apis
from generator.diff.checks import CHECKS, all_codes
from generator.diff.report import render
from generator.diff.sources import load_file
from snapshots import ROOT, TextFileSnapshot

CASES = ROOT / "tests" / "specs" / "diff"

# The classification each code must have: written out here, independently of the checks' own
# tables, so that a level changed by accident fails a test. Codes of format 1 (cases from base.yaml):
FORMAT_1_LEVEL = {
    "method-removed": "breaking",
    "method-added": "non-breaking",
    "method-path-changed": "breaking",
    "method-http-method-changed": "breaking",
    "model-removed": "breaking",
    "model-added": "non-breaking",
    "response-property-removed": "breaking",
    "request-property-removed": "breaking",
    "response-property-added": "non-breaking",
    "request-property-added-required": "breaking",
    "request-property-added-optional": "non-breaking",
    "response-property-became-optional": "breaking",
    "response-property-became-required": "non-breaking",
    "request-property-became-required": "breaking",
    "request-property-became-optional": "non-breaking",
    "response-property-became-nullable": "breaking",
    "response-property-became-non-nullable": "non-breaking",
    "request-property-became-nullable": "non-breaking",
    "request-property-became-non-nullable": "breaking",
    "request-parameter-removed": "breaking",
    "request-parameter-added-required": "breaking",
    "request-parameter-added-optional": "non-breaking",
    "request-parameter-became-required": "breaking",
    "request-parameter-became-optional": "non-breaking",
    "request-parameter-became-nullable": "non-breaking",
    "request-parameter-became-non-nullable": "breaking",
    "request-parameter-location-changed": "breaking",
    "response-type-changed": "breaking",
    "request-type-changed": "breaking",
    "response-enum-value-added": "non-breaking",
    "response-enum-value-removed": "breaking",
    "request-enum-value-added": "non-breaking",
    "request-enum-value-removed": "breaking",
    "const-value-changed": "breaking",
    "format-changed": "info",
    "client-renamed": "breaking",
    "package-renamed": "breaking",
    "base-url-changed": "breaking",
    "env-var-changed": "breaking",
    "env-var-added": "non-breaking",
    "client-option-removed": "breaking",
    "client-option-added": "non-breaking",
    "client-option-header-changed": "breaking",
    "client-default-changed": "non-breaking",
    "deprecation-added": "info",
    "deprecation-removed": "info",
    "description-changed": "info",
}
# Codes of what only format 2 can express (cases from base-2.yaml).
FORMAT_2_LEVEL = {
    "method-became-paginated": "breaking",
    "method-no-longer-paginated": "breaking",
    "method-page-style-changed": "breaking",
    "page-style-added": "non-breaking",
    "page-style-removed": "breaking",
    "page-style-changed": "breaking",
    "method-body-encoding-changed": "breaking",
    "method-timeout-changed": "non-breaking",
    "response-became-binary": "breaking",
    "response-no-longer-binary": "breaking",
    "request-header-parameter-added-required": "breaking",
    "request-header-parameter-added-optional": "non-breaking",
    "request-header-parameter-removed": "breaking",
    "request-parameter-default-changed": "info",
    "request-type-widened-to-any": "non-breaking",
    "request-type-narrowed-from-any": "breaking",
    "response-type-widened-to-any": "breaking",
    "response-type-narrowed-from-any": "non-breaking",
}
# Codes of unions, aliases and auth schemes (cases from base-3.yaml).
UNIONS_LEVEL = {
    "request-union-variant-added": "non-breaking",
    "request-union-variant-removed": "breaking",
    "response-union-variant-added": "non-breaking",
    "response-union-variant-removed": "breaking",
    "request-union-discriminator-changed": "info",
    "response-union-discriminator-changed": "breaking",
    "alias-added": "non-breaking",
    "alias-removed": "breaking",
    "type-became-alias": "info",
    "type-no-longer-alias": "info",
    "type-alias-changed": "info",
    "auth-scheme-added": "non-breaking",
    "auth-scheme-removed": "breaking",
    "method-auth-changed": "breaking",
}
EXPECTED_LEVEL = {**FORMAT_1_LEVEL, **FORMAT_2_LEVEL, **UNIONS_LEVEL}
GONE_FROM_NEW = {"method-removed", "model-removed", "response-property-removed", "request-property-removed",
                 "request-parameter-removed", "client-option-removed", "request-header-parameter-removed",
                 "page-style-removed", "alias-removed", "auth-scheme-removed"}
BASES = ("base.yaml", "base-2.yaml", "base-3.yaml")
EXPECTED_BUMP = {"breaking": "major", "non-breaking": "minor", "info": "patch"}


def _diff(code: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(ROOT)  # relative spec paths keep locations in snapshots machine-independent
    old = load_file(f"tests/specs/diff/{code}/old.yaml", target_checks=False)
    new = load_file(f"tests/specs/diff/{code}/new.yaml", target_checks=False)
    return old, new, diff_apis(old.api, new.api, old.tree, new.tree)


def test_every_code_has_a_case_and_an_expected_level() -> None:
    cases = {p.name for p in CASES.iterdir() if p.is_dir()}
    assert cases == set(all_codes())
    assert set(EXPECTED_LEVEL) == set(all_codes())


def test_every_code_is_documented() -> None:
    docs = (ROOT / "docs" / "diff-codes.md").read_text(encoding="utf-8")
    documented = {line.split("`")[1] for line in docs.splitlines() if line.startswith("| `")}
    assert documented == set(all_codes())
    for code, level in all_codes().items():
        assert f"| `{code}` | {level} |" in docs, code


def test_each_old_spec_is_a_base() -> None:
    # minus the two comment lines
    bases = {(CASES / name).read_text(encoding="utf-8").split("\n", 2)[2]: name for name in BASES}
    used = {}
    for case in CASES.iterdir():
        if case.is_dir():
            old = (case / "old.yaml").read_text(encoding="utf-8")
            assert old in bases, case.name
            used[case.name] = bases[old]
    assert set(used.values()) == set(BASES)
    assert {code for code, base in used.items() if base == "base-2.yaml"} == set(FORMAT_2_LEVEL)
    assert {code for code, base in used.items() if base == "base-3.yaml"} == set(UNIONS_LEVEL)


@pytest.mark.parametrize("code", sorted(EXPECTED_LEVEL))
def test_case_reports_exactly_its_code(code: str, monkeypatch: pytest.MonkeyPatch, snapshot) -> None:  # type: ignore[no-untyped-def]
    old, new, changes = _diff(code, monkeypatch)
    assert [(c.code, c.level) for c in changes] == [(code, EXPECTED_LEVEL[code])]
    change = changes[0]
    assert change.location.line > 0
    # A removed element is pointed at in the old spec, everything else in the new one.
    assert change.location.file == (old.name if code in GONE_FROM_NEW else new.name), change
    report = json.loads(render(changes, "json", old.name, new.name))
    assert report["bump"] == EXPECTED_BUMP[EXPECTED_LEVEL[code]]
    text = "".join(f"--- {fmt} ---\n{render(changes, fmt, old.name, new.name)}"
                   for fmt in ("text", "markdown", "json"))
    assert text == snapshot(extension_class=TextFileSnapshot)


def test_no_changes_between_a_spec_and_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for path in ("spec/openai.yaml", "tests/specs/fixtures/kitchen_sink.yaml", "tests/specs/diff/base.yaml",
                 "tests/specs/diff/base-2.yaml", "tests/specs/diff/base-3.yaml",
                 "tests/specs/fixtures/zoo_unions.yaml", "tests/specs/diff/openai-format-1.yaml"):
        spec = load_file(path, target_checks=False)
        assert diff_apis(spec.api, spec.api, spec.tree, spec.tree) == []


def test_checks_are_registered_once_each() -> None:
    assert len(set(CHECKS)) == len(CHECKS)
    for check in CHECKS:
        assert check.CODES and callable(check.run), check.__name__
