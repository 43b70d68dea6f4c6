"""Results of bench/run.py -> BENCHMARKS.md: the machine, the targets of issue 9, tables.

Only measured figures are printed. A section between `<!-- notes -->` and `<!-- /notes -->` in
an existing report is hand-written analysis: it is carried over unchanged into the new report.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

NOTES = re.compile(r"<!-- notes -->.*?<!-- /notes -->", re.S)
CHECK = {True: "met", False: "**missed**", None: "not measured"}


def write_report(results: dict[str, Any], path: Path) -> None:
    notes = "<!-- notes -->\n<!-- /notes -->"
    if path.exists():
        kept = NOTES.search(path.read_text(encoding="utf-8"))
        if kept:
            notes = kept.group(0)
    path.write_text(render(results, notes), encoding="utf-8")


def render(results: dict[str, Any], notes: str) -> str:
    m = results["machine"]
    failed = [c for c in results["cases"] if c.get("error")]
    cases = [c for c in results["cases"] if not c.get("error")]
    results = {**results, "cases": cases}  # every table below is of the specs that built
    lines = [
        "# Benchmarks of `gen build`",
        "",
        "Written by `.venv/bin/python bench/run.py` (see [bench/README.md](bench/README.md)); do not edit by hand,",
        "except between the notes markers. Every figure below was measured in the run described here.",
        "",
        f"- Date: {results['date']}; code measured: {m.get('commit') or 'unknown'}; command `{results['command']}`",
        f"- Machine: {m.get('cpu')}, {m.get('cores')} cores, {m.get('memory_gib')} GiB; {m.get('platform')}",
        f"- Python {m.get('python')}, black {m.get('black')}, Jinja2 {m.get('jinja2')}, PyYAML {m.get('pyyaml')} "
        f"(libyaml C loader: {'yes' if m.get('libyaml') else 'no'})",
        f"- Load average when the run started: {_load(m.get('load_average'))} (other work on the machine "
        "makes times noisier; each figure is the median of fresh processes)",
        f"- Free cores: two processes ran equal CPU-bound Python jobs {_speedups(results)} as fast as one process "
        "(at the start and at the end of the run; 2x on an idle 2-core machine)",
        f"- Import floor (a process that only imports jinja2, yaml and black): **{_s(results['import_floor'])}**; "
        f"bare Python startup {_s(results['python_startup'])}; {results['runs']} runs per measurement",
        *([f"- The generator's own modules: {results['bytecode']}"] if results.get("bytecode") else []),
        "",
        *[f"- **Failed: {c['name']}**: `{c['error'].splitlines()[0]}` ... (see bench/results/latest.json)"
          for c in failed],
        *([""] if failed else []),
        "## Targets of issue 9",
        "",
        "| Target | Measured | Result |",
        "| --- | --- | --- |",
        *_targets(results),
        "",
        "## Results per spec",
        "",
        "Cold: all four targets (python, ruby, typescript, docs) into an empty folder, nothing cached. No-op: the",
        "same build again. One field: one optional property added to (then removed from) the first model.",
        "Times are medians (min to max) of fresh processes; memory is the peak resident set of the process.",
        "",
        "| Spec | Models / methods | Spec size | Cold build | Cold, Python only | Peak memory | Files written | Bytes written | Build cache | No-op rebuild | One field changed |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        *[_case_row(c) for c in cases],
        "",
        "## Where the time goes",
        "",
        "Median milliseconds per stage of the cold build, as `gen build --verbose` reports them. \"Outside the",
        "stages\" is the rest of the process: interpreter startup, imports, argument parsing, exit.",
        "",
        *_stage_table(cases, "cold"),
        "",
        "The same for the no-op rebuild:",
        "",
        *_stage_table(cases, "noop"),
        "",
        *_serial(cases),
        "## Compared with other generators",
        "",
        *_tools(cases),
        "",
    ]
    profile = results.get("profile")
    if profile:
        lines += [
            f"## Profile of a cold build: {profile['case']}",
            "",
            "One cold build of all targets under cProfile (formatting in one process), the functions with the",
            "most time of their own. cProfile slows Python code down, so shares matter more than seconds.",
            "",
            "| Function | Calls | Own time | Share | Cumulative |",
            "| --- | --- | --- | --- | --- |",
            *[f"| `{r['function']}` | {r['calls']:,} | {r['tottime']:.2f} s | {r['share']:.0%} | {r['cumtime']:.2f} s |"
              for r in profile["rows"]],
            "",
        ]
    lines += ["## Notes", "", notes, ""]
    return "\n".join(lines)


def _targets(results: dict[str, Any]) -> list[str]:
    floor = results["import_floor"]
    cases = results["cases"]
    bundled = next((c for c in cases if c["name"].startswith("bundled")), None)
    rows = []
    if bundled:
        cold = _median(bundled["cold"]["walls"])
        rows.append(f"| Bundled spec, all targets, cold: at most 2x the import floor | {_s(cold)} = "
                    f"{cold / floor:.2f}x the floor | {CHECK[cold <= 2 * floor]} |")
        gen = bundled["tools"].get("openapi-generator", {})
        if "total" in gen:
            ratio = gen["total"] / cold
            rows.append(f"| At least 15x faster than openapi-generator (python, ruby, typescript) | {_s(gen['total'])} "
                        f"against {_s(cold)}: {ratio:.1f}x | {CHECK[ratio >= 15]} |")
        else:
            rows.append(f"| At least 15x faster than openapi-generator | {gen.get('skipped', 'skipped')} | not measured |")
        noop = _median(bundled["noop"]["walls"])
        ok = noop <= 0.6 * floor and bundled["noop_written"] == 0 and bundled["noop_imports_black"] is False
        rows.append(f"| No-op rebuild: writes no file, does not import black, at most 0.6x the floor | {_s(noop)} = "
                    f"{noop / floor:.2f}x the floor; {bundled['noop_written']} files written; black imported: "
                    f"{'yes' if bundled['noop_imports_black'] else 'no'} | {CHECK[ok]} |")
    for case in cases:
        if case["change_written"]:
            written = len(case["change_written"][0])
            unrelated, missed = case["change_unrelated"], case["change_missed"]
            rows.append(f"| One-field change rewrites only the files it touches ({_short_name(case)}) | {written} of "
                        f"{case['files']} files rewritten; the change touches {case['change_touches']} (files that "
                        f"differ between cold builds before and after it); rewritten but untouched: {len(unrelated)}"
                        f"{' (' + ', '.join(Path(p).name for p in unrelated[:5]) + ')' if unrelated else ''}; touched "
                        f"but not rewritten: {len(missed)} | {CHECK[written > 0 and not unrelated and not missed]} |")
    big = next((c for c in cases if c["models"] >= 1000), None)
    if big:
        cold, peak = _median(big["cold"]["walls"]), max(big["cold"]["peaks"])
        rows.append(f"| {big['models']:,} models and {big['methods']} methods: at most 5 s wall | {_s(cold)} | "
                    f"{CHECK[cold <= 5]} |")
        rows.append(f"| {big['models']:,} models and {big['methods']} methods: at most 300 MB peak | {peak:.0f} MB | "
                    f"{CHECK[peak <= 300]} |")
    synthetic = sorted((c for c in cases if not c["name"].startswith("bundled")), key=lambda c: c["models"])
    for small, large in zip(synthetic, synthetic[1:]):
        size_ratio = large["models"] / small["models"]
        time_ratio = _median(large["cold"]["walls"]) / _median(small["cold"]["walls"])
        if size_ratio >= 5:
            rows.append(f"| Linear growth: {size_ratio:.0f}x the spec costs at most {1.2 * size_ratio:.0f}x the time "
                        f"({small['models']} to {large['models']} models) | {time_ratio:.1f}x | "
                        f"{CHECK[time_ratio <= 1.2 * size_ratio]} |")
    libyaml = results["machine"].get("libyaml")
    rows.append(f"| libyaml's C loader where installed | installed: {'yes' if libyaml else 'no'}; the loader "
                f"uses CSafeLoader when present | {CHECK[bool(libyaml)] if libyaml else 'not installed'} |")
    return rows


def _case_row(c: dict[str, Any]) -> str:
    change = f"{_range(c['change']['walls'])}, {len(c['change_written'][0]) if c['change_written'] else 0} files"
    noop = f"{_range(c['noop']['walls'])}, {c['noop_written']} written"
    by_target = ", ".join(f"{t} {n}" for t, n in c["files_by_target"].items())
    return (f"| {c['name']} | {c['models']:,} / {c['methods']:,} | {c['spec_bytes'] / 1024:,.0f} KiB | "
            f"{_range(c['cold']['walls'])} | {_range(c['cold_python']['walls'])} | {max(c['cold']['peaks']):.0f} MB | "
            f"{c['files']:,} ({by_target}) | {c['bytes'] / 1024:,.0f} KiB | {c['cache_bytes'] / 1024:,.0f} KiB | {noop} | {change} |")


def _stage_table(cases: list[dict[str, Any]], series: str) -> list[str]:
    medians = [_median_stages(c[series]["stages"]) for c in cases]
    names = list(dict.fromkeys(n for m in medians for n in m))
    header = "| Stage | " + " | ".join(_short_name(c) for c in cases) + " |"
    rows = [header, "| --- |" + " --- |" * len(cases)]
    for name in names:
        rows.append(f"| {name} | " + " | ".join(f"{m.get(name, 0):,.1f}" for m in medians) + " |")
    walls = [_median(c[series]["walls"]) * 1000 for c in cases]
    rows.append("| outside the stages | " + " | ".join(
        f"{w - sum(m.values()):,.1f}" for w, m in zip(walls, medians)) + " |")
    rows.append("| **process wall time** | " + " | ".join(f"**{w:,.1f}**" for w in walls) + " |")
    return rows


def _tools(cases: list[dict[str, Any]]) -> list[str]:
    rows = ["The same API as an OpenAPI 3.0 document (bench/openapi.py). openapi-generator runs once per language",
            "(python, ruby, typescript-fetch) in sequence, with `--skip-validate-spec`; openapi-python-client",
            "runs with its defaults (ruff included). Ratios are their median time over ours.",
            "",
            "| Spec | Ours, all targets | openapi-generator, 3 languages (python / ruby / typescript) | Ratio | "
            "Its peak memory | Ours, Python only | openapi-python-client | Ratio |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    skipped = set()
    for c in cases:
        ours, ours_py = _median(c["cold"]["walls"]), _median(c["cold_python"]["walls"])
        gen, opc = c["tools"].get("openapi-generator", {}), c["tools"].get("openapi-python-client", {})
        if not c["tools"]:
            continue
        if "total" in gen:
            langs = " / ".join(_s(v["median"]) for v in gen["languages"].values())
            gen_cells = f"{_s(gen['total'])} ({langs}; {gen['runs']} runs) | {gen['total'] / ours:.1f}x | {gen['peak_mb']:.0f} MB"
        else:
            skipped.add(gen.get("skipped", ""))
            gen_cells = "skipped | | "
        if "median" in opc:
            opc_cells = f"{_s(opc['median'])} ({opc['runs']} runs) | {opc['median'] / ours_py:.1f}x"
        else:
            skipped.add(opc.get("skipped", ""))
            opc_cells = "skipped | "
        rows.append(f"| {c['name']} | {_s(ours)} | {gen_cells} | {_s(ours_py)} | {opc_cells} |")
    if len(rows) == 6:
        return ["Not run (`--no-tools`)."]
    rows += [f"\nSkipped: {reason}." for reason in sorted(skipped) if reason]
    return rows


def _speedups(results: dict[str, Any]) -> str:
    return " and ".join(f"{x:.2f}x" for x in results.get("parallel_speedup", [])) or "(not measured)"


def _serial(cases: list[dict[str, Any]]) -> list[str]:
    rows = [c for c in cases if c["cold_serial"]["walls"]]
    if not rows:
        return []
    lines = ["Formatting in worker processes (the default on free cores: one worker beside the rendering of the",
             "other targets below 200 KB of Python, one per free core above) against formatting in the build's own",
             "process (`GEN_FORMAT_WORKERS=1`), cold builds of all targets:", "",
             "| Spec | Workers (default) | One process | Default / one process |", "| --- | --- | --- | --- |"]
    for c in rows:
        default, serial = _median(c["cold"]["walls"]), _median(c["cold_serial"]["walls"])
        lines.append(f"| {c['name']} | {_range(c['cold']['walls'])} | {_range(c['cold_serial']['walls'])} | "
                     f"{default / serial:.2f} |")
    return lines + [""]


def _short_name(case: dict[str, Any]) -> str:
    return "bundled" if case["name"].startswith("bundled") else f"{case['models']:,} models"


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    n = len(ordered)
    if not n:
        return float("nan")
    return ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2


def _median_stages(stages: list[dict[str, float]]) -> dict[str, float]:
    names = list(dict.fromkeys(n for s in stages for n in s))
    return {n: _median([s[n] for s in stages if n in s]) for n in names}


def _range(walls: list[float]) -> str:
    if not walls:
        return "n/a"
    if len(walls) == 1:
        return _s(walls[0])
    return f"{_s(_median(walls))} ({min(walls):.3f} to {max(walls):.3f})"


def _s(seconds: float) -> str:
    return f"{seconds:.3f} s"


def _load(load: Any) -> str:
    return ", ".join(f"{x:.2f}" for x in load) if load else "unknown"
