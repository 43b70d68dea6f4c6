"""Ruby target: names, types and the file list of the Ruby gem."""

from __future__ import annotations

from typing import Any

from generator.diagnostics import Diagnostic
from generator.ir import Api, Model, Resource
from generator.naming import pascal_case, reserved_words, snake_case
from generator.targets.base import OutputFile, Target
from generator.targets.common import collisions


def identifier(name: str) -> str:
    ident = snake_case(name) or "_"
    return ident + "_" if ident in reserved_words("ruby") else ident


def string_literal(text: str) -> str:
    """A single-quoted Ruby literal does no interpolation; only `\\` and `'` need escaping."""
    if any(ord(ch) < 0x20 or ch in "\x7f\u2028\u2029" for ch in text):
        # Double quotes with escapes for control characters; `#` escaped so `#{` cannot interpolate.
        body = "".join(f"\\u{{{ord(c):x}}}" if ord(c) < 0x20 or c in "\x7f\u2028\u2029"
                       else "\\" + c if c in '"\\#' else c for c in text)
        return f'"{body}"'
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def comment(text: str) -> str:
    """Text for `# ` comment lines: every line break starts a new comment line."""
    lines = " ".join(text.split("\r")).split("\n")
    return "\n# ".join("".join(c if ord(c) >= 0x20 and c not in "\x7f\u2028\u2029" else " " for c in line)
                       for line in lines)


class RubyTarget(Target):
    name = "ruby"
    filters = {"rbstr": string_literal, "comment": comment}

    def check(self, api: Api) -> list[Diagnostic]:
        problems = collisions("ruby", [(m.name, snake_case(m.name), m.location) for m in api.models], "model file")
        for model in api.models:
            problems += collisions("ruby", [(p.name, identifier(p.name), p.location) for p in model.properties],
                                   f"property of `{model.name}`")
        return problems

    def files(self, api: Api) -> list[OutputFile]:
        package = api.package("ruby")
        lib = snake_case(package.name)
        common = {"api": api, "package": package, "module": api.name, "lib": lib}
        files = [
            OutputFile(f"{lib}.gemspec", "gemspec.j2", common),
            OutputFile(f"lib/{lib}.rb", "entry.rb.j2", {
                **common,
                "requires": [f"{lib}/client"] + [f"{lib}/models/{snake_case(m.name)}" for m in api.models]
                + [f"{lib}/resources/{snake_case(r.name)}" for r in api.resources],
            }),
            OutputFile(f"lib/{lib}/client.rb", "client.rb.j2", {
                **common, "resources": [(identifier(r.name), pascal_case(r.name)) for r in api.resources]}),
        ]
        for model in api.models:
            files.append(OutputFile(f"lib/{lib}/models/{snake_case(model.name)}.rb", "model.rb.j2",
                                    {**common, "model": self.model_context(model)}))
        for resource in api.resources:
            files.append(OutputFile(f"lib/{lib}/resources/{snake_case(resource.name)}.rb", "resource.rb.j2",
                                    {**common, "resource": self.resource_context(resource)}))
        return files

    def model_context(self, model: Model) -> dict[str, Any]:
        return {"name": pascal_case(model.name), "description": model.description,
                "fields": [{"name": identifier(p.name), "wire": p.name, "description": p.description}
                           for p in model.properties]}

    def resource_context(self, resource: Resource) -> dict[str, Any]:
        methods = []
        for m in resource.methods:
            params = [(identifier(p.name), p.name) for p in m.path_params]
            methods.append({"name": identifier(m.name), "http_method": m.http_method, "path": m.path,
                            "summary": m.summary, "params": params,
                            "returns": pascal_case(m.returns.name) if hasattr(m.returns, "name") else None})
        return {"name": pascal_case(resource.name), "description": resource.description, "methods": methods}
