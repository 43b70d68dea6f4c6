"""The docs target: the reference pages of every SDK language, Markdown and HTML."""

from __future__ import annotations

from generator.targets.docs.markdown import method_page
from generator.targets.docs.target import DocsTarget

__all__ = ["DocsTarget", "method_page"]
