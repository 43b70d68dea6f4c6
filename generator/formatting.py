"""Formatters applied to rendered text, in-process."""

from __future__ import annotations

import importlib.util
import os
from typing import Any

_black_mode: Any = None


def format_python(text: str) -> str:
    """Black, through its Python API. Imported on first use: importing black is slow."""
    global _black_mode
    import black

    if _black_mode is None:
        _black_mode = black.Mode()
    return black.format_str(text, mode=_black_mode)


def preload() -> None:
    """Import black now, e.g. once in a parent process before it forks workers that all need it."""
    import black  # noqa: F401


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
