"""The HTML half of the docs: a page per resource (methods, then models placed there), an index, assets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.ir import Api
from generator.targets.base import OutputFile
from generator.targets.docs.contexts import language_links
from generator.targets.docs.placement import ResourceContext
from generator.targets.language import Language

#: The assets every HTML page links to, relative to the html/ folder.
HTML_ASSETS = ("assets/reference.css", "assets/reference.js")


@dataclass(frozen=True, slots=True)
class NavMethod:
    title: str
    anchor: str


@dataclass(frozen=True, slots=True)
class NavItem:
    """A resource in the sidebar of every page, with its methods (shown on its own page and the index)."""

    title: str
    page: str
    methods: tuple[NavMethod, ...]


def html_files(api: Api, languages: Sequence[Language],
               resources: Mapping[tuple[str, ...], ResourceContext]) -> list[OutputFile]:
    nav = [NavItem(r.title, r.page, tuple(NavMethod(m.title, m.anchor) for m in r.methods))
           for r in resources.values()]
    model_links = {model.name: f"{resource.page}#{model.anchor}"
                   for resource in resources.values() for model in resource.models}
    common: dict[str, Any] = {"api": api, "nav": nav, "default_language": languages[0].name,
                              "languages": language_links(languages)}
    files = [
        OutputFile("html/" + HTML_ASSETS[0], "html/reference.css.j2", common),
        OutputFile("html/" + HTML_ASSETS[1], "html/reference.js.j2", common),
        OutputFile("html/index.html", "html/index.html.j2",
                   {**common, "current": "", "resources": list(resources.values())}),
    ]
    for resource in resources.values():
        files.append(OutputFile(f"html/{resource.page}", "html/resource.html.j2",
                                {**common, "current": resource.page, "resource": resource,
                                 "model_links": model_links}))
    return files
