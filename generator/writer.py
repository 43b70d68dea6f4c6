"""In-memory output -> files on disk: compare, write only what changed, atomically, with a manifest.

Each target's output root (e.g. generated/python) holds a manifest listing the files the
generator owns there. A build removes owned files it no longer produces and never touches
files it does not own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.atomic import atomic_write

MANIFEST = ".gen-manifest"
MANIFEST_HEADER = "# Files written by `gen build`. Do not edit; files not listed here are left alone.\n"


@dataclass
class Plan:
    """What writing a set of outputs would change, relative to the output folder."""

    written: list[str] = field(default_factory=list)  # new or different
    missing: list[str] = field(default_factory=list)  # subset of written: not on disk yet
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # owned earlier, no longer produced

    @property
    def clean(self) -> bool:
        return not self.written and not self.removed


def read_manifest(root: Path) -> list[str]:
    try:
        text = (root / MANIFEST).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def manifest_text(paths: list[str]) -> str:
    return MANIFEST_HEADER + "".join(f"{p}\n" for p in sorted(paths))


def plan(out_dir: Path, files: dict[str, str]) -> Plan:
    """`files` maps paths relative to out_dir (including each root's manifest) to their text."""
    result = Plan()
    for rel in sorted(files):
        target = out_dir / rel
        try:
            same = target.read_bytes() == files[rel].encode("utf-8")
        except FileNotFoundError:
            result.missing.append(rel)
            same = False
        except IsADirectoryError:
            same = False
        (result.unchanged if same else result.written).append(rel)
    roots = {rel.split("/", 1)[0] for rel in files}
    for root in sorted(roots):
        for owned in read_manifest(out_dir / root):
            rel = f"{root}/{owned}"
            if rel not in files and _inside(out_dir, rel) and (out_dir / rel).is_file():
                result.removed.append(rel)
    return result


def apply(out_dir: Path, files: dict[str, str], result: Plan) -> None:
    made: set[Path] = set()  # folders made or found: one mkdir per folder, not per file (5,000 at s1000)
    for rel in result.written:
        path = out_dir / rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        atomic_write(path, files[rel].encode("utf-8"), mode=0o644)
    for rel in result.removed:
        path = out_dir / rel
        path.unlink()
        _prune_empty_dirs(path.parent, out_dir)


def _inside(out_dir: Path, rel: str) -> bool:
    # A hand-edited manifest must not make us delete files outside the output folder.
    root = out_dir.resolve()
    return (root / rel).resolve().is_relative_to(root) and ".." not in rel.split("/")


def _prune_empty_dirs(directory: Path, stop: Path) -> None:
    stop = stop.resolve()
    directory = directory.resolve()
    while directory != stop and directory.is_relative_to(stop):
        try:
            directory.rmdir()
        except OSError:
            return
        directory = directory.parent
