"""The `gen` command line: help, summary line, verbosity, exit statuses, and the installed script."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from snapshots import ROOT

PETSTORE = ROOT / "tests" / "specs" / "fixtures" / "petstore.yaml"


@pytest.mark.parametrize("command", [[], ["build"], ["validate"]])
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: gen" in capsys.readouterr().out


def test_build_ends_with_a_one_line_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--spec", str(PETSTORE), "--out", str(tmp_path)]) == 0
    first = capsys.readouterr().out.strip().splitlines()
    assert len(first) == 1
    assert re.fullmatch(r"\d+ written, 0 unchanged, 0 removed in \d+\.\d\ds", first[0])

    assert main(["build", "--spec", str(PETSTORE), "--out", str(tmp_path)]) == 0
    assert re.fullmatch(r"0 written, \d+ unchanged, 0 removed in \d+\.\d\ds\n", capsys.readouterr().out)


def test_quiet_prints_nothing_and_verbose_lists_files_and_stages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "--spec", str(PETSTORE), "--out", str(tmp_path), "--quiet"]) == 0
    assert capsys.readouterr().out == ""
    (tmp_path / "docs" / ".gen-manifest").unlink()

    assert main(["build", "--spec", str(PETSTORE), "--out", str(tmp_path), "--verbose"]) == 0
    out = capsys.readouterr().out
    assert f"wrote   {tmp_path}/docs/.gen-manifest" in out
    for stage in ("load", "validate", "render python", "format python", "write"):
        assert re.search(rf"^  {stage} +\d+\.\d ms$", out, re.M), stage


def test_a_missing_spec_file_is_a_diagnostic_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--spec", "no/such/spec.yaml"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("no/such/spec.yaml:1:1: error[E001]: cannot read spec")


def test_the_console_script_runs() -> None:
    gen = Path(sys.executable).parent / "gen"
    result = subprocess.run([str(gen), "validate", "--spec", str(PETSTORE)], capture_output=True, text=True,
                            cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    assert "valid (1 model, 2 methods)" in result.stdout
