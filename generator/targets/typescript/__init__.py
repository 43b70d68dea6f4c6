"""The TypeScript target: an npm package (names.py, types.py, literals.py, layout.py, contexts.py, files.py)."""

from __future__ import annotations

from generator.targets.typescript.files import TypeScriptTarget

__all__ = ["TypeScriptTarget"]
