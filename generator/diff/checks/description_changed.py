"""Documentation text changed (a description or a method's summary): docs and doc comments change,
code does not."""

from __future__ import annotations

from typing import Iterator, Union

from generator.diff.checks.base import make
from generator.diff.context import DiffContext
from generator.diff.model import Change, Level, quote
from generator.ir import Alias, AuthScheme, Location, Method, Model, Parameter, Property, Resource

CODES: dict[str, Level] = {"description-changed": "info"}

Element = Union[Method, Model, Property, Parameter, Resource, Alias, AuthScheme]


def _pairs(ctx: DiffContext) -> Iterator[tuple[str, str, Element, Element, Location]]:
    for r in ctx.resources:
        if r.old and r.new:
            yield "resource", r.subject, r.old, r.new, r.new.location
    for m in ctx.methods:
        if m.old and m.new:
            yield "method", m.subject, m.old, m.new, m.new.location
    for model in ctx.models:
        if model.old and model.new:
            yield "model", model.name, model.old, model.new, model.new.location
    for alias in ctx.aliases:
        if alias.old and alias.new:
            yield "alias", alias.name, alias.old, alias.new, alias.new.location
    old_schemes = {s.name: s for s in ctx.old.auth_schemes}
    for scheme in ctx.new.auth_schemes:
        if scheme.name in old_schemes:
            yield "auth scheme", scheme.name, old_schemes[scheme.name], scheme, scheme.location
    for f in ctx.fields:
        if f.old and f.new:
            yield f.kind, f.subject, f.old, f.new, f.location


def run(ctx: DiffContext) -> Iterator[Change]:
    if ctx.old.description != ctx.new.description:
        yield make(CODES, "description-changed", "api", "the description of the API changed",
                   ctx.api_location("new", "description"))
    for kind, subject, old, new, where in _pairs(ctx):
        changed = [what for what in ("summary", "description")
                   if getattr(old, what, "") != getattr(new, what, "")]
        if changed:
            yield make(CODES, "description-changed", subject,
                       f"the {' and '.join(changed)} of {kind} {quote(subject)} changed", where)
