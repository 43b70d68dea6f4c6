"""The Python target: the file plan of the Python SDK, each file with its template and context.

The SDK mirrors the layout of the official openai-python package (a `_client.py` with a sync and an
async client, `resources/`, `types/`, `_exceptions.py`, ...). Everything API-specific is computed by
this package (names.py, types.py, literals.py, contexts.py) and laid out by the templates under
templates/python/; the runtime modules (STATIC_MODULES) are the same for every API and read what
they need of it from the rendered `_constants.py`.
"""

from __future__ import annotations

from dataclasses import fields
from functools import lru_cache
from typing import Any

from generator.diagnostics import Diagnostic
from generator.formatting import format_python
from generator.ir import Api, cyclic_references, resources_with_paths
from generator.targets.base import TEMPLATES_DIR, OutputFile, Target
from generator.targets.language import Language
from generator.targets.listing import FILENAME
from generator.targets.python import check, client, contexts, layout, params, resources, shared
from generator.targets.python.docs import Python
from generator.targets.python.examples import readme_example, readme_features
from generator.targets.python.literals import comment, docstring, markdown, markdown_code, markdown_inline
from generator.targets.python.literals import string_literal
from generator.targets.python.names import SHARED, SHARED_PARAMS, model_module, package_module
from generator.targets.python.surface import surface

#: The runtime modules of the package: the same text for every API (what they take from the spec is
#: in the rendered `_constants.py`), copied from templates/python/ as written there, which is what
#: black writes (tests/test_python_static_modules.py): neither Jinja nor black runs on them.
STATIC_MODULES = ("_types.py", "_exceptions.py", "_models.py", "_response.py", "_base_client.py")
_STATIC_DIR = TEMPLATES_DIR / "python"


@lru_cache(maxsize=None)
def static_module(name: str) -> str:
    return (_STATIC_DIR / name).read_text(encoding="utf-8")


def is_static_module(path: str) -> bool:
    """Whether `path` (relative to the SDK root) is one of the STATIC_MODULES: they sit in the package
    folder, `src/<module>/`, where nothing the spec names can take their names."""
    parts = path.split("/")
    return len(parts) == 3 and parts[0] == "src" and parts[2] in STATIC_MODULES


def _spread(context: Any) -> dict[str, Any]:
    """A context's fields as the template's top-level names."""
    return {f.name: getattr(context, f.name) for f in fields(context)}


class PythonTarget(Target):
    name = "python"
    filters = {
        "pystr": string_literal,
        "docstring": docstring,
        "comment": comment,
        "md": markdown,
        "mdinline": markdown_inline,
        "mdcode": markdown_code,
    }

    def check(self, api: Api) -> list[Diagnostic]:
        return check.check(api)

    def docs_language(self) -> Language:
        return Python()

    def files(self, api: Api) -> list[OutputFile]:
        package = api.package("python")
        module = package_module(api)
        src = f"src/{module}"
        common = {"api": api, "package": package, "module": module, "names": client.names_context(api)}
        # Every resource, parents first (resources/__init__.py and api.md list them in this order).
        paths = resources_with_paths(api)
        flat = [resources.resource_context(api, path, r) for path, r in paths]
        top = [context for context, (path, _) in zip(flat, paths) if len(path) == 1]
        cycles = cyclic_references(api)
        files = [
            OutputFile("pyproject.toml", "pyproject.toml.j2", common),
            OutputFile(
                "README.md",
                "README.md.j2",
                {**common, "example": readme_example(api), "features": readme_features(api)},
            ),
            OutputFile(
                "api.md",
                "api.md.j2",
                {
                    **common,
                    "resources": flat,
                    "models": contexts.model_list(api),
                    "aliases": contexts.alias_list(api),
                },
            ),
            OutputFile(f"{src}/py.typed", text=""),
            OutputFile(f"{src}/__init__.py", "__init__.py.j2", common),
            OutputFile(f"{src}/_version.py", "_version.py.j2", common),
            OutputFile(
                f"{src}/_constants.py",
                "_constants.py.j2",
                {**common, "all_line": client.constants_all_line(api)},
            ),
            *(OutputFile(f"{src}/{name}", text=static_module(name)) for name in STATIC_MODULES),
            OutputFile(
                f"{src}/_client.py", "_client.py.j2", {**common, "client": client.client_context(top)}
            ),
            OutputFile(
                f"{src}/types/__init__.py",
                "types_init.py.j2",
                {**common, **_spread(contexts.types_init_context(api, cycles))},
            ),
            OutputFile(f"{src}/resources/__init__.py", "resources_init.py.j2", {**common, "resources": flat}),
        ]
        if api.page_styles:
            pages = params.page_contexts(api)
            names = [string_literal(n) for p in pages for n in (p.sync, p.async_)]
            files.append(
                OutputFile(
                    f"{src}/pagination.py",
                    "pagination.py.j2",
                    {
                        **common,
                        "pages": pages,
                        "all_line": layout.bracketed("__all__ = [", names, "]", kind="collection"),
                    },
                )
            )
        for params_module in params.params_modules(api):
            files.append(
                OutputFile(
                    f"{src}/types/{params_module.module}.py",
                    "params.py.j2",
                    {**common, "params": params_module},
                )
            )
        files += _alias_files(api, src, common)
        for model in api.models:
            files.append(
                OutputFile(
                    f"{src}/types/{model_module(model.name)}.py",
                    "model.py.j2",
                    {**common, "model": contexts.model_context(api, model, cycles[model.name])},
                )
            )
        for resource in flat:
            files.append(
                OutputFile(
                    f"{src}/resources/{resource.module}.py",
                    "resource.py.j2",
                    {**common, "resource": resource},
                )
            )
        files.append(OutputFile(FILENAME, text=surface(api)))
        return files

    def format(self, path: str, text: str) -> str:
        if not path.endswith(".py") or is_static_module(path):
            return text
        return format_python(text)


#: The docstrings of the aliases' packages.
_SHARED_DOCS = {
    SHARED: "The named types (aliases) of the API, as responses have them.",
    SHARED_PARAMS: "The named types (aliases) of the API, as requests take them.",
}


def _alias_files(api: Api, src: str, common: dict[str, Any]) -> list[OutputFile]:
    """types/shared/ and types/shared_params/: one module per alias, and each package's __init__.py."""
    if not api.aliases:
        return []
    out = []
    lines = shared.shared_init_lines(api)
    for package, is_params in ((SHARED, False), (SHARED_PARAMS, True)):
        out.append(
            OutputFile(
                f"{src}/types/{package}/__init__.py",
                "shared_init.py.j2",
                {**common, "doc": _SHARED_DOCS[package], "lines": lines},
            )
        )
        for alias in api.aliases:
            context = shared.alias_module(api, alias, is_params)
            out.append(
                OutputFile(
                    f"{src}/types/{package}/{context.module}.py", "shared_alias.py.j2", {**common, "alias": context}
                )
            )
    return out
