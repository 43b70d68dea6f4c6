"""The Python target: the SDK's names, types, literals, template contexts and file plan."""

from __future__ import annotations

from generator.targets.python.files import PythonTarget

__all__ = ["PythonTarget"]
