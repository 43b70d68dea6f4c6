"""Create and manage batches of API requests that run asynchronously."""

from __future__ import annotations

from functools import cached_property
from typing import Optional, Union

from .._base_client import (
    AsyncAPIResource,
    RequestOptions,
    SyncAPIResource,
    build_path,
    drop_not_given,
)
from .._response import APIResponse, AsyncAPIResponse
from .._types import NOT_GIVEN, Body, Headers, NotGiven, Query, TimeoutTypes
from ..types import Batch

__all__ = [
    "Batches",
    "AsyncBatches",
    "BatchesWithRawResponse",
    "AsyncBatchesWithRawResponse",
]


def _cancel_options(
    batch_id: str,
    *,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[TimeoutTypes, NotGiven] = NOT_GIVEN,
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


def _retrieve_options(
    batch_id: str,
    *,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[TimeoutTypes, NotGiven] = NOT_GIVEN,
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


class Batches(SyncAPIResource):
    """Create and manage batches of API requests that run asynchronously."""

    @cached_property
    def with_raw_response(self) -> BatchesWithRawResponse:
        """The same methods, returning the raw response (headers, status, request id) with `.parse()`."""
        return BatchesWithRawResponse(self)

    def cancel(
        self,
        batch_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = NOT_GIVEN,
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

    def retrieve(
        self,
        batch_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = NOT_GIVEN,
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


class AsyncBatches(AsyncAPIResource):
    """Create and manage batches of API requests that run asynchronously."""

    @cached_property
    def with_raw_response(self) -> AsyncBatchesWithRawResponse:
        """The same methods, returning the raw response (headers, status, request id) with `.parse()`."""
        return AsyncBatchesWithRawResponse(self)

    async def cancel(
        self,
        batch_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = NOT_GIVEN,
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
        return await response.parse()

    async def retrieve(
        self,
        batch_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = NOT_GIVEN,
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
        return await response.parse()


class BatchesWithRawResponse:
    def __init__(self, resource: Batches) -> None:
        self._resource = resource

    def cancel(
        self,
        batch_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = NOT_GIVEN,
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

    def retrieve(
        self,
        batch_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = NOT_GIVEN,
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


class AsyncBatchesWithRawResponse:
    def __init__(self, resource: AsyncBatches) -> None:
        self._resource = resource

    async def cancel(
        self,
        batch_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = NOT_GIVEN,
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

    async def retrieve(
        self,
        batch_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = NOT_GIVEN,
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
