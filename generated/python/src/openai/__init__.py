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
from ._response import (
    APIResponse as APIResponse,
    AsyncAPIResponse as AsyncAPIResponse,
    HttpxBinaryResponseContent as HttpxBinaryResponseContent,
)
from ._types import (
    NOT_GIVEN as NOT_GIVEN,
    FileTypes as FileTypes,
    NotGiven as NotGiven,
    Omit as Omit,
    Timeout as Timeout,
    not_given as not_given,
    omit as omit,
)
from ._base_client import (
    DEFAULT_MAX_RETRIES as DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT as DEFAULT_TIMEOUT,
    DefaultAsyncHttpxClient as DefaultAsyncHttpxClient,
    DefaultHttpxClient as DefaultHttpxClient,
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
    "HttpxBinaryResponseContent",
    "NOT_GIVEN",
    "NotGiven",
    "not_given",
    "Omit",
    "omit",
    "FileTypes",
    "Timeout",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "DefaultHttpxClient",
    "DefaultAsyncHttpxClient",
]
