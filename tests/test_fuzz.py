"""Fuzzing: random valid specs (tests/fuzz/strategies.py) must build, and the output must compile in
every language (tests/fuzz/checks.py). See tests/fuzz/README.md for the long campaign.

Each hypothesis example is one spec, built and checked in Python and Ruby at once; its TypeScript
package waits for FUZZ_BATCH of them, type-checked by one `tsc` run. A failing spec is written to
test-artifacts/fuzz/ with its problems.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, seed, settings

from fuzz import checks
from fuzz.strategies import specs, yaml_text

# CI runs a bounded, seeded campaign (under a minute); FUZZ_EXAMPLES and FUZZ_SEED widen it.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "12"))
BATCH = int(os.environ.get("FUZZ_BATCH", "6"))
SEED = os.environ.get("FUZZ_SEED", "20261126")
# Shrinking cannot work across batches (the TypeScript check runs after the examples): minimise a
# failure with tests/fuzz/minimise.py instead.
PHASES = tuple(p for p in Phase if p is not Phase.shrink)
# FUZZ_KEEP_GOING=1: a failure does not stop the campaign; every failure is saved, then counted.
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


class Campaign:
    """Checks specs one at a time (build, Python, Ruby) and their TypeScript packages BATCH at a time."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.checked = 0
        self.pending: list[tuple[str, Path]] = []
        self.failed: list[Path] = []
        self.first: str = ""

    def add(self, text: str) -> None:
        out, spec = self.work / f"out{self.checked}", self.work / f"spec{self.checked}.yaml"
        self.checked += 1
        spec.write_text(text, encoding="utf-8")
        problems = checks.check_one(spec, out)
        if out.is_dir() and (out / "typescript").is_dir():
            self.pending.append((text, out))
        if problems:
            self.fail(text, problems)
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        results = checks.check_typescript([out for _, out in self.pending], self.work / "tsc")
        for (text, out), problems in zip(self.pending, results):
            if problems:
                self.fail(text, problems)
            shutil.rmtree(out, ignore_errors=True)
        self.pending = []
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        with open(ARTIFACTS / "progress.log", "a", encoding="utf-8") as log:  # to follow a long campaign
            log.write(f"{self.checked} specs checked, {len(self.failed)} failed\n")

    def fail(self, text: str, problems: list[str]) -> None:
        self.failed.append(save_failure(text, problems))
        if not self.first:
            self.first = "\n".join(problems) + "\n--- spec ---\n" + text


def test_random_valid_specs_build_and_compile_in_every_language(tmp_path: Path) -> None:
    if os.environ.get("CI") == "true" or shutil.which("ruby"):
        checks.require_toolchains()  # in CI a missing toolchain is a failure, never a skip
    else:
        pytest.skip("ruby is not installed: run `bash tests/toolchains/ruby.sh` and `node.sh`")
    campaign = Campaign(tmp_path)

    # One spec per example: hypothesis caps the data of one example, and a batch of big specs
    # overruns it. The TypeScript check runs on a batch afterwards, so it never fails inside an
    # example (hypothesis would replay it alone and call it flaky): failures are collected, and the
    # test fails at the end. Without FUZZ_KEEP_GOING the remaining examples are skipped after one.
    @settings(max_examples=EXAMPLES, deadline=None, database=None, phases=PHASES,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
                                     HealthCheck.large_base_example])
    @given(specs().map(yaml_text))
    def run(text: str) -> None:
        if campaign.failed and not KEEP_GOING:
            return
        campaign.add(text)

    if SEED != "random":
        run = seed(int(SEED))(run)
    run()
    if campaign.pending:
        campaign.flush()
    assert not campaign.failed, (f"{len(campaign.failed)} of {campaign.checked} specs fail; saved in {ARTIFACTS}:\n"
                                 + "\n".join(map(str, campaign.failed)) + "\nthe first:\n" + campaign.first)
    assert campaign.checked == EXAMPLES  # the campaign really ran its examples
