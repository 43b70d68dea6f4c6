"""Conformance driver for the generated TypeScript SDK, run on Node.

`build_package` compiles a generated TypeScript package with the test toolchain (the exact
typescript and @types/node of tests/toolchains/typescript/package-lock.json) and lays it out so that
a script in the returned folder imports it by its package name (`import OpenAI from 'openai'`),
exactly as a user who installed it from npm would. `command` returns the argv of node_driver.mjs,
which runs one scenario through the SDK.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

NAME = "node"

ROOT = Path(__file__).resolve().parents[3]
GENERATED = ROOT / "generated" / "typescript"
TOOLCHAIN = ROOT / "tests" / "toolchains" / "typescript"
TOOLCHAIN_MODULES = TOOLCHAIN / "node_modules"
DRIVER_SCRIPT = Path(__file__).resolve().parent / "node_driver.mjs"


class ToolchainMissing(RuntimeError):
    """node, or the npm toolchain of tests/toolchains/typescript, is not installed."""


def ensure_toolchain() -> None:
    """Fails with a clear message when the toolchain is missing (tests/toolchains/node.sh installs it)."""
    if shutil.which("node") is None:
        raise ToolchainMissing("node is not installed: run `bash tests/toolchains/node.sh`")
    if not (TOOLCHAIN_MODULES / ".bin" / "tsc").exists():
        raise ToolchainMissing(f"{TOOLCHAIN_MODULES} is missing: run `bash tests/toolchains/node.sh`")


def tool(name: str) -> str:
    return str(TOOLCHAIN_MODULES / ".bin" / name)


def build_package(tmp_dir: Path, package_dir: Path = GENERATED, cjs: bool = False) -> Path:
    """Compile the package at `package_dir` into `tmp_dir`; return a folder from which it imports by name.

    With `cjs`, the CommonJS build is made too, as the package's `build` script makes it (tsconfig.cjs.json,
    then scripts/postbuild.mjs), so that `require(name)` works.

    Layout: tmp_dir/package (a copy of the sources, compiled with `tsc` into package/dist) and
    tmp_dir/app/node_modules/<package name> pointing at it. Raises CalledProcessError with the
    compiler's output when the package does not compile.
    """
    ensure_toolchain()
    tmp_dir = Path(tmp_dir)
    package = tmp_dir / "package"
    if package.exists():
        shutil.rmtree(package)
    shutil.copytree(
        package_dir, package, ignore=shutil.ignore_patterns("node_modules", "dist", ".gen-manifest")
    )
    # The compiler resolves `types: ["node"]` from the package's node_modules: the toolchain's.
    (package / "node_modules").symlink_to(TOOLCHAIN_MODULES, target_is_directory=True)
    run([tool("tsc"), "-p", str(package / "tsconfig.json")], cwd=package)
    if cjs:
        run([tool("tsc"), "-p", str(package / "tsconfig.cjs.json")], cwd=package)
        run(["node", str(package / "scripts" / "postbuild.mjs")], cwd=package)

    name = json.loads((package / "package.json").read_text(encoding="utf-8"))["name"]
    app = tmp_dir / "app"
    link = app / "node_modules" / name  # a scoped name (@vets/petstore) makes a scope folder
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(package, target_is_directory=True)
    # Scripts in app/ are ES modules, like the package.
    (app / "package.json").write_text('{"private": true, "type": "module"}\n', encoding="utf-8")
    return app


def command(tmp_dir: Path) -> list[str]:
    app = build_package(Path(tmp_dir))
    driver = app / DRIVER_SCRIPT.name
    shutil.copyfile(DRIVER_SCRIPT, driver)
    name = json.loads((GENERATED / "package.json").read_text(encoding="utf-8"))["name"]
    return ["node", str(driver), name]


def run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        argv, cwd=cwd, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"}
    )
    if result.returncode != 0:
        raise subprocess.CalledProcessError(result.returncode, argv, result.stdout, result.stderr)
    return result


# ---------------------------------------------------------------- helpers for the TypeScript tests


def generate_package(spec: Path, out_dir: Path) -> Path:
    """Render the typescript target of `spec` into `out_dir` (as `gen build` would) and return it."""
    from generator.build import generate, load_api

    files = generate(load_api(spec), ("typescript",))
    for key, text in files.items():
        path = Path(out_dir) / key.split("/", 1)[1]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Path(out_dir)


def run_script(
    app: Path, name: str, source: str, env: dict[str, str] | None = None, timeout: float = 60
) -> Any:
    """Write an ES module script into `app` (where the package imports by name), run it with node,
    and return the JSON it prints last. `env` replaces the environment (PATH is kept)."""
    script = Path(app) / name
    script.write_text(source, encoding="utf-8")
    environment = {"PATH": os.environ.get("PATH", ""), **(env or {})}
    result = subprocess.run(
        ["node", str(script)], cwd=app, capture_output=True, text=True, env=environment, timeout=timeout
    )
    if result.returncode != 0:
        raise AssertionError(f"node {name} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    lines = result.stdout.strip().splitlines()
    assert lines, f"node {name} printed nothing; stderr:\n{result.stderr}"
    return json.loads(lines[-1])
