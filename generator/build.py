"""The pipeline: spec file -> loader -> validator -> IR -> targets -> {path: text} -> writer."""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

from generator import writer
from generator.build_stamp import BuildStamp
from generator.cache_dir import cache_dir
from generator.format_cache import FormatCache, Formatter, overrides_format
from generator.gc_pause import gc_paused
from generator.ir import Api
from generator.spec.loader import load_spec
from generator.render import render_target
from generator.targets import TARGET_NAMES, Target, all_targets
from generator.template_cache import TemplateCache
from generator.spec.validator import build_api


@dataclass
class Timings:
    stages: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - start


def load_api(spec: str | Path, targets: dict[str, Target] | None = None, timings: Timings | None = None) -> Api:
    """Load and validate a spec, including every target's language-specific checks."""
    timings = timings or Timings()
    targets = targets if targets is not None else all_targets()
    with gc_paused():  # one pause: a collection between the two would walk the whole loaded tree
        with timings.stage("load"):
            tree = load_spec(spec, str(spec))
        with timings.stage("validate"):
            return build_api(tree, str(spec), [t.check for t in targets.values()])


def generate(api: Api, target_names: Sequence[str] = TARGET_NAMES, timings: Timings | None = None,
             targets: dict[str, Target] | None = None,
             caches: dict[str, FormatCache] | None = None, templates: TemplateCache | None = None) -> dict[str, str]:
    """Every output file of the chosen targets, keyed by `<target>/<path>`, manifests included."""
    timings = timings or Timings()
    targets = targets if targets is not None else all_targets()
    out: dict[str, str] = {}
    # Formatting may run in worker processes while the next targets render (format_cache.Formatter);
    # a "format" stage is the time this process spent on it, submitting then waiting.
    formatter = Formatter(targets)
    pending = []
    try:
        for index, name in enumerate(target_names):
            target = targets[name]
            with timings.stage(f"render {name}"):
                rendered = render_target(target, api, templates)
            with timings.stage(f"format {name}"):
                more_to_render = index + 1 < len(target_names)
                pending.append((name, formatter.submit(target, rendered, (caches or {}).get(name), more_to_render)))
        for name, finish in pending:
            with timings.stage(f"format {name}"):
                formatted = finish()
            for path, text in formatted.items():
                out[f"{name}/{path}"] = text
            out[f"{name}/{writer.MANIFEST}"] = writer.manifest_text(list(formatted))
    finally:
        formatter.close()
    return out


def build(spec: str | Path, out_dir: str | Path, target_names: Sequence[str] = TARGET_NAMES,
          check: bool = False, timings: Timings | None = None) -> writer.Plan:
    """Run the whole pipeline; with check=True compare only and write nothing."""
    timings = timings or Timings()
    targets = all_targets()
    api = load_api(spec, targets, timings)
    # Formatted files are remembered in the output folder, so a rebuild formats only what changed.
    caches = {name: FormatCache.for_target(out_dir, targets[name])
              for name in target_names if overrides_format(targets[name])}
    templates = TemplateCache(cache_dir(out_dir) / "templates", writable=not check)
    files = generate(api, target_names, timings, targets, caches, templates)
    with timings.stage("compare"):
        result = writer.plan(Path(out_dir), files)
    if not check:
        with timings.stage("write"):
            writer.apply(Path(out_dir), files, result)
            for cache in caches.values():
                cache.save()
            BuildStamp(spec, out_dir, target_names).record(files)  # lets an unchanged rebuild skip it all
    return result
