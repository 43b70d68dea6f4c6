"""`gen build`: determinism, --check, manifests, writing only what changed, and the committed tree."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from snapshots import BUNDLED_SPEC, FIXTURE_SPECS, ROOT

PETSTORE = ROOT / "tests" / "specs" / "fixtures" / "petstore.yaml"


def build(out: Path, *extra: str, spec: Path = PETSTORE) -> int:
    return main(["build", "--spec", str(spec), "--out", str(out), "--quiet", *extra])


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_committed_generated_folder_matches_the_bundled_spec(capsys: pytest.CaptureFixture[str]) -> None:
    # Fails when someone changes the generator or the spec without regenerating (gen build).
    code = main(["build", "--spec", str(BUNDLED_SPEC), "--out", str(ROOT / "generated"), "--check"])
    assert code == 0, capsys.readouterr().out


@pytest.mark.parametrize("spec", [BUNDLED_SPEC, *FIXTURE_SPECS], ids=lambda p: p.stem)
def test_two_builds_are_byte_identical(spec: Path, tmp_path: Path) -> None:
    assert build(tmp_path / "a", spec=spec) == 0
    assert build(tmp_path / "b", spec=spec) == 0
    first, second = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert first == second
    assert len(first) > 10


def test_every_target_folder_has_a_manifest_of_its_files(tmp_path: Path) -> None:
    assert build(tmp_path) == 0
    for target in ("python", "ruby", "typescript", "docs"):
        root = tmp_path / target
        listed = [line for line in (root / ".gen-manifest").read_text().splitlines() if not line.startswith("#")]
        on_disk = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
        assert sorted(listed + [".gen-manifest"]) == on_disk


def test_check_passes_on_a_fresh_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert build(tmp_path) == 0
    assert build(tmp_path, "--check") == 0


def test_check_reports_modified_missing_and_extra_files_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build(tmp_path) == 0
    manifest = tmp_path / "ruby" / ".gen-manifest"
    owned = [line for line in manifest.read_text().splitlines() if not line.startswith("#")]
    modified, missing = tmp_path / "ruby" / owned[0], tmp_path / "ruby" / owned[1]
    modified.write_text(modified.read_text() + "# edited by hand\n")
    missing.unlink()
    extra = tmp_path / "ruby" / "lib" / "stale.rb"
    extra.write_text("# made by an older spec\n")
    manifest.write_text(manifest.read_text() + "lib/stale.rb\n")
    before = tree(tmp_path)
    capsys.readouterr()

    assert main(["build", "--spec", str(PETSTORE), "--out", str(tmp_path), "--check"]) == 1

    out = capsys.readouterr().out
    assert f"differs: {tmp_path}/ruby/{owned[0]}" in out
    assert f"missing: {tmp_path}/ruby/{owned[1]}" in out
    assert f"extra: {tmp_path}/ruby/lib/stale.rb" in out
    assert "out of date" in out
    assert tree(tmp_path) == before


def test_build_removes_files_it_no_longer_produces(tmp_path: Path) -> None:
    assert build(tmp_path) == 0
    stale = tmp_path / "docs" / "ruby" / "old_resource" / "gone.md"
    stale.parent.mkdir(parents=True)
    stale.write_text("old\n")
    manifest = tmp_path / "docs" / ".gen-manifest"
    manifest.write_text(manifest.read_text() + "ruby/old_resource/gone.md\n")

    assert build(tmp_path) == 0

    assert not stale.exists()
    assert not stale.parent.exists()  # emptied folders go too
    assert build(tmp_path, "--check") == 0


def test_files_the_generator_does_not_own_survive_a_build(tmp_path: Path) -> None:
    assert build(tmp_path) == 0
    mine = {
        tmp_path / "python" / "NOTES.md": "kept\n",
        tmp_path / "ruby" / "lib" / "extra.rb": "# hand written\n",
        tmp_path / "unrelated.txt": "kept too\n",
    }
    for path, text in mine.items():
        path.write_text(text)

    assert build(tmp_path) == 0
    assert build(tmp_path, "--target", "ruby") == 0

    for path, text in mine.items():
        assert path.read_text() == text


def test_a_manifest_cannot_make_the_build_delete_outside_the_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(out) == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("must survive\n")
    manifest = out / "docs" / ".gen-manifest"
    manifest.write_text(manifest.read_text() + "../../victim.txt\n")

    assert build(out) == 0
    assert victim.read_text() == "must survive\n"


def test_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    assert build(tmp_path) == 0
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    old = 1_000_000_000
    for path in files:
        os.utime(path, (old, old))

    assert build(tmp_path) == 0

    assert all(path.stat().st_mtime == old for path in files)
    assert not list(tmp_path.rglob("*.tmp"))


def test_a_changed_spec_rewrites_only_the_files_it_touches(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "petstore.yaml"
    shutil.copy(PETSTORE, spec)
    out = tmp_path / "out"
    assert build(out, spec=spec) == 0
    spec.write_text(spec.read_text().replace("An animal in the practice's care.", "An animal the practice looks after."))
    capsys.readouterr()

    assert main(["build", "--spec", str(spec), "--out", str(out), "--verbose"]) == 0

    written = [line.split()[-1] for line in capsys.readouterr().out.splitlines() if line.startswith("wrote")]
    assert written, "the description change must reach some file"
    assert len(written) < len(tree(out)) / 2


def test_target_option_renders_only_that_target(tmp_path: Path) -> None:
    assert build(tmp_path, "--target", "typescript") == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["typescript"]


def test_an_invalid_spec_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\napi: {}\n")
    out = tmp_path / "out"
    assert build(out, spec=bad) == 2
    assert not out.exists()
    assert "error[E102]" in capsys.readouterr().err
