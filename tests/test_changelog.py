"""`gen changelog`: dated sections from `gen diff --base`, prepended to each SDK's CHANGELOG.md."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import changelog
from generator.build import build
from generator.cli import main
from snapshots import BUNDLED_SPEC, TextFileSnapshot

SPEC = "spec/openai.yaml"
ADD_FIELD = ("      usage:\n        ref: BatchUsage",
             "      priority:\n        type: integer\n        description: Lower runs first.\n"
             "      usage:\n        ref: BatchUsage")
REMOVE_FIELD = ("      endpoint:\n        type: string\n        required: true\n"
                "        description: The API endpoint that every request of the batch is sent to.\n", "")
DESCRIBE = ("description: Retrieves a batch.", "description: Retrieves one batch by its ID.")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.test", "-c", "commit.gpgsign=false",
                    *args], cwd=repo, capture_output=True, check=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "spec").mkdir()
    shutil.copy(BUNDLED_SPEC, tmp_path / SPEC)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", SPEC)
    git(tmp_path, "commit", "-q", "-m", "spec")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return tmp_path


def edit(repo: Path, *edits: tuple[str, str]) -> None:
    path = repo / SPEC
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def read(repo: Path, target: str) -> str:
    return (repo / "generated" / target / "CHANGELOG.md").read_text(encoding="utf-8")


def test_prepends_a_dated_section_to_each_sdk(repo: Path, capsys: pytest.CaptureFixture[str], snapshot) -> None:  # type: ignore[no-untyped-def]
    edit(repo, ADD_FIELD, REMOVE_FIELD, DESCRIBE)
    assert main(["changelog", "--base", "HEAD", "--date", "2026-03-04"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [f"generated/{t}/CHANGELOG.md: added 0.2.0 (2026-03-04), 3 changes"
                                for t in ("python", "ruby", "typescript")]
    text = read(repo, "python")
    assert text == read(repo, "ruby") == read(repo, "typescript")
    # Breaking first, then non-breaking, then the rest.
    assert text.index("### Breaking changes") < text.index("### Non-breaking changes") < text.index("### Other")
    assert text == snapshot(extension_class=TextFileSnapshot)


def test_a_later_release_goes_on_top(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, ADD_FIELD)
    assert main(["changelog", "--base", "HEAD", "--date", "2026-03-04", "--target", "python"]) == 0
    git(repo, "commit", "-q", "-am", "release 0.1.1")
    edit(repo, REMOVE_FIELD)
    assert main(["changelog", "--base", "HEAD", "--date", "2026-04-05", "--target", "python",
                 "--version", "1.0.0"]) == 0
    text = read(repo, "python")
    assert text.startswith("# Changelog\n\n## 1.0.0 (2026-04-05)\n\n### Breaking changes\n\n"
                           "- property `Batch.endpoint` was removed from responses\n\n## 0.1.1 (2026-03-04)\n")
    assert text.count("# Changelog") == 1
    assert not (repo / "generated" / "ruby").exists()  # --target limits the SDKs


def test_rerunning_for_the_same_version_replaces_its_section(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, ADD_FIELD)
    main(["changelog", "--base", "HEAD", "--date", "2026-03-04", "--target", "ruby"])
    first = read(repo, "ruby")
    main(["changelog", "--base", "HEAD", "--date", "2026-03-04", "--target", "ruby"])
    assert read(repo, "ruby") == first
    edit(repo, DESCRIBE)
    main(["changelog", "--base", "HEAD", "--date", "2026-03-05", "--target", "ruby"])
    again = read(repo, "ruby")
    assert again.count("## 0.1.1") == 1 and "2026-03-05" in again and "2026-03-04" not in again


def test_source_date_epoch_sets_the_date(repo: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, DESCRIBE)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    assert main(["changelog", "--base", "HEAD", "--target", "typescript"]) == 0
    assert read(repo, "typescript").startswith("# Changelog\n\n## 0.1.1 (2026-01-01)\n\n### Other changes\n")


def test_no_changes_writes_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["changelog", "--base", "HEAD", "--date", "2026-03-04"]) == 0
    assert "no API changes since HEAD" in capsys.readouterr().out
    assert not (repo / "generated").exists()


def test_the_changelog_survives_gen_build(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, ADD_FIELD)
    build(SPEC, "generated", ("ruby",))
    main(["changelog", "--base", "HEAD", "--date", "2026-03-04", "--target", "ruby"])
    before = read(repo, "ruby")
    edit(repo, REMOVE_FIELD)
    result = build(SPEC, "generated", ("ruby",))
    assert "ruby/CHANGELOG.md" not in result.written + result.removed
    assert read(repo, "ruby") == before


def test_refuses_a_changelog_the_generator_owns(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, ADD_FIELD)
    root = repo / "generated" / "python"
    root.mkdir(parents=True)
    (root / ".gen-manifest").write_text("# owned\nCHANGELOG.md\n", encoding="utf-8")
    assert main(["changelog", "--base", "HEAD", "--date", "2026-03-04", "--target", "python"]) == 2
    assert "would overwrite it" in capsys.readouterr().err


@pytest.mark.parametrize("args", [("--date", "04/03/2026"), ("--version", "v1"), ("--base", "nope")])
def test_bad_input_exits_2(repo: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    edit(repo, ADD_FIELD)
    base = [] if "--base" in args else ["--base", "HEAD"]
    assert main(["changelog", *base, *args]) == 2
    assert capsys.readouterr().err.startswith("gen changelog: ")


@pytest.mark.parametrize(("version", "kind", "expected"), [
    ("1.2.3", "major", "2.0.0"), ("1.2.3", "minor", "1.3.0"), ("1.2.3", "patch", "1.2.4"),
    ("0.1.0", "major", "0.2.0"), ("0.1.0", "minor", "0.1.1"), ("0.1.0", "patch", "0.1.1"),
    ("2.0.0-beta.1", "minor", "2.1.0"),
])
def test_bumped(version: str, kind: str, expected: str) -> None:
    assert changelog.bumped(version, kind) == expected


def test_release_date_sources() -> None:
    assert changelog.release_date("2026-02-03", {"SOURCE_DATE_EPOCH": "0"}) == dt.date(2026, 2, 3)
    assert changelog.release_date(None, {"SOURCE_DATE_EPOCH": "0"}) == dt.date(1970, 1, 1)
    with pytest.raises(changelog.ChangelogError):
        changelog.release_date(None, {"SOURCE_DATE_EPOCH": "yesterday"})


@pytest.mark.parametrize(("existing", "expected"), [
    (None, "# Changelog\n\n## 1.0.0 (d)\n\n- new\n"),
    ("# Changelog\n\nAll notable changes.\n\n## 0.9.0 (c)\n\n- old\n",
     "# Changelog\n\nAll notable changes.\n\n## 1.0.0 (d)\n\n- new\n\n## 0.9.0 (c)\n\n- old\n"),
    ("## 1.0.0 (c)\n\n- stale\n\n## 0.9.0 (b)\n\n- old\n",
     "# Changelog\n\n## 1.0.0 (d)\n\n- new\n\n## 0.9.0 (b)\n\n- old\n"),
    ("# Changelog\n\n## 1.0.0 (c)\n\n- stale\n", "# Changelog\n\n## 1.0.0 (d)\n\n- new\n"),
])
def test_prepend_keeps_the_introduction_and_replaces_a_rerun(existing: str | None, expected: str) -> None:
    assert changelog.prepend(existing, "## 1.0.0 (d)\n\n- new\n", "1.0.0") == expected
