"""The Markdown half of the docs: per language, a page per method, an index, each resource's models."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.ir import Api, Call
from generator.targets.base import OutputFile
from generator.targets.docs.contexts import MethodContext, language_links, resource_key
from generator.targets.docs.placement import ResourceContext
from generator.targets.language import Language
from generator.text.case import snake_case

#: The Markdown page, in a resource's folder of each language, of the models placed with that
#: resource (see `placement.place_models`). Not a snake_case word (it has a hyphen): no method page
#: has its name.
MODEL_PAGE = "model-reference.md"


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """A method as the index of one language lists it."""

    link: str  # its page, from the language's folder
    call: str  # batches.cancel, as the language spells it
    title: str
    resource: str  # the heading it is listed under


def method_page(language: str, resource_names: Sequence[str], method_name: str) -> str:
    """The path of a method's Markdown page inside the docs output folder, e.g. `python/batches/cancel.md`."""
    return "/".join([language, *(snake_case(n) for n in resource_names), snake_case(method_name)]) + ".md"


def markdown_path(language: Language, call: Call) -> str:
    return method_page(language.name, [r.name for r in call.resources], call.method.name)


def index_file(api: Api, languages: Sequence[Language]) -> OutputFile:
    """docs/index.md: the way to each language's reference and to the HTML one."""
    return OutputFile("index.md", "index.md.j2", {"api": api, "languages": language_links(languages)})


def markdown_files(api: Api, language: Language, methods: Sequence[tuple[Call, MethodContext]],
                   resources: Mapping[tuple[str, ...], ResourceContext]) -> list[OutputFile]:
    """The Markdown reference of one language, in its folder."""
    prefix = f"{language.name}/"
    # Where each model is documented, from the language's folder.
    model_links = {model.name: f"{resource.folder}/{MODEL_PAGE}#{model.anchor}"
                   for resource in resources.values() for model in resource.models}
    files, pages = [], []
    for call, context in methods:
        path = markdown_path(language, call)
        root = "../" * len(call.resources)  # from <language>/<resource>/.../<method>.md up to <language>/
        files.append(OutputFile(path, "method.md.j2", {"method": context, "root": root,
                                                       "model_links": model_links,
                                                       "lang": context.languages[language.name]}))
        pages.append(IndexEntry(path[len(prefix):], language.call_path(call), context.title,
                                ".".join(resource_key(call))))
    files.append(OutputFile(f"{language.name}/index.md", "language_index.md.j2",
                            {"api": api, "label": language.label, "pages": pages}))
    for resource in resources.values():
        if resource.models:
            files.append(OutputFile(f"{prefix}{resource.folder}/{MODEL_PAGE}", "models.md.j2",
                                    {"resource": resource, "language": language.name,
                                     "root": "../" * len(resource.key), "model_links": model_links}))
    return files

