"""Spec file -> a plain tree of dicts, lists and scalars that remembers source positions.

A plain spec (no anchors, merge keys, tags or errors: what specs are) is built straight from the
parser's events (plain.py); anything else goes through composed nodes (composed.py), which report
every problem. The parser, the limits on untrusted text and the wording of YAML errors are in
parsing.py; the tree's mapping and list types in nodes.py.

Codes reported here:
  E001 the file cannot be read, or is not UTF-8     E002 the spec is empty
  E003 YAML syntax error or invalid YAML value      E004 duplicate key in a mapping
  E005 the top level is not a mapping               E006 the file is larger than MAX_SPEC_BYTES
  E007 nested deeper than MAX_DEPTH                 E008 aliases expand to more than MAX_ALIAS_VALUES
"""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Diagnostic, SpecError
from generator.gc_pause import gc_paused
from generator.ir import Location
from generator.spec.composed import Converter, compose, node_kind, node_location
from generator.spec.nodes import YList, YMap
from generator.spec.parsing import MAX_ALIAS_VALUES, MAX_DEPTH, MAX_SPEC_BYTES, decode, too_large
from generator.spec.plain import PlainBuilder

__all__ = ["load_spec", "load_spec_text", "YMap", "YList", "MAX_SPEC_BYTES", "MAX_DEPTH", "MAX_ALIAS_VALUES"]


def load_spec(path: str | Path, display_name: str | None = None) -> YMap:
    """Read and parse a spec file; raise SpecError with every problem found while parsing."""
    name = display_name or str(path)
    try:
        with open(path, "rb") as handle:
            # One byte past the limit is enough to know the file is too large, whatever its size.
            data = handle.read(MAX_SPEC_BYTES + 1)
    except OSError as exc:
        raise SpecError(
            [Diagnostic(Location(name, 1, 1), "E001", f"cannot read spec: {exc.strerror or exc}",
                        "check the path given with --spec")]
        ) from None
    return load_spec_text(data, name)


def load_spec_text(data: bytes, name: str) -> YMap:
    with gc_paused():  # every node built here lives on: collections would only walk them again and again
        return _load(data, name)


def _load(data: bytes, name: str) -> YMap:
    if len(data) > MAX_SPEC_BYTES:
        raise SpecError([too_large(name)])
    text = decode(data, name)
    plain = PlainBuilder(text, name).build()
    if plain is not None:
        return plain
    node = compose(text, name)
    if node is None:
        raise SpecError([Diagnostic(Location(name, 1, 1), "E002", "the spec is empty",
                                    "start from spec/openai.yaml or docs/spec-format.md")])
    problems: list[Diagnostic] = []
    tree = Converter(name, text, problems).convert(node, 0, False)
    if isinstance(tree, YMap) and not problems:
        return tree
    if not isinstance(tree, YMap):
        problems.append(Diagnostic(node_location(node, name), "E005",
                                   f"the top level of a spec must be a mapping, not {node_kind(node)}",
                                   "a spec starts with `format: 1`, then `api:`, `models:` and `resources:`"))
    raise SpecError(problems)
