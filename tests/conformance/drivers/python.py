"""Conformance driver for the generated Python SDK, synchronous client."""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

NAME = "python"

ROOT = Path(__file__).resolve().parents[3]
SRC = ROOT / "generated" / "python" / "src"
DRIVER_SCRIPT = Path(__file__).resolve().parent / "python_driver.py"


def package_module(src: Path = SRC) -> str:
    """The import name of the package under src/ (one package per generated SDK)."""
    (package,) = [p.name for p in src.iterdir() if (p / "__init__.py").exists()]
    return package


BUNDLED_SPEC = ROOT / "spec" / "openai.yaml"


def command(tmp_dir: Path, mode: str = "sync") -> list[str]:
    # The SDK of the bundled spec as this generator renders it now (not the committed generated/, which
    # is regenerated at release): rendered once per session into tmp_dir, imported from there.
    src = generate_package(BUNDLED_SPEC, Path(tmp_dir) / "sdk")
    return [sys.executable, str(DRIVER_SCRIPT), mode, str(src), package_module(src)]


# ---------------------------------------------------------------- helpers for the Python SDK tests


def generate_package(spec: Path, out_dir: Path) -> Path:
    """Render the python target of `spec` into `out_dir` (as `gen build --target python` would, checked by
    the python target only: another language's name rules are its own tests' business); return src/."""
    from generator.build import generate, load_api
    from generator.targets.python import PythonTarget

    python = {"python": PythonTarget()}
    for key, text in generate(load_api(spec, python), ("python",), targets=python).items():
        path = Path(out_dir) / key.split("/", 1)[1]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Path(out_dir) / "src"


@lru_cache(maxsize=None)
def bundled_src() -> Path:
    """src/ of the bundled spec's SDK as this generator renders it now (not the committed generated/),
    rendered once per process into a temporary folder removed at exit."""
    out = Path(tempfile.mkdtemp(prefix="apigen-python-"))
    atexit.register(shutil.rmtree, out, ignore_errors=True)
    return generate_package(BUNDLED_SPEC, out)
