"""What the docs show of a method or a model, for every language at once, built from the Language adapters."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence

from generator.ir import AliasRef, Api, Binary, Call, InlineObject, Method, ModelRef, Type
from generator.ir.examples import response_example
from generator.targets.base import template_context
from generator.targets.language import Field, Language, Signature
from generator.text.case import snake_case
from generator.text.html import replace_forbidden

# The contexts are plain data read by the templates as attributes (`f.name`: Jinja tries an attribute
# first, so each lookup succeeds at once; pages of 1,000 models read millions of them). Built once and
# only read, but not frozen: a frozen dataclass sets each field through object.__setattr__, which made
# the docs of a 1,000-model spec about 4% slower (there are a few fields per property per language).


@template_context(slots=True)
class FieldView:
    """A parameter or property as a Markdown page (of one language) shows it."""

    name: str
    type: str
    declaration: str
    flags: str  # "required, nullable, in query"
    description: str
    location: str
    link: str  # the model whose own reference documents this field's object; "" when expanded here
    children: tuple[FieldView, ...]
    default: str  # the parameter's default as JSON (the wire value, the same in every language), or ""


@template_context(slots=True)
class Variant:
    """A name or type as one language spells it; `lang` is "" when every language spells it so."""

    lang: str
    text: str


@template_context(slots=True)
class SharedField:
    """A parameter or property as an HTML page shows it: once for every language, its declaration
    in each (one variant when they all read the same)."""

    declarations: tuple[Variant, ...]
    flags: str
    description: str
    link: str
    children: tuple[SharedField, ...]
    default: str  # as FieldView.default


@template_context(slots=True)
class MethodLanguage:
    """A method as the reference of one language shows it."""

    name: str  # the language's name
    label: str
    fence: str
    signature: Signature
    parameters: tuple[FieldView, ...]
    returns_type: str
    returns_description: str
    returns: tuple[FieldView, ...]
    example: str


@template_context(slots=True)
class MethodContext:
    """Everything the Markdown pages and the HTML section of one method show, for every language."""

    title: str
    anchor: str  # the HTML section's id
    http_method: str
    path: str
    http: str  # "POST /batches/{batch_id}/cancel"
    description: str
    deprecated: bool
    response_example: str  # JSON, or "" when the method returns nothing
    languages: Mapping[str, MethodLanguage]  # by language name, in the registry's order
    # The HTML section shows the language-neutral parts once, for every language.
    parameters: tuple[SharedField, ...]
    returns_types: tuple[Variant, ...]
    returns_description: str
    returns: tuple[SharedField, ...]
    links: tuple[str, ...]  # the models the returned fields link to, each once, in page order


@template_context(slots=True)
class ModelLanguage:
    """A model as the reference of one language shows it."""

    name: str  # the language's name
    type_name: str
    fields: tuple[FieldView, ...]


@template_context(slots=True)
class ModelContext:
    """A model's own reference: its properties (inline objects expanded), the models it refers to linked."""

    name: str
    anchor: str
    description: str
    languages: Mapping[str, ModelLanguage]
    type_names: tuple[Variant, ...]
    fields: tuple[SharedField, ...]
    links: tuple[str, ...]


@template_context(slots=True)
class LanguageLink:
    """A language as the indexes and the HTML language switcher list it."""

    name: str
    label: str


def language_links(languages: Sequence[Language]) -> list[LanguageLink]:
    return [LanguageLink(language.name, language.label) for language in languages]


def flags(field: Field) -> str:
    words = ["required" if field.required else "optional"]
    if field.nullable:
        words.append("nullable")
    if field.deprecated:
        words.append("deprecated")
    if field.location and field.location != "path":
        words.append(f"in {field.location}")
    return ", ".join(words)


def field_view(field: Field) -> FieldView:
    return FieldView(field.name, field.type, field.declaration, flags(field), field.description,
                     field.location, field.link, tuple(field_view(c) for c in field.children),
                     default_text(field))


def default_text(field: Field) -> str:
    """A parameter's default as JSON: what the server assumes, spelled as on the wire."""
    return json_example(field.default.value) if field.default is not None else ""


def variants(texts: Mapping[str, str]) -> tuple[Variant, ...]:
    """One text for every language when they all read the same, else one per language."""
    if len(set(texts.values())) == 1:
        return (Variant("", next(iter(texts.values()))),)
    return tuple(Variant(name, text) for name, text in texts.items())


def shared_fields(per_language: Mapping[str, Sequence[Field]]) -> tuple[SharedField, ...]:
    """Fields as an HTML page shows them. Only names and types differ between languages: the lists
    have the same shape, built from the same IR."""
    columns = list(per_language.items())
    out = []
    for i, field in enumerate(columns[0][1]):
        row = {name: fields[i] for name, fields in columns}
        assert all(f.link == field.link and len(f.children) == len(field.children) for f in row.values())
        declarations = variants({name: f.declaration for name, f in row.items()})
        out.append(SharedField(declarations, flags(field), field.description, field.link,
                               shared_fields({name: f.children for name, f in row.items()}), default_text(field)))
    return tuple(out)


def linked_models(fields: Sequence[Field]) -> Iterator[str]:
    """The models `fields` link to rather than expand, in page order (with repeats)."""
    for field in fields:
        if field.link:
            yield field.link
        yield from linked_models(field.children)


def method_anchor(call: Call) -> str:
    return "-".join([snake_case(r.name) for r in call.resources] + [snake_case(call.method.name)])


def model_anchor(name: str) -> str:
    # Method anchors are lower case (snake_case words): a model name starts with a capital.
    return f"model-{name}"


def resource_key(call: Call) -> tuple[str, ...]:
    return tuple(r.name for r in call.resources)


def http_line(method: Method) -> str:
    return f"{method.http_method} {method.path}"


def returns_description(api: Api, method: Method) -> str:
    """What the method gives back, in words: the returned object's description; for a paginated method,
    that its page iterates across pages, then the item's description."""
    described = _type_description(api, method.returns)
    if method.page is None:
        return described
    pages = "A page of items; iterating it fetches the following pages as needed."
    return f"{pages} Each item: {described}" if described else pages


def _type_description(api: Api, returns: Type | None) -> str:
    if isinstance(returns, ModelRef):
        return api.model(returns.name).description
    if isinstance(returns, InlineObject):
        return returns.description
    if isinstance(returns, AliasRef):
        return api.alias(returns.name).description
    if isinstance(returns, Binary):
        return "The raw bytes of the response body."
    return ""


def json_example(value: object) -> str:
    """An example value as JSON, indented; the characters HTML forbids (which `json.dumps` leaves raw
    but for C0 controls: DEL, C1, noncharacters) as `\\u` escapes, so that both pages show the same JSON."""
    return replace_forbidden(json.dumps(value, indent=2, ensure_ascii=False), _json_escape)


def _json_escape(ch: str) -> str:
    # Outside the Basic Multilingual Plane, as a surrogate pair (what `ensure_ascii` writes).
    return json.dumps(ch)[1:-1]


def method_language(api: Api, call: Call, language: Language, parameters: Sequence[Field],
                    returns: Sequence[Field]) -> MethodLanguage:
    signature = language.signature(api, call)
    return MethodLanguage(
        name=language.name, label=language.label, fence=language.fence, signature=signature,
        parameters=tuple(field_view(f) for f in parameters),
        returns_type=signature.returns,
        returns_description=returns_description(api, call.method),
        returns=tuple(field_view(f) for f in returns),
        example=language.example(api, call),
    )


def method_context(api: Api, call: Call, languages: Sequence[Language]) -> MethodContext:
    method = call.method
    response = response_example(api, method)
    parameters = {language.name: language.parameters(call) for language in languages}
    returns = {language.name: language.returns(api, call) for language in languages}
    contexts = {language.name: method_language(api, call, language, parameters[language.name],
                                               returns[language.name]) for language in languages}
    return MethodContext(
        title=method.summary or ".".join(resource_key(call) + (method.name,)),
        anchor=method_anchor(call),
        http_method=method.http_method,
        path=method.path,
        http=http_line(method),
        description=method.description,
        deprecated=method.deprecated,
        response_example=json_example(response) if response is not None else "",
        languages=contexts,
        parameters=shared_fields(parameters),
        returns_types=variants({name: context.returns_type for name, context in contexts.items()}),
        returns_description=returns_description(api, method),
        returns=shared_fields(returns),
        links=tuple(dict.fromkeys(linked_models(returns[languages[0].name]))),
    )


def model_context(api: Api, name: str, languages: Sequence[Language]) -> ModelContext:
    fields = {language.name: language.model_fields(api, name) for language in languages}
    type_names = {language.name: language.type_name(ModelRef(name)) for language in languages}
    return ModelContext(
        name=name,
        anchor=model_anchor(name),
        description=api.model(name).description,
        languages={language.name: ModelLanguage(language.name, type_names[language.name],
                                                tuple(field_view(f) for f in fields[language.name]))
                   for language in languages},
        type_names=variants(type_names),
        fields=shared_fields(fields),
        links=tuple(dict.fromkeys(linked_models(fields[languages[0].name]))),
    )


def model_contexts(api: Api, links: Iterable[str], languages: Sequence[Language]) -> dict[str, ModelContext]:
    """The models that need a reference of their own: those `links` name, and those their references
    link to in turn, in the order first met."""
    found: dict[str, ModelContext] = {}
    queue = list(dict.fromkeys(links))
    for name in queue:  # grows while read
        if name not in found:
            found[name] = model_context(api, name, languages)
            queue.extend(link for link in found[name].links if link not in found)
    return found
