"""Runs every registered check over a pair of APIs and returns their changes, most severe first."""

from __future__ import annotations

from generator.diff.checks import CHECKS
from generator.diff.context import DiffContext
from generator.diff.model import Change
from generator.ir import Api
from generator.spec.loader import YMap


def diff_apis(old: Api, new: Api, old_tree: YMap | None = None, new_tree: YMap | None = None) -> list[Change]:
    ctx = DiffContext.of(old, new, old_tree, new_tree)
    found: set[Change] = set()  # a model used both ways can report the same info change twice
    for check in CHECKS:
        found.update(check.run(ctx))
    return sorted(found, key=Change.sort_key)
