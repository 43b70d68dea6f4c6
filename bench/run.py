"""The benchmark of `gen build`: run it, read BENCHMARKS.md.

    .venv/bin/python bench/run.py                 # everything; writes BENCHMARKS.md (about 5 minutes)
    .venv/bin/python bench/run.py --runs 3 --sizes 10x5,100x50 --no-tools   # a quicker look

For the bundled spec and synthetic specs of each size (bench/synth.py) it measures, each in fresh
processes of the real command (`python -m generator build`):
  - a cold build of all targets into an empty folder (median of --runs), its stages (from
    `--verbose`), peak memory (ru_maxrss of that child, read by a small waiter process), files and bytes written;
  - a cold build of the Python target alone (what openapi-python-client is compared with);
  - a no-op rebuild (nothing changed), and whether it imported black (`-X importtime`);
  - a one-field change (one property added to one model, then removed again), and what it rewrote;
and, in the same run, the import floor (a process that only imports jinja2, yaml and black) and,
where installed, openapi-generator-cli (python, ruby, typescript-fetch in sequence) and
openapi-python-client on the same API written as an OpenAPI document (bench/openapi.py).
Install those with bench/install_tools.sh (a scratch virtualenv under /tmp); they are skipped with
a message when missing. Finally one cold build of the largest size runs under cProfile, and the
functions that take the most time go into the report.

Raw results go to bench/results/latest.json (git-ignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Sequence

import yaml

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from openapi import to_openapi  # noqa: E402
from synth import synthetic_spec, write_spec  # noqa: E402

BUNDLED = ROOT / "spec" / "openai.yaml"
DEFAULT_SIZES = "10x5,100x50,1000x500"
TOOLS_VENV = Path(os.environ.get("APIGEN_BENCH_TOOLS", "/tmp/apigen-bench-tools"))  # bench/install_tools.sh
OPENAPI_GENERATOR_LANGUAGES = ("python", "ruby", "typescript-fetch")
STAGE_LINE = re.compile(r"^  (\S.*?)\s+([\d.]+) ms$")
SUMMARY_LINE = re.compile(r"^(\d+) written, (\d+) unchanged, (\d+) removed in ")
ADDED_FIELD = "bench_added_field"


# ---------------------------------------------------------------- running one process


@dataclass
class Run:
    wall: float  # seconds
    peak_mb: float  # ru_maxrss of the child (and of the children it waited for)
    stdout: str
    stderr: str


# Every measured process is started by this small waiter, which times it and reads its rusage. Why not
# directly from this process: Linux carries a process's peak resident set across execve, so a child
# of this (large) benchmark process reported this process's size as its own peak (every small spec
# "peaked" at the same 73 MB). A child of the small waiter starts from the waiter's few MB.
WAITER = """
import os, sys, time
report, argv = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(argv[0], argv)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
with open(report, "w") as handle:
    handle.write(f"{wall!r} {usage.ru_maxrss}")
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
"""


def run(argv: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None, check: bool = True) -> Run:
    """Run one fresh process; its wall time and its own peak memory, measured by WAITER."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".txt") as report:
        process = subprocess.run([sys.executable, "-c", WAITER, report.name, *argv], cwd=cwd, env=env,
                                 stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        wall, maxrss_kb = report.read().split()
        out.seek(0)
        err.seek(0)
        result = Run(float(wall), int(maxrss_kb) / 1024, out.read().decode(errors="replace"),
                     err.read().decode(errors="replace"))
    if check and process.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {process.returncode}:\n{result.stdout[-2000:]}{result.stderr[-4000:]}")
    return result


def gen_build(spec: Path, out: Path, cache: Path, *extra: str, python_flags: Sequence[str] = (),
              env: dict[str, str] | None = None) -> Run:
    """`gen build` in a fresh process, its build cache (GEN_CACHE_DIR) under `cache`."""
    return run([sys.executable, *python_flags, "-m", "generator", "build", "--spec", str(spec), "--out", str(out),
                "--verbose", *extra], cwd=ROOT, env={**os.environ, **(env or {}), "GEN_CACHE_DIR": str(cache)})


def stages_of(result: Run) -> dict[str, float]:
    """Stage times (ms) from `gen build --verbose`."""
    stages = {}
    for line in result.stdout.splitlines():
        match = STAGE_LINE.match(line)
        if match:
            stages[match.group(1)] = float(match.group(2))
    return stages


def summary_of(result: Run) -> dict[str, int]:
    for line in result.stdout.splitlines():
        match = SUMMARY_LINE.match(line)
        if match:
            return dict(zip(("written", "unchanged", "removed"), map(int, match.groups())))
    raise RuntimeError(f"no summary line in the output of gen build:\n{result.stdout[-2000:]}")


def written_paths(result: Run) -> list[str]:
    return [line.split(None, 1)[1] for line in result.stdout.splitlines() if line.startswith("wrote ")]


def imported_modules(result: Run) -> set[str]:
    """Modules a `python -X importtime` process imported (from its stderr)."""
    return {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


# ---------------------------------------------------------------- measurements


@dataclass
class Series:
    walls: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)
    stages: list[dict[str, float]] = field(default_factory=list)

    def add(self, result: Run) -> Run:
        self.walls.append(result.wall)
        self.peaks.append(result.peak_mb)
        self.stages.append(stages_of(result))
        return result

    @property
    def median(self) -> float:
        return median(self.walls)

    def median_stages(self) -> dict[str, float]:
        names = list(dict.fromkeys(name for stages in self.stages for name in stages))
        return {n: median([s[n] for s in self.stages if n in s]) for n in names}


@dataclass
class Case:
    name: str
    spec: str
    spec_bytes: int
    models: int
    methods: int
    cold: Series = field(default_factory=Series)
    cold_python: Series = field(default_factory=Series)
    cold_serial: Series = field(default_factory=Series)  # formatting forced into one process
    noop: Series = field(default_factory=Series)
    change: Series = field(default_factory=Series)
    files: int = 0
    bytes: int = 0
    files_by_target: dict[str, int] = field(default_factory=dict)
    cache_bytes: int = 0
    noop_written: int = -1
    noop_imports_black: bool | None = None
    change_written: list[list[str]] = field(default_factory=list)
    # The files a change touches: those that differ between cold builds of the spec before and
    # after it. The incremental build should rewrite exactly these: none unrelated, none missed.
    change_touches: int = 0
    change_unrelated: list[str] = field(default_factory=list)
    change_missed: list[str] = field(default_factory=list)
    tools: dict[str, Any] = field(default_factory=dict)
    error: str | None = None  # set when a build of this spec failed: the rest of the run goes on


def count_models_methods(spec: Path) -> tuple[int, int]:
    data = yaml.load(spec.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))

    def methods(resources: dict[str, Any]) -> int:
        return sum(len(r.get("methods") or {}) + methods(r.get("resources") or {}) for r in resources.values())

    return len(data.get("models") or {}), methods(data.get("resources") or {})


def output_size(out: Path) -> tuple[int, int, dict[str, int]]:
    files = total = 0
    by_target: dict[str, int] = {}
    for path in out.rglob("*"):
        if path.is_file():
            files += 1
            total += path.stat().st_size
            target = path.relative_to(out).parts[0]
            by_target[target] = by_target.get(target, 0) + 1
    return files, total, dict(sorted(by_target.items()))


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def with_added_field(spec_data: dict[str, Any]) -> dict[str, Any]:
    """The same spec with one optional property added to its first model."""
    changed = json.loads(json.dumps(spec_data))
    model = next(iter(changed["models"].values()))
    model.setdefault("properties", {})[ADDED_FIELD] = {"type": "string", "description": "Added by the benchmark."}
    return changed


def tree_differences(first: Path, second: Path) -> set[str]:
    """Paths (relative) that differ between two output folders, or exist in only one."""
    def files(root: Path) -> dict[str, Path]:
        return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}

    a, b = files(first), files(second)
    return {rel for rel in a.keys() | b.keys() if rel not in a or rel not in b or a[rel].read_bytes() != b[rel].read_bytes()}


def measure_case(case: Case, spec: Path, work: Path, runs: int, log: Any) -> None:
    log(f"{case.name}: {case.models} models, {case.methods} methods, {case.spec_bytes:,} bytes")
    last_out, last_cache = work / "cold-0", work / "cache-cold-0"
    for i in range(runs):
        out, cache = work / f"cold-{i}", work / f"cache-cold-{i}"  # nothing cached: a new output folder and cache
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        case.cold.add(gen_build(spec, out, cache))
        last_out, last_cache = out, cache
    case.files, case.bytes, case.files_by_target = output_size(last_out)
    case.cache_bytes = folder_bytes(last_cache)
    log(f"  cold        {case.cold.median:7.3f} s  {max(case.cold.peaks):6.0f} MB  {case.files} files")
    for i in range(runs):
        out, cache = work / f"cold-python-{i}", work / f"cache-cold-python-{i}"
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        case.cold_python.add(gen_build(spec, out, cache, "--target", "python"))
    log(f"  cold python {case.cold_python.median:7.3f} s")
    # Formatting in worker processes (one beside the renders for small specs): does it pay?
    for i in range(runs):
        out, cache = work / f"cold-serial-{i}", work / f"cache-cold-serial-{i}"
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        case.cold_serial.add(gen_build(spec, out, cache, env={"GEN_FORMAT_WORKERS": "1"}))
    log(f"  cold, formatting in one process {case.cold_serial.median:7.3f} s")
    for _ in range(runs):
        result = case.noop.add(gen_build(spec, last_out, last_cache))
        case.noop_written = max(case.noop_written, summary_of(result)["written"])
    traced = gen_build(spec, last_out, last_cache, python_flags=("-X", "importtime"))
    case.noop_imports_black = "black" in imported_modules(traced)
    log(f"  no-op       {case.noop.median:7.3f} s  written {case.noop_written}, black imported: "
        f"{case.noop_imports_black}")
    # A one-field change: the spec file is edited in place (same path: generated files may name it).
    original = yaml.safe_load(spec.read_text(encoding="utf-8"))
    states = [with_added_field(original), original]
    edited = work / "spec-edited.yaml"
    change_out = work / "change"
    shutil.rmtree(change_out, ignore_errors=True)
    write_spec(edited, original)
    gen_build(edited, change_out, work / "cache-change")
    for i in range(runs * 2):  # add the field, remove it again: each build sees one field changed
        write_spec(edited, states[i % 2])
        result = case.change.add(gen_build(edited, change_out, work / "cache-change"))
        case.change_written.append(written_paths(result))
    # change_out now holds the build of the original spec; a cold build of the changed one beside it.
    write_spec(edited, states[0])
    reference = work / "change-reference"
    shutil.rmtree(reference, ignore_errors=True)
    gen_build(edited, reference, work / "cache-change-reference")
    touched = tree_differences(change_out, reference)
    for written in case.change_written:
        rewritten = {Path(p).relative_to(change_out).as_posix() for p in written}
        case.change_unrelated = sorted(set(case.change_unrelated) | (rewritten - touched))
        case.change_missed = sorted(set(case.change_missed) | (touched - rewritten))
    case.change_touches = len(touched)
    log(f"  one field   {case.change.median:7.3f} s  rewrote {len(case.change_written[0])} files")


def measure_floor(runs: int) -> dict[str, float]:
    floor = [run([sys.executable, "-c", "import jinja2, yaml, black"]).wall for _ in range(runs)]
    startup = [run([sys.executable, "-c", "pass"]).wall for _ in range(runs)]
    return {"import_floor": median(floor), "python_startup": median(startup)}


def _spin(count: int) -> int:
    total = 0
    for i in range(count):
        total += i * i
    return total


def measure_free_cores(count: int = 2_000_000) -> float:
    """How much faster two processes run four equal CPU-bound jobs than one process does: about 2
    on an idle 2-core machine, 1 or less when other work holds a core. Tells whether parallel
    formatting could pay during this run."""
    import multiprocessing

    start = time.perf_counter()
    for _ in range(4):
        _spin(count)
    serial = time.perf_counter() - start
    with multiprocessing.get_context("fork").Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_spin, [count] * 4)
        parallel = time.perf_counter() - start
    return serial / parallel


# ---------------------------------------------------------------- the generators we compare with


def find_tool(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidate = TOOLS_VENV / "bin" / name
    return str(candidate) if candidate.exists() else None


def tool_env(tool: str) -> dict[str, str]:
    # openapi-python-client runs ruff from PATH: put the tool's own bin folder first.
    env = dict(os.environ)
    env["PATH"] = f"{Path(tool).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def measure_tools(case: Case, spec: Path, work: Path, runs: int, log: Any) -> None:
    document = work / "openapi.json"
    document.write_text(json.dumps(to_openapi(yaml.safe_load(spec.read_text(encoding="utf-8"))), indent=1))
    generator = find_tool("openapi-generator-cli")
    if generator is None or shutil.which("java") is None:
        case.tools["openapi-generator"] = {"skipped": "openapi-generator-cli or java not installed "
                                                      "(bench/install_tools.sh installs it)"}
        log(f"  openapi-generator: skipped ({case.tools['openapi-generator']['skipped']})")
    else:
        per_language: dict[str, Series] = {}
        for language in OPENAPI_GENERATOR_LANGUAGES:
            series = per_language.setdefault(language, Series())
            for i in range(runs):
                out = work / f"openapi-generator-{language}-{i}"
                shutil.rmtree(out, ignore_errors=True)
                series.add(run([generator, "generate", "-i", str(document), "-g", language, "-o", str(out),
                                "--skip-validate-spec"], env=tool_env(generator)))
        total = sum(s.median for s in per_language.values())
        case.tools["openapi-generator"] = {
            "languages": {lang: {"median": s.median, "walls": s.walls, "peak_mb": max(s.peaks)}
                          for lang, s in per_language.items()},
            "total": total, "runs": runs,
            "peak_mb": max(max(s.peaks) for s in per_language.values()),
        }
        log(f"  openapi-generator (3 languages) {total:7.3f} s")
    client = find_tool("openapi-python-client")
    if client is None:
        case.tools["openapi-python-client"] = {"skipped": "openapi-python-client not installed "
                                                          "(bench/install_tools.sh installs it)"}
        log(f"  openapi-python-client: skipped ({case.tools['openapi-python-client']['skipped']})")
        return
    series = Series()
    for i in range(runs):
        out = work / f"openapi-python-client-{i}"
        shutil.rmtree(out, ignore_errors=True)
        series.add(run([client, "generate", "--path", str(document), "--output-path", str(out), "--overwrite"],
                       env=tool_env(client)))
    case.tools["openapi-python-client"] = {"median": series.median, "walls": series.walls,
                                           "peak_mb": max(series.peaks), "runs": runs}
    log(f"  openapi-python-client {series.median:7.3f} s")


# ---------------------------------------------------------------- profile


def profile_build(spec: Path, work: Path, top: int = 15) -> list[dict[str, Any]]:
    """One cold build of all targets under cProfile, in a fresh process: the costliest functions."""
    stats_file = work / "profile.out"
    out = work / "profiled"
    shutil.rmtree(out, ignore_errors=True)
    run([sys.executable, "-m", "cProfile", "-o", str(stats_file), "-m", "generator", "build", "--spec", str(spec),
         "--out", str(out), "--quiet"], cwd=ROOT,
        env={**os.environ, "GEN_FORMAT_WORKERS": "1", "GEN_CACHE_DIR": str(work / "cache-profile")})
    import pstats

    stats = pstats.Stats(str(stats_file))
    rows = []
    for (filename, line, function), (_, calls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append({"function": f"{_short(filename)}:{line}({function})", "calls": calls,
                     "tottime": tottime, "cumtime": cumtime})
    rows.sort(key=lambda r: r["tottime"], reverse=True)
    total = sum(r["tottime"] for r in rows)
    for row in rows:
        row["share"] = row["tottime"] / total if total else 0.0
    return rows[:top]


def _short(filename: str) -> str:
    if filename.startswith(str(ROOT) + os.sep):
        return filename[len(str(ROOT)) + 1:]
    if "site-packages" + os.sep in filename:
        return filename.split("site-packages" + os.sep, 1)[1]
    if os.sep + "lib" + os.sep + "python" in filename:
        return "stdlib/" + Path(filename).name
    return filename


# ---------------------------------------------------------------- the machine


def machine(code: str | None = None) -> dict[str, Any]:
    info: dict[str, Any] = {"platform": platform.platform(), "python": platform.python_version(),
                            "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()}
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
        info["cpu"] = model.group(1).strip() if model else platform.processor()
        mem = re.search(r"^MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
        info["memory_gib"] = round(int(mem.group(1)) / 1024 / 1024, 1) if mem else None
    except OSError:
        info["cpu"] = platform.processor()
    info["load_average"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    from importlib.metadata import PackageNotFoundError, version

    for package in ("black", "jinja2", "pyyaml"):
        try:
            info[package] = version(package)
        except PackageNotFoundError:
            info[package] = None
    info["libyaml"] = bool(getattr(yaml, "__with_libyaml__", False))
    info["commit"] = code
    if code is None:
        try:
            commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
            dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                                   capture_output=True, text=True)
            if commit.stdout.strip():
                info["commit"] = f"commit {commit.stdout.strip()}{' with uncommitted changes' if dirty.stdout.strip() else ''}"
        except OSError:
            pass
    return info


# ---------------------------------------------------------------- main


def parse_sizes(text: str) -> list[tuple[int, int]]:
    sizes = []
    for part in filter(None, text.split(",")):
        models, methods = part.lower().split("x")
        sizes.append((int(models), int(methods)))
    return sizes


def compile_generator() -> str:
    """Compile the generator's modules to bytecode first, as `pip install` does for a package: the
    floor's jinja2, yaml and black come from site-packages with their bytecode, and an editable
    install under PYTHONDONTWRITEBYTECODE=1 (this machine's environment) would otherwise compile
    every module of the generator from source in every measured process (about 60 ms)."""
    import compileall

    compileall.compile_dir(str(ROOT / "generator"), quiet=1)
    return "compiled to bytecode before measuring (`python -m compileall generator`, as pip install does)"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per measurement (median; default 5)")
    parser.add_argument("--sizes", default=DEFAULT_SIZES,
                        help=f"synthetic sizes as MODELSxMETHODS, comma-separated (default {DEFAULT_SIZES})")
    parser.add_argument("--large-runs", type=int, default=3,
                        help="runs per measurement from 1,000 models up (default 3: each cold build takes a while)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic specs (default 1)")
    parser.add_argument("--no-bundled", action="store_true", help="leave out spec/openai.yaml")
    parser.add_argument("--no-tools", action="store_true", help="do not run openapi-generator / openapi-python-client")
    parser.add_argument("--tool-runs", type=int, default=3,
                        help="runs of the other generators per spec (default 3; 1 from 1,000 models up)")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile run of the largest spec")
    parser.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"), help="report to write (default BENCHMARKS.md)")
    parser.add_argument("--json", default=str(BENCH / "results" / "latest.json"), help="raw results")
    parser.add_argument("--work", help="scratch folder (default: a new temporary folder, removed at the end)")
    parser.add_argument("--code", help="what code is measured, for the report (default: the git commit of this tree)")
    args = parser.parse_args(argv)

    def log(message: str) -> None:
        print(message, flush=True)

    started = dt.datetime.now(dt.timezone.utc)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="apigen-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        results: dict[str, Any] = {"date": started.strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(args.code),
                                   "runs": args.runs, "command": "python " + " ".join(["bench/run.py", *(argv or sys.argv[1:])])}
        log(f"machine: {results['machine']['cpu']}, {results['machine']['cores']} cores; work in {work}")
        results["bytecode"] = compile_generator()
        results.update(measure_floor(args.runs))
        log(f"import floor {results['import_floor']:.3f} s, python startup {results['python_startup']:.3f} s")
        results["parallel_speedup"] = [measure_free_cores()]
        specs: list[tuple[str, Path]] = []
        if not args.no_bundled:
            specs.append(("bundled (spec/openai.yaml)", BUNDLED))
        for models, methods in parse_sizes(args.sizes):
            path = write_spec(work / f"synthetic-{models}x{methods}.yaml", synthetic_spec(models, methods, args.seed))
            specs.append((f"synthetic {models} models / {methods} methods", path))
        cases = []
        for index, (name, path) in enumerate(specs):
            case_work = work / f"case-{index}"
            case_work.mkdir(exist_ok=True)
            # Every case builds from its own copy: the path of the spec appears in some outputs.
            spec = case_work / "spec.yaml"
            shutil.copyfile(path, spec)
            models, methods = count_models_methods(spec)
            case = Case(name=name, spec=str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name),
                        spec_bytes=spec.stat().st_size, models=models, methods=methods)
            try:
                measure_case(case, spec, case_work, args.runs if models < 1000 else min(args.runs, args.large_runs), log)
                if not args.no_tools:
                    measure_tools(case, spec, case_work, args.tool_runs if models < 1000 else 1, log)
            except RuntimeError as exc:
                case.error = str(exc)[:1500]
                log(f"  FAILED: {case.error}")
            cases.append(case)
        results["parallel_speedup"].append(measure_free_cores())
        results["cases"] = [asdict(c) for c in cases]
        measured = [i for i, c in enumerate(cases) if c.error is None]
        if not args.no_profile and measured:
            largest = max(measured, key=lambda i: cases[i].spec_bytes)
            log(f"profiling a cold build of {cases[largest].name}")
            results["profile"] = {"case": cases[largest].name,
                                  "rows": profile_build(work / f"case-{largest}" / "spec.yaml", work)}
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(results, indent=1, default=str))
        from report import write_report

        write_report(results, Path(args.out))
        log(f"wrote {args.out} and {args.json}")
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
