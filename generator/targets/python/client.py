"""Typed contexts of the client module (_client.py.j2), _constants.py and the names every runtime module needs.

Lines whose length depends on spec names are laid out as black formats them (layout.py) and carry
their own indentation, so the templates only place them.
"""

from __future__ import annotations

from generator.ir import Api
from generator.targets.base import template_context
from generator.targets.python import layout
from generator.targets.python.literals import docstring, string_literal
from generator.targets.python.names import client_class_name, error_class_name, option_identifier, package_module
from generator.targets.python.resources import ResourceContext
from generator.targets.python.types import API_KEY, CLIENT_OPTIONS, OPTION


@template_context(frozen=True)
class OptionContext:
    """A client option (an argument of the constructor, an attribute, a header)."""

    name: str
    header: str
    env: str | None
    description: str
    copy_argument: str  # copy(): keeps the client's value unless given one


@template_context(frozen=True)
class SchemeContext:
    """A further API key (an auth scheme): a client option that methods with `auth:` send."""

    name: str  # the option (constructor argument and attribute)
    key: str  # the scheme's name as a string literal: the `auth` of those methods' RequestOptions
    env: str | None
    description: str
    missing: str  # the constant holding the message of a call that needs it without it
    missing_line: str  # that constant's definition, laid out as black writes it
    copy_argument: str


@template_context(frozen=True)
class NamesContext:
    """Names and settings every runtime module and the README need."""

    client: str
    async_client: str
    client_import: str
    error: str
    package_doc: str  # __init__.py's docstring
    user_agent: str
    logger: str
    log_env: str
    options: list[OptionContext]
    schemes: list[SchemeContext]
    no_credentials_line: str  # with schemes: the message of a client built without any key
    api_key: tuple[str, str]  # the annotation of `api_key`: sync, async
    option_type: str  # of each spec option
    constructor: list[tuple[str, str, str, str]]  # the other options: name, sync and async types, default


def names_context(api: Api) -> NamesContext:
    client = client_class_name(api)
    return NamesContext(
        client=client,
        async_client=f"Async{client}",
        client_import=layout.import_from(
            "._client", [f"Async{client} as Async{client}", f"{client} as {client}"]
        ),
        error=error_class_name(api),
        package_doc=layout.docstring(docstring(api.description), ""),
        user_agent=f"{client}/Python {api.package('python').version}",
        logger=package_module(api),
        log_env=f"{api.api_key_env.split('_')[0]}_LOG" if "_" in api.api_key_env else f"{client.upper()}_LOG",
        options=[
            _option(option_identifier(o.name), o.header, o.env, o.description) for o in api.client_options
        ],
        schemes=[_scheme(option_identifier(s.name), s.name, s.env, s.description) for s in api.auth_schemes],
        no_credentials_line=_no_credentials(api),
        api_key=API_KEY,
        option_type=OPTION,
        constructor=list(CLIENT_OPTIONS),
    )


def _option(name: str, header: str, env: str | None, description: str) -> OptionContext:
    # copy()'s argument, laid out as black formats it
    copy_argument = layout.keyword_argument(
        name, f"{name} if {name} is not None else self.{name}", layout.INDENT * 3, conditional=True
    )
    return OptionContext(name, header, env, description, copy_argument)


def _scheme(name: str, key: str, env: str | None, description: str) -> SchemeContext:
    option = _option(name, "", env, description)
    missing = f"MISSING_{name.upper()}"
    # Worded as the API key's message (MISSING_API_KEY of _client.py).
    message = f"The {name} client option must be set "
    if env:
        message += f"either by passing {name} to the client or by setting the {env} environment variable"
    else:
        message += f"by passing {name} to the client"
    return SchemeContext(
        name=name,
        key=string_literal(key),
        env=env,
        description=description,
        missing=missing,
        missing_line=layout.assignment(missing, string_literal(message), ""),
        copy_argument=option.copy_argument,
    )


def _no_credentials(api: Api) -> str:
    """The message of a client built without any of its keys, as openai-python words it (every option,
    then every environment variable)."""
    if not api.auth_schemes:
        return ""
    options = ["api_key", *(option_identifier(s.name) for s in api.auth_schemes)]
    envs = [api.api_key_env, *(s.env for s in api.auth_schemes if s.env)]
    message = f"Missing credentials. Please pass an {_listed([f'`{o}`' for o in options])}, or set the "
    message += f"{_listed([f'`{e}`' for e in envs], 'or')} environment variable."
    return layout.assignment("NO_CREDENTIALS", string_literal(message), "")


def _listed(items: list[str], last: str = "") -> str:
    """`a, b, c` (as openai-python's message lists options), or `a or b` with `last`."""
    if not last or len(items) < 2:
        return ", ".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def constants_all_line(api: Api) -> str:
    """_constants.py's `__all__` (the base error class) laid out as black formats it."""
    return layout.bracketed("__all__ = [", [string_literal(error_class_name(api))], "]", kind="collection")


@template_context(frozen=True)
class ClientResource:
    """A top-level resource as _client.py imports and exposes it."""

    attr: str
    class_name: str
    module: str
    description: str
    sync_raw: str  # the body of its accessor on the raw-response client
    async_raw: str


@template_context(frozen=True)
class ClientContext:
    resources: list[ClientResource]


def client_context(resources: list[ResourceContext]) -> ClientContext:
    def raw(prefix: str, r: ResourceContext) -> str:
        return layout.expression(
            f"{prefix}{r.class_name}WithRawResponse(self._client.{r.attr})", layout.INDENT * 2, "return "
        )

    return ClientContext(
        [
            ClientResource(r.attr, r.class_name, r.module, r.description, raw("", r), raw("Async", r))
            for r in resources
        ]
    )
