"""An SDK's package name changed: users install and import it under another name."""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {"package-renamed": "breaking"}


def run(ctx: DiffContext) -> Iterator[Change]:
    old = dict(ctx.old.packages)
    for target, package in ctx.new.packages:
        if target in old and old[target].name != package.name:
            yield make(CODES, "package-renamed", f"api.packages.{target}",
                       f"the {target} package was renamed from {quote(old[target].name)} to {quote(package.name)}",
                       ctx.api_location("new", "packages", target))
