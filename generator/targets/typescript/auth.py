"""The client's credentials in TypeScript: the option of each auth scheme and the errors of a missing key.

The API key is the `apiKey` option; each further scheme (`api.auth_schemes`) is one more option, named
by names.py (`admin_api_key` -> `adminAPIKey`, as openai-node spells it) and read from the scheme's
environment variable when not passed. A client is built with any one key; a method sends the key of its
scheme, and rejects before sending when that key is missing, naming the option and its variable.
"""

from __future__ import annotations

from generator.ir import Api, Method
from generator.targets.base import template_context
from generator.targets.typescript.layout import INDENT, assign_line, call_line
from generator.targets.typescript.literals import jsdoc, string_literal
from generator.targets.typescript.names import auth_option_name, client_name, property_key

API_KEY_OPTION = "apiKey"


@template_context(frozen=True)
class SchemeOption:
    name: str  # `adminAPIKey`: the client option and the client's field
    env: str | None
    doc: str  # the JSDoc of the option in ClientOptions, indented


def scheme_options(api: Api) -> list[SchemeOption]:
    out = []
    for scheme in api.auth_schemes:
        defaults = (f"Defaults to `process.env[{string_literal(scheme.env)}]`." if scheme.env
                    else "Defaults to none.")
        text = (scheme.description + "\n\n" if scheme.description else "") + (
            f"Sent as the bearer token of the methods that need it, instead of the API key. {defaults}")
        out.append(SchemeOption(auth_option_name(scheme.name), scheme.env, jsdoc(text, INDENT)))
    return out


def method_auth(m: Method) -> str | None:
    """The option whose key a method sends (`adminAPIKey`), or None for the API key."""
    return auth_option_name(m.auth) if m.auth else None


def auth_type(api: Api) -> str | None:
    """The type of `RequestSpec.auth`: `'adminAPIKey'` (a union of the scheme options); None without schemes."""
    if not api.auth_schemes:
        return None
    return " | ".join(string_literal(auth_option_name(s.name)) for s in api.auth_schemes)


def _option_hint(option: str, env: str | None, client: str) -> str:
    """`pass it (new Zoo({ adminAPIKey: '...' })) or set the ZOO_ADMIN_KEY environment variable`."""
    return f"pass it (new {client}({{ {option}: '...' }}))" + (f" or set the {env} environment variable" if env else "")


def missing_key_lines(api: Api) -> list[str]:
    """The entries of `MISSING_KEYS`: option -> the message a method rejects with when its key is missing."""
    client = client_name(api)
    options: list[tuple[str, str | None]] = [(API_KEY_OPTION, api.api_key_env)]
    options += [(auth_option_name(s.name), s.env) for s in api.auth_schemes]
    return [assign_line(INDENT, f"{property_key(option)}:",
                        string_literal(f"This method needs the `{option}` client option, which is missing or empty: "
                                       f"{_option_hint(option, env, client)}."), ",")
            for option, env in options]


def missing_credentials_throw(api: Api, base_error: str, indent: str) -> str:
    """`throw new ZooError('Missing credentials...')`: the client was given no key at all. Without schemes,
    openai-node's message about the API key; with them, the list of every option and variable."""
    client = client_name(api)
    if not api.auth_schemes:
        message = (f"The {api.api_key_env} environment variable is missing or empty; either provide it, "
                   f"or instantiate the {client} client with an apiKey option, like "
                   f"new {client}({{ apiKey: 'My API Key' }}).")
    else:
        options = [API_KEY_OPTION] + [auth_option_name(s.name) for s in api.auth_schemes]
        envs = [api.api_key_env] + [s.env for s in api.auth_schemes if s.env]
        message = (f"Missing credentials. Please pass {_listed([f'`{o}`' for o in options], 'or')}, "
                   f"or set the {_listed([f'`{e}`' for e in envs], 'or')} environment variable.")
    return call_line(indent, f"throw new {base_error}", [string_literal(message)], ";")


def _listed(items: list[str], conjunction: str) -> str:
    """`a`, `a or b`, `a, b or c`."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
