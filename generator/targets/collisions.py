"""Name collisions: spec names that differ but become one identifier in a language.

The policy every target follows (its check.py declares the scopes, its names.py escapes):
- a spec name that meets a name of the language or of the SDK's runtime (a keyword, a client method)
  is escaped, so the spec still builds;
- two spec names that meet in one scope of the SDK (two properties of a model; a client option and a
  top-level resource, both members of the client) are refused with E204: which one would step aside is
  the spec author's decision, not the generator's.
"""

from __future__ import annotations

from generator.diagnostics import Diagnostic
from generator.ir import Location


def collisions(target: str, names: list[tuple[str, str, Location]], what: str) -> list[Diagnostic]:
    """Report spec names that are distinct but map to the same identifier in one language.

    `names` holds (spec name, identifier in the target, location of the spec name).
    """
    first: dict[str, tuple[str, Location]] = {}
    problems = []
    for spec_name, ident, location in names:
        if ident in first and first[ident][0] != spec_name:
            other, where = first[ident]
            problems.append(Diagnostic(
                location, "E204",
                f"`{other}` and `{spec_name}` ({what}) both become `{ident}` in {target}",
                f"rename one of them; `{other}` is at line {where.line}",
            ))
        else:
            first.setdefault(ident, (spec_name, location))
    return problems
