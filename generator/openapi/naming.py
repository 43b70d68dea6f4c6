"""Unique PascalCase names for models and aliases: components first, hoisted objects after."""

from __future__ import annotations

import re

_PIECE = re.compile(r"[A-Za-z0-9]+")
MODEL_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")


def pascal(text: str) -> str:
    """`Error-2` -> `Error2`, `fine_tuning.job` -> `FineTuningJob`; existing capitals are kept."""
    name = "".join(p[:1].upper() + p[1:] for p in _PIECE.findall(text))
    if not name or not name[0].isalpha():
        name = "T" + name
    return name


class Namer:
    """Hands out type names once each, so that no two models or aliases share one."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._lower: set[str] = set()

    def _claim(self, base: str) -> str:
        name, n = base, 2
        while name in self._taken or name.lower() in self._lower:
            name, n = f"{base}{n}", n + 1
        self._taken.add(name)
        self._lower.add(name.lower())
        return name

    def component(self, component: str) -> str:
        return self._claim(pascal(component)[:90])

    def hoisted(self, context: str) -> str:
        return self._claim(pascal(context)[:90])

    @staticmethod
    def pascal(text: str) -> str:
        return pascal(text) if _PIECE.search(text) else "Value"
