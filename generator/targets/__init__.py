"""The one registry of targets: their names, in the order `gen build` renders them, and their objects."""

from __future__ import annotations

from generator.targets.base import OutputFile, Target

#: The SDK targets, each a package under generator/targets/ with the same name.
SDK_TARGETS = ("python", "ruby", "typescript")
#: Every target, in the order `gen build` renders them; docs document the SDK targets.
TARGET_NAMES = (*SDK_TARGETS, "docs")


def all_targets() -> dict[str, Target]:
    # Imported here so that `gen validate` and `--help` do not pay for every target's imports.
    from generator.targets.docs import DocsTarget
    from generator.targets.python import PythonTarget
    from generator.targets.ruby import RubyTarget
    from generator.targets.typescript import TypeScriptTarget

    sdks: list[Target] = [PythonTarget(), RubyTarget(), TypeScriptTarget()]
    languages = [sdk.docs_language() for sdk in sdks]
    targets = [*sdks, DocsTarget([language for language in languages if language is not None])]
    return {t.name: t for t in targets}


__all__ = ["OutputFile", "Target", "all_targets", "SDK_TARGETS", "TARGET_NAMES"]
