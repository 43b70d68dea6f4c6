"""The docs target."""

from __future__ import annotations

from generator.targets.docs.target import DocsTarget

__all__ = ["DocsTarget"]
