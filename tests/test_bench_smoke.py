"""The benchmark runs end to end on a tiny spec and reports what it measured (no timing asserts)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

from snapshots import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from openapi import to_openapi  # noqa: E402
from synth import synthetic_spec  # noqa: E402


def test_the_synthetic_spec_is_deterministic_and_valid(tmp_path: Path) -> None:
    first, second = synthetic_spec(12, 9, seed=3), synthetic_spec(12, 9, seed=3)
    assert first == second
    assert synthetic_spec(12, 9, seed=4) != first
    assert len(first["models"]) == 12
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(first, sort_keys=False))
    result = subprocess.run([sys.executable, "-m", "generator", "validate", "--spec", str(spec)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "12 models, 9 methods" in result.stdout


def test_the_openapi_document_has_every_model_and_operation() -> None:
    spec = synthetic_spec(6, 7, seed=1)
    document = to_openapi(spec)
    assert document["openapi"].startswith("3.0")
    assert sorted(document["components"]["schemas"]) == sorted(spec["models"])
    operations = [op["operationId"] for path in document["paths"].values() for op in path.values()]
    assert len(operations) == len(set(operations)) == 7


def test_the_bench_runs_on_a_tiny_spec_and_writes_its_report(tmp_path: Path) -> None:
    report, raw = tmp_path / "BENCHMARKS.md", tmp_path / "results.json"
    report.write_text("old\n<!-- notes -->\nkept by hand\n<!-- /notes -->\n")
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--runs", "1", "--sizes", "3x2", "--no-bundled",
         "--no-tools", "--no-profile", "--out", str(report), "--json", str(raw), "--work", str(tmp_path / "work")],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    results = json.loads(raw.read_text())
    assert results["import_floor"] > 0
    [case] = results["cases"]
    assert (case["models"], case["methods"]) == (3, 2)
    assert case["files"] > 0 and case["bytes"] > 0 and case["cold"]["walls"][0] > 0
    assert case["noop_written"] == 0
    assert case["noop_imports_black"] is False
    rewritten = case["change_written"][0]
    assert 0 < len(rewritten) < case["files"]
    assert case["change_unrelated"] == [] and case["change_missed"] == []
    assert case["change_touches"] == len(rewritten)
    text = report.read_text()
    assert "| Spec | Models / methods |" in text and "synthetic 3 models / 2 methods" in text
    assert "kept by hand" in text
