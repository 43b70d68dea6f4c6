"""Word lists kept as data files: one word per line, `#` starts a comment (reserved words, builtins)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=None)
def word_list(path: Path) -> frozenset[str]:
    """The words of one list file."""
    found = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            found.add(word)
    return frozenset(found)


@lru_cache(maxsize=None)
def named_word_list(folder: str, name: str) -> frozenset[str]:
    """The list `<folder>/<name>.txt`, cached by its two strings: targets ask for a list for every name they
    spell, and building a Path first cost more than the lookup (a sixth of validation at 1,000 models)."""
    return word_list(Path(folder) / f"{name}.txt")
