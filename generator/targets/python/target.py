"""Python target: names, type annotations and the file list of the Python SDK.

The SDK mirrors the layout of the official openai-python package (a `_client.py` with a sync and an
async client, `resources/`, `types/`, `_exceptions.py`, ...). Everything API-specific (class names,
env vars, header names, defaults, docstrings) is computed here from the IR and laid out by the
templates under templates/python/; the runtime modules (STATIC_MODULES) are the same for every API and
read what they need of it from the rendered `_constants.py`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from typing import Any

from generator.diagnostics import Diagnostic
from generator.formatting import format_python
from generator.ir import (
    model_references,
    cyclic_references,
    referenced_models_of,
    Api,
    inline_objects,
    Array,
    Const,
    Enum,
    InlineObject,
    Location,
    Map,
    Method,
    Model,
    ModelRef,
    Parameter,
    Primitive,
    Property,
    Resource,
    Type,
)
from generator.text.case import ascii_name, pascal_case, snake_case
from generator.text.markdown import markdown_code as _markdown_code
from generator.text.markdown import markdown_inline as _markdown_inline
from generator.text.markdown import markdown_text
from generator.text.wordlist import word_list
from generator.targets.python import layout
from generator.targets.base import TEMPLATES_DIR, OutputFile, Target
from generator.targets.language import Language
from generator.targets.listing import FILENAME
from generator.targets.collisions import collisions

RESERVED_DIR = Path(__file__).resolve().parent / "reserved"


def reserved_words(name: str) -> frozenset[str]:
    """A word list of this language (reserved/<name>.txt): words its identifiers may not take."""
    return word_list(RESERVED_DIR / f"{name}.txt")


_PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}

#: Keyword arguments every method takes after its own parameters; a spec parameter may not shadow them.
REQUEST_OPTIONS = ("extra_headers", "extra_query", "extra_body", "timeout")
#: Members of the generated client classes; a top-level resource or a client option may not shadow them.
CLIENT_MEMBERS = (
    "api_key",
    "base_url",
    "timeout",
    "max_retries",
    "default_headers",
    "http_client",
    "copy",
    "with_options",
    "with_raw_response",
    "close",
    "is_closed",
    "request",
)


# ---------------------------------------------------------------- static modules

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


# ---------------------------------------------------------------- escaping filters


def _escaped(ident: str, *reserved_lists: str) -> str:
    """`ident`, with `_` appended while it is a reserved word of one of the lists."""
    while any(ident in reserved_words(name) for name in reserved_lists):
        ident += "_"
    return ident


@lru_cache(maxsize=None)
def _snake(name: str) -> str:
    """snake_case of the ASCII spelling; a name that would start with a digit gets the prefix `n_`
    (not `_`: pydantic treats fields with a leading underscore as private)."""
    ident = snake_case(ascii_name(name)) or "n"
    return "n_" + ident if ident[0].isdigit() else ident


def identifier(name: str) -> str:
    """A Python identifier for a spec name: snake_case, with `_` appended to keywords."""
    return _escaped(_snake(name), "python")


def field_identifier(name: str) -> str:
    """A model field name: an identifier that also leaves the model's own members (to_dict, model_dump...) alone."""
    return _escaped(_snake(name), "python", "python_model_fields")


def member_identifier(name: str) -> str:
    """A method or nested resource of a resource class: leaves the class's own members alone."""
    return _escaped(_snake(name), "python", "python_members")


def param_identifier(name: str) -> str:
    """A method parameter: leaves `self`, the request options and the method's locals alone."""
    return _escaped(_snake(name), "python", "python_params")


def option_identifier(name: str) -> str:
    """A client option (constructor argument and attribute): leaves the client's own members alone."""
    ident = identifier(name)
    while ident in CLIENT_MEMBERS:
        ident += "_"
    return ident


def package_module(api: Api) -> str:
    """The import name of the package: its name in snake_case, with `_` appended when it is a keyword or
    the name of a standard library module or a dependency (`types`, `json`, `httpx`), which would be
    imported instead of it."""
    return _escaped(_snake(api.package("python").name), "python", "python_modules")


def resource_attribute(api: Api, name: str) -> str:
    """The client attribute of a top-level resource: leaves the client's members and options alone."""
    taken = set(CLIENT_MEMBERS) | {option_identifier(o.name) for o in api.client_options}
    ident = member_identifier(name)
    while ident in taken:
        ident += "_"
    return ident


def string_literal(text: str) -> str:
    """A double-quoted Python string literal that reads back as `text`, whatever it holds."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20 or ch in "\x7f\u2028\u2029\x85" or 0xD800 <= ord(ch) <= 0xDFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def docstring(text: str) -> str:
    """Body of a triple-quoted docstring that reads back as `text`: nothing in it can close the
    docstring, and characters that are not plain text (control characters, `\\r`, the separators
    Python treats as line breaks) are written as escape sequences rather than dropped."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append(ch)
        elif ord(ch) < 0x20 or ch in "\x7f\x85\u2028\u2029" or 0xD800 <= ord(ch) <= 0xDFFF:
            out.append(f"\\x{ord(ch):02x}" if ord(ch) <= 0xFF else f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def comment(text: str) -> str:
    """Spec text on one line of a docstring (an `Args:` entry): line breaks cannot end the entry."""
    return " ".join(docstring(text).split())


def markdown(text: str) -> str:
    """Spec text as Markdown prose in the generated README.md and api.md."""
    return markdown_text(text)


def markdown_inline(text: str) -> str:
    return _markdown_inline(text)


def _pascal(name: str) -> str:
    text = pascal_case(ascii_name(name)) or "N"
    return "N" + text if text[0].isdigit() else text


def class_name(name: str) -> str:
    """A model's class: PascalCase, with `_` appended to names the SDK's modules import or use next to
    the models (`None`, `Optional`, `BaseModel`, ...). Model names have no `_`, so this never collides."""
    return _escaped(_pascal(name), "python_type_names")


def nested_class_name(name: str, models: frozenset[str] = frozenset()) -> str:
    """The nested class of an inline object, named after its property: `_` is also appended when it
    would hide one of the `models` (class names) inside its parent's body."""
    ident = class_name(name)
    while ident in models:
        ident += "_"
    return ident


def model_classes(api: Api) -> frozenset[str]:
    """The class names of every model. Asked once per resource and per model file: remembered for
    the last Api (s1000: 85,000 calls, each building a set of 1,000 names)."""
    global _model_classes_of
    if _model_classes_of is None or _model_classes_of[0] is not api:
        _model_classes_of = (api, frozenset(class_name(m.name) for m in api.models))
    return _model_classes_of[1]


_model_classes_of: tuple[Api, frozenset[str]] | None = None


def resource_class_name(api: Api, path: tuple[str, ...]) -> str:
    """The class of a resource, named by its path (widgets.parts -> WidgetsParts). `_` is appended when
    the class, its Async twin or their raw-response classes would take a name the client or resource
    modules already use (a model, the client, typing and SDK names)."""
    name = "".join(_pascal(part) for part in path)
    client = client_class_name(api)
    taken = model_classes(api) | reserved_words("python_type_names")
    taken |= {client, f"Async{client}", f"{client}WithRawResponse", f"Async{client}WithRawResponse", f"{client}Error"}
    while any(v in taken for v in (name, f"Async{name}", f"{name}WithRawResponse", f"Async{name}WithRawResponse")):
        name += "_"
    return name


def client_class_name(api: Api) -> str:
    """The client class: the spec's name as written when it is already a PascalCase identifier (OpenAI),
    with `_` appended, as for a model, when that is a keyword (`True`) or a name the SDK's modules use."""
    name = api.name if api.name.isidentifier() and api.name[:1].isupper() else pascal_case(api.name)
    return _escaped(name, "python_type_names")


def annotation(
    t: Type, nullable: bool = False, deferred: frozenset[str] = frozenset(), models: frozenset[str] = frozenset()
) -> str:
    """The annotation of a model field (response side). Models in `deferred` are written as forward
    references (quoted), for models that refer to themselves or to each other; `models` are the class
    names of every model (nested classes step aside for them)."""
    if isinstance(t, Primitive):
        text = _PRIMITIVES[t.kind]
    elif isinstance(t, Const):
        text = f"Literal[{_literal(t.value)}]"
    elif isinstance(t, Enum):
        text = f"Literal[{', '.join(string_literal(v) for v in t.values)}]" if t.values else "str"
    elif isinstance(t, Array):
        text = f"List[{annotation(t.items, deferred=deferred, models=models)}]"
    elif isinstance(t, Map):
        text = f"Dict[str, {annotation(t.values, deferred=deferred, models=models)}]"
    elif isinstance(t, InlineObject):
        text = nested_class_name(t.path[-1], models)  # nested classes are referenced from inside their parent
    else:
        assert isinstance(t, ModelRef)
        text = f'"{class_name(t.name)}"' if t.name in deferred else class_name(t.name)
    return f"Optional[{text}]" if nullable else text


def param_annotation(t: Type) -> str:
    """The annotation of a request parameter: a model may also be given as a plain dict, as in the official SDK."""
    if isinstance(t, ModelRef):
        return f"Union[{class_name(t.name)}, Dict[str, object]]"
    if isinstance(t, InlineObject):
        return "Dict[str, object]"
    if isinstance(t, Array):
        return f"List[{param_annotation(t.items)}]"
    if isinstance(t, Map):
        return f"Dict[str, {param_annotation(t.values)}]"
    return annotation(t)


def return_annotation(t: Type | None) -> str:
    """The annotation of what a method returns (inline return objects come back as dicts)."""
    if t is None:
        return "None"
    if isinstance(t, InlineObject):
        return "Dict[str, object]"
    if isinstance(t, Array):
        return f"List[{return_annotation(t.items)}]"
    if isinstance(t, Map):
        return f"Dict[str, {return_annotation(t.values)}]"
    return annotation(t)


def _literal(value: str | int | bool) -> str:
    return string_literal(value) if isinstance(value, str) else repr(value)


def referenced_models(t: Type | None) -> set[str]:
    return set(model_references(t))


def module_name(name: str) -> str:
    """The module (file) name for a model or resource name: its identifier, so that a keyword-like name
    (`class`) gets the `_` suffix and stays importable."""
    return identifier(name)


# ---------------------------------------------------------------- the target


class PythonTarget(Target):
    name = "python"
    filters = {
        "pystr": string_literal,
        "docstring": docstring,
        "comment": comment,
        "md": markdown,
        "mdinline": markdown_inline,
        "mdcode": lambda text: _markdown_code(text),
    }

    def check(self, api: Api) -> list[Diagnostic]:
        """Names are escaped rather than refused (see `_escaped`); what is left to report is two spec
        names whose escaped forms are the same identifier in one scope."""
        models = model_classes(api)
        problems = collisions("python", [(m.name, class_name(m.name), m.location) for m in api.models], "model")
        problems += collisions(
            "python", [(m.name, module_name(m.name), m.location) for m in api.models], "model module"
        )
        for model in api.models:
            for owner, props in [(model.name, model.properties)] + [
                (".".join(obj.path), obj.properties) for obj in inline_objects(model)
            ]:
                problems += collisions(
                    "python", [(p.name, field_identifier(p.name), p.location) for p in props], f"property of `{owner}`"
                )
                problems += collisions(
                    "python",
                    [
                        (p.name, nested_class_name(obj.path[-1], models), p.location)
                        for p in props
                        for obj in [p.type, *_inline_inside_containers(p.type)]
                        if isinstance(obj, InlineObject)
                    ],
                    f"nested class of `{owner}`",
                )
        paths = _resource_paths(api.resources, ())
        problems += collisions(
            "python", [(".".join(path), resource_class_name(api, path), r.location) for path, r in paths], "resource class"
        )
        # Resource modules are named by their path (widgets.parts -> widgets_parts.py).
        problems += collisions(
            "python",
            [(".".join(path), "_".join(module_name(p) for p in path), r.location) for path, r in paths],
            "resource module",
        )
        problems += collisions(
            "python", [(r.name, resource_attribute(api, r.name), r.location) for r in api.resources], "client attribute"
        )
        spec_location = Location(api.source or "<spec>", 1, 1)
        problems += collisions(
            "python", [(o.name, option_identifier(o.name), spec_location) for o in api.client_options], "client option"
        )
        for resource in api.all_resources():
            members = [(m.name, member_identifier(m.name), m.location) for m in resource.methods]
            members += [(r.name, member_identifier(r.name), r.location) for r in resource.resources]
            problems += collisions("python", members, f"member of `{resource.name}`")
            for method in resource.methods:
                names = [(p.name, param_identifier(p.name), p.source) for p in method.parameters]
                problems += collisions("python", names, f"parameter of `{resource.name}.{method.name}`")
        return problems

    # ------------------------------------------------------------ files

    def docs_language(self) -> Language:
        from generator.targets.python.docs import Python  # TODO(split): no cycle once names/types are modules

        return Python()

    def files(self, api: Api) -> list[OutputFile]:
        package = api.package("python")
        module = package_module(api)
        src = f"src/{module}"
        common = {"api": api, "package": package, "module": module, "names": self.names(api)}
        resources = [self.resource_context(api, r, ()) for r in api.resources]
        flat = _flatten(resources)
        cycles = cyclic_references(api)
        files = [
            OutputFile("pyproject.toml", "pyproject.toml.j2", common),
            OutputFile("README.md", "README.md.j2", {**common, "example": self.example(api, flat)}),
            OutputFile("api.md", "api.md.j2", {**common, "resources": flat, "models": self.model_list(api)}),
            OutputFile(f"{src}/py.typed", text=""),
            OutputFile(f"{src}/__init__.py", "__init__.py.j2", common),
            OutputFile(f"{src}/_version.py", "_version.py.j2", common),
            OutputFile(f"{src}/_constants.py", "_constants.py.j2", {**common, **self.constants_context(api)}),
            *(OutputFile(f"{src}/{name}", text=static_module(name)) for name in STATIC_MODULES),
            OutputFile(
                f"{src}/_client.py",
                "_client.py.j2",
                {**common, "client": self.client_context(api, resources)},
            ),
            OutputFile(
                f"{src}/types/__init__.py",
                "types_init.py.j2",
                {**common, **self.types_init_context(api, cycles)},
            ),
            OutputFile(f"{src}/resources/__init__.py", "resources_init.py.j2", {**common, "resources": flat}),
        ]
        for model in api.models:
            files.append(
                OutputFile(
                    f"{src}/types/{module_name(model.name)}.py",
                    "model.py.j2",
                    {**common, "model": self.model_context(api, model, cycles[model.name])},
                )
            )
        for resource in flat:
            files.append(
                OutputFile(
                    f"{src}/resources/{resource['module']}.py",
                    "resource.py.j2",
                    {**common, "resource": resource},
                )
            )
        from generator.targets.python.surface import surface  # TODO(split): files.py imports surface.py

        files.append(OutputFile(FILENAME, text=surface(api)))
        return files

    def format(self, path: str, text: str) -> str:
        if not path.endswith(".py") or is_static_module(path):
            return text
        return format_python(text)

    # ------------------------------------------------------------ contexts

    def names(self, api: Api) -> dict[str, Any]:
        """Names and settings every runtime module needs."""
        client = client_class_name(api)
        package = api.package("python")
        return {
            "client": client,
            "async_client": f"Async{client}",
            "client_import": layout.import_from(
                "._client", [f"Async{client} as Async{client}", f"{client} as {client}"]
            ),
            "error": f"{client}Error",
            "package_doc": layout.docstring(docstring(api.description), ""),  # __init__.py's docstring
            "user_agent": f"{client}/Python {package.version}",
            "logger": package_module(api),
            "log_env": (
                f"{api.api_key_env.split('_')[0]}_LOG" if "_" in api.api_key_env else f"{client.upper()}_LOG"
            ),
            "options": [
                {
                    "name": option_identifier(o.name),
                    "header": o.header,
                    "env": o.env,
                    "description": o.description,
                    # copy(): keeps the client's value unless given one (laid out as black formats it)
                    "copy_argument": layout.keyword_argument(
                        option_identifier(o.name),
                        f"{option_identifier(o.name)} if {option_identifier(o.name)} is not None"
                        f" else self.{option_identifier(o.name)}",
                        layout.INDENT * 3,
                        conditional=True,
                    ),
                }
                for o in api.client_options
            ],
        }

    def constants_context(self, api: Api) -> dict[str, Any]:
        """_constants.py: its `__all__` (the base error class) laid out as black formats it."""
        error = string_literal(self.names(api)["error"])
        return {"all_line": layout.bracketed("__all__ = [", [error], "]", kind="collection")}

    def model_list(self, api: Api) -> list[dict[str, str]]:
        return [
            {"module": module_name(m.name), "name": class_name(m.name), "description": m.description}
            for m in api.models
        ]

    def types_init_context(self, api: Api, cycles: dict[str, frozenset[str]]) -> dict[str, Any]:
        """types/__init__.py: its lines laid out as black formats them (the lists end with a comma)."""
        models = self.model_list(api)
        rebuild = self.rebuild_list(api, cycles)
        names = [string_literal(m["name"]) for m in models]
        return {
            "rebuild": rebuild,
            "lines": {
                "imports": [layout.import_from(f".{m['module']}", [f"{m['name']} as {m['name']}"]) for m in models],
                "all": layout.bracketed("__all__ = [", names, "]", magic_comma=bool(names)),
                "models": layout.bracketed(
                    "_MODELS = {", [f"{n}: {m['name']}" for n, m in zip(names, models)], "}", magic_comma=bool(names)
                ),
                "rebuild": [
                    layout.expression(f"{path}.model_rebuild(_types_namespace=_MODELS)", "") for path in rebuild
                ],
            },
        }

    def rebuild_list(self, api: Api, cycles: dict[str, frozenset[str]]) -> list[str]:
        """Classes (nested ones as `Outer.Inner`) whose forward references are resolved once every model is imported."""
        out = []
        for model in api.models:
            if cycles[model.name]:
                out += self.model_context(api, model, cycles[model.name])["class"]["paths"]
        return out

    def client_context(self, api: Api, resources: list[dict[str, Any]]) -> dict[str, Any]:
        def raw(prefix: str, r: dict[str, Any]) -> str:
            return layout.expression(
                f"{prefix}{r['class_name']}WithRawResponse(self._client.{r['attr']})", layout.INDENT * 2, "return "
            )

        return {"resources": [{**r, "sync_raw": raw("", r), "async_raw": raw("Async", r)} for r in resources]}

    def model_context(self, api: Api, model: Model, deferred: frozenset[str]) -> dict[str, Any]:
        imports = sorted(referenced_models_of(model) - {model.name})
        cls = self.class_context(
            class_name(model.name), model.description, model.deprecated, model.properties, deferred, model_classes(api)
        )
        annotations = list(_field_annotations(cls))
        return {
            "class": cls,
            "imports": [
                layout.import_from(f".{module_name(n)}", [class_name(n)]) for n in imports if n not in deferred
            ],
            "lazy_imports": [
                layout.import_from(f".{module_name(n)}", [class_name(n)], layout.INDENT)
                for n in imports
                if n in deferred
            ],
            "all": layout.bracketed("__all__ = [", [string_literal(cls["name"])], "]", kind="collection"),
            "typing": typing_names(annotations + (["TYPE_CHECKING["] if deferred - {model.name} else [])),
            "uses_field": any(f["alias"] for f in _all_fields(cls)),
        }

    def class_context(
        self,
        name: str,
        description: str,
        deprecated: bool,
        props: tuple[Property, ...],
        deferred: frozenset[str],
        models: frozenset[str],
        depth: int = 0,
    ) -> dict[str, Any]:
        """A model class (or a nested class of one, `depth` levels in), its lines laid out as black
        formats them: they carry their own indentation."""
        nested = [
            self.class_context(
                nested_class_name(p.type.path[-1], models),
                p.type.description or p.description,
                False,
                p.type.properties,
                deferred,
                models,
                depth + 1,
            )
            for p in props
            if isinstance(p.type, InlineObject)
        ]
        nested += [
            self.class_context(
                nested_class_name(t.path[-1], models), t.description, False, t.properties, deferred, models, depth + 1
            )
            for p in props
            for t in _inline_inside_containers(p.type)
        ]
        body = layout.INDENT * (depth + 1)
        fields = []
        for p in props:
            optional = p.nullable or not p.required
            ident = field_identifier(p.name)
            alias = p.name if ident != p.name else None
            field_annotation = annotation(p.type, optional, deferred, models)
            fields.append(
                {
                    "name": ident,
                    "alias": alias,
                    "annotation": field_annotation,
                    "line": layout.annotated(ident, field_annotation, _field_default(alias, optional), body),
                    "doc": _attribute_docstring(p.description + (" Deprecated." if p.deprecated else ""), body),
                }
            )
        description = description + ("\n\nDeprecated." if deprecated else "")
        return {
            "name": name,
            "pad": layout.INDENT * depth,
            "doc": layout.docstring(_wrapped_docstring_body(description, body), body) if description else "",
            "fields": fields,
            "nested": nested,
            "paths": [name, *(f"{name}.{path}" for n in nested for path in n["paths"])],
        }

    def resource_context(
        self, api: Api, resource: Resource, parents: tuple[str, ...], parent_access: str = ""
    ) -> dict[str, Any]:
        path = (*parents, resource.name)
        name = resource_class_name(api, path)
        attr = member_identifier(resource.name) if parents else resource_attribute(api, resource.name)
        access = f"{parent_access}.{attr}" if parent_access else attr
        children = [self.resource_context(api, child, path, access) for child in resource.resources]
        models = sorted({n for m in resource.methods for n in referenced_models(m.returns)})
        models += sorted(
            {n for m in resource.methods for p in m.parameters for n in referenced_models(p.type)}
            - set(models)
        )
        methods = [self.method_context(m) for m in resource.methods]
        return {
            "name": resource.name,
            "attr": attr,
            "access": access,
            "module": "_".join(module_name(p) for p in path),
            "class_name": name,
            "description": resource.description,
            "methods": methods,
            "children": [
                {"attr": c["attr"], "class_name": c["class_name"], "module": c["module"]}
                for c in children
            ],
            "descendants": children,
            "imports": [class_name(n) for n in models],
            "imports_line": layout.import_from("..types", [class_name(n) for n in models]),
            "doc": layout.docstring(docstring(resource.description), "") if resource.description else "",
            "class_doc": (
                layout.docstring(docstring(resource.description), layout.INDENT) if resource.description else ""
            ),
            "typing": typing_names(
                ["Optional[object]", "Union[object]"]
                + [m["returns"] for m in methods]
                + [p["annotation"] for m in methods for p in m["positional"] + m["keyword"]]
            ),
        }

    def method_context(self, method: Method) -> dict[str, Any]:
        path_params = method.path_params
        others = [p for p in method.parameters if p.location != "path"]
        # Required keyword parameters first, as the official SDK orders them.
        others.sort(key=lambda p: not p.required)
        context: dict[str, Any] = {
            "name": member_identifier(method.name),
            "wire_name": method.name,
            "http_method": method.http_method,
            "path": method.path,
            "summary": method.summary,
            "description": method.description,
            "deprecated": method.deprecated,
            "positional": [self.param_context(p) for p in path_params],
            "keyword": [self.param_context(p) for p in others],
            "path_params": [self.param_context(p) for p in path_params],
            "query_params": [self.param_context(p) for p in method.params_in("query")],
            "body_params": [self.param_context(p) for p in method.params_in("body")],
            "has_body": bool(method.params_in("body")),
            "returns": return_annotation(method.returns),
            "returns_model": isinstance(method.returns, ModelRef),
        }
        context["lines"] = _method_lines(context)
        return context

    def param_context(self, p: Parameter) -> dict[str, Any]:
        base = param_annotation(p.type)
        if p.nullable:
            base = f"Optional[{base}]"
        return {
            "name": param_identifier(p.name),
            "wire": p.name,
            "annotation": base if p.required else _union(base, "NotGiven"),
            "default": "" if p.required else " = NOT_GIVEN",
            "required": p.required,
            "is_string": isinstance(p.type, Primitive) and p.type.kind == "string",
            "description": p.description,
        }

    def example(self, api: Api, resources: list[dict[str, Any]]) -> dict[str, Any] | None:
        """The first method whose arguments are all path strings: it makes a runnable README example."""
        candidates = [
            (method["http_method"] != "GET", index, resource, method)
            for index, (resource, method) in enumerate((r, m) for r in resources for m in r["methods"])
            if all(not p["required"] for p in method["keyword"])
        ]
        if not candidates:
            return None
        _, _, resource, method = min(candidates, key=lambda c: c[:2])  # a read is the safest thing to copy
        args = ", ".join(string_literal(_example_id(p["wire"])) for p in method["positional"])
        return {"call": f"{resource['access']}.{method['name']}({args})", "returns": method["returns"]}


#: The keyword arguments every method takes after its own (REQUEST_OPTIONS), as declared.
_REQUEST_OPTION_PARAMS = (
    ("extra_headers", "Optional[Headers]", " = None"),
    ("extra_query", "Optional[Query]", " = None"),
    ("extra_body", "Optional[Body]", " = None"),
    ("timeout", "Union[TimeoutTypes, NotGiven]", " = NOT_GIVEN"),
)
_BODY = layout.INDENT * 2  # statements inside a method of a class


def _method_lines(m: dict[str, Any]) -> dict[str, Any]:
    """The lines of a method's functions (resource.py.j2) whose length depends on spec names, laid
    out as black formats them, each with its indentation."""
    name, returns = m["name"], m["returns"]
    arguments = [p["name"] for p in m["positional"]]
    arguments += [f"{p['name']}={p['name']}" for p in m["keyword"]]
    arguments += [f"{option}={option}" for option in REQUEST_OPTIONS]
    options_call = f"_{name}_options({', '.join(arguments)})"
    request = f"self._client.request({returns}, {options_call})"
    raw_request = f"self._resource._client.request({returns}, {options_call})"
    return {
        "doc": _method_docstring(m),
        "options_params": _parameters(m, layout.INDENT),
        "method_params": f"{_BODY}self,\n{_parameters(m, _BODY)}",
        "returns": f"    ) -> {returns}:",
        "raw_returns": f"    ) -> APIResponse[{returns}]:",
        "async_raw_returns": f"    ) -> AsyncAPIResponse[{returns}]:",
        "path_checks": [
            f"{layout.INDENT}if not {p['name']}:\n" + layout.expression(
                f"ValueError(f\"Expected a non-empty value for `{p['name']}` but received {{{p['name']}!r}}\")",
                _BODY,
                prefix="raise ",
            )
            for p in m["path_params"]
            if p["is_string"]
        ],
        "path": layout.keyword_argument(
            "path", f"build_path({string_literal(m['path'])}, {_dict(m['path_params'])})", _BODY
        ),
        "query": layout.keyword_argument("query", f"drop_not_given({_dict(m['query_params'])})", _BODY),
        "body": layout.keyword_argument("body", f"drop_not_given({_dict(m['body_params'])})", _BODY),
        "sync_call": layout.assignment(f"response: APIResponse[{returns}]", request, _BODY),
        "async_call": layout.assignment(f"response: AsyncAPIResponse[{returns}]", f"await {request}", _BODY),
        "raw_call": layout.expression(raw_request, _BODY, prefix="return "),
        "async_raw_call": layout.expression(raw_request, _BODY, prefix="return await "),
    }


#: The end of every method's docstring: the request options it takes after its own parameters.
_REQUEST_OPTIONS_DOC = """
  extra_headers: Headers sent with this request in addition to the client's.

  extra_query: Query parameters added to the URL.

  extra_body: Properties added to the JSON body.

  timeout: Seconds to wait for this request, overriding the client's timeout.
"""


def _method_docstring(m: dict[str, Any]) -> str:
    """A method's docstring (the sync and async methods share it): summary, description, `Args:`,
    laid out as black rewrites it inside a method."""
    parts = [docstring(m["summary"])]
    if m["description"]:
        parts += ["", layout.wordwrap(docstring(m["description"]))]
    if m["deprecated"]:
        parts += ["", "Deprecated."]
    params = m["positional"] + m["keyword"]
    if params:
        parts += ["", "Args:", *(f"  {p['name']}: {comment(p['description'])}" for p in params)]
    return layout.docstring("\n".join(parts) + "\n" + _REQUEST_OPTIONS_DOC, _BODY)


def _parameters(m: dict[str, Any], indent: str) -> str:
    """The parameters of a method after `self` (the signature ends with a comma: one per line)."""
    params = [(p["name"], p["annotation"], p["default"]) for p in m["positional"]]
    params.append(("*", "", ""))
    params += [(p["name"], p["annotation"], p["default"]) for p in m["keyword"]]
    params += _REQUEST_OPTION_PARAMS
    return "\n".join(
        f"{indent}*," if name == "*" else layout.expression(type_, indent, prefix=f"{name}: ", suffix=f"{default},")
        for name, type_, default in params
    )


def _dict(params: list[dict[str, Any]]) -> str:
    """A dict literal from wire names to the parameters' identifiers."""
    return "{" + ", ".join(f"{string_literal(p['wire'])}: {p['name']}" for p in params) + "}"


def _union(annotation: str, other: str) -> str:
    """`Union[annotation, other]`, without nesting one Union in another."""
    if annotation.startswith("Union[") and _closing_bracket(annotation, 5) == len(annotation) - 1:
        return f"{annotation[:-1]}, {other}]"
    return f"Union[{annotation}, {other}]"


def _closing_bracket(text: str, start: int) -> int:
    depth = 0
    for index in range(start, len(text)):
        depth += {"[": 1, "]": -1}.get(text[index], 0)
        if depth == 0:
            return index
    return -1


def _example_id(wire_name: str) -> str:
    stem = wire_name[:-3] if wire_name.endswith("_id") else wire_name
    return f"{stem}_abc123"


def _field_default(alias: str | None, optional: bool) -> str | None:
    """What a model field is assigned: its wire name (when the identifier differs) and its default."""
    if alias is not None:
        return f"Field({'default=None, ' if optional else ''}alias={string_literal(alias)})"
    return "None" if optional else None


def _wrapped_docstring_body(text: str, indent: str) -> str:
    """Spec text inside triple quotes, wrapped at 100 columns, later lines indented by `indent`."""
    lines = layout.wordwrap(docstring(text)).split("\n")
    return "\n".join([lines[0], *(indent + line if line else line for line in lines[1:])])


def _attribute_docstring(text: str, indent: str) -> str:
    """The string literal after a model field (black leaves it as written: it is not a docstring)."""
    return f'"""{_wrapped_docstring_body(text, indent)}"""' if text else ""


def typing_names(annotations: list[str]) -> list[str]:
    """The names a module must import from `typing` for these annotations."""
    names = ("Dict", "List", "Literal", "Optional", "TYPE_CHECKING", "Union")
    found = {name for text in annotations for name in names if f"{name}[" in text}
    return sorted(found)


def _all_fields(cls: dict[str, Any]) -> list[dict[str, Any]]:
    return [*cls["fields"], *(f for nested in cls["nested"] for f in _all_fields(nested))]


def _field_annotations(cls: dict[str, Any]) -> list[str]:
    return [f["annotation"] for f in _all_fields(cls)]


def _inline_inside_containers(t: Type) -> list[InlineObject]:
    """Inline objects declared as the items of an array or the values of a map (they nest too)."""
    if isinstance(t, Array):
        inner = t.items
    elif isinstance(t, Map):
        inner = t.values
    else:
        return []
    if isinstance(inner, InlineObject):
        return [inner]
    return _inline_inside_containers(inner)


def _resource_paths(
    resources: tuple[Resource, ...], parents: tuple[str, ...]
) -> list[tuple[tuple[str, ...], Resource]]:
    out: list[tuple[tuple[str, ...], Resource]] = []
    for resource in resources:
        path = (*parents, resource.name)
        out.append((path, resource))
        out.extend(_resource_paths(resource.resources, path))
    return out


def _flatten(resources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for resource in resources:
        out.append(resource)
        out.extend(_flatten(resource["descendants"]))
    return out
