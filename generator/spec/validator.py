"""Located spec tree -> IR, reporting every problem at once: the entry point of validation.

The validator walks the tree once. Each problem becomes a Diagnostic with the position of the
offending key or value, a stable code and a hint; walking goes on after a problem so that a
user sees all of them in one run. Only a spec without problems becomes an `Api`.

The checks are split by concern: reader.py (typed getters, key checks, name rules), api.py (the
`format` and `api` sections), models.py (models and types), resources.py (resources, methods and
parameters), references.py (dangling refs, required-reference cycles).

Codes (documented in docs/spec-format.md):
  E001-E008 reading and parsing, and the limits on untrusted files (see loader.py)
  E101 unknown key            E102 missing key           E103 wrong value type
  E104 unsupported format     E105 invalid value
  E201 unknown type           E202 dangling reference    E203 duplicate name
  E204 names collide in a target language                E205 invalid identifier
  E206 empty enum             E207 duplicated enum value
  E208 path parameter missing from the path template
  E209 path template names an undeclared parameter
  E210 body parameter on a method without a request body
  E211 models that require each other: no finite value satisfies them (see references.py)
  E212 a paginated method that cannot page (no cursor parameter, not a GET, returns nothing)
  E213 a format 2 type where it cannot be: `file` outside a multipart body, `binary` outside `returns`
  E214 a union or alias that cannot be: a variant that is a union, an inline object, a file; fewer than
       two variants; a discriminator that is not a required string const of every variant (unions.py)
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from generator.diagnostics import Diagnostic, SpecError
from generator.gc_pause import gc_paused
from generator.ir import Api
from generator.spec.aliases import alias_names, read_aliases
from generator.spec.api import check_format, read_api
from generator.spec.auth import read_auth_schemes
from generator.spec.models import MAX_SAFE_INTEGER, read_models
from generator.spec.nodes import YMap
from generator.spec.pagination import read_page_styles
from generator.spec.reader import MAX_NAME_LENGTH, Reader
from generator.spec.references import dangling_references, required_cycles
from generator.spec.resources import read_resources
from generator.spec.unions import check_unions

__all__ = ["build_api", "MAX_NAME_LENGTH", "MAX_SAFE_INTEGER"]


def build_api(tree: YMap, source: str, target_checks: list[Callable[[Api], list[Diagnostic]]] = ()) -> Api:  # type: ignore[assignment]
    """Validate a loaded spec and return its IR, or raise SpecError with every problem."""
    with gc_paused():  # the IR lives on (see gc_pause.py)
        return _build_api(tree, source, target_checks)


def _build_api(tree: YMap, source: str, target_checks: list[Callable[[Api], list[Diagnostic]]]) -> Api:
    reader = Reader()
    api = _spec(reader, tree, source)
    problems = reader.problems
    if api is not None and not problems:
        for check in target_checks:
            problems.extend(check(api))
    if problems or api is None:
        raise SpecError(problems)
    return api


def _spec(r: Reader, root: YMap, source: str) -> Api | None:
    """The whole spec: its top-level keys, then models, resources and `api`, then the reference graph."""
    r.keys(root, "the spec", ("format", "api"), ("models", "resources", "aliases"))
    if "format" in root:
        check_format(r, root)
    api_node = r.mapping(root.get("api"), root.value_at("api"), "`api`") if "api" in root else None
    models_node = r.mapping(root.get("models", YMap(root.location)), root.value_at("models"), "`models`")
    resources_node = r.mapping(root.get("resources", YMap(root.location)), root.value_at("resources"),
                               "`resources`")
    r.page_styles = read_page_styles(r, api_node)  # before the methods that name them
    r.auth_schemes = read_auth_schemes(r, api_node)
    r.alias_names = alias_names(root)  # before any `ref:`, which names a model or an alias
    models = read_models(r, models_node) if models_node is not None else ()
    aliases = read_aliases(r, root, {m.name for m in models})
    resources = read_resources(r, resources_node) if resources_node is not None else ()
    api = read_api(r, api_node, models, resources, source) if api_node is not None else None
    if api is not None:
        api = replace(api, aliases=aliases, auth_schemes=tuple(r.auth_schemes.values()))
        dangling_references(r, api)
        required_cycles(r, api)
        check_unions(r, api)
    return api
