"""The public API of the Ruby gem, one line per symbol, with types written in RBS (Ruby's own
signature language):

    OpenAI::Client#batches: OpenAI::Resources::Batches
    OpenAI::Resources::Batches#cancel: (String batch_id) -> OpenAI::Models::Batch
    OpenAI::Models::Batch#status: (:validating | :failed | ...)
    env OPENAI_API_KEY -> OpenAI::Client.new(api_key:)

Path parameters are positional, the others keywords (`?name:` when optional), as in the gem.
Every name is spelled by the target's own functions (generator/targets/ruby.py: `module_name`,
`constant`, `identifier`, `client_reader`, `member`), so escaped names read as the gem declares them.
"""

from __future__ import annotations

from generator.ir import Api, Array, Const, Enum, InlineObject, Map, ModelRef, Parameter, Primitive, Property, Type
from generator.ir import all_inline_objects, keyword_params, resources_with_paths
from generator.targets.listing import render
from generator.targets.ruby.target import (
    METHOD_KEYWORDS, RESOURCE_MEMBERS, client_reader, constant, identifier, member, module_name, symbol_literal,
)

_PRIMITIVES = {"string": "String", "integer": "Integer", "number": "Float", "boolean": "bool"}


def inline_path(module: str, obj: InlineObject) -> str:
    return "::".join([f"{module}::Models::{constant(obj.path[0])}", *(constant(p) for p in obj.path[1:])])


def rbs(t: Type, module: str, optional: bool = False, nested: bool = True) -> str:
    """`nested`: an inline object is the class nested in its model; in a parameter or a result (not
    nested) it is a Hash, as the gem types it."""
    if isinstance(t, Primitive):
        text = _PRIMITIVES[t.kind]
    elif isinstance(t, Const):
        if isinstance(t.value, bool):
            text = "true" if t.value else "false"
        elif isinstance(t.value, int):
            text = str(t.value)
        else:
            text = symbol_literal(t.value)
    elif isinstance(t, Enum):
        text = f"({' | '.join(symbol_literal(v) for v in t.values)})" if t.values else "Symbol"
    elif isinstance(t, Array):
        text = f"Array[{rbs(t.items, module, nested=nested)}]"
    elif isinstance(t, Map):
        text = f"Hash[Symbol, {rbs(t.values, module, nested=nested)}]"
    elif isinstance(t, InlineObject):
        text = inline_path(module, t) if nested else "Hash[Symbol, untyped]"
    else:
        assert isinstance(t, ModelRef)
        text = f"{module}::Models::{constant(t.name)}"
    return f"{text}?" if optional else text


def _param(p: Parameter, module: str, positional: bool) -> str:
    kind = rbs(p.type, module, p.nullable, nested=False)
    name = member(p.name, METHOD_KEYWORDS)
    if positional:
        return f"{kind} {name}"
    return f"{'' if p.required else '?'}{name}: {kind}"


def _class_lines(path: str, properties: tuple[Property, ...], module: str) -> list[str]:
    lines = [f"{path}: class"]
    for p in properties:
        lines.append(f"{path}#{identifier(p.name)}: {rbs(p.type, module, p.nullable or not p.required)}")
    return lines


def lines(api: Api) -> list[str]:
    module = module_name(api.name)
    client = f"{module}::Client"
    out = [f"{client}: class"]
    init = ["?api_key: String?", *(f"?{client_reader(o.name)}: String?" for o in api.client_options),
            "?base_url: String?", "?timeout: Float", "?max_retries: Integer"]
    out.append(f"{client}#initialize: ({', '.join(init)}) -> void")
    envs = [(api.api_key_env, "api_key"), (api.base_url_env, "base_url")]
    envs += [(o.env, client_reader(o.name)) for o in api.client_options]
    out += [f"env {env} -> {client}.new({arg}:)" for env, arg in envs if env]

    for path, resource in resources_with_paths(api):
        cls = f"{module}::Resources::{'::'.join(constant(p) for p in path)}"
        owner = client if len(path) == 1 else f"{module}::Resources::{'::'.join(constant(p) for p in path[:-1])}"
        reader = client_reader(path[-1]) if len(path) == 1 else member(path[-1], RESOURCE_MEMBERS)
        out.append(f"{owner}#{reader}: {cls}")
        out.append(f"{cls}: class")
        for method in resource.methods:
            args = [_param(p, module, True) for p in method.path_params]
            args += [_param(p, module, False) for p in keyword_params(method)]
            returns = rbs(method.returns, module, nested=False) if method.returns is not None else "nil"
            out.append(f"{cls}#{identifier(method.name)}: ({', '.join(args)}) -> {returns}")

    for model in api.models:
        out += _class_lines(f"{module}::Models::{constant(model.name)}", model.properties, module)
        for obj in all_inline_objects(model.properties):
            out += _class_lines(inline_path(module, obj), obj.properties, module)
    return out


def surface(api: Api) -> str:
    return render(f"Public API of the {api.package('ruby').name} gem (types in RBS); generated, sorted.", lines(api))
