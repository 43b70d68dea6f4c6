"""What a diff produces: one `Change` per difference that matters to SDK users.

Messages quote spec names and values through `quote`, which escapes control characters and
picks a backtick fence longer than any run inside the value, so untrusted spec text can neither
break a Markdown code span nor send escape sequences to a terminal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from generator.ir import Location

Level = Literal["breaking", "non-breaking", "info"]
Direction = Literal["request", "response"]

#: Most severe first: the order of every listing.
LEVELS: tuple[Level, ...] = ("breaking", "non-breaking", "info")

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


@dataclass(frozen=True)
class Change:
    code: str  # stable, documented in docs/diff-codes.md
    level: Level
    subject: str  # the spec element, e.g. "Batch.status" or "batches.cancel(batch_id)"
    message: str
    location: Location  # in the new spec, or in the old one for something removed

    def sort_key(self) -> tuple[int, str, int, int, str, str]:
        loc = self.location
        return (LEVELS.index(self.level), loc.file, loc.line, loc.col, self.code, self.subject)


def quote(value: object) -> str:
    """A value as an inline code span that is safe in a terminal and in Markdown."""
    text = value if isinstance(value, str) else repr(value)
    text = _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if longest or text.startswith(" ") or text.endswith(" ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def bump(changes: list[Change]) -> str:
    """The semantic-version bump the changes imply: major, minor, patch or none."""
    levels = {c.level for c in changes}
    if "breaking" in levels:
        return "major"
    if "non-breaking" in levels:
        return "minor"
    return "patch" if levels else "none"
