"""The ruby target."""

from __future__ import annotations

from generator.targets.ruby.target import RubyTarget

__all__ = ["RubyTarget"]
