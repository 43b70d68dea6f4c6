"""A parameter's documented default (format 2: `default:`) changed, was added or was dropped.

The SDKs send nothing for an omitted argument, so their code is the same: only the docs of the
argument change (the server, not the SDK, applies the default).
"""

from __future__ import annotations

import json
from typing import Iterator

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote
from generator.ir import Default, Parameter

CODES: dict[str, Level] = {"request-parameter-default-changed": "info"}


def _key(default: Default | None) -> tuple[str, object] | None:
    # 1, 1.0 and true are equal in Python but different defaults on the wire.
    return None if default is None else (type(default.value).__name__, default.value)


def _shown(default: Default) -> str:
    return quote(json.dumps(default.value, ensure_ascii=False))


def run(ctx: DiffContext) -> Iterator[Change]:
    for pair in ctx.fields:
        old, new = pair.old, pair.new
        if not (isinstance(old, Parameter) and isinstance(new, Parameter)) or _key(old.default) == _key(new.default):
            continue
        name = quote(pair.subject)
        if new.default is None:
            assert old.default is not None
            message = f"parameter {name} no longer documents a default (it was {_shown(old.default)})"
        elif old.default is None:
            message = f"parameter {name} now documents the default {_shown(new.default)}"
        else:
            message = f"the default of parameter {name} changed from {_shown(old.default)} to {_shown(new.default)}"
        yield make(CODES, "request-parameter-default-changed", pair.subject, message, pair.location)
