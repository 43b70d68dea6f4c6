"""The interface between the IR and a language target.

A target is a symbol provider plus a file plan: it decides names and types for its language,
reports names that clash only in its language, and lists the files to render, each with the
template that lays it out and the context the target computed. Templates stay thin: anything
that needs a decision is computed here, in Python.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Mapping, TypeVar, dataclass_transform

from generator.diagnostics import Diagnostic
from generator.ir import Api

if TYPE_CHECKING:
    from generator.targets.language import Language

#: templates/<target name>/ holds a target's Jinja templates and the runtime files it copies verbatim.
TEMPLATES_DIR = Path(__file__).resolve().parent.parent.parent / "templates"


_Context = TypeVar("_Context")


@dataclass_transform(eq_default=False)
def template_context(*, frozen: bool = False, slots: bool = False) -> Callable[[type[_Context]], type[_Context]]:
    """The dataclass decorator of template contexts. Templates only read them, so they get no `__eq__`
    and `__repr__`: each generated method is compiled when the module is imported, and a build imports
    about fifty context classes (~0.25 ms less each)."""
    return dataclass(frozen=frozen, slots=slots, eq=False, repr=False)


@dataclass(frozen=True)
class OutputFile:
    """One file of a target's output, relative to the target's output root (posix path)."""

    path: str
    template: str | None = None  # relative to templates/<target name>/
    context: Mapping[str, Any] = field(default_factory=dict)
    text: str | None = None  # literal content, when no template is needed


class Target(ABC):
    #: Also the name of the output folder (generated/<name>) and the template folder.
    name: ClassVar[str]
    #: Jinja filters the templates of this target may use, e.g. {"pystr": python_string_literal}.
    filters: ClassVar[Mapping[str, Callable[..., Any]]] = {}

    def check(self, api: Api) -> list[Diagnostic]:
        """Problems that exist only in this language (e.g. names clashing after case conversion)."""
        return []

    def docs_language(self) -> Language | None:
        """How the reference docs spell this target's names, types and examples; None when it is no SDK."""
        return None

    @abstractmethod
    def files(self, api: Api) -> list[OutputFile]:
        """The complete list of files this target produces for `api`."""

    def format(self, path: str, text: str) -> str:
        """Post-process one rendered file (e.g. black for Python). Must be deterministic."""
        return text
