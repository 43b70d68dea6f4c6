"""The response of one call: its HTTP details, and its body parsed into the return type on demand."""

from __future__ import annotations

import json
import os
from typing import Any, AsyncIterator, Generic, Iterator, Optional, TypeVar, Union

import httpx

from ._constants import REQUEST_ID_HEADER
from ._exceptions import APIResponseValidationError
from ._models import BaseModel, construct_type

__all__ = [
    "APIResponse",
    "AsyncAPIResponse",
    "BinaryCast",
    "HttpxBinaryResponseContent",
    "ResponseCast",
    "parse_body",
]

R = TypeVar("R")


class _BaseAPIResponse(Generic[R]):
    def __init__(
        self, *, raw: httpx.Response, cast_to: Any, retries_taken: int
    ) -> None:
        self.http_response = raw
        self.retries_taken = retries_taken
        """How many times the request was retried before this response (0 for the first attempt)."""
        self._cast_to = cast_to
        self._parsed: Optional[R] = None
        self._is_parsed = False

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def http_request(self) -> httpx.Request:
        return self.http_response.request

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def request_id(self) -> Optional[str]:
        value: Optional[str] = self.http_response.headers.get(REQUEST_ID_HEADER)
        return value

    @property
    def content(self) -> bytes:
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    def _parse(self) -> R:
        if not self._is_parsed:
            self._parsed = parse_body(self._cast_to, self.http_response)
            self._is_parsed = True
        return self._parsed  # type: ignore[return-value]  # set just above, R may include None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code} {self.http_response.reason_phrase}] type={self._cast_to!r}>"


class APIResponse(_BaseAPIResponse[R]):
    """What `client.<resource>.with_raw_response.<method>(...)` returns."""

    def parse(self) -> R:
        """The body as the method's return type (what the method itself would have returned)."""
        return self._parse()

    def json(self) -> object:
        return self.http_response.json()


class AsyncAPIResponse(_BaseAPIResponse[R]):
    """What `await client.<resource>.with_raw_response.<method>(...)` returns: the body is already
    read, so `parse()` is not a coroutine, as in the official SDK."""

    def parse(self) -> R:
        """The body as the method's return type (what the method itself would have returned)."""
        return self._parse()

    def json(self) -> object:
        return self.http_response.json()


class ResponseCast:
    """A return type that is built from the whole response rather than from its JSON (a page, raw bytes)."""

    def build(self, response: httpx.Response) -> Any:
        raise NotImplementedError


class HttpxBinaryResponseContent:
    """A response body returned as bytes (a file download), with the HTTP response behind it."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    @property
    def content(self) -> bytes:
        return self.response.content

    @property
    def text(self) -> str:
        return self.response.text

    @property
    def encoding(self) -> Optional[str]:
        return self.response.encoding

    @property
    def charset_encoding(self) -> Optional[str]:
        return self.response.charset_encoding

    def json(self, **kwargs: Any) -> Any:
        return self.response.json(**kwargs)

    def read(self) -> bytes:
        return self.response.read()

    def iter_bytes(self, chunk_size: Optional[int] = None) -> Iterator[bytes]:
        return self.response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: Optional[int] = None) -> Iterator[str]:
        return self.response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        return self.response.iter_lines()

    def write_to_file(self, file: Union[str, "os.PathLike[str]"]) -> None:
        """Write the bytes to `file` (a path), replacing what it held."""
        with open(file, mode="wb") as f:
            for data in self.response.iter_bytes():
                f.write(data)

    def stream_to_file(
        self, file: Union[str, "os.PathLike[str]"], *, chunk_size: Optional[int] = None
    ) -> None:
        """Write the bytes to `file`, `chunk_size` bytes at a time (the body is already read)."""
        with open(file, mode="wb") as f:
            for data in self.response.iter_bytes(chunk_size):
                f.write(data)

    def close(self) -> None:
        self.response.close()

    # The async client's downloads: the body is already read, so these only hand it over.

    async def aread(self) -> bytes:
        return self.response.content

    async def aiter_bytes(
        self, chunk_size: Optional[int] = None
    ) -> AsyncIterator[bytes]:
        for chunk in self.response.iter_bytes(chunk_size):
            yield chunk

    async def aiter_text(self, chunk_size: Optional[int] = None) -> AsyncIterator[str]:
        for chunk in self.response.iter_text(chunk_size):
            yield chunk

    async def aiter_lines(self) -> AsyncIterator[str]:
        for line in self.response.iter_lines():
            yield line

    async def awrite_to_file(self, file: Union[str, "os.PathLike[str]"]) -> None:
        self.write_to_file(file)

    async def astream_to_file(
        self, file: Union[str, "os.PathLike[str]"], *, chunk_size: Optional[int] = None
    ) -> None:
        self.stream_to_file(file, chunk_size=chunk_size)

    async def aclose(self) -> None:
        await self.response.aclose()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.response.status_code}] {len(self.content)} bytes>"


class BinaryCast(ResponseCast):
    def build(self, response: httpx.Response) -> Any:
        return HttpxBinaryResponseContent(response)


def json_body(response: httpx.Response) -> Any:
    """The response body as JSON; APIResponseValidationError when it is not JSON."""
    try:
        return json.loads(response.content)
    except ValueError as err:
        raise APIResponseValidationError(
            response,
            response.text,
            message=f"The response body is not valid JSON: {err}",
        ) from None


def parse_body(cast_to: Any, response: httpx.Response) -> Any:
    """Decode a successful response's JSON body into `cast_to` (a model class, a list or dict of them, ...)."""
    if cast_to is None:
        return None
    if isinstance(cast_to, ResponseCast):
        return cast_to.build(response)
    data = json_body(response)
    is_model = isinstance(cast_to, type) and issubclass(cast_to, BaseModel)
    if is_model and not isinstance(data, dict):
        raise APIResponseValidationError(
            response,
            data,
            message=f"Expected a JSON object for {cast_to.__name__}, got {type(data).__name__}",
        )
    result = construct_type(cast_to, data)
    if isinstance(result, BaseModel):
        result._request_id = response.headers.get(REQUEST_ID_HEADER)
    return result
