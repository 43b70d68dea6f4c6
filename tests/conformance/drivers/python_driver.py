"""Runs one conformance scenario through a generated Python SDK and prints the outcome as JSON.

    python python_driver.py sync|async PACKAGE_SRC_DIR MODULE < scenario.json

stdin: {"base_url", "api_key", "client": {...}, "call": {"resource", "method", "args", "options",
"params", "file", "paginate", "binary"}}; stdout: {"ok": true, "result": {...}, "request_id": ...} or
{"ok": false, "error": {...}}. Option and parameter names are already the Python SDK's own, so they
are passed through unchanged as keywords; `max_retries` given per call goes through `with_options`,
as users of the official SDK do. A `file` is written to a temporary file and passed as a
`pathlib.Path`; `paginate` iterates every item across pages (`for` / `async for` on what the method
returns); `binary` reads the bytes of what the method returns (`.content`).
"""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

CANONICAL = {
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "APIStatusError",
    "APITimeoutError",
    "APIConnectionError",
    "APIResponseValidationError",
}


def client_class(sdk: Any, is_async: bool) -> Any:
    base = sdk._base_client.AsyncAPIClient if is_async else sdk._base_client.SyncAPIClient
    found = [getattr(sdk, name) for name in sdk.__all__ if isinstance(getattr(sdk, name), type)]
    (cls,) = [c for c in found if issubclass(c, base)]
    return cls


def prepare(sdk: Any, scenario: dict[str, Any], is_async: bool) -> tuple[Any, Any, list[Any], dict[str, Any]]:
    client = client_class(sdk, is_async)(
        api_key=scenario["api_key"], base_url=scenario["base_url"], **scenario.get("client", {})
    )
    call = scenario["call"]
    options = dict(call.get("options") or {})
    target = (
        client.with_options(max_retries=options.pop("max_retries")) if "max_retries" in options else client
    )
    for attr in call["resource"].split("."):
        target = getattr(target, attr)
    kwargs = {**(call.get("kwargs") or {}), **(call.get("params") or {}), **options}
    if call.get("file"):
        spec = call["file"]
        path = Path(tempfile.mkdtemp()) / spec["filename"]
        path.write_bytes(spec["content"].encode("utf-8"))
        kwargs[spec["param"]] = path
    return client, getattr(target, call["method"]), list(call.get("args") or []), kwargs


def shaped(sdk: Any, call: dict[str, Any], result: Any) -> Any:
    """What the scenario compares: the items of every page, or the downloaded text."""
    if call.get("binary"):
        return {"text": result.content.decode("utf-8")}
    return result


def success(sdk: Any, result: Any) -> dict[str, Any]:
    if isinstance(result, dict) and set(result) == {"items"}:
        return {"ok": True, "result": {"items": [item.to_dict(mode="json") for item in result["items"]]}, "request_id": None}
    if isinstance(result, sdk.BaseModel):
        return {"ok": True, "result": result.to_dict(mode="json"), "request_id": result._request_id}
    if isinstance(result, list):
        return {"ok": True, "result": [item.to_dict(mode="json") for item in result], "request_id": None}
    return {"ok": True, "result": result, "request_id": None}


def failure(sdk: Any, err: BaseException) -> dict[str, Any]:
    names = [cls.__name__ for cls in type(err).__mro__]
    canonical = next((name for name in names if name in CANONICAL), None)
    if canonical is None:
        sdk_error = isinstance(err, sdk._exceptions.APIError)
        canonical = (
            "InvalidArgument" if isinstance(err, ValueError) and not sdk_error else f"Unexpected:{names[0]}"
        )
    return {
        "ok": False,
        "error": {
            "class": canonical,
            "status": getattr(err, "status_code", None),
            "request_id": getattr(err, "request_id", None),
            "code": getattr(err, "code", None),
            "param": getattr(err, "param", None),
            "type": getattr(err, "type", None),
            "message": str(err),
        },
    }


def run_sync(sdk: Any, scenario: dict[str, Any]) -> dict[str, Any]:
    client, method, args, kwargs = prepare(sdk, scenario, is_async=False)
    call = scenario["call"]
    with client:
        try:
            result = method(*args, **kwargs)
            if call.get("paginate"):
                result = {"items": list(result)}
            return success(sdk, shaped(sdk, call, result))
        except Exception as err:  # every outcome is reported, none crashes the driver
            return failure(sdk, err)


async def run_async(sdk: Any, scenario: dict[str, Any]) -> dict[str, Any]:
    client, method, args, kwargs = prepare(sdk, scenario, is_async=True)
    call = scenario["call"]
    async with client:
        try:
            if call.get("paginate"):
                # As openai-python's users write it: `async for` on the call itself, not awaited.
                result: Any = {"items": [item async for item in method(*args, **kwargs)]}
            else:
                result = await method(*args, **kwargs)
            return success(sdk, shaped(sdk, call, result))
        except Exception as err:
            return failure(sdk, err)


def main() -> None:
    mode, src, module = sys.argv[1:4]
    sys.path.insert(0, src)
    sdk = importlib.import_module(module)
    scenario = json.load(sys.stdin)
    outcome = asyncio.run(run_async(sdk, scenario)) if mode == "async" else run_sync(sdk, scenario)
    print(json.dumps(outcome))


if __name__ == "__main__":
    main()
