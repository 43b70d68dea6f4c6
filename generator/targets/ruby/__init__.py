"""The Ruby target: a gem of the standard library only, with YARD comments and RBS signatures.

names.py names, types.py types, literals.py literals, contexts.py the template contexts, files.py the
file plan, check.py the names refused, surface.py api-surface.txt, docs.py the reference docs' adapter.
"""

from __future__ import annotations

from generator.targets.ruby.files import RubyTarget

__all__ = ["RubyTarget"]
