"""Where the two specs of a diff come from: files on disk, or a file as it was at a git revision."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from generator.diagnostics import Diagnostic
from generator.ir import Api
from generator.spec.loader import YMap, load_spec, load_spec_text
from generator.targets import all_targets
from generator.spec.validator import build_api


class SourceError(Exception):
    """The spec could not be fetched (bad git revision, file not in it, not a git repository)."""


@dataclass(frozen=True)
class LoadedSpec:
    name: str  # as shown in locations: the path given, or REV:path for a git revision
    api: Api
    tree: YMap


def _validated(tree: YMap, name: str, target_checks: bool = True) -> LoadedSpec:
    # The same checks as `gen validate`, target-specific ones included unless told not to; raises SpecError.
    checks: list[Callable[[Api], list[Diagnostic]]] = (
        [t.check for t in all_targets().values()] if target_checks else [])
    return LoadedSpec(name, build_api(tree, name, checks), tree)


def load_file(path: str | Path, target_checks: bool = True) -> LoadedSpec:
    """A spec file, validated; without `target_checks`, only as the IR needs it (the comparison itself
    needs no target's view of the spec)."""
    name = str(path)
    return _validated(load_spec(path, name), name, target_checks)


def load_at_revision(revision: str, path: str | Path) -> LoadedSpec:
    """The spec at `path` as committed at `revision` (anything `git show` accepts: HEAD, a tag, a sha)."""
    file = Path(path).resolve()
    top = _git(file.parent, "rev-parse", "--show-toplevel").strip()
    try:
        relative = file.relative_to(Path(top).resolve()).as_posix()
    except ValueError:  # a symlink out of the repository
        raise SourceError(f"{path} is not inside the git repository at {top}") from None
    name = f"{revision}:{relative}"
    data = _git_bytes(Path(top), "show", f"{revision}:{relative}")
    return _validated(load_spec_text(data, name), name)


def _git(cwd: Path, *args: str) -> str:
    return _git_bytes(cwd, *args).decode("utf-8", "replace")


def _git_bytes(cwd: Path, *args: str) -> bytes:
    if args and args[0] == "show" and args[1].startswith("-"):
        raise SourceError(f"not a git revision: {args[1]!r}")  # never let a ref be read as an option
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise SourceError("git is not installed; --base needs it") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SourceError(f"git {' '.join(args)} failed: {detail[-1] if detail else 'exit ' + str(done.returncode)}")
    return done.stdout
