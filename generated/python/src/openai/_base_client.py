"""The HTTP core shared by the sync and async clients: request building, retries, errors.

Behaviour matches the official SDK: a request is retried on 408, 409, 429, 5xx, connection errors
and timeouts (the `x-should-retry` response header overrides the status), waiting what
`retry-after-ms` or `retry-after` asks when that is more than 0 and at most 120 seconds, otherwise
`min(0.5 * 2**retries, 8.0)` seconds minus up to 25% jitter; a response asking for more than 120
seconds is not retried at all (openai-python 3.63's rule). List methods return pages that fetch
the next page on demand (`BaseSyncPage`, `BaseAsyncPage`, `AsyncPaginator`).
"""

from __future__ import annotations

import asyncio
import email.utils
import inspect
import io
import json
import logging
import math
import os
import random
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import (
    Any,
    AsyncIterator,
    Awaitable,
    Callable,
    ClassVar,
    Dict,
    Generator,
    Generic,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    Type,
    TypeVar,
    Union,
)
from urllib.parse import quote

import httpx

from ._constants import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    LOG_ENV,
    LOGGER_NAME,
    REQUEST_ID_HEADER,
    USER_AGENT,
)
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    status_error_class,
)
from ._models import BaseModel, construct_type
from ._response import APIResponse, AsyncAPIResponse, ResponseCast, json_body
from ._types import (
    NOT_GIVEN,
    Body,
    FileTypes,
    Headers,
    NotGiven,
    Omit,
    Query,
    TimeoutTypes,
)

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "RequestOptions",
    "SyncAPIClient",
    "AsyncAPIClient",
    "BaseSyncPage",
    "BaseAsyncPage",
    "AsyncPaginator",
    "PageInfo",
    "DefaultHttpxClient",
    "DefaultAsyncHttpxClient",
    "build_path",
]

INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 120.0

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
    headers: Mapping[str, object] = field(default_factory=dict)  # the method's own
    files: Mapping[str, object] = field(default_factory=dict)  # file parameters
    multipart: bool = False  # the body goes as multipart/form-data, not JSON
    default_timeout: Optional[float] = (
        None  # the method's, instead of the client's default
    )
    #: The client option holding the key the method sends (`admin_api_key`); None: the API key.
    auth: Optional[str] = None
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
    """The parameters that were given (neither `omit` nor `NOT_GIVEN`)."""
    return {
        key: value
        for key, value in values.items()
        if not isinstance(value, (NotGiven, Omit))
    }


def _form_fields(key: str, value: object) -> List[Tuple[str, str]]:
    """A multipart field as the official SDK sends it: objects as `key[name]`, arrays as `key[]`."""
    if isinstance(value, BaseModel):
        value = value.to_dict(mode="json")
    if value is None or isinstance(value, (NotGiven, Omit)):
        return []
    if isinstance(value, Mapping):
        return [
            item
            for name, inner in value.items()
            for item in _form_fields(f"{key}[{name}]", inner)
        ]
    if isinstance(value, (list, tuple)):
        return [item for inner in value for item in _form_fields(f"{key}[]", inner)]
    return [(key, _query_text(value))]


def _file_part(value: object) -> object:
    """A file parameter as httpx sends it: a path is read (and named after its file)."""
    if isinstance(value, os.PathLike):
        path = Path(os.fspath(value))
        return (path.name, path.read_bytes())
    if (
        isinstance(value, tuple)
        and len(value) >= 2
        and isinstance(value[1], os.PathLike)
    ):
        return (value[0], Path(os.fspath(value[1])).read_bytes(), *value[2:])
    if isinstance(value, (bytes, bytearray, io.IOBase, tuple)):
        return value
    raise TypeError(
        "Expected a file as bytes, a path, an open binary file or a tuple "
        f"(filename, content[, content_type]), but received {type(value).__name__}"
    )


def _multi_dict(fields: List[Tuple[str, str]]) -> Dict[str, Union[str, List[str]]]:
    """Form fields as httpx takes them: a list for a name sent more than once."""
    out: Dict[str, Union[str, List[str]]] = {}
    for key, value in fields:
        if key not in out:
            out[key] = value
        else:
            previous = out[key]
            out[key] = (
                [*previous, value] if isinstance(previous, list) else [previous, value]
            )
    return out


class _ForceMultipart(Dict[str, Any]):
    """No files, yet a multipart body: httpx writes one whenever `files` is truthy."""

    def __bool__(self) -> bool:
        return True


def _file_parts(files: Mapping[str, object]) -> List[Tuple[str, Any]]:
    parts: List[Tuple[str, Any]] = []
    for key, value in files.items():
        if value is None or isinstance(value, (NotGiven, Omit)):
            continue
        if isinstance(value, list):
            parts.extend((f"{key}[]", _file_part(item)) for item in value)
        else:
            parts.append((key, _file_part(value)))
    return parts


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


def _json_bytes(body: object) -> bytes:
    """A JSON body as the official SDK writes it: compact, non-ASCII characters as UTF-8."""
    text = json.dumps(_json_ready(body), separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8")


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


def _retry_after_too_long(headers: httpx.Headers) -> bool:
    asked = _parse_retry_after(headers)
    return asked is not None and math.isfinite(asked) and asked > MAX_RETRY_AFTER


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
    if _retry_after_too_long(response.headers):
        log.debug(
            "Not retrying: the server asked to wait more than %s s", MAX_RETRY_AFTER
        )
        return False
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
_T = TypeVar("_T")
_SyncPageT = TypeVar("_SyncPageT", bound="BaseSyncPage[Any]")
_AsyncPageT = TypeVar("_AsyncPageT", bound="BaseAsyncPage[Any]")


class DefaultHttpxClient(httpx.Client):
    """An `httpx.Client` with the SDK's defaults (timeout, redirects), to pass as `http_client=`
    when changing other settings (proxies, transports)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
        kwargs.setdefault("follow_redirects", True)
        super().__init__(**kwargs)


class DefaultAsyncHttpxClient(httpx.AsyncClient):
    """An `httpx.AsyncClient` with the SDK's defaults (timeout, redirects)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
        kwargs.setdefault("follow_redirects", True)
        super().__init__(**kwargs)


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

    #: `Async` for the async client: the User-Agent names the client class, as the official SDK's does.
    _user_agent_prefix = ""
    #: A callable `api_key` given to the client: called before each request for the key to send.
    _api_key_provider: Optional[Callable[[], object]] = None

    def _auth_headers(self, auth: Optional[str]) -> Dict[str, str]:
        """The Authorization header of a method sending the key of `auth` (None: the API key); raises
        before anything is sent when the client has no such key."""
        return {}

    def _use_api_key(self, key: object) -> None:
        """Take the key a callable `api_key` returned."""

    def _option_headers(self) -> Dict[str, str]:
        return {}

    # -- building a request -----------------------------------------------------------------------

    def _build_headers(
        self, options: RequestOptions, content_type: Optional[str]
    ) -> httpx.Headers:
        headers = httpx.Headers(
            {
                "Accept": "application/json",
                "User-Agent": self._user_agent_prefix + USER_AGENT,
            }
        )
        if content_type is not None:
            headers["Content-Type"] = content_type
        given = [*self._custom_headers, *(options.extra_headers or {})]
        if "authorization" not in (name.lower() for name in given):
            # An Authorization header given by the caller wins, and then no key is needed.
            headers.update(self._auth_headers(options.auth))
        headers.update(self._option_headers())
        headers.update(self._custom_headers)
        headers.update(
            {
                name: _query_text(value)
                for name, value in drop_not_given(options.headers).items()
                if value is not None
            }
        )
        headers.update(options.extra_headers or {})
        return headers

    def _build_url(self, path: str) -> httpx.URL:
        # Joined as raw text: httpx.URL keeps percent-encoding exactly as given.
        base = str(self.base_url).rstrip("/")
        return httpx.URL(base + "/" + path.lstrip("/"))

    def _timeout(self, options: RequestOptions) -> TimeoutTypes:
        if not isinstance(options.timeout, NotGiven):
            return options.timeout
        if options.default_timeout is not None and self.timeout == DEFAULT_TIMEOUT:
            # A method's own default applies while the client keeps the default timeout.
            return options.default_timeout
        return self.timeout

    def _build_request(self, options: RequestOptions) -> httpx.Request:
        body: Optional[Dict[str, object]] = None
        if options.body is not None or options.extra_body:
            body = {**(options.body or {}), **(options.extra_body or {})}
        query = {**options.query, **(options.extra_query or {})}
        url = self._build_url(options.path)
        params = _query_params(query) or None
        if options.multipart:
            # httpx writes the multipart body and its Content-Type (with the boundary).
            fields = [
                item
                for key, value in (body or {}).items()
                for item in _form_fields(key, value)
            ]
            files = _file_parts(options.files)
            return self._client.build_request(
                options.method,
                url,
                params=params,
                headers=self._build_headers(options, content_type=None),
                data=_multi_dict(fields),
                files=files or _ForceMultipart(),
                timeout=self._timeout(options),
            )
        return self._client.build_request(
            options.method,
            url,
            params=params,
            headers=self._build_headers(
                options, "application/json" if body is not None else None
            ),
            content=_json_bytes(body) if body is not None else None,
            timeout=self._timeout(options),
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
        self._client = http_client or DefaultHttpxClient(timeout=timeout)

    def request(self, cast_to: Any, options: RequestOptions) -> APIResponse[Any]:
        """Send with retries; a 2xx response comes back, anything else raises."""
        retries_taken = 0
        while True:
            if self._api_key_provider is not None and options.auth is None:
                self._use_api_key(self._api_key_provider())
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

    def request_page(
        self, page: Type[_SyncPageT], item: Any, options: RequestOptions
    ) -> APIResponse[_SyncPageT]:
        """The first page of a list method (its `.parse()` is the page)."""
        return self.request(_PageCast(page, item, self, options), options)

    def close(self) -> None:
        self._client.close()

    def is_closed(self) -> bool:
        return self._client.is_closed


class AsyncAPIClient(BaseClient[httpx.AsyncClient]):
    _user_agent_prefix = "Async"

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
        self._client = http_client or DefaultAsyncHttpxClient(timeout=timeout)

    async def request(
        self, cast_to: Any, options: RequestOptions
    ) -> AsyncAPIResponse[Any]:
        """Send with retries; a 2xx response comes back, anything else raises."""
        retries_taken = 0
        while True:
            if self._api_key_provider is not None and options.auth is None:
                key = self._api_key_provider()
                self._use_api_key(await key if inspect.isawaitable(key) else key)
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

    async def request_page(
        self, page: Type[_AsyncPageT], item: Any, options: RequestOptions
    ) -> AsyncAPIResponse[_AsyncPageT]:
        """The first page of a list method (its `.parse()` is the page)."""
        return await self.request(_PageCast(page, item, self, options), options)

    def get_api_list(
        self, page: Type[_AsyncPageT], item: Type[_T], options: RequestOptions
    ) -> AsyncPaginator[_T, _AsyncPageT]:
        """What an async list method returns: await it for the first page, or `async for` its items."""
        return AsyncPaginator(self, page, item, options)

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


# ---------------------------------------------------------------- pages


class _PageCast(ResponseCast):
    """Builds a page of `item`s from a list response, remembering how to ask for the next one."""

    def __init__(
        self,
        page: Any,
        item: Any,
        client: Union[SyncAPIClient, AsyncAPIClient],
        options: RequestOptions,
    ) -> None:
        self.page, self.item, self.client, self.options = page, item, client, options

    def build(self, response: httpx.Response) -> Any:
        body = json_body(response)
        if not isinstance(body, dict):
            raise APIResponseValidationError(
                response, body, message="Expected a JSON object for a page"
            )
        page = self.page(
            client=self.client, options=self.options, item=self.item, body=body
        )
        page._request_id = response.headers.get(REQUEST_ID_HEADER)
        return page


@dataclass(frozen=True)
class PageInfo:
    """What distinguishes the request for the next page: its query parameters."""

    params: Dict[str, object]


class _BasePage(Generic[_T]):
    """One page of a list: its items, and the request for the next page."""

    #: Where a page style keeps things: the items, the has-more flag, the cursor.
    _items_key: ClassVar[str] = "data"
    _has_more_key: ClassVar[str] = "has_more"
    _cursor_param: ClassVar[str] = "after"
    _cursor_field: ClassVar[str] = "id"

    def __init__(
        self, *, client: Any, options: RequestOptions, item: Any, body: Dict[str, Any]
    ) -> None:
        self._client = client
        self._options = options
        self._item = item
        self._body = body
        items = body.get(self._items_key)
        self._items: List[_T] = [construct_type(item, value) for value in (items or [])]
        has_more = body.get(self._has_more_key)
        self._has_more: Optional[bool] = (
            has_more if isinstance(has_more, bool) else None
        )
        self._request_id: Optional[str] = None

    def _get_page_items(self) -> List[_T]:
        return self._items

    def has_next_page(self) -> bool:
        """Whether another page follows: the API said so (or did not say), and this one had items."""
        if self._has_more is False or not self._items:
            return False
        return self._next_cursor() is not None

    def _next_cursor(self) -> Optional[object]:
        last = self._items[-1]
        if isinstance(last, BaseModel):
            value = last.to_dict().get(self._cursor_field)
        elif isinstance(last, Mapping):
            value = last.get(self._cursor_field)
        else:
            value = None
        return value

    def next_page_info(self) -> Optional[PageInfo]:
        """The query parameter that asks for the next page (`{"after": <last id>}`), None when no page
        follows."""
        if not self.has_next_page():
            return None
        return PageInfo(params={self._cursor_param: self._next_cursor()})

    def _next_page_options(self) -> RequestOptions:
        cursor = self._next_cursor()
        if cursor is None:
            raise RuntimeError(
                "No next page expected; check `.has_next_page()` before `.get_next_page()`"
            )
        query = {**self._options.query, self._cursor_param: cursor}
        return replace(self._options, query=query)

    def to_dict(self) -> Dict[str, Any]:
        """The page as the API sent it."""
        return dict(self._body)

    def to_json(self, *, indent: Optional[int] = 2) -> str:
        """The page as the API sent it, as JSON text."""
        return json.dumps(self._body, indent=indent, ensure_ascii=False)

    def __getattr__(self, name: str) -> Any:
        # Other fields of the list object (`object`, `first_id`, ...), as the official pages keep them.
        body = self.__dict__.get("_body")
        if body is not None and name in body:
            return body[name]
        raise AttributeError(name)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._items_key}={self._items!r}, {self._has_more_key}={self._has_more!r})"


class BaseSyncPage(_BasePage[_T]):
    """A page of a sync list method; iterating it yields the items of this page and every next one."""

    def get_next_page(self: _SyncPageT) -> _SyncPageT:
        options = self._next_page_options()
        client: SyncAPIClient = self._client
        page: _SyncPageT = client.request(
            _PageCast(type(self), self._item, client, options), options
        ).parse()
        return page

    def iter_pages(self: _SyncPageT) -> Iterator[_SyncPageT]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.get_next_page()

    def __iter__(self) -> Iterator[_T]:
        for page in self.iter_pages():
            yield from page._get_page_items()


class BaseAsyncPage(_BasePage[_T]):
    """A page of an async list method; `async for` over it yields the items of every page from it on."""

    async def get_next_page(self: _AsyncPageT) -> _AsyncPageT:
        options = self._next_page_options()
        client: AsyncAPIClient = self._client
        response = await client.request(
            _PageCast(type(self), self._item, client, options), options
        )
        page: _AsyncPageT = response.parse()
        return page

    async def iter_pages(self: _AsyncPageT) -> AsyncIterator[_AsyncPageT]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.get_next_page()

    async def __aiter__(self) -> AsyncIterator[_T]:
        async for page in self.iter_pages():
            for item in page._get_page_items():
                yield item


class AsyncPaginator(Generic[_T, _AsyncPageT]):
    """What an async list method returns: `await` it for the first page, or `async for` the items
    of every page."""

    def __init__(
        self,
        client: AsyncAPIClient,
        page: Type[_AsyncPageT],
        item: Type[_T],
        options: RequestOptions,
    ) -> None:
        self._client, self._page, self._item, self._options = (
            client,
            page,
            item,
            options,
        )

    async def _first_page(self) -> _AsyncPageT:
        response = await self._client.request_page(
            self._page, self._item, self._options
        )
        return response.parse()

    def __await__(self) -> Generator[Any, None, _AsyncPageT]:
        return self._first_page().__await__()

    async def __aiter__(self) -> AsyncIterator[_T]:
        page = await self._first_page()
        async for item in page:
            yield item
