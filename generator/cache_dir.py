"""Where `gen build` keeps its caches: one folder per output folder, outside it.

`$GEN_CACHE_DIR` if set, else `$XDG_CACHE_HOME/apigen-forge` (default `~/.cache/apigen-forge`),
then a folder named by a hash of the output folder's absolute path. A new output folder is thus a
cold build, and the output folder holds exactly the generated files. At most MAX_OUTPUT_FOLDERS
output folders are remembered; creating one more forgets the least recently written.
Imports only the standard library: the no-op path of `gen build` (build_stamp.py) uses it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

MAX_OUTPUT_FOLDERS = 64


def cache_root() -> Path:
    explicit = os.environ.get("GEN_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home directory
            base = tempfile.gettempdir()
    return Path(base) / "apigen-forge"


def cache_dir(out_dir: str | Path) -> Path:
    """The cache folder of one output folder."""
    key = hashlib.sha256(str(Path(out_dir).resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return cache_root() / key


def make_cache_dir(directory: Path) -> None:
    """Create an output folder's cache folder; when it is new, forget the oldest beyond the limit."""
    if directory.is_dir():
        return
    directory.mkdir(parents=True, exist_ok=True)
    try:
        siblings = [p for p in directory.parent.iterdir() if p.is_dir() and not p.is_symlink()]
        siblings.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for stale in siblings[MAX_OUTPUT_FOLDERS:]:
        if stale != directory:
            shutil.rmtree(stale, ignore_errors=True)
