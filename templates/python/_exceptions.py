"""The errors the client raises. Every one derives from the package's base error, named
after the client (e.g. `OpenAIError`), which `_constants.py` defines and this module
exports."""

from __future__ import annotations

from typing import Any, Literal, Mapping, Optional

import httpx

from . import _constants
from ._constants import *  # noqa: F403  the base error, under its own name
from ._constants import BASE_ERROR, REQUEST_ID_HEADER

__all__ = [
    "APIError",
    "APIStatusError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
]
__all__ += _constants.__all__


class APIError(BASE_ERROR):
    """An error about one request: its `message`, the `body` the API sent (or None), and from an
    `{"error": {...}}` body its `code`, `param` and `type`."""

    message: str
    request: httpx.Request
    body: object
    code: Optional[str]
    param: Optional[str]
    type: Optional[str]

    def __init__(self, message: str, request: httpx.Request, *, body: object) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body
        details: Mapping[str, Any] = body if isinstance(body, Mapping) else {}
        self.code = _optional_text(details.get("code"))
        self.param = _optional_text(details.get("param"))
        self.type = _optional_text(details.get("type"))


class APIResponseValidationError(APIError):
    """A successful response whose body is not what the API promised (e.g. not JSON)."""

    response: httpx.Response
    status_code: int

    def __init__(
        self, response: httpx.Response, body: object, *, message: Optional[str] = None
    ) -> None:
        super().__init__(
            message or "Data returned by API invalid for expected schema.",
            response.request,
            body=body,
        )
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The API answered with a 4xx or 5xx status."""

    response: httpx.Response
    status_code: int
    request_id: Optional[str]

    def __init__(self, message: str, *, response: httpx.Response, body: object) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.request_id = response.headers.get(REQUEST_ID_HEADER)


class APIConnectionError(APIError):
    """No response: the connection failed or was dropped."""

    def __init__(
        self, *, message: str = "Connection error.", request: httpx.Request
    ) -> None:
        super().__init__(message, request, body=None)


class APITimeoutError(APIConnectionError):
    """No response within the timeout."""

    def __init__(self, request: httpx.Request) -> None:
        super().__init__(message="Request timed out.", request=request)


class BadRequestError(APIStatusError):
    status_code: Literal[400]


class AuthenticationError(APIStatusError):
    status_code: Literal[401]


class PermissionDeniedError(APIStatusError):
    status_code: Literal[403]


class NotFoundError(APIStatusError):
    status_code: Literal[404]


class ConflictError(APIStatusError):
    status_code: Literal[409]


class UnprocessableEntityError(APIStatusError):
    status_code: Literal[422]


class RateLimitError(APIStatusError):
    status_code: Literal[429]


class InternalServerError(APIStatusError):
    """Any 5xx status."""


_BY_STATUS: Mapping[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status_code: int) -> type[APIStatusError]:
    """The error class for a 4xx or 5xx status."""
    if status_code >= 500:
        return InternalServerError
    return _BY_STATUS.get(status_code, APIStatusError)


def _optional_text(value: object) -> Optional[str]:
    return None if value is None else str(value)
