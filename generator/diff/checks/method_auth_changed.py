"""A method authenticates with another key (format 2 `auth:`): another auth scheme, or the API key
instead of a scheme, or the reverse.

Breaking: the method sends another credential, so a client built with only the key the method used
to need now fails on it before sending anything (the SDKs name the missing option), and a key that
was valid for the method may not be for the new scheme.
"""

from __future__ import annotations

from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote

CODES: dict[str, Level] = {"method-auth-changed": "breaking"}


def _key(scheme: str | None) -> str:
    return f"the {quote(scheme)} key" if scheme else f"the API key ({quote('api_key')})"


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.methods:
        if pair.old is None or pair.new is None or pair.old.auth == pair.new.auth:
            continue
        where = ctx.method_location("new", pair, "auth")  # where the method is, when it dropped its `auth:`
        yield make(CODES, "method-auth-changed", pair.subject,
                   f"method {quote(pair.subject)} now sends {_key(pair.new.auth)} instead of {_key(pair.old.auth)}: "
                   f"clients built without it fail on this method", where)
