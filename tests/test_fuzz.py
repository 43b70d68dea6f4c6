"""Fuzzing: random valid specs (tests/fuzz/strategies.py) must build, and the output must compile in
every language (tests/fuzz/checks.py). See tests/fuzz/README.md for the long campaign.

Each hypothesis example is a batch of FUZZ_BATCH specs, so that one `tsc` run type-checks the
TypeScript packages of the whole batch. Python and Ruby are checked per spec. A failing spec is
written to test-artifacts/fuzz/ with its problems; hypothesis then shrinks the batch to one spec.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from fuzz import checks
from fuzz.strategies import specs, yaml_text

# CI runs a bounded, seeded campaign (under a minute); FUZZ_EXAMPLES and FUZZ_SEED widen it.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "12"))
BATCH = int(os.environ.get("FUZZ_BATCH", "4"))
SEED = os.environ.get("FUZZ_SEED", "20261126")
# Shrinking rebuilds and recompiles a batch per step (minutes): off unless FUZZ_SHRINK=1.
PHASES = tuple(p for p in Phase if p is not Phase.shrink or os.environ.get("FUZZ_SHRINK") == "1")
# FUZZ_KEEP_GOING=1: a failing batch does not stop the campaign; every failure is saved, then counted.
KEEP_GOING = os.environ.get("FUZZ_KEEP_GOING") == "1"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "fuzz"


def save_failure(text: str, problems: list[str]) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"failure-{hashlib.sha256(text.encode()).hexdigest()[:12]}.yaml"
    path.write_text("".join(f"# {line}\n" for p in problems for line in p.splitlines()) + text, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def private_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Builds keep caches per output folder; the fuzz folders are thrown away, and so are their caches.
    monkeypatch.setenv("GEN_CACHE_DIR", str(tmp_path / "cache"))


def test_random_valid_specs_build_and_compile_in_every_language() -> None:
    if os.environ.get("CI") == "true" or shutil.which("ruby"):
        checks.require_toolchains()  # in CI a missing toolchain is a failure, never a skip
    else:
        pytest.skip("ruby is not installed: run `bash tests/toolchains/ruby.sh` and `node.sh`")
    runs = [0]
    failed: list[Path] = []

    @settings(max_examples=max(1, -(-EXAMPLES // BATCH)), deadline=None, database=None, phases=PHASES,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
                                     HealthCheck.large_base_example])
    # Hypothesis starts with its simplest example; distinct specs make even that first batch worth a tsc run.
    @given(st.lists(specs().map(yaml_text), min_size=BATCH, max_size=BATCH, unique=True))
    def run(texts: list[str]) -> None:
        runs[0] += len(texts)
        work = Path(tempfile.mkdtemp(prefix="fuzz-"))
        try:
            failures = checks.check_specs(texts, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        saved = [save_failure(text, problems) for text, problems in failures]
        failed.extend(saved)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        with open(ARTIFACTS / "progress.log", "a", encoding="utf-8") as log:  # follow a long campaign
            log.write(f"{runs[0]} specs checked, {len(failed)} failed\n")
        if failures and not KEEP_GOING:
            text, problems = failures[0]
            raise AssertionError(f"{len(failures)} of {len(texts)} specs fail (saved: {', '.join(map(str, saved))}); "
                                 "the first:\n" + "\n".join(problems) + "\n--- spec ---\n" + text)

    if SEED != "random":
        run = seed(int(SEED))(run)
    run()
    assert not failed, f"{len(failed)} of {runs[0]} specs fail; saved in {ARTIFACTS}:\n" + "\n".join(map(str, failed))
    assert runs[0] >= EXAMPLES - BATCH  # the campaign really ran its examples
