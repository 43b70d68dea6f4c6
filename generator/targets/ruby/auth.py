"""The keys a Ruby client may hold: the API key and each auth scheme's, with the errors raised without them."""

from __future__ import annotations

from generator.ir import Api
from generator.targets.base import template_context
import generator.targets.ruby.names as names
from generator.targets.ruby.literals import symbol_label


@template_context(slots=True)
class CredentialContext:
    """A key the client may hold: the API key, or an auth scheme's (`admin_api_key`)."""

    name: str  # the client option
    label: str  # the same as a Hash label
    env: str | None
    description: str
    missing: list[str]  # the message of the ArgumentError raised by a call that needs it without it, in two parts



def missing_message(option: str, env: str | None) -> list[str]:
    """The message of a missing key, as the official gem words the API key's, in two parts."""
    return [f"The {option} client option must be set either by passing {option} to the client",
            f" or by setting the {env} environment variable" if env else ""]


def credentials(api: Api) -> list[CredentialContext]:
    found = [CredentialContext("api_key", symbol_label("api_key"), api.api_key_env, "",
                               missing_message("api_key", api.api_key_env))]
    for scheme in api.auth_schemes:
        name = names.client_reader(scheme.name)
        found.append(CredentialContext(name, symbol_label(name), scheme.env, scheme.description,
                                       missing_message(name, scheme.env)))
    return found


def missing_key_message(api: Api) -> list[str]:
    """The message of the ArgumentError raised by `new` without any key: any one is enough."""
    found = credentials(api)
    if len(found) == 1:
        first, rest = found[0].missing
        return [first + " ", rest[1:]]
    options = ", ".join(c.name for c in found)
    envs = ", ".join(c.env for c in found if c.env)
    return [f"One of the {options} client options must be set by passing it to the client ",
            f"or by setting one of the {envs} environment variables" if envs else "(none has an environment variable)"]
