"""Conformance driver for the generated Ruby gem, run by Debian's ruby.

The gem is rendered from the bundled spec by the generator of this checkout into the driver's
temporary folder (so the suite tests what the generator makes now, not what generated/ruby held at
the last `gen build`), then loaded from its own lib/ folder with `-I`, as `require "openai"` finds an
installed gem; ruby runs with -w so that a warning the gem prints shows up in the test's stderr. The
helpers below it are shared with the Ruby gem tests (tests/test_ruby_*.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

NAME = "ruby"

ROOT = Path(__file__).resolve().parents[3]
GEM = ROOT / "generated" / "ruby"
DRIVER_SCRIPT = Path(__file__).resolve().parent / "ruby_driver.rb"
SPECS = {
    "openai": ROOT / "spec" / "openai.yaml",
    "petstore": ROOT / "tests" / "specs" / "fixtures" / "petstore.yaml",
    "kitchen_sink": ROOT / "tests" / "specs" / "fixtures" / "kitchen_sink.yaml",
    # Text that tries to leave every string, Symbol and comment; names reserved or special in Ruby.
    "hostile_text": ROOT / "tests" / "specs" / "hostile" / "hostile_text.yaml",
    "hostile_names": ROOT / "tests" / "specs" / "hostile" / "hostile_names.yaml",
}


class ToolchainMissing(RuntimeError):
    """ruby is not installed (tests/toolchains/ruby.sh installs it)."""


def library(gem: Path = GEM) -> tuple[str, str]:
    """(name to require, top-level module) of a generated gem, read from its files."""
    entries = sorted((gem / "lib").glob("*.rb"))
    assert len(entries) == 1, f"expected one entry file in {gem / 'lib'}, found {entries}"
    version = (gem / "lib" / entries[0].stem / "version.rb").read_text(encoding="utf-8")
    module = next(line.split()[1] for line in version.splitlines() if line.startswith("module "))
    return entries[0].stem, module


def command(tmp_dir: Path, gem: Path | None = None) -> list[str]:
    if shutil.which("ruby") is None:
        raise ToolchainMissing("ruby is not installed: run `bash tests/toolchains/ruby.sh`")
    if gem is None:
        gem = render_gem("openai", Path(tmp_dir) / "gem")
    name, module = library(gem)
    return ["ruby", "-w", "-I", str(gem / "lib"), str(DRIVER_SCRIPT), name, module]


# ---------------------------------------------------------------- helpers for the Ruby gem tests


def require_tool(name: str) -> str:
    """The tool's path; a missing tool fails the test in CI (where tests/toolchains/ruby.sh ran)."""
    import pytest

    found = shutil.which(name)
    if found is None:
        message = f"{name} is not installed: run `bash tests/toolchains/ruby.sh`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


#: The standard-library signatures the gem's own refer to (`rbs -r`).
RBS_LIBRARIES = ["-r", "uri", "-r", "net-http", "-r", "pathname"]


def rbs_command() -> list[str]:
    """Debian installs the rbs that ships with Ruby 3.1 as `rbs3.1`; a gem install names it `rbs`."""
    for name in ("rbs", "rbs3.1"):
        if shutil.which(name):
            return [name]
    return [require_tool("rbs3.1")]


def render_gem(stem: str, out_dir: Path) -> Path:
    """Render the ruby target of a spec into `out_dir` and return it. Only the Ruby target's checks
    apply (`gen build` runs every target's): a name another language refuses is no concern here."""
    return render_spec(SPECS[stem].relative_to(ROOT).as_posix(), out_dir)


def render_spec(spec: str, out_dir: Path) -> Path:
    """`render_gem` for a spec file given by its path."""
    from generator.build import generate, load_api
    from generator.targets.ruby import RubyTarget

    targets = {"ruby": RubyTarget()}
    files = generate(load_api(spec, targets), ("ruby",), targets=targets)
    for key, text in files.items():
        path = Path(out_dir) / key.split("/", 1)[1]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Path(out_dir)


def run_ruby(
    gem: Path,
    source: str,
    args: list[str] | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
) -> Any:
    """Run Ruby `source` with -w and the gem's lib/ on the load path; return the JSON it prints last.
    `env` replaces the environment (PATH kept). A warning fails the call, as it fails the load test."""
    environment = {"PATH": os.environ.get("PATH", ""), **(env or {})}
    result = subprocess.run(
        ["ruby", "-w", "-I", str(Path(gem) / "lib"), "-e", source, "--", *(args or [])],
        capture_output=True,
        text=True,
        env=environment,
        timeout=timeout,
    )
    assert result.returncode == 0, f"ruby failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    assert result.stderr == "", result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines, "ruby printed nothing"
    return json.loads(lines[-1])
