"""The python target."""

from __future__ import annotations

from generator.targets.python.target import PythonTarget

__all__ = ["PythonTarget"]
