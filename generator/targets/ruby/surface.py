"""The public API of the Ruby gem for api-surface.txt: one line per symbol, typed exactly as sig/*.rbs declares it.

    OpenAI::Client#batches: ::OpenAI::Resources::Batches
    OpenAI::Resources::Batches#cancel: (::String batch_id) -> ::OpenAI::Models::Batch
    OpenAI::Models::Batch#status: (::OpenAI::Models::Batch::Status::value | ::String)
    OpenAI::Models::Batch::Status::value: :validating | :failed | ...
    env OPENAI_API_KEY -> OpenAI::Client.new(api_key:)

Symbols are named as a user writes them; their types are the RBS of the gem's signatures, so a
reviewer reads what a type checker will. Path parameters are positional, the others keywords (`?name:`
when optional), as in the gem. Names come from names.py, types from types.py: nothing is spelled here.
"""

from __future__ import annotations

from generator.ir import Api, Property, all_inline_objects, keyword_params, resources_with_paths
from generator.targets.listing import render
import generator.targets.ruby.names as names
from generator.targets.ruby.params import params_classes, rooted
from generator.targets.ruby.view import ruby_view
from generator.targets.ruby.types import (
    CLIENT_OPTION_RBS, CLIENT_SETTINGS_RBS, RubyTypes, client_init_params, enum_module_of, enum_rbs_values,
    page_methods_rbs,
)


def _class_lines(name: str, path: str, properties: tuple[Property, ...], types: RubyTypes) -> list[str]:
    """A model class (`name` as a user writes it, `path` as code does), its readers, its enums' values."""
    lines = [f"{name}: class"]
    for p in properties:
        lines.append(f"{name}#{names.identifier(p.name)}: {types.field_rbs(p, path)}")
        inner = enum_module_of(p.type)
        if inner is not None:
            lines.append(f"{names.enum_module(name, p.name)}::value: {enum_rbs_values(inner.values)}")
    return lines


def lines(api: Api) -> list[str]:
    api = ruby_view(api)
    module = names.module_name(api.name)
    types = RubyTypes.for_api(module, api)
    client = names.client_class(module)
    readers = [names.client_reader(o.name) for o in api.client_options]
    keys = [names.client_reader(scheme.name) for scheme in api.auth_schemes]
    out = [f"{client}: class", f"{client}#initialize: ({', '.join(client_init_params(keys + readers))}) -> void"]
    # Every constructor option with its type, one line each (`Client#initialize: ?timeout: Float`), so
    # that a change of one is a one-line diff.
    options = [("api_key", CLIENT_OPTION_RBS), *((r, CLIENT_OPTION_RBS) for r in keys + readers),
               *CLIENT_SETTINGS_RBS]
    out += [f"{client}#initialize: ?{name}: {rbs}" for name, rbs in options]
    out.append(f"{client}#with_options: (**untyped overrides) -> {client}")
    out += [f"{names.file_part_class(module)}: class",
            f"{names.file_part_class(module)}#initialize: {types.file_part_init}"]
    for style in api.page_styles:
        page = names.page_class(style.name, module)
        out += [f"{page}: class", *(f"{page}#{name}: {rbs}" for name, rbs in page_methods_rbs(page))]
    envs = [(api.api_key_env, "api_key"), (api.base_url_env, "base_url")]
    envs += [(o.env, reader) for o, reader in zip(api.client_options, readers)]
    envs += [(scheme.env, key) for scheme, key in zip(api.auth_schemes, keys)]
    out += [f"env {env} -> {client}.new({arg}:)" for env, arg in envs if env]

    for path, resource in resources_with_paths(api):
        cls = names.resource_class(path, module)
        owner = client if len(path) == 1 else names.resource_class(path[:-1], module)
        out.append(f"{owner}#{names.resource_reader(path)}: {types.resource_path(path)}")
        out.append(f"{cls}: class")
        for method in resource.methods:
            args = [f"{types.param_rbs(p)} {names.param_name(p)}" for p in method.path_params]
            args += [f"{'' if p.required else '?'}{names.param_name(p)}: {types.param_rbs(rooted(path, method, p))}"
                     for p in keyword_params(method)]
            result = types.method_result(method.returns, method.page)
            returns = result.rbs if result is not None else "nil"
            out.append(f"{cls}#{names.identifier(method.name)}: ({', '.join(args)}) -> {returns}")

    for model in [*api.models, *(p.model for p in params_classes(api))]:
        out += _class_lines(names.model_class(model.name, module), types.model_path(model.name), model.properties,
                            types)
        for obj in all_inline_objects(model.properties):
            out += _class_lines(names.inline_class(obj, module), types.inline_path(obj), obj.properties, types)
    return out


def surface(api: Api) -> str:
    return render(f"Public API of the {api.package('ruby').name} gem (types in RBS); generated, sorted.", lines(api))
