"""One spec per validation problem: the exact diagnostics (`file:line:col: error[CODE]`, hint), locked."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main

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

VALID_REST = """\
models:
  Thing:
    properties:
      id: {type: string, required: true}
resources:
  things:
    methods:
      get:
        http: GET /things/{thing_id}
        params:
          thing_id: {in: path, type: string}
        returns: {ref: Thing}
"""

CASES = {
    "yaml_syntax": HEADER + "models:\n  Thing: {properties: {id: {type: string}\n",
    "tab_indentation": HEADER + "models:\n  Thing:\n\tproperties: {}\n",
    "empty_file": "",
    "top_level_list": "- format: 1\n- api: {}\n",
    "duplicate_key": HEADER + VALID_REST + "models:\n  Other: {properties: {}}\n",
    "unsupported_format": HEADER.replace("format: 1", "format: 7") + VALID_REST,
    "unknown_key_with_typo": HEADER + VALID_REST.replace("required: true}", "requird: true}"),
    "unknown_top_level_key": HEADER + VALID_REST + "resorces: {}\n",
    "missing_keys": "format: 1\napi:\n  name: Acme\n",
    "wrong_value_types": HEADER + VALID_REST.replace("required: true}", "required: yes please}")
    .replace("properties:\n      id", "properties:\n      id"),
    "unknown_type": HEADER + VALID_REST.replace("type: string, required", "type: strnig, required"),
    "dangling_reference": HEADER + VALID_REST.replace("{ref: Thing}", "{ref: Thang}"),
    "invalid_identifiers": HEADER + VALID_REST.replace("  Thing:", "  thing-model:").replace("{ref: Thing}",
                                                                                           "{ref: thing-model}")
    .replace("      get:", "      Get-It:"),
    "empty_enum": HEADER + VALID_REST.replace("{type: string, required: true}", "{type: enum, values: []}"),
    "duplicated_enum_value": HEADER + VALID_REST.replace("{type: string, required: true}",
                                                         "{type: enum, values: [a, b, a]}"),
    "path_param_not_in_template": HEADER + VALID_REST.replace("GET /things/{thing_id}", "GET /things"),
    "template_names_undeclared_param": HEADER + VALID_REST.replace("GET /things/{thing_id}",
                                                                  "GET /things/{thing_id}/{part}"),
    "body_param_on_get": HEADER + VALID_REST.replace("          thing_id: {in: path, type: string}",
                                                     "          thing_id: {in: path, type: string}\n"
                                                     "          name: {in: body, type: string}"),
    "names_collide_after_case_conversion": HEADER + VALID_REST.replace(
        "      id: {type: string, required: true}",
        "      thing_id: {type: string}\n      thingId: {type: string}"),
    "bad_metadata_values": HEADER.replace("https://acme.example.test", "ftp//acme")
    .replace("ACME_KEY", "acme-key").replace("version: 1.0.0}\n    ruby", "version: one}\n    ruby") + VALID_REST,
    "many_problems_at_once": HEADER + VALID_REST.replace("{ref: Thing}", "{ref: Nothing}")
    .replace("type: string, required", "type: text, required").replace("GET /things/{thing_id}", "GET /things"),
}
# `lambda` is a keyword in Python only (it becomes `lambda_` there) and Ruby drops the trailing `_` of
# `lambda_`: two different reasons for a clash, while TypeScript keeps both wire names as keys.
CASES["collision_in_some_languages_only"] = HEADER + VALID_REST.replace(
    "      id: {type: string, required: true}", "      lambda: {type: string}\n      lambda_: {type: string}")


@pytest.mark.parametrize("case", sorted(CASES))
def test_diagnostics(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                     capsys: pytest.CaptureFixture[str], snapshot) -> None:
    monkeypatch.chdir(tmp_path)
    Path("spec.yaml").write_text(CASES[case], encoding="utf-8")

    code = main(["validate", "--spec", "spec.yaml"])

    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert "Traceback" not in captured.err
    for line in captured.err.splitlines()[:-1]:
        # Every problem: `file:line:col: error[CODE]: message`, then its hint.
        assert line.startswith("spec.yaml:") or line.startswith("  hint: "), line
    assert captured.err == snapshot


def test_all_problems_are_reported_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("spec.yaml").write_text(CASES["many_problems_at_once"], encoding="utf-8")
    assert main(["validate", "--spec", "spec.yaml"]) == 2
    err = capsys.readouterr().err
    assert "error[E201]" in err and "error[E208]" in err


def test_the_bundled_spec_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    assert "valid (6 models, 9 methods)" in capsys.readouterr().out
