"""Docs target: a reference page per method, per SDK language."""

from __future__ import annotations

from generator.ir import Api
from generator.naming import snake_case
from generator.targets.base import OutputFile, Target

LANGUAGES = ("python", "ruby", "typescript")


def markdown_text(text: str) -> str:
    """Spec text as Markdown prose: HTML and Markdown markup characters are escaped."""
    out = []
    for ch in text:
        if ch in "\\`*_[]<>#|":
            out.append("\\" + ch if ch not in "<>" else {"<": "&lt;", ">": "&gt;"}[ch])
        elif ord(ch) < 0x20 and ch != "\n":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


class DocsTarget(Target):
    name = "docs"
    filters = {"md": markdown_text}

    def files(self, api: Api) -> list[OutputFile]:
        files = []
        for language in LANGUAGES:
            for resource in api.all_resources():
                for method in resource.methods:
                    files.append(OutputFile(
                        f"{language}/{snake_case(resource.name)}/{snake_case(method.name)}.md", "method.md.j2",
                        {"api": api, "resource": resource, "method": method, "language": language}))
        return files
