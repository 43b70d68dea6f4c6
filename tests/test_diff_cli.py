"""`gen diff` end to end: --base against a temporary git repository, the output formats, exit statuses."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from snapshots import BUNDLED_SPEC

SPEC = "spec/openai.yaml"


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.test",
                           "-c", "commit.gpgsign=false", *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository holding the bundled spec, committed; the working directory during the test."""
    (tmp_path / "spec").mkdir()
    shutil.copy(BUNDLED_SPEC, tmp_path / SPEC)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", SPEC)
    git(tmp_path, "commit", "-q", "-m", "spec")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def edit(repo: Path, *edits: tuple[str, str]) -> None:
    path = repo / SPEC
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


ADD_FIELD = ("      usage:\n        ref: BatchUsage",
             "      priority:\n        type: integer\n        description: Lower runs first.\n"
             "      usage:\n        ref: BatchUsage")
REMOVE_FIELD = ("      endpoint:\n        type: string\n        required: true\n"
                "        description: The API endpoint that every request of the batch is sent to.\n", "")
RETYPE_FIELD = ("      model:\n        type: string", "      model:\n        type: integer")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["diff", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_adding_an_optional_batch_field_is_a_minor_change(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, ADD_FIELD)
    status, out, _ = run(capsys, "--base", "HEAD", "--fail-on", "breaking")
    assert status == 0
    assert out.splitlines() == [
        "spec/openai.yaml:144: non-breaking[response-property-added] property `Batch.priority` was added to "
        "responses",
        "1 change: 0 breaking, 1 non-breaking, 0 info; semver bump: minor",
    ]
    assert run(capsys, "--base", "HEAD", "--fail-on", "any")[0] == 1


def test_removing_a_batch_field_is_breaking(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, REMOVE_FIELD)
    status, out, _ = run(capsys, "--base", "HEAD", "--fail-on", "breaking")
    assert status == 1
    assert out.splitlines() == [
        "HEAD:spec/openai.yaml:64: breaking[response-property-removed] property `Batch.endpoint` was removed "
        "from responses",
        "1 change: 1 breaking, 0 non-breaking, 0 info; semver bump: major",
    ]


def test_retyping_a_batch_field_is_breaking(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, RETYPE_FIELD)
    status, out, _ = run(capsys, "--base", "HEAD", "--fail-on", "breaking")
    assert status == 1
    assert out.splitlines() == [
        "spec/openai.yaml:135: breaking[response-type-changed] the type of `Batch.model` in responses changed "
        "from string to integer",
        "1 change: 1 breaking, 0 non-breaking, 0 info; semver bump: major",
    ]


def test_all_three_edits_listed_breaking_first_in_every_format(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, ADD_FIELD, REMOVE_FIELD, RETYPE_FIELD)
    status, out, _ = run(capsys, "--base", "HEAD", "--format", "json")
    assert status == 0  # no --fail-on: listing changes is not a failure
    report = json.loads(out)
    assert report["old"] == "HEAD:spec/openai.yaml" and report["new"] == SPEC
    assert report["bump"] == "major"
    assert report["counts"] == {"breaking": 2, "non-breaking": 1, "info": 0}
    assert [(c["code"], c["level"], c["subject"], c["file"], c["line"]) for c in report["changes"]] == [
        ("response-property-removed", "breaking", "Batch.endpoint", "HEAD:spec/openai.yaml", 64),
        ("response-type-changed", "breaking", "Batch.model", SPEC, 131),
        ("response-property-added", "non-breaking", "Batch.priority", SPEC, 140),
    ]
    status, out, _ = run(capsys, "--base", "HEAD", "--format", "markdown")
    assert out.startswith("## API changes from `HEAD:spec/openai.yaml` to `spec/openai.yaml`\n\n"
                          "Semver bump: **major** (2 breaking, 1 non-breaking, 0 info).\n\n### Breaking changes\n")
    assert out.index("### Breaking changes") < out.index("### Non-breaking changes")


def test_no_changes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--base", "HEAD", "--fail-on", "any") == (0, "no API changes; semver bump: none\n", "")


def test_base_compares_an_older_revision(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, ADD_FIELD)
    git(repo, "commit", "-q", "-am", "add priority")
    assert "no API changes" in run(capsys, "--base", "HEAD")[1]
    assert "Batch.priority" in run(capsys, "--base", "HEAD~1")[1]


def test_old_and_new_files(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(repo / SPEC, repo / "old.yaml")
    edit(repo, RETYPE_FIELD)
    status, out, _ = run(capsys, "old.yaml", SPEC, "--fail-on", "breaking")
    assert status == 1 and out.startswith("spec/openai.yaml:135: breaking[response-type-changed]")


def test_an_invalid_new_spec_exits_2_with_diagnostics(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, ("        type: string\n        required: true\n        description: The identifier of the batch.",
                "        type: strin\n        required: true\n        description: The identifier of the batch."))
    status, out, err = run(capsys, "--base", "HEAD", "--fail-on", "breaking")
    assert status == 2 and out == ""
    assert "spec/openai.yaml:52:15: error[E201]: unknown type `strin`" in err
    assert "hint: did you mean `string`?" in err


def test_an_invalid_spec_at_the_base_revision_exits_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, ("format: 2", "format: 7"))
    git(repo, "commit", "-q", "-am", "broken")
    edit(repo, ("format: 7", "format: 2"))
    status, _, err = run(capsys, "--base", "HEAD")
    assert status == 2
    assert "HEAD:spec/openai.yaml:3:9: error[E104]: unsupported spec format `7`" in err


@pytest.mark.parametrize(("args", "message"), [
    (("--base", "no-such-ref"), "gen diff: git show no-such-ref:spec/openai.yaml failed"),
    (("--base=--output=x",), "gen diff: not a git revision"),
    (("only-one.yaml",), "gen diff: give OLD and NEW specs, or --base GIT_REF [NEW]"),
    (("--base", "HEAD", "a.yaml", "b.yaml"), "gen diff: with --base give at most one spec (NEW)"),
])
def test_usage_problems_exit_2(repo: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...],
                               message: str) -> None:
    status, out, err = run(capsys, *args)
    assert status == 2 and out == ""
    assert err.startswith(message)


def test_a_spec_missing_at_the_revision_exits_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(repo / SPEC, repo / "spec" / "other.yaml")
    status, _, err = run(capsys, "--base", "HEAD", "spec/other.yaml")
    assert status == 2 and "git show HEAD:spec/other.yaml failed" in err


def test_the_installed_command_exits_with_the_status(repo: Path) -> None:
    edit(repo, REMOVE_FIELD)
    done = subprocess.run([sys.executable, "-m", "generator", "diff", "--base", "HEAD", "--fail-on", "breaking"],
                          cwd=repo, capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    assert "breaking[response-property-removed]" in done.stdout
