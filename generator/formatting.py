"""Formatters applied to rendered text, in-process."""

from __future__ import annotations

from typing import Any

_black_mode: Any = None


def format_python(text: str) -> str:
    """Black, through its Python API. Imported on first use: importing black is slow."""
    global _black_mode
    import black

    if _black_mode is None:
        _black_mode = black.Mode()
    return black.format_str(text, mode=_black_mode)
