"""The no-op fast path of `gen build`: nothing changed since the last build, so nothing to do.

After each build that wrote its output, a stamp in the output folder's cache folder (cache_dir.py)
records a key of everything the output is made from, and a hash of each file written. The next
build computes the key again; when it matches and every recorded file on disk still has its
hash, the output is known to be up to date without loading the spec, rendering or formatting
(nor importing YAML, Jinja or black): a no-op rebuild costs about the interpreter's startup.

The key covers: the spec's bytes and its path as given (generated files may name it), the chosen
targets, every file of the generator package and of the templates folder, the installed Jinja2,
MarkupSafe, PyYAML and black (location, size and modification time of each, found without
importing them), the Python version and this module's format. That is everything a build reads;
a change to the generator that made it read anything else must add it here. Any doubt (no stamp,
unreadable or damaged stamp, one file edited or missing on disk) means a full build.
Imports only the standard library.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import Sequence

from generator.atomic import atomic_write
from generator.cache_dir import cache_dir, make_cache_dir

STAMP_VERSION = 1
PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR.parent / "templates"
DEPENDENCIES = ("jinja2", "markupsafe", "yaml", "black")


class BuildStamp:
    def __init__(self, spec: str | Path, out_dir: str | Path, target_names: Sequence[str]) -> None:
        self.spec = spec
        self.out_dir = Path(out_dir)
        self.target_names = tuple(target_names)
        selection = hashlib.sha256("\0".join(self.target_names).encode()).hexdigest()[:16]
        self.path = cache_dir(out_dir) / f"build-{selection}.json"
        self._key: str | None = None

    @property
    def key(self) -> str | None:
        """None when the spec cannot be read: the full build reports that properly."""
        if self._key is None:
            try:
                spec_bytes = Path(self.spec).read_bytes()
            except OSError:
                return None
            digest = hashlib.sha256()
            for part in (f"stamp {STAMP_VERSION}", sys.version, str(self.spec), "\0".join(self.target_names)):
                _feed(digest, part.encode("utf-8", "surrogatepass"))
            _feed(digest, spec_bytes)
            _feed(digest, generator_fingerprint().encode())
            self._key = digest.hexdigest()
        return self._key

    def unchanged_files(self) -> list[str] | None:
        """The output files (relative to the output folder), if the output is exactly what these
        inputs produce; None when a build is needed."""
        try:
            stamp = json.loads(self.path.read_text(encoding="utf-8"))
            if stamp.get("key") != self.key or self.key is None:
                return None
            files = stamp["files"]
            for rel, digest in files.items():
                if hashlib.sha256((self.out_dir / rel).read_bytes()).hexdigest() != digest:
                    return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        return sorted(files)

    def record(self, files: dict[str, str]) -> None:
        """After a build wrote `files` (relative path -> text): remember them for the next one."""
        if self.key is None:
            return
        stamp = {"key": self.key, "files": {rel: hashlib.sha256(text.encode("utf-8")).hexdigest()
                                            for rel, text in sorted(files.items())}}
        try:
            make_cache_dir(self.path.parent)
            text = json.dumps(stamp, sort_keys=True)
            if not self.path.exists() or self.path.read_bytes() != text.encode("utf-8"):
                atomic_write(self.path, text.encode("utf-8", "surrogatepass"))
        except OSError:
            pass  # the next build is a full one; never an error

    def forget(self) -> None:
        try:
            self.path.unlink()
        except OSError:
            pass


def generator_fingerprint() -> str:
    digest = hashlib.sha256()
    for root in (PACKAGE_DIR, TEMPLATES_DIR):
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
            for name in sorted(names):
                if name.endswith((".pyc", ".pyo")):
                    continue
                path = Path(folder) / name
                _feed(digest, str(path.relative_to(root.parent)).encode("utf-8", "surrogatepass"))
                try:
                    _feed(digest, path.read_bytes())
                except OSError:
                    _feed(digest, b"<unreadable>")
    for package in DEPENDENCIES:
        spec = importlib.util.find_spec(package)
        origin = spec.origin if spec is not None and spec.origin else ""
        try:
            stat = os.stat(origin)
            _feed(digest, f"{package}:{origin}:{stat.st_size}:{stat.st_mtime_ns}".encode("utf-8", "surrogatepass"))
        except OSError:
            _feed(digest, f"{package}:missing".encode())
    return digest.hexdigest()


def _feed(digest: "hashlib._Hash", data: bytes) -> None:
    digest.update(len(data).to_bytes(8, "big"))  # length-prefixed: no two inputs hash alike
    digest.update(data)
