"""Validating `api.auth_schemes` (format 2): further credentials that methods name with `auth:`."""

from __future__ import annotations

from generator.ir import AuthScheme
from generator.spec.nodes import YMap
from generator.spec.reader import ENV_NAME, LOWER_NAME, Reader

#: The name of the client option that holds the key of `api.auth` (what `auth:` names it by).
DEFAULT_SCHEME = "api_key"


def read_auth_schemes(r: Reader, api: YMap | None) -> dict[str, AuthScheme]:
    """The schemes `api.auth_schemes` declares, by name (read before the methods that name them)."""
    if api is None or "auth_schemes" not in api or not r.format_2(api, "auth_schemes", "`api`"):
        return {}
    node = r.value_mapping(api, "auth_schemes", "`auth_schemes` of `api`")
    if node is None:
        return {}
    options = {o.get("name") for o in api.get("client_options") or () if isinstance(o, YMap)}
    schemes = {}
    for name in node:
        where = node.key_at(name)
        r.identifier(name, where, LOWER_NAME, "auth scheme", "admin_api_key")
        if name == DEFAULT_SCHEME or name in options:
            r.error(where, "E203", f"the auth scheme `{name}` has the name of a client option",
                    f"the scheme's name is the client option that holds its key: pick another than "
                    f"`{DEFAULT_SCHEME}` and the `client_options`")
        entry = r.value_mapping(node, name, f"auth scheme `{name}`")
        if entry is None:
            continue
        what = f"auth scheme `{name}`"
        r.keys(entry, what, ("type",), ("env", "description"))
        if "type" in entry and entry["type"] != "bearer":
            r.error(entry.value_at("type"), "E105", f"unsupported auth type `{entry['type']}` in {what}",
                    "the only auth type is `bearer`")
        env = r.text(entry, "env", what)
        if env and not ENV_NAME.match(env):
            r.error(entry.value_at("env"), "E205", f"`{env}` is not a valid environment variable name",
                    "use upper case letters, digits and underscores, e.g. OPENAI_ADMIN_KEY")
        schemes[name] = AuthScheme(name=name, kind="bearer", env=env or None,
                                   description=r.text(entry, "description", what), location=where)
    return schemes
