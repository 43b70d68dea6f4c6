"""The HTTP core shared by the sync and async clients: request building, retries, errors.

Behaviour matches the official SDK: a request is retried on 408, 409, 429, 5xx, connection errors
and timeouts (the `x-should-retry` response header overrides the status), waiting what
`retry-after-ms` or `retry-after` asks when that is more than 0 and at most 60 seconds, otherwise
`min(0.5 * 2**retries, 8.0)` seconds minus up to 25% jitter.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import math
import os
import random
import time
from dataclasses import dataclass, field
from typing import Any, Dict, Generic, List, Mapping, Optional, Tuple, TypeVar, Union
from urllib.parse import quote

import httpx

from ._constants import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    LOG_ENV,
    LOGGER_NAME,
    USER_AGENT,
)
from ._exceptions import APIConnectionError, APITimeoutError, status_error_class
from ._models import BaseModel
from ._response import APIResponse, AsyncAPIResponse
from ._types import NOT_GIVEN, Body, Headers, NotGiven, Query, TimeoutTypes

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "RequestOptions",
    "SyncAPIClient",
    "AsyncAPIClient",
    "build_path",
]

INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0

log = logging.getLogger(LOGGER_NAME)


def _setup_logging() -> None:
    # `<LOG_ENV>=debug` (or info) shows each request and retry; headers are never logged.
    level = os.environ.get(LOG_ENV, "").lower()
    if level in ("debug", "info") and not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(
            logging.Formatter(
                "[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s"
            )
        )
        log.addHandler(handler)
        log.setLevel(logging.DEBUG if level == "debug" else logging.INFO)


_setup_logging()


@dataclass(frozen=True)
class RequestOptions:
    """Everything a resource method decided about one request."""

    method: str
    path: str  # already percent-encoded, relative to the base URL
    query: Mapping[str, object] = field(default_factory=dict)
    body: Optional[Mapping[str, object]] = None  # None: no body at all
    extra_headers: Optional[Headers] = None
    extra_query: Optional[Query] = None
    extra_body: Optional[Body] = None
    timeout: Union[TimeoutTypes, NotGiven] = NOT_GIVEN


def build_path(template: str, values: Mapping[str, object]) -> str:
    """Fill `{name}` placeholders with percent-encoded values: a `/` in an id stays inside its segment."""
    path = template
    for name, value in values.items():
        path = path.replace("{" + name + "}", quote(_query_text(value), safe=""), 1)
    for segment in path.split("?", 1)[0].split("/"):
        if segment in (".", ".."):
            # quote() leaves dots alone, and a client or proxy would resolve these segments.
            raise ValueError(
                f"Constructed path {path!r} contains dot-segment {segment!r} which is not allowed"
            )
    return path


def drop_not_given(values: Mapping[str, object]) -> Dict[str, object]:
    return {
        key: value for key, value in values.items() if not isinstance(value, NotGiven)
    }


def _query_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _query_params(
    values: Mapping[str, object],
) -> List[Tuple[str, Union[str, int, float, bool, None]]]:
    params: List[Tuple[str, Union[str, int, float, bool, None]]] = []
    for key, value in values.items():
        if value is None or isinstance(value, NotGiven):
            continue
        if isinstance(value, (list, tuple)):
            params.extend((key, _query_text(item)) for item in value)
        else:
            params.append((key, _query_text(value)))
    return params


def _json_ready(value: object) -> object:
    """Models given as parameters become their API-named dicts."""
    if isinstance(value, BaseModel):
        return value.to_dict(mode="json")
    if isinstance(value, Mapping):
        return {str(key): _json_ready(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_ready(item) for item in value]
    return value


def _parse_retry_after(headers: Optional[httpx.Headers]) -> Optional[float]:
    """Seconds the server asked to wait: `retry-after-ms`, else `retry-after` as seconds or an HTTP date."""
    if headers is None:
        return None
    milliseconds = headers.get("retry-after-ms")
    if milliseconds is not None:
        try:
            return float(milliseconds) / 1000
        except ValueError:
            pass
    seconds = headers.get("retry-after")
    if seconds is None:
        return None
    try:
        return float(seconds)
    except ValueError:
        pass
    parsed = email.utils.parsedate_tz(seconds)
    if parsed is None:
        return None
    return float(email.utils.mktime_tz(parsed) - time.time())


def retry_delay(retries_taken: int, headers: Optional[httpx.Headers]) -> float:
    """Seconds to wait before retry number `retries_taken + 1`."""
    asked = _parse_retry_after(headers)
    if asked is not None and math.isfinite(asked) and 0 < asked <= MAX_RETRY_AFTER:
        return asked
    backoff = min(
        INITIAL_RETRY_DELAY * 2.0 ** min(retries_taken, 1000), MAX_RETRY_DELAY
    )
    return max(backoff * (1 - 0.25 * random.random()), 0.0)


def should_retry(response: httpx.Response) -> bool:
    verdict = response.headers.get("x-should-retry")
    if verdict == "true":
        return True
    if verdict == "false":
        return False
    return response.status_code in (408, 409, 429) or response.status_code >= 500


def status_error(response: httpx.Response) -> Exception:
    """The error for a 4xx/5xx response; `code`, `param`, `type` and the message come from `{"error": {...}}`."""
    message = f"Error code: {response.status_code}"
    text = response.text.strip()
    body: object = text
    try:
        body = json.loads(text)
    except ValueError:
        pass
    else:
        if isinstance(body, Mapping):
            body = body.get("error", body)
        detail = body.get("message") if isinstance(body, Mapping) else None
        if isinstance(detail, str) and detail:
            message += f" - {detail}"
    return status_error_class(response.status_code)(
        message, response=response, body=body
    )


_HttpClient = TypeVar("_HttpClient", httpx.Client, httpx.AsyncClient)


class BaseClient(Generic[_HttpClient]):
    """Settings and request building shared by the sync and async clients."""

    _client: _HttpClient

    def __init__(
        self,
        *,
        base_url: str,
        timeout: TimeoutTypes,
        max_retries: int,
        custom_headers: Optional[Headers],
    ) -> None:
        if (
            not isinstance(max_retries, int)
            or isinstance(max_retries, bool)
            or max_retries < 0
        ):
            raise ValueError("max_retries must be a non-negative integer")
        self.base_url = httpx.URL(base_url)
        self.timeout = timeout
        self.max_retries = max_retries
        self._custom_headers: Dict[str, str] = dict(custom_headers or {})

    # -- what subclasses provide ------------------------------------------------------------------

    def _auth_headers(self) -> Dict[str, str]:
        return {}

    def _option_headers(self) -> Dict[str, str]:
        return {}

    # -- building a request -----------------------------------------------------------------------

    def _build_headers(self, options: RequestOptions, has_body: bool) -> Dict[str, str]:
        headers: Dict[str, str] = {
            "Accept": "application/json",
            "User-Agent": USER_AGENT,
        }
        if has_body:
            headers["Content-Type"] = "application/json"
        headers.update(self._auth_headers())
        headers.update(self._option_headers())
        headers.update(self._custom_headers)
        headers.update(options.extra_headers or {})
        return headers

    def _build_url(self, path: str) -> httpx.URL:
        # Joined as raw text: httpx.URL keeps percent-encoding exactly as given.
        base = str(self.base_url).rstrip("/")
        return httpx.URL(base + "/" + path.lstrip("/"))

    def _build_request(self, options: RequestOptions) -> httpx.Request:
        body: Optional[Dict[str, object]] = None
        if options.body is not None or options.extra_body:
            body = {**(options.body or {}), **(options.extra_body or {})}
        query = {**options.query, **(options.extra_query or {})}
        timeout = (
            self.timeout if isinstance(options.timeout, NotGiven) else options.timeout
        )
        return self._client.build_request(
            options.method,
            self._build_url(options.path),
            params=_query_params(query) or None,
            headers=self._build_headers(options, has_body=body is not None),
            content=(
                json.dumps(_json_ready(body)).encode() if body is not None else None
            ),
            timeout=timeout,
        )

    def _may_retry(self, retries_taken: int, error: str) -> bool:
        """Whether retries are left; logs the retry it allows (never headers, which hold the key)."""
        if retries_taken < self.max_retries:
            log.info(
                "Retrying request (%s); %d retries left",
                error,
                self.max_retries - retries_taken,
            )
            return True
        return False


class SyncAPIClient(BaseClient[httpx.Client]):
    def __init__(
        self,
        *,
        base_url: str,
        timeout: TimeoutTypes,
        max_retries: int,
        custom_headers: Optional[Headers],
        http_client: Optional[httpx.Client],
    ) -> None:
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            custom_headers=custom_headers,
        )
        self._client = http_client or httpx.Client(
            timeout=timeout, follow_redirects=True
        )

    def request(self, cast_to: Any, options: RequestOptions) -> APIResponse[Any]:
        """Send with retries; a 2xx response comes back, anything else raises."""
        retries_taken = 0
        while True:
            request = self._build_request(options)
            log.debug("Sending HTTP Request: %s %s", request.method, request.url)
            try:
                response = self._client.send(request)
            except httpx.TimeoutException as err:
                if self._may_retry(retries_taken, "timed out"):
                    time.sleep(retry_delay(retries_taken, None))
                    retries_taken += 1
                    continue
                raise APITimeoutError(request=request) from err
            except httpx.TransportError as err:
                if self._may_retry(retries_taken, "connection error"):
                    time.sleep(retry_delay(retries_taken, None))
                    retries_taken += 1
                    continue
                raise APIConnectionError(request=request) from err
            log.debug(
                'HTTP Response: %s %s "%d"',
                request.method,
                request.url,
                response.status_code,
            )
            if response.is_success:
                return APIResponse(
                    raw=response, cast_to=cast_to, retries_taken=retries_taken
                )
            if should_retry(response) and self._may_retry(
                retries_taken, f"status {response.status_code}"
            ):
                response.close()
                time.sleep(retry_delay(retries_taken, response.headers))
                retries_taken += 1
                continue
            raise status_error(response)

    def close(self) -> None:
        self._client.close()

    def is_closed(self) -> bool:
        return self._client.is_closed


class AsyncAPIClient(BaseClient[httpx.AsyncClient]):
    def __init__(
        self,
        *,
        base_url: str,
        timeout: TimeoutTypes,
        max_retries: int,
        custom_headers: Optional[Headers],
        http_client: Optional[httpx.AsyncClient],
    ) -> None:
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            custom_headers=custom_headers,
        )
        self._client = http_client or httpx.AsyncClient(
            timeout=timeout, follow_redirects=True
        )

    async def request(
        self, cast_to: Any, options: RequestOptions
    ) -> AsyncAPIResponse[Any]:
        """Send with retries; a 2xx response comes back, anything else raises."""
        retries_taken = 0
        while True:
            request = self._build_request(options)
            log.debug("Sending HTTP Request: %s %s", request.method, request.url)
            try:
                response = await self._client.send(request)
            except httpx.TimeoutException as err:
                if self._may_retry(retries_taken, "timed out"):
                    await asyncio.sleep(retry_delay(retries_taken, None))
                    retries_taken += 1
                    continue
                raise APITimeoutError(request=request) from err
            except httpx.TransportError as err:
                if self._may_retry(retries_taken, "connection error"):
                    await asyncio.sleep(retry_delay(retries_taken, None))
                    retries_taken += 1
                    continue
                raise APIConnectionError(request=request) from err
            log.debug(
                'HTTP Response: %s %s "%d"',
                request.method,
                request.url,
                response.status_code,
            )
            if response.is_success:
                return AsyncAPIResponse(
                    raw=response, cast_to=cast_to, retries_taken=retries_taken
                )
            if should_retry(response) and self._may_retry(
                retries_taken, f"status {response.status_code}"
            ):
                await response.aclose()
                await asyncio.sleep(retry_delay(retries_taken, response.headers))
                retries_taken += 1
                continue
            raise status_error(response)

    async def close(self) -> None:
        await self._client.aclose()

    def is_closed(self) -> bool:
        return self._client.is_closed


class SyncAPIResource:
    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncAPIResource:
    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
