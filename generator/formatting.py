"""Formatters applied to rendered text, in-process."""

from __future__ import annotations

import importlib.util
import os
from typing import Any

_black_mode: Any = None


#: The oldest Python the generated SDK supports (requires-python in templates/python/pyproject.toml.j2;
#: a test keeps the two equal). Telling black saves it detecting the versions in every file, about
#: a sixth of its time (measured on the 100-model synthetic spec, with identical output).
PYTHON_SDK_MINIMUM = (3, 9)


def format_python(text: str) -> str:
    """Black, through its Python API. Imported on first use: importing black is slow."""
    global _black_mode
    import black
    from black.mode import TargetVersion  # the module that defines it: `black` does not re-export it

    if _black_mode is None:
        versions = {v for v in TargetVersion if v.value >= TargetVersion[_version_name()].value}
        _black_mode = black.Mode(target_versions=versions)
    return black.format_str(text, mode=_black_mode)


def _version_name() -> str:
    major, minor = PYTHON_SDK_MINIMUM
    return f"PY{major}{minor}"


def tool_fingerprint() -> str:
    """What identifies the installed formatters, found without importing them (a no-op build must
    not pay black's import): the location, size and modification time of black's entry module,
    which change whenever black is installed, upgraded or downgraded."""
    spec = importlib.util.find_spec("black")
    origin = spec.origin if spec is not None and spec.origin else ""
    try:
        stat = os.stat(origin)
        return f"black:{origin}:{stat.st_size}:{stat.st_mtime_ns}"
    except OSError:
        return "black:missing"
