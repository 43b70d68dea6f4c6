"""Upload files for use with batches and other endpoints, and download their contents."""

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
from .._response import (
    APIResponse,
    AsyncAPIResponse,
    BinaryCast,
    HttpxBinaryResponseContent,
)
from .._types import (
    Body,
    FileTypes,
    Headers,
    NotGiven,
    Omit,
    Query,
    TimeoutTypes,
    not_given,
    omit,
)
from ..pagination import AsyncCursorPage, SyncCursorPage
from ..types import file_create_params
from ..types import FileDeleted, FileObject

__all__ = [
    "Files",
    "AsyncFiles",
    "FilesWithRawResponse",
    "AsyncFilesWithRawResponse",
]


def _create_options(
    *,
    file: FileTypes,
    purpose: Literal[
        "assistants", "batch", "fine-tune", "vision", "user_data", "evals"
    ],
    expires_after: Union[file_create_params.ExpiresAfter, Omit] = omit,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[TimeoutTypes, NotGiven] = not_given,
) -> RequestOptions:
    return RequestOptions(
        method="POST",
        path=build_path("/files", {}),
        body=drop_not_given({"purpose": purpose, "expires_after": expires_after}),
        files={"file": file},
        multipart=True,
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


def _retrieve_options(
    file_id: str,
    *,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[TimeoutTypes, NotGiven] = not_given,
) -> RequestOptions:
    if not file_id:
        raise ValueError(
            f"Expected a non-empty value for `file_id` but received {file_id!r}"
        )
    return RequestOptions(
        method="GET",
        path=build_path("/files/{file_id}", {"file_id": file_id}),
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


def _list_options(
    *,
    after: Union[str, Omit] = omit,
    limit: Union[int, Omit] = omit,
    order: Union[Literal["asc", "desc"], Omit] = omit,
    purpose: Union[str, Omit] = omit,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[TimeoutTypes, NotGiven] = not_given,
) -> RequestOptions:
    return RequestOptions(
        method="GET",
        path=build_path("/files", {}),
        query=drop_not_given(
            {"after": after, "limit": limit, "order": order, "purpose": purpose}
        ),
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


def _delete_options(
    file_id: str,
    *,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[TimeoutTypes, NotGiven] = not_given,
) -> RequestOptions:
    if not file_id:
        raise ValueError(
            f"Expected a non-empty value for `file_id` but received {file_id!r}"
        )
    return RequestOptions(
        method="DELETE",
        path=build_path("/files/{file_id}", {"file_id": file_id}),
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


def _content_options(
    file_id: str,
    *,
    extra_headers: Optional[Headers] = None,
    extra_query: Optional[Query] = None,
    extra_body: Optional[Body] = None,
    timeout: Union[TimeoutTypes, NotGiven] = not_given,
) -> RequestOptions:
    if not file_id:
        raise ValueError(
            f"Expected a non-empty value for `file_id` but received {file_id!r}"
        )
    return RequestOptions(
        method="GET",
        path=build_path("/files/{file_id}/content", {"file_id": file_id}),
        headers={"Accept": "application/binary"},
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


class Files(SyncAPIResource):
    """Upload files for use with batches and other endpoints, and download their contents."""

    @cached_property
    def with_raw_response(self) -> FilesWithRawResponse:
        """The same methods, returning the raw response (headers, status, request id) with `.parse()`."""
        return FilesWithRawResponse(self)

    def create(
        self,
        *,
        file: FileTypes,
        purpose: Literal[
            "assistants", "batch", "fine-tune", "vision", "user_data", "evals"
        ],
        expires_after: Union[file_create_params.ExpiresAfter, Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> FileObject:
        """Upload file

        Uploads a file that can be used across various endpoints. The Batch API only supports JSONL files of
        up to 200 MB.

        Args:
          file: The file object (not the file name) to be uploaded.
          purpose: The intended purpose of the uploaded file, `batch` for the Batch API.
          expires_after: The expiration policy for the file. Files with purpose `batch` expire after 30 days by default.

          extra_headers: Headers sent with this request in addition to the client's.

          extra_query: Query parameters added to the URL.

          extra_body: Properties added to the JSON body.

          timeout: Seconds to wait for this request, overriding the client's timeout.
        """
        response: APIResponse[FileObject] = self._client.request(
            FileObject,
            _create_options(
                file=file,
                purpose=purpose,
                expires_after=expires_after,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )
        return response.parse()

    def retrieve(
        self,
        file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> FileObject:
        """Retrieve file

        Returns information about a specific file.

        Args:
          file_id: The ID of the file.

          extra_headers: Headers sent with this request in addition to the client's.

          extra_query: Query parameters added to the URL.

          extra_body: Properties added to the JSON body.

          timeout: Seconds to wait for this request, overriding the client's timeout.
        """
        response: APIResponse[FileObject] = self._client.request(
            FileObject,
            _retrieve_options(
                file_id,
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
        order: Union[Literal["asc", "desc"], Omit] = omit,
        purpose: Union[str, Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> SyncCursorPage[FileObject]:
        """List files

        Returns a list of files.

        Args:
          after: A cursor for pagination: the ID of the last object of the previous page, to fetch the page that follows it.
          limit: How many objects to return, from 1 to 10,000.
          order: Sort order by the `created_at` timestamp of the objects.
          purpose: Only return files with the given purpose.

          extra_headers: Headers sent with this request in addition to the client's.

          extra_query: Query parameters added to the URL.

          extra_body: Properties added to the JSON body.

          timeout: Seconds to wait for this request, overriding the client's timeout.
        """
        response: APIResponse[SyncCursorPage[FileObject]] = self._client.request_page(
            SyncCursorPage[FileObject],
            FileObject,
            _list_options(
                after=after,
                limit=limit,
                order=order,
                purpose=purpose,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )
        return response.parse()

    def delete(
        self,
        file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> FileDeleted:
        """Delete file

        Deletes a file and removes it from all vector stores.

        Args:
          file_id: The ID of the file.

          extra_headers: Headers sent with this request in addition to the client's.

          extra_query: Query parameters added to the URL.

          extra_body: Properties added to the JSON body.

          timeout: Seconds to wait for this request, overriding the client's timeout.
        """
        response: APIResponse[FileDeleted] = self._client.request(
            FileDeleted,
            _delete_options(
                file_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )
        return response.parse()

    def content(
        self,
        file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> HttpxBinaryResponseContent:
        """Retrieve file content

        Returns the contents of the specified file.

        Args:
          file_id: The ID of the file.

          extra_headers: Headers sent with this request in addition to the client's.

          extra_query: Query parameters added to the URL.

          extra_body: Properties added to the JSON body.

          timeout: Seconds to wait for this request, overriding the client's timeout.
        """
        response: APIResponse[HttpxBinaryResponseContent] = self._client.request(
            BinaryCast(),
            _content_options(
                file_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )
        return response.parse()


class AsyncFiles(AsyncAPIResource):
    """Upload files for use with batches and other endpoints, and download their contents."""

    @cached_property
    def with_raw_response(self) -> AsyncFilesWithRawResponse:
        """The same methods, returning the raw response (headers, status, request id) with `.parse()`."""
        return AsyncFilesWithRawResponse(self)

    async def create(
        self,
        *,
        file: FileTypes,
        purpose: Literal[
            "assistants", "batch", "fine-tune", "vision", "user_data", "evals"
        ],
        expires_after: Union[file_create_params.ExpiresAfter, Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> FileObject:
        """Upload file

        Uploads a file that can be used across various endpoints. The Batch API only supports JSONL files of
        up to 200 MB.

        Args:
          file: The file object (not the file name) to be uploaded.
          purpose: The intended purpose of the uploaded file, `batch` for the Batch API.
          expires_after: The expiration policy for the file. Files with purpose `batch` expire after 30 days by default.

          extra_headers: Headers sent with this request in addition to the client's.

          extra_query: Query parameters added to the URL.

          extra_body: Properties added to the JSON body.

          timeout: Seconds to wait for this request, overriding the client's timeout.
        """
        response: AsyncAPIResponse[FileObject] = await self._client.request(
            FileObject,
            _create_options(
                file=file,
                purpose=purpose,
                expires_after=expires_after,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )
        return response.parse()

    async def retrieve(
        self,
        file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> FileObject:
        """Retrieve file

        Returns information about a specific file.

        Args:
          file_id: The ID of the file.

          extra_headers: Headers sent with this request in addition to the client's.

          extra_query: Query parameters added to the URL.

          extra_body: Properties added to the JSON body.

          timeout: Seconds to wait for this request, overriding the client's timeout.
        """
        response: AsyncAPIResponse[FileObject] = await self._client.request(
            FileObject,
            _retrieve_options(
                file_id,
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
        order: Union[Literal["asc", "desc"], Omit] = omit,
        purpose: Union[str, Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> AsyncPaginator[FileObject, AsyncCursorPage[FileObject]]:
        """List files

        Returns a list of files.

        Args:
          after: A cursor for pagination: the ID of the last object of the previous page, to fetch the page that follows it.
          limit: How many objects to return, from 1 to 10,000.
          order: Sort order by the `created_at` timestamp of the objects.
          purpose: Only return files with the given purpose.

          extra_headers: Headers sent with this request in addition to the client's.

          extra_query: Query parameters added to the URL.

          extra_body: Properties added to the JSON body.

          timeout: Seconds to wait for this request, overriding the client's timeout.
        """
        return self._client.get_api_list(
            AsyncCursorPage[FileObject],
            FileObject,
            _list_options(
                after=after,
                limit=limit,
                order=order,
                purpose=purpose,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def delete(
        self,
        file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> FileDeleted:
        """Delete file

        Deletes a file and removes it from all vector stores.

        Args:
          file_id: The ID of the file.

          extra_headers: Headers sent with this request in addition to the client's.

          extra_query: Query parameters added to the URL.

          extra_body: Properties added to the JSON body.

          timeout: Seconds to wait for this request, overriding the client's timeout.
        """
        response: AsyncAPIResponse[FileDeleted] = await self._client.request(
            FileDeleted,
            _delete_options(
                file_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )
        return response.parse()

    async def content(
        self,
        file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> HttpxBinaryResponseContent:
        """Retrieve file content

        Returns the contents of the specified file.

        Args:
          file_id: The ID of the file.

          extra_headers: Headers sent with this request in addition to the client's.

          extra_query: Query parameters added to the URL.

          extra_body: Properties added to the JSON body.

          timeout: Seconds to wait for this request, overriding the client's timeout.
        """
        response: AsyncAPIResponse[HttpxBinaryResponseContent] = (
            await self._client.request(
                BinaryCast(),
                _content_options(
                    file_id,
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                ),
            )
        )
        return response.parse()


class FilesWithRawResponse:
    def __init__(self, resource: Files) -> None:
        self._resource = resource

    def create(
        self,
        *,
        file: FileTypes,
        purpose: Literal[
            "assistants", "batch", "fine-tune", "vision", "user_data", "evals"
        ],
        expires_after: Union[file_create_params.ExpiresAfter, Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> APIResponse[FileObject]:
        """Like `Files.create`, returning the raw response."""
        return self._resource._client.request(
            FileObject,
            _create_options(
                file=file,
                purpose=purpose,
                expires_after=expires_after,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def retrieve(
        self,
        file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> APIResponse[FileObject]:
        """Like `Files.retrieve`, returning the raw response."""
        return self._resource._client.request(
            FileObject,
            _retrieve_options(
                file_id,
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
        order: Union[Literal["asc", "desc"], Omit] = omit,
        purpose: Union[str, Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> APIResponse[SyncCursorPage[FileObject]]:
        """Like `Files.list`, returning the raw response."""
        return self._resource._client.request_page(
            SyncCursorPage[FileObject],
            FileObject,
            _list_options(
                after=after,
                limit=limit,
                order=order,
                purpose=purpose,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def delete(
        self,
        file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> APIResponse[FileDeleted]:
        """Like `Files.delete`, returning the raw response."""
        return self._resource._client.request(
            FileDeleted,
            _delete_options(
                file_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def content(
        self,
        file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> APIResponse[HttpxBinaryResponseContent]:
        """Like `Files.content`, returning the raw response."""
        return self._resource._client.request(
            BinaryCast(),
            _content_options(
                file_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncFilesWithRawResponse:
    def __init__(self, resource: AsyncFiles) -> None:
        self._resource = resource

    async def create(
        self,
        *,
        file: FileTypes,
        purpose: Literal[
            "assistants", "batch", "fine-tune", "vision", "user_data", "evals"
        ],
        expires_after: Union[file_create_params.ExpiresAfter, Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> AsyncAPIResponse[FileObject]:
        """Like `AsyncFiles.create`, returning the raw response."""
        return await self._resource._client.request(
            FileObject,
            _create_options(
                file=file,
                purpose=purpose,
                expires_after=expires_after,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def retrieve(
        self,
        file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> AsyncAPIResponse[FileObject]:
        """Like `AsyncFiles.retrieve`, returning the raw response."""
        return await self._resource._client.request(
            FileObject,
            _retrieve_options(
                file_id,
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
        order: Union[Literal["asc", "desc"], Omit] = omit,
        purpose: Union[str, Omit] = omit,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> AsyncAPIResponse[AsyncCursorPage[FileObject]]:
        """Like `AsyncFiles.list`, returning the raw response."""
        return await self._resource._client.request_page(
            AsyncCursorPage[FileObject],
            FileObject,
            _list_options(
                after=after,
                limit=limit,
                order=order,
                purpose=purpose,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def delete(
        self,
        file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> AsyncAPIResponse[FileDeleted]:
        """Like `AsyncFiles.delete`, returning the raw response."""
        return await self._resource._client.request(
            FileDeleted,
            _delete_options(
                file_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def content(
        self,
        file_id: str,
        *,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Body] = None,
        timeout: Union[TimeoutTypes, NotGiven] = not_given,
    ) -> AsyncAPIResponse[HttpxBinaryResponseContent]:
        """Like `AsyncFiles.content`, returning the raw response."""
        return await self._resource._client.request(
            BinaryCast(),
            _content_options(
                file_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )
