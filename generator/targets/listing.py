"""`api-surface.txt`: the layout of an SDK's public API listing, one line per symbol, sorted.

A reviewer sees every API change of a regeneration in one short diff, in the terms of the language
(Python annotations, RBS, TypeScript types). Each SDK target computes its lines (its `surface.py`,
asking its own names and types) and puts the file in its file plan.
"""

from __future__ import annotations

import re

FILENAME = "api-surface.txt"


def sort_key(line: str) -> tuple[str, str]:
    # By symbol first, so that `Batch: class` comes right before `Batch.id: str`.
    symbol = re.match(r"(.*?)(?:: |\(| -> |$)", line)
    return (symbol.group(1) if symbol else line, line)


def render(title: str, lines: list[str]) -> str:
    """The file: a comment line naming what it lists, then the lines sorted by symbol, without duplicates."""
    body = sorted(set(lines), key=sort_key)
    return f"# {title}\n" + "".join(f"{line}\n" for line in body)
