"""Every spec of tests/specs/fuzz_regressions/ (failures found by fuzzing, minimised; each file says
what failed in which language) goes through the checks of the fuzz test: it validates, builds, the
Python package compiles and imports, `ruby -wc` is clean on every Ruby file, and the TypeScript
package type-checks. The TypeScript packages of all the files are checked by one tsc run."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from fuzz import checks

REGRESSIONS = sorted((Path(__file__).resolve().parent / "specs" / "fuzz_regressions").glob("*.yaml"))


@pytest.fixture(scope="module")
def failures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    if os.environ.get("CI") == "true" or shutil.which("ruby"):
        checks.require_toolchains()  # in CI a missing toolchain is a failure, never a skip
    else:
        pytest.skip("ruby is not installed: run `bash tests/toolchains/ruby.sh` and `node.sh`")
    work = tmp_path_factory.mktemp("fuzz-regressions")
    os.environ.setdefault("GEN_CACHE_DIR", str(work / "cache"))
    texts = [path.read_text(encoding="utf-8") for path in REGRESSIONS]
    found = dict(checks.check_specs(texts, work))
    return {path.name: found.get(text, []) for path, text in zip(REGRESSIONS, texts)}


def test_there_are_regressions() -> None:
    assert REGRESSIONS


@pytest.mark.parametrize("name", [path.name for path in REGRESSIONS])
def test_regression_builds_and_compiles_in_every_language(failures: dict[str, list[str]], name: str) -> None:
    assert not failures[name], "\n".join(failures[name])
