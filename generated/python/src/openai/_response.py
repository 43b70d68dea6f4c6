"""The response of one call: its HTTP details, and its body parsed into the return type on demand."""

from __future__ import annotations

import json
from typing import Any, Generic, Optional, TypeVar

import httpx

from ._constants import REQUEST_ID_HEADER
from ._exceptions import APIResponseValidationError
from ._models import BaseModel, construct_type

__all__ = ["APIResponse", "AsyncAPIResponse", "parse_body"]

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
    """What `await client.<resource>.with_raw_response.<method>(...)` returns."""

    async def parse(self) -> R:
        """The body as the method's return type (what the method itself would have returned)."""
        return self._parse()

    async def json(self) -> object:
        return self.http_response.json()


def parse_body(cast_to: Any, response: httpx.Response) -> Any:
    """Decode a successful response's JSON body into `cast_to` (a model class, a list or dict of them, ...)."""
    if cast_to is None:
        return None
    try:
        data = json.loads(response.content)
    except ValueError as err:
        raise APIResponseValidationError(
            response,
            response.text,
            message=f"The response body is not valid JSON: {err}",
        ) from None
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
