"""Targets' file plans -> in-memory {path: text}, through Jinja2 templates."""

from __future__ import annotations


import jinja2

from generator.gc_pause import gc_paused
from generator.ir import Api
from generator.targets.base import TEMPLATES_DIR, Target



def environment(target: Target, bytecode_cache: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR / target.name),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # each target escapes for its own contexts through its filters
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        # Jinja's constant folding costs about a tenth of compiling a template (what a cold build of a
        # small spec spends its render time on) and folds nothing these templates render faster.
        optimized=False,
        bytecode_cache=bytecode_cache,  # compiled templates kept between builds (template_cache.py)
    )
    env.filters.update(target.filters)
    return env


def render_target(target: Target, api: Api, bytecode_cache: jinja2.BytecodeCache | None = None) -> dict[str, str]:
    """Render every file of one target, unformatted, keyed by path relative to its output root."""
    with gc_paused():  # the contexts and rendered text live on until written (see gc_pause.py)
        return _render(target, api, bytecode_cache)


def _render(target: Target, api: Api, bytecode_cache: jinja2.BytecodeCache | None) -> dict[str, str]:
    env = environment(target, bytecode_cache)
    out: dict[str, str] = {}
    for planned in target.files(api):
        _check_relative(planned.path)
        if planned.path in out:
            raise ValueError(f"target {target.name} plans {planned.path} twice")
        if planned.text is not None:
            out[planned.path] = planned.text
        else:
            assert planned.template is not None, planned.path
            out[planned.path] = env.get_template(planned.template).render(**planned.context)
    return out


def _check_relative(path: str) -> None:
    # Names in a spec become file names; refuse anything that could leave the output root.
    parts = path.split("/")
    if path.startswith("/") or "\\" in path or any(p in ("", ".", "..") for p in parts) or "\0" in path:
        raise ValueError(f"refusing to write outside the output folder: {path!r}")
