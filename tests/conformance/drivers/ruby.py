"""Conformance driver for the generated Ruby gem (generated/ruby), run by Debian's ruby.

The gem is loaded from its own lib/ folder with `-I`, as `require "openai"` finds an installed gem,
and ruby runs with -w so that a warning the gem prints shows up in the test's stderr.
"""

from __future__ import annotations

import shutil
from pathlib import Path

NAME = "ruby"

ROOT = Path(__file__).resolve().parents[3]
GEM = ROOT / "generated" / "ruby"
DRIVER_SCRIPT = Path(__file__).resolve().parent / "ruby_driver.rb"


class ToolchainMissing(RuntimeError):
    """ruby is not installed (tests/toolchains/ruby.sh installs it)."""


def library(gem: Path = GEM) -> tuple[str, str]:
    """(name to require, top-level module) of a generated gem, read from its entry file."""
    entries = sorted((gem / "lib").glob("*.rb"))
    assert len(entries) == 1, f"expected one entry file in {gem / 'lib'}, found {entries}"
    version = next((gem / "lib" / entries[0].stem).glob("version.rb")).read_text(encoding="utf-8")
    module = next(line.split()[1] for line in version.splitlines() if line.startswith("module "))
    return entries[0].stem, module


def command(tmp_dir: Path, gem: Path = GEM) -> list[str]:
    if shutil.which("ruby") is None:
        raise ToolchainMissing("ruby is not installed: run `bash tests/toolchains/ruby.sh`")
    name, module = library(gem)
    return ["ruby", "-w", "-I", str(gem / "lib"), str(DRIVER_SCRIPT), name, module]
