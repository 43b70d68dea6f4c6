"""Docs target: a reference page per method per SDK language, an index per language, and a static
HTML reference (a page per resource, with a language switcher).

Everything a page shows is computed here and in docs_languages.py / docs_example.py; the templates
under templates/docs/ only lay it out. Spec text reaches Markdown through the `md*` filters and
HTML through Jinja's autoescaping (every HTML template is one `{% autoescape true %}` block).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any, Iterable, Iterator, Mapping, Sequence

from markupsafe import Markup, escape

from generator.ir import Api, InlineObject, Method, ModelRef, Type
from generator.text.html import html_prose
from generator.text.markdown import code_fence, markdown_code, markdown_inline, markdown_text
from generator.text.case import snake_case
from generator.targets.base import OutputFile, Target
from generator.ir.examples import example_value
from generator.ir import Call, calls
from generator.targets.language import Field, Language

#: The assets every HTML page links to, relative to the html/ folder.
HTML_ASSETS = ("assets/reference.css", "assets/reference.js")


# ---------------------------------------------------------------- page contents


def flags(field: Field) -> str:
    words = ["required" if field.required else "optional"]
    if field.nullable:
        words.append("nullable")
    if field.deprecated:
        words.append("deprecated")
    if field.location and field.location != "path":
        words.append(f"in {field.location}")
    return ", ".join(words)


def field_context(field: Field) -> dict[str, Any]:
    """A field as a Markdown page (of one language) shows it."""
    return {"name": field.name, "type": field.type, "declaration": field.declaration,
            "flags": flags(field), "description": field.description, "location": field.location,
            "link": field.link, "children": [field_context(c) for c in field.children]}


def variants(texts: dict[str, str]) -> list[dict[str, str]]:
    """What an HTML page shows of a name or type per language: one text for every language when they
    all read the same (lang ""), else one per language."""
    if len(set(texts.values())) == 1:
        return [{"lang": "", "text": next(iter(texts.values()))}]
    return [{"lang": name, "text": text} for name, text in texts.items()]


def shared_field_contexts(per_language: Mapping[str, Sequence[Field]]) -> list[dict[str, Any]]:
    """Fields as an HTML page shows them: one list for all languages, each field with its declaration
    per language (one, shown in every language, when they all read the same). Only names and types
    differ between languages; the lists have the same shape, built from the same IR."""
    columns = list(per_language.items())
    out = []
    for i, field in enumerate(columns[0][1]):
        row = {name: fields[i] for name, fields in columns}
        assert all(f.link == field.link and len(f.children) == len(field.children) for f in row.values())
        out.append({"declarations": variants({name: f.declaration for name, f in row.items()}),
                    "flags": flags(field), "description": field.description,
                    "link": field.link,
                    "children": shared_field_contexts({name: f.children for name, f in row.items()})})
    return out


def linked_models(fields: Sequence[Field]) -> Iterator[str]:
    """The models `fields` link to rather than expand, in page order (with repeats)."""
    for field in fields:
        if field.link:
            yield field.link
        yield from linked_models(field.children)


def method_anchor(call: Call) -> str:
    return "-".join([snake_case(r.name) for r in call.resources] + [snake_case(call.method.name)])


def model_anchor(name: str) -> str:
    # Method anchors are lower case (snake_case words): a model name starts with a capital.
    return f"model-{name}"


def resource_key(call: Call) -> tuple[str, ...]:
    return tuple(r.name for r in call.resources)


def http_line(method: Method) -> str:
    return f"{method.http_method} {method.path}"


def returns_description(api: Api, returns: Type | None) -> str:
    if isinstance(returns, ModelRef):
        return api.model(returns.name).description
    if isinstance(returns, InlineObject):
        return returns.description
    return ""


def language_context(api: Api, call: Call, language: Language, parameters: Sequence[Field],
                     returns: Sequence[Field]) -> dict[str, Any]:
    signature = language.signature(api, call)
    return {
        "name": language.name,
        "label": language.label,
        "fence": language.fence,
        "signature": {"text": signature.text, "call": signature.call, "returns": signature.returns,
                      "shown": list(signature.shown), "hidden": list(signature.hidden)},
        "parameters": [field_context(f) for f in parameters],
        "returns_type": signature.returns,
        "returns_description": returns_description(api, call.method.returns),
        "returns": [field_context(f) for f in returns],
        "example": language.example(api, call),
    }


def method_context(api: Api, call: Call, languages: Sequence[Language]) -> dict[str, Any]:
    """Everything the Markdown page and the HTML section of one method show, for every language."""
    method = call.method
    response = example_value(api, method.returns) if method.returns is not None else None
    parameters = {language.name: language.parameters(call) for language in languages}
    returns = {language.name: language.returns(api, call) for language in languages}
    contexts = {language.name: language_context(api, call, language, parameters[language.name],
                                                returns[language.name]) for language in languages}
    return {
        "title": method.summary or ".".join(resource_key(call) + (method.name,)),
        "anchor": method_anchor(call),
        "http_method": method.http_method,
        "path": method.path,
        "http": http_line(method),
        "description": method.description,
        "deprecated": method.deprecated,
        "response_example": json.dumps(response, indent=2, ensure_ascii=False) if response is not None else "",
        "languages": contexts,
        # The HTML section shows the language-neutral parts once, for every language.
        "parameters": shared_field_contexts(parameters),
        "returns_types": variants({name: context["returns_type"] for name, context in contexts.items()}),
        "returns_description": returns_description(api, method.returns),
        "returns": shared_field_contexts(returns),
        "links": list(dict.fromkeys(linked_models(returns[languages[0].name]))),
    }


def model_context(api: Api, name: str, languages: Sequence[Language]) -> dict[str, Any]:
    """A model's own reference: its properties (inline objects expanded), the models it refers to linked."""
    fields = {language.name: language.model_fields(api, name) for language in languages}
    type_names = {language.name: language.type_name(ModelRef(name)) for language in languages}
    return {
        "name": name,
        "anchor": model_anchor(name),
        "description": api.model(name).description,
        "languages": {language.name: {"name": language.name, "type_name": type_names[language.name],
                                      "fields": [field_context(f) for f in fields[language.name]]}
                      for language in languages},
        "type_names": variants(type_names),
        "fields": shared_field_contexts(fields),
        "links": list(dict.fromkeys(linked_models(fields[languages[0].name]))),
    }


def model_contexts(api: Api, links: Iterable[str], languages: Sequence[Language]) -> dict[str, dict[str, Any]]:
    """The models that need a reference of their own: those `links` name, and those their references
    link to in turn, in the order first met."""
    found: dict[str, dict[str, Any]] = {}
    queue = list(dict.fromkeys(links))
    for name in queue:  # grows while read
        if name not in found:
            found[name] = model_context(api, name, languages)
            queue.extend(link for link in found[name]["links"] if link not in found)
    return found


def method_page(language: str, resource_names: Sequence[str], method_name: str) -> str:
    """The path of a method's Markdown page inside the docs output folder, e.g. `python/batches/cancel.md`.

    Public for the SDK targets: their api.md (generated/<sdk>/api.md) links to a method's page as
    `../docs/` + this path.
    """
    return "/".join([language, *(snake_case(n) for n in resource_names), snake_case(method_name)]) + ".md"


def markdown_path(language: Language, call: Call) -> str:
    return method_page(language.name, [r.name for r in call.resources], call.method.name)


#: The Markdown page, in a resource's folder of each language, of the models placed with that
#: resource (see `place_models`). Not a snake_case word (it has a hyphen): no method page has its name.
MODEL_PAGE = "model-reference.md"


def resource_folder(key: tuple[str, ...]) -> str:
    return "/".join(snake_case(n) for n in key)


def html_page(resource_names: tuple[str, ...]) -> str:
    return ".".join(snake_case(n) for n in resource_names) + ".html"


def place_models(resources: dict[tuple[str, ...], dict[str, Any]], models: dict[str, dict[str, Any]]) -> None:
    """Give each model one home, beside the methods that first need it, so that the whole reference
    shows it once: the first resource (in spec order) one of whose methods links to it; a model only
    other models link to goes with the first of those, nearest first. Fills each resource's "models"."""
    placed: set[str] = set()
    queue = [(link, resource) for resource in resources.values()
             for method in resource["methods"] for link in method["links"]]
    for name, resource in queue:  # grows while read: breadth first over all resources at once
        if name not in placed:
            placed.add(name)
            resource["models"].append(models[name])
            queue.extend((link, resource) for link in models[name]["links"])


class DocsTarget(Target):
    name = "docs"
    filters = {"md": markdown_text, "md_inline": markdown_inline, "md_code": markdown_code,
               "fence": code_fence, "prose": html_prose}

    def __init__(self, languages: Sequence[Language]) -> None:
        # The SDK languages the pages document, given by the target registry: this module reaches
        # a language only through its adapter (generator/targets/language.py).
        self.languages = tuple(languages)

    def files(self, api: Api) -> list[OutputFile]:
        contexts = [(call, method_context(api, call, self.languages)) for call in calls(api)]
        models = model_contexts(api, (link for _, context in contexts for link in context["links"]), self.languages)
        # One HTML page per resource that has methods, in the order resources appear in the spec;
        # the models placed with it follow its methods, there and in its folder's Markdown page.
        resources: dict[tuple[str, ...], dict[str, Any]] = {}
        for call, context in contexts:
            key = resource_key(call)
            if key not in resources:
                resources[key] = {"key": key, "title": ".".join(key), "page": html_page(key),
                                  "folder": resource_folder(key), "description": call.resource.description,
                                  "methods": [], "models": []}
            resources[key]["methods"].append(context)
        place_models(resources, models)
        files = [OutputFile("index.md", "index.md.j2", {"api": api, "languages": [
            {"name": lang.name, "label": lang.label} for lang in self.languages]})]
        for language in self.languages:
            files += self.markdown_files(api, language, contexts, resources)
        files += self.html_files(api, resources)
        return files

    def markdown_files(self, api: Api, language: Language, contexts: list[tuple[Call, dict[str, Any]]],
                       resources: dict[tuple[str, ...], dict[str, Any]]) -> list[OutputFile]:
        prefix = f"{language.name}/"
        # Where each model is documented, from the language's folder.
        model_links = {model["name"]: f"{resource['folder']}/{MODEL_PAGE}#{model['anchor']}"
                       for resource in resources.values() for model in resource["models"]}
        files, pages = [], []
        for call, context in contexts:
            path = markdown_path(language, call)
            root = "../" * len(call.resources)  # from <language>/<resource>/.../<method>.md up to <language>/
            files.append(OutputFile(path, "method.md.j2", {"method": context, "root": root,
                                                           "model_links": model_links,
                                                           "lang": context["languages"][language.name]}))
            pages.append({"link": path[len(prefix):], "call": language.call_path(call),
                          "title": context["title"], "resource": ".".join(resource_key(call))})
        files.append(OutputFile(f"{language.name}/index.md", "language_index.md.j2",
                                {"api": api, "label": language.label, "pages": pages}))
        for resource in resources.values():
            if resource["models"]:
                files.append(OutputFile(f"{prefix}{resource['folder']}/{MODEL_PAGE}", "models.md.j2",
                                        {"resource": resource, "language": language.name,
                                         "root": "../" * len(resource["key"]), "model_links": model_links}))
        return files

    def html_files(self, api: Api, resources: dict[tuple[str, ...], dict[str, Any]]) -> list[OutputFile]:
        nav = [{"title": r["title"], "page": r["page"],
                        "methods": [{"title": m["title"], "anchor": m["anchor"]} for m in r["methods"]]}
                       for r in resources.values()]
        model_links = {model["name"]: f"{resource['page']}#{model['anchor']}"
                       for resource in resources.values() for model in resource["models"]}
        common = {"api": api, "nav": nav, "default_language": self.languages[0].name,
                  "languages": [{"name": lang.name, "label": lang.label} for lang in self.languages]}
        files = [
            OutputFile("html/assets/reference.css", "html/reference.css.j2", common),
            OutputFile("html/assets/reference.js", "html/reference.js.j2", common),
            OutputFile("html/index.html", "html/index.html.j2",
                       {**common, "current": "", "resources": list(resources.values())}),
        ]
        for resource in resources.values():
            files.append(OutputFile(f"html/{resource['page']}", "html/resource.html.j2",
                                    {**common, "current": resource["page"], "resource": resource,
                                     "model_links": model_links}))
        return files
