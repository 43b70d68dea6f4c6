"""Problems found in a spec, each with a source location, a stable code and a hint."""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir import Location


@dataclass(frozen=True, order=True)
class Diagnostic:
    location: Location
    code: str  # stable, documented in docs/spec-format.md, e.g. "E102"
    message: str
    hint: str = ""

    def render(self) -> str:
        text = f"{self.location}: error[{self.code}]: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class SpecError(Exception):
    """Raised when a spec has problems; carries all of them, sorted by location."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = sorted(set(diagnostics), key=_sort_key)
        super().__init__(f"{len(self.diagnostics)} problem(s) in spec")

    def render(self) -> str:
        return "\n".join(d.render() for d in self.diagnostics)


def _sort_key(d: Diagnostic) -> tuple[str, int, int, str, str]:
    return (d.location.file, d.location.line, d.location.col, d.code, d.message)
