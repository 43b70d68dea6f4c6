"""The registry of targets, in the order `gen build` renders them."""

from __future__ import annotations

from generator.targets.base import OutputFile, Target


def all_targets() -> dict[str, Target]:
    # Imported here so that `gen validate` and `--help` do not pay for every target's imports.
    from generator.targets.docs import DocsTarget
    from generator.targets.python import PythonTarget
    from generator.targets.ruby import RubyTarget
    from generator.targets.typescript import TypeScriptTarget

    targets: list[Target] = [PythonTarget(), RubyTarget(), TypeScriptTarget(), DocsTarget()]
    return {t.name: t for t in targets}


TARGET_NAMES = ("python", "ruby", "typescript", "docs")

__all__ = ["OutputFile", "Target", "all_targets", "TARGET_NAMES"]
