"""A method, model, alias, property or parameter was marked deprecated, or no longer is.

Nothing stops working, but the SDKs' docs and type checkers start (or stop) warning users.
"""

from __future__ import annotations

from typing import Iterator, Union

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote
from generator.ir import Alias, Location, Method, Model, Parameter, Property

CODES: dict[str, Level] = {"deprecation-added": "info", "deprecation-removed": "info"}

Element = Union[Method, Model, Property, Parameter, Alias]


def _pairs(ctx: DiffContext) -> Iterator[tuple[str, str, Element, Element, Location]]:
    for m in ctx.methods:
        if m.old and m.new:
            yield "method", m.subject, m.old, m.new, m.new.location
    for model in ctx.models:
        if model.old and model.new:
            yield "model", model.name, model.old, model.new, model.new.location
    for alias in ctx.aliases:
        if alias.old and alias.new:
            yield "alias", alias.name, alias.old, alias.new, alias.new.location
    for f in ctx.fields:
        if f.old and f.new:
            yield f.kind, f.subject, f.old, f.new, f.location


def run(ctx: DiffContext) -> Iterator[Change]:
    for kind, subject, old, new, where in _pairs(ctx):
        if old.deprecated != new.deprecated:
            now = "is now deprecated" if new.deprecated else "is no longer deprecated"
            code = "deprecation-added" if new.deprecated else "deprecation-removed"
            yield make(CODES, code, subject, f"{kind} {quote(subject)} {now}", where)
