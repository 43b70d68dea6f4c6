"""Which methods and models each resource's pages show: each model once, beside what first needs it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from generator.ir import Call
from generator.targets.docs.contexts import MethodContext, ModelContext, resource_key
from generator.text.case import snake_case


@dataclass(slots=True)
class ResourceContext:
    """A resource that has methods: one HTML page, one folder of Markdown pages per language."""

    key: tuple[str, ...]  # resource names from the top, e.g. ("batches",) or ("fine_tuning", "jobs")
    title: str  # fine_tuning.jobs
    page: str  # its HTML page, e.g. fine_tuning.jobs.html
    folder: str  # its Markdown folder inside a language's, e.g. fine_tuning/jobs
    description: str
    methods: list[MethodContext] = field(default_factory=list)
    models: list[ModelContext] = field(default_factory=list)  # filled by `place_models`


def resource_folder(key: tuple[str, ...]) -> str:
    return "/".join(snake_case(n) for n in key)


def html_page(key: tuple[str, ...]) -> str:
    return ".".join(snake_case(n) for n in key) + ".html"


def group_resources(methods: Sequence[tuple[Call, MethodContext]]) -> dict[tuple[str, ...], ResourceContext]:
    """The resources that have methods, in the order resources appear in the spec, with their methods."""
    resources: dict[tuple[str, ...], ResourceContext] = {}
    for call, context in methods:
        key = resource_key(call)
        if key not in resources:
            resources[key] = ResourceContext(key, ".".join(key), html_page(key), resource_folder(key),
                                             call.resource.description)
        resources[key].methods.append(context)
    return resources


def place_models(resources: Mapping[tuple[str, ...], ResourceContext],
                 models: Mapping[str, ModelContext]) -> None:
    """Give each model one home, beside the methods that first need it, so that the whole reference
    shows it once: the first resource (in spec order) one of whose methods links to it; a model only
    other models link to goes with the first of those, nearest first. Fills each resource's `models`."""
    placed: set[str] = set()
    queue = [(link, resource) for resource in resources.values()
             for method in resource.methods for link in method.links]
    for name, resource in queue:  # grows while read: breadth first over all resources at once
        if name not in placed:
            placed.add(name)
            resource.models.append(models[name])
            queue.extend((link, resource) for link in models[name].links)

