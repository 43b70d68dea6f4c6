"""Create and manage batches of API requests that run asynchronously."""

from __future__ import annotations

from functools import cached_property
from typing import Literal, Optional, Union

from .._base_client import (
    AsyncPaginator,
    AsyncAPIResource,
    RequestOptions,
    SyncAPIResource,
    build_path,
    drop_not_given,
)
from .._response import APIResponse, AsyncAPIResponse
from .._types import Body, Headers, NotGiven, Omit, Query, TimeoutTypes, not_given, omit
from ..pagination import AsyncCursorPage, SyncCursorPage
from ..types import batch_create_params, shared_params
from ..types import Batch

__all__ = [
    "Batches",
    "AsyncBatches",
    "BatchesWithRawResponse",
    "AsyncBatchesWithRawResponse",
]


def _create_options(
    *,
    completion_window: Literal["24h"],
    endpoint: Literal[
        "/v1/responses",
        "/v1/chat/completions",
        "/v1/embeddings",
        "/v1/completions",
        "/v1/moderations",
        "/v1/images/generations",
        "/v1/images/edits",
        "/v1/videos",
    ],
    input_file_id: str,
    metadata: Union[Optional[shared_params.Metadata], Omit] = omit,
    output_expires_after: Union[batch_create_params.OutputExpiresAfter, Omit] = omit,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[TimeoutTypes, NotGiven] = not_given,
) -> RequestOptions:
    return RequestOptions(
        method="POST",
        path=build_path("/batches", {}),
        body=drop_not_given(
            {
                "completion_window": completion_window,
                "endpoint": endpoint,
                "input_file_id": input_file_id,
                "metadata": metadata,
                "output_expires_after": output_expires_after,
            }
        ),
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


def _retrieve_options(
    batch_id: str,
    *,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[TimeoutTypes, NotGiven] = not_given,
) -> RequestOptions:
    if not batch_id:
        raise ValueError(
            f"Expected a non-empty value for `batch_id` but received {batch_id!r}"
        )
    return RequestOptions(
        method="GET",
        path=build_path("/batches/{batch_id}", {"batch_id": batch_id}),
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


def _list_options(
    *,
    after: Union[str, Omit] = omit,
    limit: Union[int, Omit] = omit,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[TimeoutTypes, NotGiven] = not_given,
) -> RequestOptions:
    return RequestOptions(
        method="GET",
        path=build_path("/batches", {}),
        query=drop_not_given({"after": after, "limit": limit}),
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


def _cancel_options(
    batch_id: str,
    *,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[TimeoutTypes, NotGiven] = not_given,
) -> RequestOptions:
    if not batch_id:
        raise ValueError(
            f"Expected a non-empty value for `batch_id` but received {batch_id!r}"
        )
    return RequestOptions(
        method="POST",
        path=build_path("/batches/{batch_id}/cancel", {"batch_id": batch_id}),
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


class Batches(SyncAPIResource):
    """Create and manage batches of API requests that run asynchronously."""

    @cached_property
    def with_raw_response(self) -> BatchesWithRawResponse:
        """The same methods, returning the raw response (headers, status, request id) with `.parse()`."""
        return BatchesWithRawResponse(self)

    def create(
        self,
        *,
        completion_window: Literal["24h"],
        endpoint: Literal[
            "/v1/responses",
            "/v1/chat/completions",
            "/v1/embeddings",
            "/v1/completions",
            "/v1/moderations",
            "/v1/images/generations",
            "/v1/images/edits",
            "/v1/videos",
        ],
        input_file_id: str,
        metadata: Union[Optional[shared_params.Metadata], Omit] = omit,
        output_expires_after: Union[
            batch_create_params.OutputExpiresAfter, Omit
        ] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> Batch:
        """Create batch

        Creates and executes a batch from an uploaded file of requests.

        Args:
          completion_window: The time frame within which the batch should be processed. Currently only `24h` is supported.
          endpoint: The endpoint to be used for all requests in the batch.
          input_file_id: The ID of an uploaded file that contains requests for the new batch. The file must be JSONL, uploaded with the purpose `batch`.
          metadata: Up to 16 key-value pairs attached to the object, for storing extra information in a structured form. Keys are strings of at most 64 characters; values are strings of at most 512 characters.
          output_expires_after: The expiration policy for the output and error files of the batch.

          extra_headers: Headers sent with this request in addition to the client's.

          extra_query: Query parameters added to the URL.

          extra_body: Properties added to the JSON body.

          timeout: Seconds to wait for this request, overriding the client's timeout.
        """
        response: APIResponse[Batch] = self._client.request(
            Batch,
            _create_options(
                completion_window=completion_window,
                endpoint=endpoint,
                input_file_id=input_file_id,
                metadata=metadata,
                output_expires_after=output_expires_after,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )
        return response.parse()

    def retrieve(
        self,
        batch_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> Batch:
        """Retrieve batch

        Retrieves a batch.

        Args:
          batch_id: The ID of the batch to retrieve.

          extra_headers: Headers sent with this request in addition to the client's.

          extra_query: Query parameters added to the URL.

          extra_body: Properties added to the JSON body.

          timeout: Seconds to wait for this request, overriding the client's timeout.
        """
        response: APIResponse[Batch] = self._client.request(
            Batch,
            _retrieve_options(
                batch_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )
        return response.parse()

    def list(
        self,
        *,
        after: Union[str, Omit] = omit,
        limit: Union[int, Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> SyncCursorPage[Batch]:
        """List batches

        List your organization's batches.

        Args:
          after: A cursor for pagination: the ID of the last object of the previous page, to fetch the page that follows it.
          limit: How many objects to return, from 1 to 100.

          extra_headers: Headers sent with this request in addition to the client's.

          extra_query: Query parameters added to the URL.

          extra_body: Properties added to the JSON body.

          timeout: Seconds to wait for this request, overriding the client's timeout.
        """
        response: APIResponse[SyncCursorPage[Batch]] = self._client.request_page(
            SyncCursorPage[Batch],
            Batch,
            _list_options(
                after=after,
                limit=limit,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )
        return response.parse()

    def cancel(
        self,
        batch_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> Batch:
        """Cancel batch

        Cancels an in-progress batch. The batch will be in status cancelling for up to 10 minutes, before
        changing to cancelled, where it will have partial results (if any) available in the output file.

        Args:
          batch_id: The ID of the batch to cancel.

          extra_headers: Headers sent with this request in addition to the client's.

          extra_query: Query parameters added to the URL.

          extra_body: Properties added to the JSON body.

          timeout: Seconds to wait for this request, overriding the client's timeout.
        """
        response: APIResponse[Batch] = self._client.request(
            Batch,
            _cancel_options(
                batch_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )
        return response.parse()


class AsyncBatches(AsyncAPIResource):
    """Create and manage batches of API requests that run asynchronously."""

    @cached_property
    def with_raw_response(self) -> AsyncBatchesWithRawResponse:
        """The same methods, returning the raw response (headers, status, request id) with `.parse()`."""
        return AsyncBatchesWithRawResponse(self)

    async def create(
        self,
        *,
        completion_window: Literal["24h"],
        endpoint: Literal[
            "/v1/responses",
            "/v1/chat/completions",
            "/v1/embeddings",
            "/v1/completions",
            "/v1/moderations",
            "/v1/images/generations",
            "/v1/images/edits",
            "/v1/videos",
        ],
        input_file_id: str,
        metadata: Union[Optional[shared_params.Metadata], Omit] = omit,
        output_expires_after: Union[
            batch_create_params.OutputExpiresAfter, Omit
        ] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> Batch:
        """Create batch

        Creates and executes a batch from an uploaded file of requests.

        Args:
          completion_window: The time frame within which the batch should be processed. Currently only `24h` is supported.
          endpoint: The endpoint to be used for all requests in the batch.
          input_file_id: The ID of an uploaded file that contains requests for the new batch. The file must be JSONL, uploaded with the purpose `batch`.
          metadata: Up to 16 key-value pairs attached to the object, for storing extra information in a structured form. Keys are strings of at most 64 characters; values are strings of at most 512 characters.
          output_expires_after: The expiration policy for the output and error files of the batch.

          extra_headers: Headers sent with this request in addition to the client's.

          extra_query: Query parameters added to the URL.

          extra_body: Properties added to the JSON body.

          timeout: Seconds to wait for this request, overriding the client's timeout.
        """
        response: AsyncAPIResponse[Batch] = await self._client.request(
            Batch,
            _create_options(
                completion_window=completion_window,
                endpoint=endpoint,
                input_file_id=input_file_id,
                metadata=metadata,
                output_expires_after=output_expires_after,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )
        return response.parse()

    async def retrieve(
        self,
        batch_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> Batch:
        """Retrieve batch

        Retrieves a batch.

        Args:
          batch_id: The ID of the batch to retrieve.

          extra_headers: Headers sent with this request in addition to the client's.

          extra_query: Query parameters added to the URL.

          extra_body: Properties added to the JSON body.

          timeout: Seconds to wait for this request, overriding the client's timeout.
        """
        response: AsyncAPIResponse[Batch] = await self._client.request(
            Batch,
            _retrieve_options(
                batch_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )
        return response.parse()

    def list(
        self,
        *,
        after: Union[str, Omit] = omit,
        limit: Union[int, Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> AsyncPaginator[Batch, AsyncCursorPage[Batch]]:
        """List batches

        List your organization's batches.

        Args:
          after: A cursor for pagination: the ID of the last object of the previous page, to fetch the page that follows it.
          limit: How many objects to return, from 1 to 100.

          extra_headers: Headers sent with this request in addition to the client's.

          extra_query: Query parameters added to the URL.

          extra_body: Properties added to the JSON body.

          timeout: Seconds to wait for this request, overriding the client's timeout.
        """
        return self._client.get_api_list(
            AsyncCursorPage[Batch],
            Batch,
            _list_options(
                after=after,
                limit=limit,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def cancel(
        self,
        batch_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> Batch:
        """Cancel batch

        Cancels an in-progress batch. The batch will be in status cancelling for up to 10 minutes, before
        changing to cancelled, where it will have partial results (if any) available in the output file.

        Args:
          batch_id: The ID of the batch to cancel.

          extra_headers: Headers sent with this request in addition to the client's.

          extra_query: Query parameters added to the URL.

          extra_body: Properties added to the JSON body.

          timeout: Seconds to wait for this request, overriding the client's timeout.
        """
        response: AsyncAPIResponse[Batch] = await self._client.request(
            Batch,
            _cancel_options(
                batch_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )
        return response.parse()


class BatchesWithRawResponse:
    def __init__(self, resource: Batches) -> None:
        self._resource = resource

    def create(
        self,
        *,
        completion_window: Literal["24h"],
        endpoint: Literal[
            "/v1/responses",
            "/v1/chat/completions",
            "/v1/embeddings",
            "/v1/completions",
            "/v1/moderations",
            "/v1/images/generations",
            "/v1/images/edits",
            "/v1/videos",
        ],
        input_file_id: str,
        metadata: Union[Optional[shared_params.Metadata], Omit] = omit,
        output_expires_after: Union[
            batch_create_params.OutputExpiresAfter, Omit
        ] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> APIResponse[Batch]:
        """Like `Batches.create`, returning the raw response."""
        return self._resource._client.request(
            Batch,
            _create_options(
                completion_window=completion_window,
                endpoint=endpoint,
                input_file_id=input_file_id,
                metadata=metadata,
                output_expires_after=output_expires_after,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def retrieve(
        self,
        batch_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> APIResponse[Batch]:
        """Like `Batches.retrieve`, returning the raw response."""
        return self._resource._client.request(
            Batch,
            _retrieve_options(
                batch_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def list(
        self,
        *,
        after: Union[str, Omit] = omit,
        limit: Union[int, Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> APIResponse[SyncCursorPage[Batch]]:
        """Like `Batches.list`, returning the raw response."""
        return self._resource._client.request_page(
            SyncCursorPage[Batch],
            Batch,
            _list_options(
                after=after,
                limit=limit,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def cancel(
        self,
        batch_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> APIResponse[Batch]:
        """Like `Batches.cancel`, returning the raw response."""
        return self._resource._client.request(
            Batch,
            _cancel_options(
                batch_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncBatchesWithRawResponse:
    def __init__(self, resource: AsyncBatches) -> None:
        self._resource = resource

    async def create(
        self,
        *,
        completion_window: Literal["24h"],
        endpoint: Literal[
            "/v1/responses",
            "/v1/chat/completions",
            "/v1/embeddings",
            "/v1/completions",
            "/v1/moderations",
            "/v1/images/generations",
            "/v1/images/edits",
            "/v1/videos",
        ],
        input_file_id: str,
        metadata: Union[Optional[shared_params.Metadata], Omit] = omit,
        output_expires_after: Union[
            batch_create_params.OutputExpiresAfter, Omit
        ] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> AsyncAPIResponse[Batch]:
        """Like `AsyncBatches.create`, returning the raw response."""
        return await self._resource._client.request(
            Batch,
            _create_options(
                completion_window=completion_window,
                endpoint=endpoint,
                input_file_id=input_file_id,
                metadata=metadata,
                output_expires_after=output_expires_after,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def retrieve(
        self,
        batch_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> AsyncAPIResponse[Batch]:
        """Like `AsyncBatches.retrieve`, returning the raw response."""
        return await self._resource._client.request(
            Batch,
            _retrieve_options(
                batch_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def list(
        self,
        *,
        after: Union[str, Omit] = omit,
        limit: Union[int, Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> AsyncAPIResponse[AsyncCursorPage[Batch]]:
        """Like `AsyncBatches.list`, returning the raw response."""
        return await self._resource._client.request_page(
            AsyncCursorPage[Batch],
            Batch,
            _list_options(
                after=after,
                limit=limit,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def cancel(
        self,
        batch_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> AsyncAPIResponse[Batch]:
        """Like `AsyncBatches.cancel`, returning the raw response."""
        return await self._resource._client.request(
            Batch,
            _cancel_options(
                batch_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )
