"""`api-surface.txt`: each SDK's public API as a sorted listing, one line per symbol.

A reviewer sees every API change of a regeneration in one short diff, in the terms of the
language (Python annotations, RBS, TypeScript types). Lines are computed from the IR through the
naming and type functions the targets expose, so they name what the SDK really exports.
"""

from __future__ import annotations

from generator.ir import Api

FILENAME = "api-surface.txt"
SDK_TARGETS = ("python", "ruby", "typescript")


def surface_files(target: str, api: Api) -> dict[str, str]:
    """{FILENAME: text} for an SDK target, {} for any other (docs)."""
    if target == "python":
        from generator.surface.python import surface
    elif target == "ruby":
        from generator.surface.ruby import surface
    elif target == "typescript":
        from generator.surface.typescript import surface
    else:
        return {}
    return {FILENAME: surface(api)}
