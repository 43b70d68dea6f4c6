"""The module layout of the package: the src/ module of each resource and model, and imports between them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from generator.ir import Alias, Api, Model, Resource, models_through_aliases, resources_with_paths
from generator.targets.typescript.names import resource_class, resource_field, resource_module

SHARED = "resources/shared"  # the module of the aliases, and of the models no method reaches


@dataclass(frozen=True)
class ResourceFile:
    resource: Resource
    path: tuple[str, ...]  # resource names from the top, e.g. ("widgets", "parts")

    # Cached: the file plan asks for these for every model and every other resource.
    @cached_property
    def module(self) -> str:
        """Module path under src/ without extension: resources/widgets/parts."""
        return resource_module(self.path)

    @cached_property
    def class_name(self) -> str:
        return resource_class(self.path)

    @cached_property
    def field(self) -> str:
        """The name of the field that holds it on the client or on its parent resource."""
        return resource_field(self.path)


def resource_files(api: Api) -> list[ResourceFile]:
    """One module per resource, parents first."""
    return [ResourceFile(resource, path) for path, resource in resources_with_paths(api)]


class ModelHomes(dict[str, str]):
    """Model name -> the module that declares it, and each module's models in spec order; the aliases,
    all declared by `resources/shared`."""

    def __init__(self, aliases: tuple[Alias, ...] = ()) -> None:
        super().__init__()
        self.by_module: dict[str, list[Model]] = {}
        self.aliases = aliases

    def models_in(self, module: str) -> list[Model]:
        # Grouped once: every module asking the whole model list made big specs quadratic.
        return self.by_module.get(module, [])

    def has_shared(self) -> bool:
        return SHARED in self.by_module or bool(self.aliases)


def model_homes(api: Api, files: list[ResourceFile]) -> ModelHomes:
    """The module that declares each model: the first resource (depth first) that uses it.

    Models are reached through aliases too (`Animal` reaches `Cat`); those no method reaches live in
    `resources/shared`, with the aliases.
    """
    homes = ModelHomes(api.aliases)
    for rf in files:
        pending = [name for m in rf.resource.methods for p in m.parameters
                   for name in models_through_aliases(api, p.type)]
        pending += [name for m in rf.resource.methods if m.returns for name in models_through_aliases(api, m.returns)]
        while pending:
            name = pending.pop(0)
            if name in homes:
                continue
            homes[name] = rf.module
            pending += [n for p in api.model(name).properties for n in models_through_aliases(api, p.type)]
    for model in api.models:
        homes.setdefault(model.name, SHARED)
        homes.by_module.setdefault(homes[model.name], []).append(model)
    return homes


def relative_import(from_module: str, to_module: str) -> str:
    """An ESM import specifier (with `.js`, as NodeNext resolution needs) from one module to another."""
    src = from_module.split("/")[:-1]
    dst = to_module.split("/")
    common = 0
    while common < len(src) and common < len(dst) - 1 and src[common] == dst[common]:
        common += 1
    ups = len(src) - common
    rel = "/".join([".."] * ups + dst[common:])
    return (rel if ups else "./" + rel) + ".js"
