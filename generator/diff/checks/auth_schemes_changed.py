"""Auth schemes (format 2 `api.auth_schemes`: further bearer keys, each a client option) added or removed.

A removed scheme is a client option that no longer exists: code passing it to the client's
constructor fails. An added one is a new option (non-breaking); the methods that start using it are
reported by `method_auth_changed`. Its environment variable is compared by `env_var_changed`.
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {"auth-scheme-added": "non-breaking", "auth-scheme-removed": "breaking"}


def _env(env: str | None) -> str:
    return f", read from {quote(env)}" if env else ""


def run(ctx: DiffContext) -> Iterator[Change]:
    old = {s.name: s for s in ctx.old.auth_schemes}
    new = {s.name: s for s in ctx.new.auth_schemes}
    for name, scheme in new.items():
        if name not in old:
            yield make(CODES, "auth-scheme-added", f"auth scheme {name}",
                       f"auth scheme {quote(name)} was added: a new client option holding a {scheme.kind} key"
                       f"{_env(scheme.env)}", scheme.location)
    for name, scheme in old.items():
        if name not in new:
            yield make(CODES, "auth-scheme-removed", f"auth scheme {name}",
                       f"auth scheme {quote(name)} was removed: code passing the client option "
                       f"{quote(name)} fails", scheme.location)
