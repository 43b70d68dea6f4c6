"""Changes -> text for a terminal, Markdown for a pull request or changelog, or JSON for tools."""

from __future__ import annotations

import json
from typing import Iterable

from generator.diff.model import LEVELS, Change, Level, bump, quote

FORMATS = ("text", "markdown", "json")

HEADINGS: dict[Level, str] = {
    "breaking": "Breaking changes",
    "non-breaking": "Non-breaking changes",
    "info": "Other changes",
}


def counts(changes: Iterable[Change]) -> dict[Level, int]:
    found = {level: 0 for level in LEVELS}
    for change in changes:
        found[change.level] += 1
    return found


def summary(changes: list[Change]) -> str:
    if not changes:
        return "no API changes; semver bump: none"
    by_level = counts(changes)
    total = len(changes)
    parts = ", ".join(f"{n} {level}" for level, n in by_level.items())
    return f"{total} change{'s' if total != 1 else ''}: {parts}; semver bump: {bump(changes)}"


def location(change: Change) -> str:
    return f"{change.location.file}:{change.location.line}"


def render(changes: list[Change], fmt: str, old_name: str, new_name: str) -> str:
    if fmt == "text":
        return render_text(changes)
    if fmt == "markdown":
        return render_markdown(changes, old_name, new_name)
    if fmt == "json":
        return render_json(changes, old_name, new_name)
    raise ValueError(f"unknown format {fmt!r}")


def render_text(changes: list[Change]) -> str:
    lines = [f"{location(c)}: {c.level}[{c.code}] {c.message}" for c in changes]
    lines.append(summary(changes))
    return "\n".join(lines) + "\n"


def markdown_sections(changes: list[Change], heading: str = "###", with_locations: bool = True) -> list[str]:
    """A heading and a bullet list per level that has changes, most severe first."""
    lines: list[str] = []
    for level in LEVELS:
        of_level = [c for c in changes if c.level == level]
        if not of_level:
            continue
        lines += [f"{heading} {HEADINGS[level]}", ""]
        for c in of_level:
            if with_locations:
                lines.append(f"- {c.message} ({quote(c.code)}, {quote(location(c))})")
            else:
                lines.append(f"- {c.message}")
        lines.append("")
    return lines


def render_markdown(changes: list[Change], old_name: str, new_name: str) -> str:
    lines = [f"## API changes from {quote(old_name)} to {quote(new_name)}", ""]
    if not changes:
        lines += ["No API changes. Semver bump: **none**.", ""]
    else:
        tally = ", ".join(f"{n} {level}" for level, n in counts(changes).items())
        lines += [f"Semver bump: **{bump(changes)}** ({tally}).", ""]
        lines += markdown_sections(changes)
    return "\n".join(lines).rstrip("\n") + "\n"


def render_json(changes: list[Change], old_name: str, new_name: str) -> str:
    document = {
        "old": old_name,
        "new": new_name,
        "bump": bump(changes),
        "counts": counts(changes),
        "changes": [
            {"code": c.code, "level": c.level, "subject": c.subject, "message": c.message,
             "file": c.location.file, "line": c.location.line, "column": c.location.col}
            for c in changes
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
