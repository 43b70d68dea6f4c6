"""Specs the fuzzer once broke (tests/specs/fuzz_regressions/): their gems get the full Ruby checks,
more than the fuzzer's `ruby -wc`: every file loads under `ruby -w` silently (constants resolve),
`rbs validate` accepts the signatures, and RuboCop passes (one run over all the gems, each with its
own .rubocop.yml)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conformance.drivers.ruby import RBS_LIBRARIES, ROOT, library, rbs_command, require_tool
from generator.build import generate, load_api
from generator.targets.ruby import RubyTarget

REGRESSIONS = sorted((ROOT / "tests" / "specs" / "fuzz_regressions").glob("*.yaml"))


@pytest.fixture(scope="module")
def gems(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    require_tool("ruby")
    root = tmp_path_factory.mktemp("regressions")
    targets = {"ruby": RubyTarget()}
    out = {}
    for spec in REGRESSIONS:
        files = generate(load_api(spec.relative_to(ROOT).as_posix(), targets), ("ruby",), targets=targets)
        for key, text in files.items():
            path = root / spec.stem / key.split("/", 1)[1]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        out[spec.stem] = root / spec.stem
    return out


def test_there_are_regressions_to_check() -> None:
    assert REGRESSIONS


@pytest.mark.parametrize("stem", [spec.stem for spec in REGRESSIONS])
def test_the_gem_loads_silently_and_its_signatures_validate(stem: str, gems: dict[str, Path]) -> None:
    gem = gems[stem]
    name, _ = library(gem)
    source = f"require '{name}'\nDir[File.join(ARGV[0], '**', '*.rb')].sort.each {{ |f| require f }}\nputs :loaded\n"
    loaded = subprocess.run(["ruby", "-w", "-I", str(gem / "lib"), "-e", source, str(gem / "lib")],
                            capture_output=True, text=True, timeout=60)
    assert (loaded.returncode, loaded.stdout.strip(), loaded.stderr) == (0, "loaded", "")
    validated = subprocess.run([*rbs_command(), *RBS_LIBRARIES, "-I", "sig", "validate"], cwd=gem,
                               capture_output=True, text=True, timeout=120)
    assert validated.returncode == 0, (validated.stdout[-3000:], validated.stderr[-3000:])


def test_rubocop_passes_on_every_gem(gems: dict[str, Path]) -> None:
    require_tool("rubocop")
    parent = next(iter(gems.values())).parent
    result = subprocess.run(["rubocop", "--format", "simple", "--no-color", "--cache", "false"], cwd=parent,
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    assert result.returncode == 0, result.stdout[-5000:]
    assert "no offenses detected" in result.stdout
