"""The runtime modules of the Python SDK (python.STATIC_MODULES: _base_client.py, _exceptions.py, ...)
are the same text for every API: copied from templates/python/ as written there, neither rendered by
Jinja nor formatted by black at build time. So the template files must already be what black writes,
and the build must copy them unchanged whatever the spec (what they need of it is in _constants.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import generate, load_api
from generator.formatting import format_python
from generator.targets import all_targets
from generator.targets.python.files import STATIC_MODULES, is_static_module, static_module
from generator.targets.python.names import package_module
from snapshots import BUNDLED_SPEC, ROOT

TEMPLATES = ROOT / "templates" / "python"
FIXTURES = ROOT / "tests" / "specs" / "fixtures"
HOSTILE = sorted((ROOT / "tests" / "specs" / "hostile").glob("*.yaml"))
SPECS = [BUNDLED_SPEC, FIXTURES / "kitchen_sink.yaml", FIXTURES / "petstore.yaml", *HOSTILE]


@pytest.mark.parametrize("name", STATIC_MODULES)
def test_black_leaves_each_static_module_unchanged(name: str) -> None:
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    assert text.startswith('"""') and "{{" not in text  # a module, and no Jinja left in it
    assert format_python(text) == text


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_every_spec_gets_the_static_modules_as_written(spec: Path) -> None:
    api = load_api(spec.relative_to(ROOT).as_posix())
    files = generate(api, ("python",))
    package = f"python/src/{package_module(api)}"
    for name in STATIC_MODULES:
        assert files[f"{package}/{name}"] == (TEMPLATES / name).read_text(encoding="utf-8"), name
    assert f"{package}/_constants.py" in files  # where the spec's values went


def test_the_format_step_passes_static_modules_through() -> None:
    target = all_targets()["python"]
    unformatted = "x=1\n"
    for name in STATIC_MODULES:
        assert is_static_module(f"src/any_sdk/{name}")
        assert target.format(f"src/any_sdk/{name}", unformatted) == unformatted
    # Only in the package folder: other modules of the same name are formatted as usual.
    assert target.format("src/any_sdk/types/_models.py", unformatted) == "x = 1\n"
    assert target.format("src/any_sdk/_client.py", unformatted) == "x = 1\n"
    assert not is_static_module("_models.py")


def test_static_module_reads_the_template_file() -> None:
    assert static_module("_types.py") == (TEMPLATES / "_types.py").read_text(encoding="utf-8")
