"""An environment variable the client reads was renamed, added or dropped (the API key, the base
URL, a client option, an auth scheme's key).

Deployments configure clients through these (the API key, the base URL, client options); a
renamed or dropped variable is silently no longer read, so it is breaking. A variable read
where none was before changes behaviour only for whoever sets it: non-breaking.
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {"env-var-changed": "breaking", "env-var-added": "non-breaking"}


def run(ctx: DiffContext) -> Iterator[Change]:
    # (subject, what, old variable, new variable, keys under `api:` locating it, client option name)
    settings: list[tuple[str, str, str | None, str | None, tuple[str, ...], str | None]] = [
        ("api.auth.env", "the API key", ctx.old.api_key_env or None, ctx.new.api_key_env or None, ("auth", "env"),
         None),
        ("api.base_url_env", "the base URL", ctx.old.base_url_env, ctx.new.base_url_env, ("base_url_env",), None),
    ]
    old_options = {o.name: o for o in ctx.old.client_options}
    for opt in ctx.new.client_options:
        if opt.name in old_options:
            settings.append((f"client option {opt.name}", f"client option {quote(opt.name)}",
                             old_options[opt.name].env, opt.env, ("client_options",), opt.name))
    old_schemes = {s.name: s for s in ctx.old.auth_schemes}
    for scheme in ctx.new.auth_schemes:
        if scheme.name in old_schemes:
            settings.append((f"auth scheme {scheme.name}", f"auth scheme {quote(scheme.name)}",
                             old_schemes[scheme.name].env, scheme.env, ("auth_schemes", scheme.name, "env"), None))
    for subject, what, old, new, keys, option in settings:
        if old == new:
            continue
        where = ctx.api_location("old" if new is None else "new", *keys, option=option)
        if old is None:
            yield make(CODES, "env-var-added", subject, f"{what} is now also read from {quote(new)}", where)
        elif new is None:
            yield make(CODES, "env-var-changed", subject, f"{what} is no longer read from {quote(old)}", where)
        else:
            yield make(CODES, "env-var-changed", subject,
                       f"{what} is now read from {quote(new)} instead of {quote(old)}", where)
