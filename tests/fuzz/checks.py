"""The checks every fuzzed (or regression) spec goes through.

`build_spec` runs the generator in-process (validation with every target's checks, then
`generator.build.build` of all targets into a fresh folder). Then, per language:
- Python: every file compiles (`compile()`, as py_compile does, writing no bytecode) and the package and each of its modules import, in a
  subprocess with only the generated `src/` folder added to sys.path;
- Ruby: `ruby -wc` on every `.rb` file prints `Syntax OK` and no warning;
- TypeScript: many packages are type-checked by one `tsc -p` (a generated tsconfig that includes
  them side by side, with the compiler options of the generated tsconfig.json), since one tsc run
  costs seconds; its errors are split back to the packages they belong to.
Each check returns a list of problems (empty when fine) so that a caller can report them all.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator.build import build, load_api
from generator.diagnostics import SpecError

ROOT = Path(__file__).resolve().parents[2]
TS_TOOLCHAIN = ROOT / "tests" / "toolchains" / "typescript" / "node_modules"


class ToolchainMissing(RuntimeError):
    pass


def require_toolchains() -> None:
    """ruby and the TypeScript toolchain (tests/toolchains/ruby.sh and node.sh install them)."""
    if shutil.which("ruby") is None:
        raise ToolchainMissing("ruby is not installed: run `bash tests/toolchains/ruby.sh`")
    if shutil.which("node") is None or not (TS_TOOLCHAIN / ".bin" / "tsc").exists():
        raise ToolchainMissing("node or tests/toolchains/typescript/node_modules is missing: "
                               "run `bash tests/toolchains/node.sh`")


def build_spec(spec: Path, out: Path) -> None:
    """Validate (raises SpecError listing the problems) and build every target into `out`."""
    load_api(spec)
    build(spec, out)


# ------------------------------------------------------------------ Python

_IMPORT_ALL = """
import importlib, pkgutil, sys
package = importlib.import_module(sys.argv[1])
for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
    importlib.import_module(info.name)
"""


def check_python(out: Path) -> list[str]:
    src = out / "python" / "src"
    packages = [p for p in sorted(src.iterdir()) if (p / "__init__.py").exists()] if src.is_dir() else []
    if len(packages) != 1:
        return [f"python: expected one package under {src}, found {[p.name for p in packages]}"]
    problems = []
    for path in sorted(out.joinpath("python").rglob("*.py")):
        try:  # what py_compile does, without writing the bytecode anywhere
            compile(path.read_bytes(), str(path), "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as error:
            problems.append(f"python: {path.relative_to(out)} does not compile: {error!r}")
    if problems:
        return problems
    # -I: no user site, no PYTHONPATH; the venv's site-packages (httpx, pydantic) stay importable.
    result = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(src)!r})\n"
                             + _IMPORT_ALL, packages[0].name], capture_output=True, text=True, cwd=out,
                            timeout=120)
    if result.returncode != 0:
        problems.append(f"python: importing `{packages[0].name}` fails:\n{result.stderr[-3000:]}")
    return problems


# ------------------------------------------------------------------ Ruby

# Files already found clean, by content hash: the runtime files are the same for every spec.
_ruby_clean: set[str] = set()


def _ruby_wc(path: Path) -> str | None:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest in _ruby_clean:
        return None
    result = subprocess.run(["ruby", "-wc", str(path)], capture_output=True, text=True, timeout=60)
    if result.returncode != 0 or result.stderr.strip() or result.stdout.strip() != "Syntax OK":
        return f"{result.stdout}{result.stderr}".strip()[-3000:]
    _ruby_clean.add(digest)
    return None


def check_ruby(out: Path) -> list[str]:
    files = sorted(out.joinpath("ruby").rglob("*.rb"))
    if not files:
        return ["ruby: no .rb file was generated"]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(_ruby_wc, files))
    return [f"ruby: `ruby -wc {path.relative_to(out)}`:\n{message}"
            for path, message in zip(files, results) if message is not None]


# ------------------------------------------------------------------ TypeScript


def check_typescript(outs: list[Path], work: Path) -> list[list[str]]:
    """Type-check the TypeScript package of each output folder in one tsc run; problems per folder."""
    if not outs:
        return []
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    options = None
    for index, out in enumerate(outs):
        package = work / f"pkg{index}"
        shutil.copytree(out / "typescript", package, ignore=shutil.ignore_patterns("node_modules", "dist"))
        config = json.loads((package / "tsconfig.json").read_text(encoding="utf-8"))["compilerOptions"]
        options = options or config
    assert options is not None
    options = {k: v for k, v in options.items() if k not in ("outDir", "rootDir", "declaration", "sourceMap")}
    options["noEmit"] = True
    (work / "tsconfig.json").write_text(json.dumps({
        "compilerOptions": options,
        "include": [f"pkg{i}/src/**/*.ts" for i in range(len(outs))],
    }, indent=2), encoding="utf-8")
    # `types: ["node"]` resolves from node_modules next to the tsconfig: the test toolchain's.
    (work / "node_modules").symlink_to(TS_TOOLCHAIN, target_is_directory=True)
    result = subprocess.run([str(TS_TOOLCHAIN / ".bin" / "tsc"), "-p", str(work / "tsconfig.json"), "--pretty",
                             "false"], capture_output=True, text=True, cwd=work, timeout=600)
    problems: list[list[str]] = [[] for _ in outs]
    if result.returncode == 0:
        return problems
    unattributed = []
    for line in (result.stdout + result.stderr).splitlines():
        head = line.split("/", 1)[0]
        if head.startswith("pkg") and head[3:].isdigit() and int(head[3:]) < len(outs):
            problems[int(head[3:])].append(f"typescript: {line}")
        elif line.strip() and problems and not line.startswith(" "):
            unattributed.append(line)
        elif line.strip() and line.startswith(" "):
            # A continuation line belongs to the error above it.
            for found in reversed(problems):
                if found:
                    found.append(line)
                    break
    if unattributed or not any(problems):
        for found in problems:
            found.append("typescript: tsc failed:\n" + "\n".join(unattributed or [result.stdout[-3000:]]))
    return problems


def check_one(spec: Path, out: Path) -> list[str]:
    """Build one spec into `out` and check its Python and Ruby output (TypeScript is checked in batches)."""
    try:
        build_spec(spec, out)
    except SpecError as error:
        return [f"the validator refuses a spec the strategy thinks valid:\n{error.render()}"]
    except Exception as error:  # a crash of the generator is exactly what fuzzing looks for
        shutil.rmtree(out, ignore_errors=True)
        return [f"gen build crashes: {type(error).__name__}: {error}"]
    return check_python(out) + check_ruby(out)


def check_specs(texts: list[str], work: Path) -> list[tuple[str, list[str]]]:
    """Build each spec and run every check in every language; (spec text, problems) of the failing ones."""
    problems: list[list[str]] = [[] for _ in texts]
    built: list[tuple[int, Path]] = []
    for index, text in enumerate(texts):
        spec = work / f"spec{index}.yaml"
        spec.write_text(text, encoding="utf-8")
        out = work / f"out{index}"
        problems[index] += check_one(spec, out)
        if (out / "typescript").is_dir():
            built.append((index, out))
    for (index, _), found in zip(built, check_typescript([out for _, out in built], work / "tsc")):
        problems[index] += found
    return [(text, found) for text, found in zip(texts, problems) if found]
