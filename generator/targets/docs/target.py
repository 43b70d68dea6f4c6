"""The docs target: a Markdown reference per SDK language and a static HTML one, for the registry's languages.

Everything a page shows is computed in this package (contexts.py from the languages' adapters,
placement.py, markdown.py, html.py); the templates under templates/docs/ only lay it out. Spec text
reaches Markdown through the `md*` filters (generator/text/markdown.py) and HTML through Jinja's
autoescaping (every HTML template is one `{% autoescape true %}` block), the `prose` filter, and the
`html_document` filter around every page, which replaces the characters HTML forbids.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.ir import Api, calls
from generator.targets.base import OutputFile, Target
from generator.targets.docs.contexts import method_context, model_contexts
from generator.targets.docs.html import html_files
from generator.targets.docs.markdown import index_file, markdown_files
from generator.targets.docs.placement import group_resources, place_models
from generator.targets.language import Language
from generator.text.html import html_document, html_prose
from generator.text.markdown import code_fence, markdown_code, markdown_inline, markdown_text


class DocsTarget(Target):
    name = "docs"
    filters = {
        "md": markdown_text, "md_inline": markdown_inline, "md_code": markdown_code, "fence": code_fence,
        "prose": html_prose, "html_document": html_document,
    }

    def __init__(self, languages: Sequence[Language]) -> None:
        # The SDK languages the pages document, given by the target registry: this package reaches
        # a language only through its adapter (generator/targets/language.py).
        self.languages = tuple(languages)

    def files(self, api: Api) -> list[OutputFile]:
        languages = tuple(language.bind(api) for language in self.languages)
        methods = [(call, method_context(api, call, languages)) for call in calls(api)]
        links = (link for _, context in methods for link in context.links)
        models = model_contexts(api, links, languages)
        resources = group_resources(methods)
        place_models(resources, models)
        files = [index_file(api, languages)]
        for language in languages:
            files += markdown_files(api, language, methods, resources)
        files += html_files(api, languages, resources)
        return files
