"""The no-op shortcut of `gen build` (generator/build_stamp.py): taken only when nothing changed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import build_stamp
from generator.build_stamp import BuildStamp
from generator.cli import main
from generator.format_cache import cache_dir
from snapshots import ROOT

PETSTORE = ROOT / "tests" / "specs" / "fixtures" / "petstore.yaml"


@pytest.fixture(autouse=True)
def own_cache_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "cache-root"
    monkeypatch.setenv("GEN_CACHE_DIR", str(root))
    return root


def build(spec: Path, out: Path, *extra: str) -> int:
    return main(["build", "--spec", str(spec), "--out", str(out), "--quiet", "--target", "ruby", *extra])


def written(capsys: pytest.CaptureFixture[str], spec: Path, out: Path) -> list[str]:
    capsys.readouterr()
    assert main(["build", "--spec", str(spec), "--out", str(out), "--verbose", "--target", "ruby"]) == 0
    return [line.split()[-1] for line in capsys.readouterr().out.splitlines() if line.startswith("wrote")]


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    copy = tmp_path / "petstore.yaml"
    shutil.copy(PETSTORE, copy)
    return copy


def test_an_unchanged_rebuild_imports_neither_yaml_nor_jinja_nor_black(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-X", "importtime", "-m", "generator", "build", "--spec", str(spec), "--out", str(out)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    again = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)
    modules = {line.rsplit("|", 1)[1].strip() for line in again.stderr.splitlines() if line.startswith("import time:")}
    assert not modules & {"yaml", "jinja2", "black"}
    assert " 0 written" in f" {again.stdout}"


def test_a_generated_file_edited_or_deleted_by_hand_is_restored(spec: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert build(spec, out) == 0
    owned = sorted(p for p in (out / "ruby").rglob("*.rb"))
    original = owned[0].read_text()
    owned[0].write_text(original + "# edited\n")
    owned[1].unlink()

    assert sorted(written(capsys, spec, out)) == sorted(str(p) for p in owned[:2])
    assert owned[0].read_text() == original


def test_a_spec_change_rebuilds(spec: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert build(spec, out) == 0
    spec.write_text(spec.read_text().replace("An animal in the practice's care.", "An animal we look after."))
    assert written(capsys, spec, out)


def test_a_change_to_the_generator_or_its_templates_rebuilds(spec: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    assert build(spec, out) == 0
    assert BuildStamp(spec, out, ("ruby",)).unchanged_files() is not None
    monkeypatch.setattr(build_stamp, "generator_fingerprint", lambda: "an edited template")
    assert BuildStamp(spec, out, ("ruby",)).unchanged_files() is None


def test_another_target_selection_or_spec_path_has_its_own_stamp(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(spec, out) == 0
    assert BuildStamp(spec, out, ("ruby",)).unchanged_files() is not None
    assert BuildStamp(spec, out, ("ruby", "docs")).unchanged_files() is None
    assert BuildStamp(f"{tmp_path}/./petstore.yaml", out, ("ruby",)).unchanged_files() is None  # may be printed


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"key": 1, "files": []}', b"[]", b"\xff\xfe"],
                         ids=["empty", "truncated", "wrong types", "a list", "not UTF-8"])
def test_a_damaged_stamp_means_a_full_build(spec: Path, tmp_path: Path, damage: bytes) -> None:
    out = tmp_path / "out"
    assert build(spec, out) == 0
    [stamp] = cache_dir(out).glob("build-*.json")
    stamp.write_bytes(damage)
    assert BuildStamp(spec, out, ("ruby",)).unchanged_files() is None
    shutil.rmtree(out / "ruby" / "lib")
    assert build(spec, out) == 0
    assert build(spec, out, "--check") == 0


def test_a_missing_spec_is_still_reported_as_such(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert build(tmp_path / "nowhere.yaml", tmp_path / "out") == 2
    assert "E001" in capsys.readouterr().err
