"""Case conversion and ASCII folding of spec names, shared by every language."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")


@lru_cache(maxsize=None)  # names repeat across targets and files: fold each once
def ascii_name(name: str) -> str:
    """The ASCII spelling of a spec name: accented letters lose their accents (`café` -> `cafe`), any
    other non-ASCII character is dropped (the validator guarantees an ASCII letter or digit remains)."""
    if name.isascii():  # most names; NFKD leaves ASCII text as it is
        return name
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if ch.isascii())


def words(name: str) -> list[str]:
    """Split an identifier in any case style into lower-case words."""
    return [w.lower() for w in _WORD.findall(name)]


@lru_cache(maxsize=None)  # names repeat across targets and files: convert each once
def snake_case(name: str) -> str:
    return "_".join(words(name))


@lru_cache(maxsize=None)  # names repeat across targets and files: convert each once
def pascal_case(name: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in words(name))


@lru_cache(maxsize=None)  # names repeat across targets and files: convert each once
def camel_case(name: str) -> str:
    pascal = pascal_case(name)
    return pascal[:1].lower() + pascal[1:]


@lru_cache(maxsize=None)  # names repeat across targets and files: convert each once
def upper_snake_case(name: str) -> str:
    return snake_case(name).upper()
