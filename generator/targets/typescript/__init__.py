"""The typescript target."""

from __future__ import annotations

from generator.targets.typescript.target import TypeScriptTarget

__all__ = ["TypeScriptTarget"]
