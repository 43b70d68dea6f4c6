"""The Ruby target: the file plan of the gem (lib/, sig/, README, gemspec, RuboCop settings, api-surface.txt).

The gem is standard library only. Its runtime (HTTP, retries, errors, the model base class) is
rendered from templates/ruby/ with the API's names; models and resources come from the spec. Names
come from names.py, types from types.py, template contexts from contexts.py; the templates lay them out.
"""

from __future__ import annotations

from generator.diagnostics import Diagnostic
from generator.ir import Api
from generator.targets.base import OutputFile, Target
from generator.targets.language import Language
from generator.targets.listing import FILENAME
import generator.targets.ruby.names as names
from generator.targets.ruby.check import check
from generator.targets.ruby.contexts import (
    EntryContext, ModelFileContext, PageFileContext, ResourceFileContext, client_context, gem_context, model_context,
    page_context, resource_contexts,
)
from generator.targets.ruby.readme import readme_context
from generator.targets.ruby.docs import Ruby
from generator.targets.ruby.literals import (
    README_FILTERS, comment, indent, string_literal, string_literal_lines, symbol_label, symbol_literal,
)
from generator.targets.ruby.params import arguments, params_classes
from generator.targets.ruby.surface import surface
from generator.targets.ruby.types import RubyTypes
from generator.targets.ruby.view import ruby_view

#: The runtime of the gem, in load order: the same for every spec, rendered with its names.
RUNTIME_FILES = (
    "version", "errors", "internal/enum", "internal/coerce", "internal/base_model", "internal/path",
    "internal/params", "internal/retry_policy", "internal/redirect", "internal/connection_pool",
    "internal/request_options", "internal/multipart", "internal/base_client", "file_part",
)


class RubyTarget(Target):
    name = "ruby"
    filters = {"indent": indent, "rbstr": string_literal, "rbstr_lines": string_literal_lines, "comment": comment, **README_FILTERS}

    def check(self, api: Api) -> list[Diagnostic]:
        """Names that differ in the spec but not once escaped for Ruby (check.py)."""
        return check(api)

    def docs_language(self) -> Language:
        return Ruby()

    def files(self, api: Api) -> list[OutputFile]:
        api = ruby_view(api)
        types = RubyTypes.for_api(names.module_name(api.name), api)
        gem = gem_context(api, types)
        common = gem.mapping()
        lib = gem.lib
        resources = resource_contexts(api, types)
        params = params_classes(api)
        all_models = [*api.models, *(p.model for p in params)]
        models = [model_context(m, types) for m in all_models]
        for context, params_class in zip(models[len(api.models):], params):
            context.arguments = [(symbol_label(wire), symbol_literal(arg)) for wire, arg in arguments(params_class)]
        pages = [page_context(style, types) for style in api.page_styles]
        client = client_context(api, types, resources)
        entry = EntryContext(
            **common,
            requires=[f"{lib}/{r}" for r in RUNTIME_FILES]
            + [f"{lib}/internal/{page.file}" for page in pages]
            + [f"{lib}/models/{names.file_name(m.name)}" for m in all_models]
            + [f"{lib}/resources/{r.file}" for r in resources]
            + [f"{lib}/client"],
            aliases=[m.name for m in models if names.aliased(m.name, types.module)],
        ).mapping()
        files = [
            OutputFile(f"{lib}.gemspec", "gemspec.j2", common),
            OutputFile(".rubocop.yml", "rubocop.yml.j2", common),
            OutputFile("README.md", "README.md.j2", readme_context(client, resources).mapping()),
            OutputFile(f"lib/{lib}.rb", "entry.rb.j2", entry),
            OutputFile(f"lib/{lib}/client.rb", "client.rb.j2", client.mapping()),
            OutputFile(f"sig/{lib}/client.rbs", "sig/client.rbs.j2", client.mapping()),
            OutputFile(f"sig/{lib}.rbs", "sig/entry.rbs.j2", entry),
        ]
        for name in RUNTIME_FILES:
            files.append(OutputFile(f"lib/{lib}/{name}.rb", f"{name}.rb.j2", common))
            files.append(OutputFile(f"sig/{lib}/{name}.rbs", f"sig/{name}.rbs.j2", common))
        for page in pages:
            page_file = PageFileContext(**common, page=page).mapping()
            files.append(OutputFile(f"lib/{lib}/internal/{page.file}.rb", "internal/page.rb.j2", page_file))
            files.append(OutputFile(f"sig/{lib}/internal/{page.file}.rbs", "sig/internal/page.rbs.j2", page_file))
        for model, context in zip(all_models, models):
            model_file = ModelFileContext(**common, model=context).mapping()
            files.append(OutputFile(f"lib/{lib}/models/{names.file_name(model.name)}.rb", "model.rb.j2", model_file))
            files.append(OutputFile(f"sig/{lib}/models/{names.file_name(model.name)}.rbs", "sig/model.rbs.j2",
                                    model_file))
        for resource in resources:
            resource_file = ResourceFileContext(**common, resource=resource).mapping()
            files.append(OutputFile(f"lib/{lib}/resources/{resource.file}.rb", "resource.rb.j2", resource_file))
            files.append(OutputFile(f"sig/{lib}/resources/{resource.file}.rbs", "sig/resource.rbs.j2",
                                    resource_file))
        files.append(OutputFile(FILENAME, text=surface(api)))
        return files
