"""Client library for the OpenAI REST API."""

from . import types as types
from ._client import AsyncOpenAI as AsyncOpenAI, OpenAI as OpenAI
from ._exceptions import (
    OpenAIError as OpenAIError,
    APIConnectionError as APIConnectionError,
    APIError as APIError,
    APIResponseValidationError as APIResponseValidationError,
    APIStatusError as APIStatusError,
    APITimeoutError as APITimeoutError,
    AuthenticationError as AuthenticationError,
    BadRequestError as BadRequestError,
    ConflictError as ConflictError,
    InternalServerError as InternalServerError,
    NotFoundError as NotFoundError,
    PermissionDeniedError as PermissionDeniedError,
    RateLimitError as RateLimitError,
    UnprocessableEntityError as UnprocessableEntityError,
)
from ._models import BaseModel as BaseModel
from ._response import APIResponse as APIResponse, AsyncAPIResponse as AsyncAPIResponse
from ._types import NOT_GIVEN as NOT_GIVEN, NotGiven as NotGiven, Timeout as Timeout
from ._base_client import (
    DEFAULT_MAX_RETRIES as DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT as DEFAULT_TIMEOUT,
)
from ._version import __title__ as __title__, __version__ as __version__

__all__ = [
    "types",
    "__title__",
    "__version__",
    "OpenAI",
    "AsyncOpenAI",
    "OpenAIError",
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
    "BaseModel",
    "APIResponse",
    "AsyncAPIResponse",
    "NOT_GIVEN",
    "NotGiven",
    "Timeout",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
]
