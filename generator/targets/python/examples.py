"""The example calls of the Python SDK: the README's call and the docs' example programs, written one way.

Both reach the method as the client does (names.call_path) and write arguments with literals.py;
they differ only in the arguments they pass (the README a `<stem>_abc123` id, the docs the
example values of generator.ir.examples).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from generator.ir import Api, Binary, Call, InlineObject, ModelRef, Property, calls
from generator.ir.examples import FileExample, example_value, object_properties
from generator.targets.language import EXAMPLE_API_KEY
from generator.targets.python.literals import string_literal, value_literal
from generator.targets.python.names import (
    EXAMPLE_CLIENT,
    call_path,
    client_class_name,
    field_identifier,
    option_identifier,
    package_module,
    page_attribute,
    param_identifier,
    result_variable,
)
from generator.targets.python.types import return_annotation


#: The variable of a docs example that calls a list method or a download (`page`, `response`).
PAGE_VARIABLE, BINARY_VARIABLE = "page", "response"


def invocation(api: Api, call: Call, arguments: list[str]) -> str:
    """`batches.cancel("batch_abc123")`: the call, from the client's attribute on."""
    return f"{call_path(api, call)}({', '.join(arguments)})"


# ---------------------------------------------------------------- README


def readme_call(api: Api) -> Call | None:
    """The first method whose arguments are all path strings (a read if there is one: the safest thing
    to copy): it makes a runnable README example."""
    candidates = [
        (call.method.http_method != "GET", index, call)
        for index, call in enumerate(calls(api))
        if all(not p.required for p in call.method.parameters if p.location != "path")
    ]
    return min(candidates, key=lambda c: c[:2])[2] if candidates else None


@dataclass(frozen=True)
class ReadmeExample:
    call: str  # from the client's attribute on: `batches.cancel("batch_abc123")`
    returns: str  # its return annotation


def readme_example(api: Api) -> ReadmeExample | None:
    call = readme_call(api)
    if call is None:
        return None
    args = [string_literal(_example_id(p.name)) for p in call.method.path_params]
    return ReadmeExample(invocation(api, call, args), return_annotation(call.method.returns))


def _example_id(wire_name: str) -> str:
    stem = wire_name[:-3] if wire_name.endswith("_id") else wire_name
    return f"{stem}_abc123"


# ---------------------------------------------------------------- docs


def docs_arguments(api: Api, call: Call) -> list[str]:
    """Path arguments by position, then every required query and body parameter by keyword."""
    method = call.method
    args = [value_literal(example_value(api, p.type, p.name)) for p in method.path_params]
    args += [
        f"{param_identifier(p.name)}={value_literal(example_value(api, p.type, p.name))}"
        for p in method.parameters
        if p.location != "path" and p.required
    ]
    return args


def printed_property(api: Api, call: Call) -> Property | None:
    """The property the example prints: the first of the returned object, as the official pages do."""
    returns = call.method.returns
    if isinstance(returns, (ModelRef, InlineObject)):
        props = object_properties(api, returns)
        return props[0] if props else None
    return None


def _key_option(call: Call) -> str:
    """The client option an example passes its key as: the one the method sends (`admin_api_key` for a
    method with `auth:`, which sends no API key), else `api_key`."""
    return option_identifier(call.method.auth) if call.method.auth is not None else "api_key"


def docs_example(api: Api, call: Call) -> str:
    """A complete program that calls the method and prints the first property of what it returns."""
    client_class = client_class_name(api)
    lines = [
        f"from {package_module(api)} import {client_class}",
        "",
        f"{EXAMPLE_CLIENT} = {client_class}({_key_option(call)}={value_literal(EXAMPLE_API_KEY)})",
    ]
    call_text = f"{EXAMPLE_CLIENT}.{invocation(api, call, docs_arguments(api, call))}"
    returns = call.method.returns
    page = call.method.page
    printed = printed_property(api, call)
    if returns is None:
        lines.append(call_text)
    elif isinstance(returns, Binary):
        # The bytes of the response, as the official reference pages read them.
        lines += [f"{BINARY_VARIABLE} = {call_text}", f"print({BINARY_VARIABLE}.content)"]
    elif page is not None:
        # A page: its first item, as the official reference pages show a list method.
        # (Its own variable, not `page` again as the official pages write it: mypy --strict refuses that.)
        item = result_variable(returns)
        item = item + "_item" if item == PAGE_VARIABLE else item
        shown = f".{field_identifier(printed.name)}" if printed is not None and isinstance(returns, ModelRef) else ""
        lines += [
            f"{PAGE_VARIABLE} = {call_text}",
            f"{item} = {PAGE_VARIABLE}.{page_attribute(page.items)}[0]",
            f"print({item}{shown})",
        ]
    else:
        result = result_variable(returns)
        shown = result
        if printed is not None:
            # A returned inline object comes back as a dict (the SDK declares no class for it).
            if isinstance(returns, InlineObject):
                shown = f"{result}[{string_literal(printed.name)}]"
            else:
                shown = f"{result}.{field_identifier(printed.name)}"
        lines += [f"{result} = {call_text}", f"print({shown})"]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class ReadmeFeatures:
    """The README's calls of the format-2 constructs, from the client's attribute on ("" when the API has
    none): a list method, an upload (its required arguments, the file as a path) and a download."""

    list_call: str
    items_attr: str
    upload_call: str
    download_call: str


def _readme_arguments(api: Api, call: Call) -> list[str]:
    args = [string_literal(_example_id(p.name)) for p in call.method.path_params]
    for p in call.method.parameters:
        if p.location != "path" and p.required:
            value = example_value(api, p.type, p.name)
            text = f"Path({string_literal(value.filename)})" if isinstance(value, FileExample) else value_literal(value)
            args.append(f"{param_identifier(p.name)}={text}")
    return args


def readme_features(api: Api) -> ReadmeFeatures:
    def first(test: Callable[[Call], bool]) -> str:
        found = next((c for c in calls(api) if test(c)), None)
        return invocation(api, found, _readme_arguments(api, found)) if found is not None else ""

    listed = next((c for c in calls(api) if c.method.page is not None), None)
    return ReadmeFeatures(
        list_call=first(lambda c: c.method.page is not None),
        items_attr=page_attribute(listed.method.page.items) if listed and listed.method.page else "",
        upload_call=first(lambda c: c.method.body_encoding == "multipart"),
        download_call=first(lambda c: isinstance(c.method.returns, Binary)),
    )
