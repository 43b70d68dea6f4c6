"""Validating the spec's `format` and its `api` section: metadata, auth, client options and packages."""

from __future__ import annotations

import math
import re

from generator.ir import Api, ClientOption, Location, Model, Package, Resource
from generator.spec.nodes import YList, YMap
from generator.spec.reader import ENV_NAME, HEADER_NAME, LOWER_NAME, MODEL_NAME, Reader, value_kind
from generator.targets import SDK_TARGETS

SUPPORTED_FORMATS = (1, 2)


def check_format(r: Reader, root: YMap) -> None:
    version = root["format"]
    supported = " and ".join(map(str, SUPPORTED_FORMATS))
    if type(version) is not int:  # `true` and `1.0` equal 1 in Python, but are not a format number
        r.error(root.value_at("format"), "E103", f"`format` must be an integer, not {value_kind(version)}",
                f"write `format: {SUPPORTED_FORMATS[-1]}` without quotes")
    elif version not in SUPPORTED_FORMATS:
        r.error(root.value_at("format"), "E104", f"unsupported spec format `{version}`",
                f"this generator reads formats {supported}")
    else:
        r.format = version


def read_api(r: Reader, node: YMap, models: tuple[Model, ...], resources: tuple[Resource, ...], source: str) -> Api:
    """The `api` section as the Api, holding the models and resources read before it."""
    what = "`api`"
    r.keys(node, what, ("name", "title", "version", "base_url", "auth", "packages"),
           ("description", "base_url_env", "client_options", "request_id_header", "timeout", "max_retries",
            "pagination", "auth_schemes"))
    name = r.text(node, "name", what)
    if name:
        r.identifier(name, node.value_at("name"), MODEL_NAME, "client", "OpenAI")
    base_url = r.text(node, "base_url", what)
    if base_url and not re.match(r"^https?://[^\s]+$", base_url):
        r.error(node.value_at("base_url"), "E105", f"`{base_url}` is not an http(s) URL",
                "write the base URL like https://api.example.com/v1")
    base_url_env = _env(r, node, "base_url_env", what) or None
    api_key_env = ""
    auth = r.mapping(node["auth"], node.value_at("auth"), "`auth`") if "auth" in node else None
    if auth is not None:
        r.keys(auth, "`auth`", ("type", "env"), ())
        if "type" in auth and auth["type"] != "bearer":
            r.error(auth.value_at("type"), "E105", f"unsupported auth type `{auth['type']}`",
                    "the only auth type is `bearer`")
        api_key_env = _env(r, auth, "env", "`auth`")
    timeout = r.scalar(node, "timeout", (int, float), what, 600)
    if not math.isfinite(timeout):
        r.error(node.value_at("timeout"), "E105", f"`timeout` must be a finite number of seconds, not {timeout}",
                "seconds, e.g. 600")
        timeout = 600
    elif timeout <= 0:
        r.error(node.value_at("timeout"), "E105", "`timeout` must be positive", "seconds, e.g. 600")
    max_retries = r.scalar(node, "max_retries", (int,), what, 2)
    if isinstance(max_retries, int) and max_retries < 0:
        r.error(node.value_at("max_retries"), "E105", "`max_retries` must not be negative", "e.g. 2")
    request_id_header = r.text(node, "request_id_header", what, "x-request-id")
    if not HEADER_NAME.match(request_id_header):
        r.error(node.value_at("request_id_header"), "E105",
                f"`{request_id_header}` is not a valid header name", "e.g. x-request-id")
    return Api(
        name=name,
        title=r.text(node, "title", what),
        version=_api_version(r, node, what),
        description=r.text(node, "description", what),
        base_url=base_url,
        base_url_env=base_url_env,
        api_key_env=api_key_env,
        client_options=_client_options(r, node),
        request_id_header=request_id_header,
        timeout_seconds=float(timeout),
        max_retries=int(max_retries),
        packages=_packages(r, node),
        models=models,
        resources=resources,
        source=source,
        page_styles=tuple(r.page_styles.values()),
    )


def _api_version(r: Reader, node: YMap, what: str) -> str:
    version = r.scalar(node, "version", (str, int, float), what, "")
    if isinstance(version, float):
        # YAML reads `1.10` as the number 1.1: the version written and the version generated would differ.
        r.error(node.value_at("version"), "E103", f"`version` of {what} was read as the number {version}",
                "write it in quotes, e.g. `version: \"2.10\"`; unquoted, YAML reads it as a number and drops "
                "trailing zeros")
    return str(version)


def _env(r: Reader, node: YMap, key: str, what: str) -> str:
    value = r.text(node, key, what)
    if value and not ENV_NAME.match(value):
        r.error(node.value_at(key), "E205", f"`{value}` is not a valid environment variable name",
                "use upper case letters, digits and underscores, e.g. OPENAI_API_KEY")
    return value


def _client_options(r: Reader, node: YMap) -> tuple[ClientOption, ...]:
    if "client_options" not in node:
        return ()
    items = node["client_options"]
    if not isinstance(items, YList):
        r.error(node.value_at("client_options"), "E103", "`client_options` must be a list",
                "write one `- name: ...` entry per option")
        return ()
    options = []
    seen: dict[str, Location] = {}
    headers: dict[str, tuple[str, Location]] = {}  # lower-case header -> the first option setting it
    for index, item in enumerate(items):
        entry = r.mapping(item, items.item_at(index), "a client option")
        if entry is None:
            continue
        what = "a client option"
        r.keys(entry, what, ("name", "header"), ("env", "description"))
        name = r.text(entry, "name", what)
        if name:
            r.identifier(name, entry.value_at("name"), LOWER_NAME, "client option", "organization")
            if name in seen:
                r.error(entry.value_at("name"), "E203", f"duplicate client option `{name}`",
                        f"`{name}` is already declared at line {seen[name].line}")
            seen[name] = entry.value_at("name")
        header = r.text(entry, "header", what)
        if header and not HEADER_NAME.match(header):
            r.error(entry.value_at("header"), "E105", f"`{header}` is not a valid header name",
                    "header names are letters, digits and dashes, e.g. OpenAI-Organization")
        elif header and header.lower() in headers:
            # HTTP header names are case-insensitive: two options would set one header (and the
            # TypeScript client's header object would have one key twice).
            r.error(entry.value_at("header"), "E203", f"client options `{headers[header.lower()][0]}` and "
                    f"`{name}` both set the header `{header}`",
                    f"give each option its own header; the other is at line {headers[header.lower()][1].line}")
        if header:
            headers.setdefault(header.lower(), (name, entry.value_at("header")))
        options.append(ClientOption(name=name, header=header, env=_env(r, entry, "env", what) or None,
                                    description=r.text(entry, "description", what)))
    return tuple(options)


def _packages(r: Reader, node: YMap) -> tuple[tuple[str, Package], ...]:
    if "packages" not in node:
        return ()
    packages = r.mapping(node["packages"], node.value_at("packages"), "`packages`")
    if packages is None:
        return ()
    r.keys(packages, "`packages`", SDK_TARGETS, ())
    found = []
    for target in SDK_TARGETS:
        entry = r.mapping(packages[target], packages.value_at(target), f"`packages.{target}`") \
            if target in packages else None
        if entry is None:
            continue
        what = f"`packages.{target}`"
        r.keys(entry, what, ("name", "version"), ())
        name = r.text(entry, "name", what)
        if name and not re.match(r"^(@[a-z0-9-]+/)?[a-z][a-z0-9_.-]*$", name):
            r.error(entry.value_at("name"), "E205", f"`{name}` is not a valid package name",
                    "use lower case letters, digits, `-`, `_` and `.`")
        version = str(r.scalar(entry, "version", (str,), what, ""))
        if version and not re.match(r"^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$", version):
            r.error(entry.value_at("version"), "E105", f"`{version}` is not a semantic version",
                    "write it as MAJOR.MINOR.PATCH in quotes, e.g. \"1.2.0\"")
        found.append((target, Package(name, version)))
    return tuple(found)
