"""The context of the gem's README (README.md.j2): the client's, with example calls of the API's own methods.

The examples are written by literals.example_call, as the docs' are, with the README's values (a number,
`true`, a Pathname, the argument's name): the first method, the first paginated one, the first upload
and the first download, each shown only when the spec has one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from generator.targets.ruby.contexts import ClientContext, MethodContext, ParamContext, ResourceContext
from generator.targets.ruby.literals import example_call, string_literal


@dataclass
class ReadmeContext(ClientContext):
    example: str | None  # the first method's call, `client.batches.create(...)`
    page_example: str | None  # the first paginated method's call
    upload_example: str | None  # the first multipart method's call
    download_example: str | None  # the first method that returns bytes
    all_resources: list[ResourceContext]


def readme_context(client: ClientContext, resources: list[ResourceContext]) -> ReadmeContext:
    methods = [(r, m) for r in resources for m in r.methods]

    def first(test: Callable[[MethodContext], object]) -> str | None:
        found = next(((r, m) for r, m in methods if test(m)), None)
        return call(*found) if found is not None else None

    return ReadmeContext(**client.mapping(), example=first(lambda m: True), page_example=first(lambda m: m.page),
                         upload_example=first(lambda m: m.multipart), download_example=first(lambda m: m.binary),
                         all_resources=resources)


def call(resource: ResourceContext, method: MethodContext) -> str:
    """A call with the path arguments and the required keywords."""
    return example_call(f"{resource.accessor}.{method.name}", [string_literal(p.name) for p in method.positional],
                        [(p.name, readme_value(p)) for p in method.keywords if p.required], parentheses=True)


def readme_value(param: ParamContext) -> str:
    """The README example's value for a required argument: a number, `true`, a Pathname for a file, an
    enum's first value, or its name as a String."""
    if param.first_value is not None:
        return param.first_value
    if param.yard.startswith("Integer"):
        return "1"
    if param.yard.startswith("Float"):
        return "1.0"
    if param.yard.startswith("Boolean"):
        return "true"
    if param.yard.startswith("Pathname"):
        return f"Pathname({string_literal(param.name)})"
    return string_literal(param.name)
