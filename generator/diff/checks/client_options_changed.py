"""Client options (settings sent as a header on every request) added, removed, or sent differently.

A removed option breaks code that passes it to the client's constructor; a changed header name
changes what goes on the wire, which the server may no longer understand.
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {
    "client-option-removed": "breaking",
    "client-option-added": "non-breaking",
    "client-option-header-changed": "breaking",
}


def run(ctx: DiffContext) -> Iterator[Change]:
    old = {o.name: o for o in ctx.old.client_options}
    new = {o.name: o for o in ctx.new.client_options}
    for name, option in new.items():
        where = ctx.api_location("new", "client_options", option=name)
        if name not in old:
            yield make(CODES, "client-option-added", f"client option {name}",
                       f"client option {quote(name)} was added (header {quote(option.header)})", where)
        elif old[name].header.lower() != option.header.lower():  # header names are case-insensitive
            yield make(CODES, "client-option-header-changed", f"client option {name}",
                       f"client option {quote(name)} is now sent as header {quote(option.header)} instead of "
                       f"{quote(old[name].header)}", where)
    for name in old:
        if name not in new:
            yield make(CODES, "client-option-removed", f"client option {name}",
                       f"client option {quote(name)} was removed",
                       ctx.api_location("old", "client_options", option=name))
