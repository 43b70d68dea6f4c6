"""Loading, validating and planning files leave no garbage that only the cycle collector can free.

These stages run with the cycle collector paused (generator/gc_pause.py): garbage in reference
cycles (a nested function that calls itself is one) would pile up until the pause ends, then cost
a collection that walks all of it.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Callable, Iterator

import pytest

from generator.spec.loader import load_spec
from generator.render import environment
from generator.targets import all_targets
from generator.spec.validator import build_api

ROOT = Path(__file__).resolve().parents[1]
SPECS = [ROOT / "spec" / "openai.yaml", ROOT / "tests" / "specs" / "fixtures" / "kitchen_sink.yaml"]


def cyclic_garbage(work: Callable[[], object]) -> int:
    """How many objects `work` leaves that only the cycle collector frees."""
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        work()
        return gc.collect()
    finally:
        if was_enabled:
            gc.enable()


@pytest.fixture(params=SPECS, ids=lambda path: path.stem)
def spec(request: pytest.FixtureRequest) -> Iterator[Path]:
    yield request.param


def test_loading_and_validating_leave_no_cycles(spec: Path) -> None:
    targets = all_targets()
    assert cyclic_garbage(lambda: build_api(load_spec(spec), str(spec), [t.check for t in targets.values()])) == 0


def test_the_ruby_and_typescript_file_plans_leave_no_cycles(spec: Path) -> None:
    targets = all_targets()
    api = build_api(load_spec(spec), str(spec), [t.check for t in targets.values()])
    assert cyclic_garbage(lambda: targets["ruby"].files(api)) == 0
    # json.dumps with an indent (package-lock.json) leaves its encoder's few closures, whatever the spec.
    assert cyclic_garbage(lambda: targets["typescript"].files(api)) < 50


def test_rendering_ruby_models_leaves_no_cycles(spec: Path) -> None:
    # A Jinja macro and its template's context refer to each other: one per model file was a cycle
    # holding the whole model context (80,942 objects for the 1,000 models of a big spec).
    targets = all_targets()
    api = build_api(load_spec(spec), str(spec), [t.check for t in targets.values()])
    models = [f for f in targets["ruby"].files(api) if f.template in ("model.rb.j2", "sig/model.rbs.j2")]
    env = environment(targets["ruby"])
    for planned in models:
        env.get_template(planned.template)  # compiling leaves cycles of its own, once
    assert models
    assert cyclic_garbage(lambda: [env.get_template(f.template).render(**f.context) for f in models]) == 0
