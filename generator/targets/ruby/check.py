"""The escape-or-refuse policy of the Ruby gem's names, as a table of the namespaces spec names land in.

The policy, decided here once:
- A spec name that meets a name the gem or Ruby already takes (a keyword, a method of every object, a
  method of the client, the resource class's `client`, the `request_options:` keyword, a runtime
  constant) is ESCAPED by names.py, with a trailing `_` (or `Api` for the module): the spec cannot
  know the gem's internals, so it is never refused for them.
- Two spec names that differ but become one Ruby name in one namespace are REFUSED (E204) with both
  locations: either one taking the escaped name would be an arbitrary choice the user cannot see.
  Client options and top-level resources share one namespace (both are readers of the client), so a
  resource named like a client option (`project`) is refused too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from generator.diagnostics import Diagnostic
from generator.ir import Api, Location, Model, inline_objects
from generator.targets.collisions import collisions
import generator.targets.ruby.names as names
from generator.targets.ruby.params import params_classes

#: (spec name, Ruby name, where the spec name is) for every name of one namespace.
Names = list[tuple[str, str, Location]]


@dataclass(frozen=True)
class Scope:
    """One namespace of the gem: `groups` gives, per owner (a model, a resource, a method), what the
    diagnostic calls a name of it and the names it holds. Two spec names of one group that become one
    Ruby name are refused."""

    where: str  # the namespace, for the reader of this table
    groups: Callable[[Api], Iterator[tuple[str, Names]]]

    def problems(self, api: Api) -> list[Diagnostic]:
        return [d for what, found in self.groups(api) for d in collisions("ruby", found, what)]


@dataclass(frozen=True)
class Shared:
    """Two kinds of spec names in one namespace: a name of the second kind that becomes a Ruby name
    one of the first kind already has is refused."""

    first: Scope
    first_kind: str
    second: Scope
    second_kind: str
    role: str  # what the Ruby name is to the gem

    def problems(self, api: Api) -> list[Diagnostic]:
        taken = {ruby: spec for _, found in self.first.groups(api) for spec, ruby, _ in found}
        return [Diagnostic(location, "E204",
                           f"{self.second_kind} `{spec}` and {self.first_kind} `{taken[ruby]}` both become the "
                           f"{self.role} `{ruby}` in ruby",
                           f"rename the {self.second_kind} or the {self.first_kind}")
                for _, found in self.second.groups(api) for spec, ruby, location in found if ruby in taken]


def _spec_start(api: Api) -> Location:
    # Client options carry no location of their own.
    return Location(api.source or "<spec>", 1, 1)


def _models(api: Api) -> list[Model]:
    """The models of the spec, then the params class of each method (params.py): both are classes of Models."""
    return [*api.models, *(p.model for p in params_classes(api))]


def _labelled_models(api: Api) -> list[tuple[str, Model]]:
    """(what a diagnostic calls it, model) for each class of Models: a params class is named by its method."""
    params = [(f"the parameters of {names.call_path(p.path, p.method.name)}", p.model) for p in params_classes(api)]
    return [*((m.name, m) for m in api.models), *params]


def _model_files(api: Api) -> Iterator[tuple[str, Names]]:
    yield "model file", [(label, names.file_name(m.name), m.location) for label, m in _labelled_models(api)]


def _model_classes(api: Api) -> Iterator[tuple[str, Names]]:
    yield "model class", [(label, names.constant(m.name), m.location) for label, m in _labelled_models(api)]


def _properties(api: Api) -> Iterator[tuple[str, Names]]:
    for model in _models(api):
        owners = [(model.name, model.properties)] + [(".".join(o.path), o.properties) for o in inline_objects(model)]
        for owner, props in owners:
            yield f"property of `{owner}`", [(p.name, names.identifier(p.name), p.location) for p in props]


def _client_options(api: Api) -> Iterator[tuple[str, Names]]:
    start = _spec_start(api)
    yield "client option", [(o.name, names.client_reader(o.name), start) for o in api.client_options]


def _client_keywords(api: Api) -> Iterator[tuple[str, Names]]:
    """Client options and auth schemes are both keywords of `Client.new` (`admin_api_key:`); the client's
    own (`timeout:`) are kept clear of both by names.client_reader."""
    start = _spec_start(api)
    yield "keyword of Client.new", [
        *((o.name, names.client_reader(o.name), start) for o in api.client_options),
        *((s.name, names.client_reader(s.name), s.location) for s in api.auth_schemes)]


def _top_resources(api: Api) -> Iterator[tuple[str, Names]]:
    yield "resource", [(r.name, names.client_reader(r.name), r.location) for r in api.resources]


def _resource_classes(api: Api) -> Iterator[tuple[str, Names]]:
    yield "resource", [(r.name, names.constant(r.name), r.location) for r in api.resources]


def _resource_members(api: Api) -> Iterator[tuple[str, Names]]:
    for resource in api.all_resources():
        # Methods and sub-resources are both methods of the resource class.
        yield f"method or resource under `{resource.name}`", (
            [(m.name, names.identifier(m.name), m.location) for m in resource.methods]
            + [(r.name, names.member(r.name, names.RESOURCE_MEMBERS), r.location) for r in resource.resources])
        yield f"resource class under `{resource.name}`", [
            (r.name, names.constant(r.name), r.location) for r in resource.resources]
        for method in resource.methods:
            yield f"parameter of `{resource.name}.{method.name}`", [
                (p.name, names.param_name(p), p.source) for p in method.parameters]


CLIENT_OPTIONS = Scope("the readers of the client: options", _client_options)
TOP_RESOURCES = Scope("the readers of the client: top-level resources", _top_resources)

#: Every namespace, in the order their problems are reported.
CHECKS: tuple[Scope | Shared, ...] = (
    Scope("lib/<gem>/models/*.rb", _model_files),
    Scope("the classes of Models", _model_classes),
    Scope("the readers of a model class, and of each nested class", _properties),
    CLIENT_OPTIONS,
    TOP_RESOURCES,
    Shared(CLIENT_OPTIONS, "client option", TOP_RESOURCES, "resource", "client reader"),
    Scope("the keywords of Client.new: client options and auth schemes", _client_keywords),
    Scope("the classes of Resources", _resource_classes),
    Scope("a resource class's methods and sub-resources, its nested classes, a method's arguments",
          _resource_members),
)


def check(api: Api) -> list[Diagnostic]:
    """Names that differ in the spec but not once escaped for Ruby: each pair is reported (E204)
    rather than one silently replacing the other."""
    return [problem for rule in CHECKS for problem in rule.problems(api)]
