"""The OpenAI and AsyncOpenAI clients."""

from __future__ import annotations

import os
from functools import cached_property
from typing import Awaitable, Callable, Dict, Mapping, Optional, Union

import httpx

from ._base_client import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    AsyncAPIClient,
    SyncAPIClient,
)
from ._exceptions import OpenAIError
from ._types import NOT_GIVEN, NotGiven, TimeoutTypes
from .resources.batches import (
    Batches,
    AsyncBatches,
    BatchesWithRawResponse,
    AsyncBatchesWithRawResponse,
)
from .resources.files import (
    Files,
    AsyncFiles,
    FilesWithRawResponse,
    AsyncFilesWithRawResponse,
)

__all__ = ["OpenAI", "AsyncOpenAI"]

API_KEY_ENV = "OPENAI_API_KEY"
BASE_URL_ENV = "OPENAI_BASE_URL"
DEFAULT_BASE_URL = "https://api.openai.com/v1"
MISSING_API_KEY = (
    "The api_key client option must be set either by passing api_key to the client or by setting the "
    + API_KEY_ENV
    + " environment variable"
)


class OpenAI(SyncAPIClient):
    """Synchronous client for the OpenAI API."""

    api_key: str
    organization: Optional[str]
    project: Optional[str]

    def __init__(
        self,
        *,
        api_key: Union[str, Callable[[], str], None] = None,
        organization: Optional[str] = None,
        project: Optional[str] = None,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[float, httpx.Timeout, None] = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Optional[Mapping[str, str]] = None,
        http_client: Optional[httpx.Client] = None,
    ) -> None:
        """Construct a new synchronous OpenAI client.

        Arguments left out are read from the environment:

        - `api_key` from `OPENAI_API_KEY` (required); a function given instead
          is called before each request for the key to send
        - `organization` from `OPENAI_ORG_ID`
        - `project` from `OPENAI_PROJECT_ID`
        - `base_url` from `OPENAI_BASE_URL`, else `https://api.openai.com/v1`
        """
        if api_key is None:
            api_key = os.environ.get(API_KEY_ENV)
        if api_key is None:
            raise OpenAIError(MISSING_API_KEY)
        if callable(api_key):
            self._api_key_provider = api_key
            self.api_key = ""
        elif isinstance(api_key, str):
            self.api_key = api_key
        else:
            raise TypeError(
                f"api_key must be a string or a function returning one, not {type(api_key).__name__}"
            )
        if organization is None:
            organization = os.environ.get("OPENAI_ORG_ID")
        self.organization = organization
        if project is None:
            project = os.environ.get("OPENAI_PROJECT_ID")
        self.project = project
        if base_url is None:
            base_url = os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
        super().__init__(
            base_url=str(base_url),
            timeout=timeout,
            max_retries=max_retries,
            custom_headers=default_headers,
            http_client=http_client,
        )

    @cached_property
    def batches(self) -> Batches:
        """Create and manage batches of API requests that run asynchronously."""
        return Batches(self)

    @cached_property
    def files(self) -> Files:
        """Upload files for use with batches and other endpoints, and download their contents."""
        return Files(self)

    @cached_property
    def with_raw_response(self) -> OpenAIWithRawResponse:
        """The client's resources, whose methods return the raw response."""
        return OpenAIWithRawResponse(self)

    def _auth_headers(self, auth: Optional[str]) -> Dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"}

    def _use_api_key(self, key: object) -> None:
        if not isinstance(key, str) or not key:
            raise OpenAIError(
                f"The api_key function must return a non-empty string, not {type(key).__name__}"
            )
        self.api_key = key

    def _option_headers(self) -> Dict[str, str]:
        headers: Dict[str, str] = {}
        if self.organization is not None:
            headers["OpenAI-Organization"] = self.organization
        if self.project is not None:
            headers["OpenAI-Project"] = self.project
        return headers

    def copy(
        self,
        *,
        api_key: Union[str, Callable[[], str], None] = None,
        organization: Optional[str] = None,
        project: Optional[str] = None,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[TimeoutTypes, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
        default_headers: Optional[Mapping[str, str]] = None,
        http_client: Optional[httpx.Client] = None,
    ) -> "OpenAI":
        """A new client with the given options changed; it shares this client's connection pool."""
        return self.__class__(
            api_key=(
                api_key
                if api_key is not None
                else (self._api_key_provider or self.api_key)  # type: ignore[arg-type]
            ),
            organization=(
                organization if organization is not None else self.organization
            ),
            project=project if project is not None else self.project,
            base_url=base_url if base_url is not None else self.base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=(
                self.max_retries if isinstance(max_retries, NotGiven) else max_retries
            ),
            default_headers={**self._custom_headers, **(default_headers or {})},
            http_client=http_client if http_client is not None else self._client,
        )

    # The official name for copy().
    with_options = copy

    def __repr__(self) -> str:
        # Never the API key: reprs end up in logs and tracebacks.
        return f"<{type(self).__name__} base_url={str(self.base_url)!r}>"

    def __enter__(self) -> "OpenAI":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class OpenAIWithRawResponse:
    def __init__(self, client: OpenAI) -> None:
        self._client = client

    @cached_property
    def batches(self) -> BatchesWithRawResponse:
        return BatchesWithRawResponse(self._client.batches)

    @cached_property
    def files(self) -> FilesWithRawResponse:
        return FilesWithRawResponse(self._client.files)


class AsyncOpenAI(AsyncAPIClient):
    """Asynchronous client for the OpenAI API."""

    api_key: str
    organization: Optional[str]
    project: Optional[str]

    def __init__(
        self,
        *,
        api_key: Union[str, Callable[[], Awaitable[str]], None] = None,
        organization: Optional[str] = None,
        project: Optional[str] = None,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[float, httpx.Timeout, None] = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Optional[Mapping[str, str]] = None,
        http_client: Optional[httpx.AsyncClient] = None,
    ) -> None:
        """Construct a new asynchronous OpenAI client.

        Arguments left out are read from the environment:

        - `api_key` from `OPENAI_API_KEY` (required); a function given instead
          is called before each request for the key to send
        - `organization` from `OPENAI_ORG_ID`
        - `project` from `OPENAI_PROJECT_ID`
        - `base_url` from `OPENAI_BASE_URL`, else `https://api.openai.com/v1`
        """
        if api_key is None:
            api_key = os.environ.get(API_KEY_ENV)
        if api_key is None:
            raise OpenAIError(MISSING_API_KEY)
        if callable(api_key):
            self._api_key_provider = api_key
            self.api_key = ""
        elif isinstance(api_key, str):
            self.api_key = api_key
        else:
            raise TypeError(
                f"api_key must be a string or a function returning one, not {type(api_key).__name__}"
            )
        if organization is None:
            organization = os.environ.get("OPENAI_ORG_ID")
        self.organization = organization
        if project is None:
            project = os.environ.get("OPENAI_PROJECT_ID")
        self.project = project
        if base_url is None:
            base_url = os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
        super().__init__(
            base_url=str(base_url),
            timeout=timeout,
            max_retries=max_retries,
            custom_headers=default_headers,
            http_client=http_client,
        )

    @cached_property
    def batches(self) -> AsyncBatches:
        """Create and manage batches of API requests that run asynchronously."""
        return AsyncBatches(self)

    @cached_property
    def files(self) -> AsyncFiles:
        """Upload files for use with batches and other endpoints, and download their contents."""
        return AsyncFiles(self)

    @cached_property
    def with_raw_response(self) -> AsyncOpenAIWithRawResponse:
        """The client's resources, whose methods return the raw response."""
        return AsyncOpenAIWithRawResponse(self)

    def _auth_headers(self, auth: Optional[str]) -> Dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"}

    def _use_api_key(self, key: object) -> None:
        if not isinstance(key, str) or not key:
            raise OpenAIError(
                f"The api_key function must return a non-empty string, not {type(key).__name__}"
            )
        self.api_key = key

    def _option_headers(self) -> Dict[str, str]:
        headers: Dict[str, str] = {}
        if self.organization is not None:
            headers["OpenAI-Organization"] = self.organization
        if self.project is not None:
            headers["OpenAI-Project"] = self.project
        return headers

    def copy(
        self,
        *,
        api_key: Union[str, Callable[[], Awaitable[str]], None] = None,
        organization: Optional[str] = None,
        project: Optional[str] = None,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[TimeoutTypes, NotGiven] = NOT_GIVEN,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
        default_headers: Optional[Mapping[str, str]] = None,
        http_client: Optional[httpx.AsyncClient] = None,
    ) -> "AsyncOpenAI":
        """A new client with the given options changed; it shares this client's connection pool."""
        return self.__class__(
            api_key=(
                api_key
                if api_key is not None
                else (self._api_key_provider or self.api_key)  # type: ignore[arg-type]
            ),
            organization=(
                organization if organization is not None else self.organization
            ),
            project=project if project is not None else self.project,
            base_url=base_url if base_url is not None else self.base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=(
                self.max_retries if isinstance(max_retries, NotGiven) else max_retries
            ),
            default_headers={**self._custom_headers, **(default_headers or {})},
            http_client=http_client if http_client is not None else self._client,
        )

    # The official name for copy().
    with_options = copy

    def __repr__(self) -> str:
        # Never the API key: reprs end up in logs and tracebacks.
        return f"<{type(self).__name__} base_url={str(self.base_url)!r}>"

    async def __aenter__(self) -> "AsyncOpenAI":
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()


class AsyncOpenAIWithRawResponse:
    def __init__(self, client: AsyncOpenAI) -> None:
        self._client = client

    @cached_property
    def batches(self) -> AsyncBatchesWithRawResponse:
        return AsyncBatchesWithRawResponse(self._client.batches)

    @cached_property
    def files(self) -> AsyncFilesWithRawResponse:
        return AsyncFilesWithRawResponse(self._client.files)
