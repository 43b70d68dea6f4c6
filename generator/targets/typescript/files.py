"""The TypeScript target: the file plan of the npm package, its checks and its docs adapter.

The generated package has no runtime dependency (global `fetch`, Node >= 18) and mirrors the public
surface of the official openai-node package for the operations of the spec. Its names are decided
by names.py, its types by types.py, its layout by layout.py; the contexts of the templates are built
by contexts.py (source) and readme.py (README.md, api.md); api-surface.txt by surface.py.
"""

from __future__ import annotations

import json
from typing import Any

from generator.diagnostics import Diagnostic
from generator.ir import Api
from generator.targets.base import TEMPLATES_DIR, OutputFile, Target
from generator.targets.language import Language
from generator.targets.listing import FILENAME
from generator.targets.typescript import check as checks
from generator.targets.typescript.contexts import (
    ClientContext, client_context, index_exports, resource_context, shared_context, uses_params,
)
from generator.targets.typescript.docs import TypeScript
from generator.targets.typescript.literals import jsdoc, json_literal, markdown_code, markdown_text, string_literal
from generator.targets.typescript.modules import SHARED, ResourceFile, model_homes, resource_files
from generator.targets.typescript.pages import page_styles
from generator.targets.typescript.readme import api_sections, example, list_example, renamed, upload_example
from generator.targets.typescript.surface import surface

# Each HTTP status error class, as in the official SDKs; everything else is a plain APIError
# (or InternalServerError from 500 up).
STATUS_ERRORS = (
    (400, "BadRequestError"), (401, "AuthenticationError"), (403, "PermissionDeniedError"),
    (404, "NotFoundError"), (409, "ConflictError"), (422, "UnprocessableEntityError"), (429, "RateLimitError"),
)

# The files every package has, with the template of each: all rendered with the common context.
STATIC_FILES = (
    ("package.json", "package.json.j2"), ("package-lock.json", "package-lock.json.j2"),
    ("tsconfig.json", "tsconfig.json.j2"), ("tsconfig.cjs.json", "tsconfig.cjs.json.j2"),
    ("entry.cjs", "entry.cjs.j2"), ("scripts/postbuild.mjs", "postbuild.mjs.j2"), (".prettierrc.json", "prettierrc.json.j2"),
    (".prettierignore", "prettierignore.j2"), (".gitignore", "gitignore.j2"),
)
CORE_FILES = (
    ("src/version.ts", "version.ts.j2"), ("src/core/error.ts", "error.ts.j2"),
    ("src/core/api-promise.ts", "api-promise.ts.j2"), ("src/core/resource.ts", "resource.ts.j2"),
    ("src/internal/env.ts", "env.ts.j2"), ("src/internal/headers.ts", "headers.ts.j2"),
    ("src/internal/path.ts", "path.ts.j2"), ("src/internal/query.ts", "query.ts.j2"),
    ("src/internal/retry.ts", "retry.ts.j2"), ("src/internal/timers.ts", "timers.ts.j2"),
    ("src/client.ts", "client.ts.j2"),
)


def dev_dependencies() -> dict[str, Any]:
    """The pinned devDependencies of the generated package and their lock entries (a data file that
    mirrors tests/toolchains/typescript/package-lock.json, so the tests use the very same versions)."""
    data: dict[str, Any] = json.loads((TEMPLATES_DIR / "typescript" / "dev-dependencies.lock.json")
                                      .read_text(encoding="utf-8"))
    return data


def package_lock(name: str, version: str) -> str:
    """package-lock.json as `npm install` writes it for the generated package.json."""
    deps = dev_dependencies()
    root = {"name": name, "version": version, "license": "UNLICENSED",
            "devDependencies": deps["devDependencies"], "engines": {"node": ">=18"}}
    lock = {"name": name, "version": version, "lockfileVersion": 3, "requires": True,
            "packages": {"": root, **deps["packages"]}}
    return json.dumps(lock, indent=2, ensure_ascii=False)


def subpaths(rfiles: list[ResourceFile], client: ClientContext, shared: bool) -> list[tuple[str, str]]:
    """(subpath, module under src/) the package exports, each as ESM and CommonJS: the client, the
    pagination and uploads modules when there are pages and uploads, every resource module
    (`openai/resources/batches`) and the shared one when there is one (`openai/resources/shared`),
    as openai-node does."""
    found = [(".", "index")]
    found += [("./pagination", "pagination")] if client.pages else []
    found += [("./uploads", "uploads")] if client.uploads else []
    found += [(f"./{rf.module}", rf.module) for rf in rfiles]
    return found + ([(f"./{SHARED}", SHARED)] if shared else [])


class TypeScriptTarget(Target):
    name = "typescript"
    filters = {"tsstr": string_literal, "json": json_literal, "jsdoc": jsdoc, "md": markdown_text,
               "mdcode": markdown_code}

    def check(self, api: Api) -> list[Diagnostic]:
        return checks.check(api)

    def docs_language(self) -> Language:
        return TypeScript()

    def files(self, api: Api) -> list[OutputFile]:
        package = api.package("typescript")
        rfiles = resource_files(api)
        homes = model_homes(api, rfiles)
        deps = dev_dependencies()
        client = client_context(api, rfiles, homes)
        common = {"api": api, "package": package, "client": client, "subpaths": subpaths(rfiles, client, homes.has_shared()),
                  "status_errors": STATUS_ERRORS, "dev_dependencies": sorted(deps["devDependencies"].items()),
                  "lock": package_lock(package.name, package.version),
                  "typescript_version": deps["devDependencies"]["typescript"]}
        files = [OutputFile(path, template, common) for path, template in STATIC_FILES]
        files += [
            OutputFile("README.md", "README.md.j2", {**common, "example": example(rfiles),
                                                    "list_example": list_example(rfiles),
                                                    "upload_example": upload_example(api, rfiles),
                                                    "renamed": renamed(api, rfiles),
                                                    "title": markdown_text(api.title) or "API"}),
            OutputFile("api.md", "api.md.j2", {**common, "sections": api_sections(rfiles, homes)}),
        ]
        files += [OutputFile(path, template, common) for path, template in CORE_FILES]
        files.append(OutputFile("src/index.ts", "index.ts.j2", {**common, "exports": index_exports(rfiles, homes)}))
        if uses_params(rfiles):
            files.append(OutputFile("src/internal/params.ts", "params.ts.j2", common))
        if client.pages:
            files.append(OutputFile("src/core/pagination.ts", "pagination.ts.j2", {**common, "pages": page_styles(api)}))
            files.append(OutputFile("src/pagination.ts", "pagination-public.ts.j2", common))
        if client.uploads:
            files.append(OutputFile("src/core/uploads.ts", "uploads.ts.j2", common))
            files.append(OutputFile("src/uploads.ts", "uploads-public.ts.j2", common))
        modules = {rf.module: resource_context(api, rf, rfiles, homes) for rf in rfiles}
        if homes.has_shared():
            modules[SHARED] = shared_context(homes)
        for module, context in modules.items():
            files.append(OutputFile(f"src/{module}.ts", "resource.module.ts.j2", {**common, "module": context}))
        files.append(OutputFile(FILENAME, text=surface(api)))
        return files
