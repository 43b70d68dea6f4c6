"""Conformance driver for the generated Python SDK, asynchronous client (`AsyncOpenAI`)."""

from __future__ import annotations

from pathlib import Path

from . import python

NAME = "python_async"


def command(tmp_dir: Path) -> list[str]:
    return python.command(tmp_dir, mode="async")
