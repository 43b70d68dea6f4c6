"""Shared helpers for snapshot tests of generated files.

Each generated file is locked by its own snapshot file (one text file per generated file), so a
change to one target's output shows up as a diff of exactly the files it changed.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from generator.build import generate, load_api

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_SPEC = ROOT / "spec" / "openai.yaml"
FIXTURE_SPECS = sorted((ROOT / "tests" / "specs" / "fixtures").glob("*.yaml"))
ALL_SPECS = [BUNDLED_SPEC, *FIXTURE_SPECS]


class TextFileSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "txt"


@lru_cache(maxsize=None)
def generated(spec: Path, target: str) -> dict[str, str]:
    """The files one target produces for a spec, keyed by path inside the target's folder."""
    api = load_api(spec.relative_to(ROOT).as_posix())
    prefix = f"{target}/"
    return {path[len(prefix):]: text for path, text in generate(api, (target,)).items()}


def snapshot_cases(target: str) -> list[tuple[str, str]]:
    """(spec stem, file path) for every file a target produces for every spec the tests use."""
    return [(spec.stem, path) for spec in ALL_SPECS for path in sorted(generated(spec, target))]


def spec_by_stem(stem: str) -> Path:
    return next(spec for spec in ALL_SPECS if spec.stem == stem)
