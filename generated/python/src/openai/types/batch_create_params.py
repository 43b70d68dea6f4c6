"""Parameters of `batches.create`."""

from __future__ import annotations

from typing import Literal, Optional

from typing_extensions import Required, TypedDict
from .shared_params.metadata import Metadata

__all__ = ["BatchCreateParams", "OutputExpiresAfter"]


class BatchCreateParams(TypedDict, total=False):
    """Create batch"""

    completion_window: Required[Literal["24h"]]
    """The time frame within which the batch should be processed. Currently only `24h` is supported."""

    endpoint: Required[
        Literal[
            "/v1/responses",
            "/v1/chat/completions",
            "/v1/embeddings",
            "/v1/completions",
            "/v1/moderations",
            "/v1/images/generations",
            "/v1/images/edits",
            "/v1/videos",
        ]
    ]
    """The endpoint to be used for all requests in the batch."""

    input_file_id: Required[str]
    """The ID of an uploaded file that contains requests for the new batch. The file must be JSONL,
    uploaded with the purpose `batch`."""

    metadata: Optional[Metadata]
    """Up to 16 key-value pairs attached to the object, for storing extra information in a structured form.
    Keys are strings of at most 64 characters; values are strings of at most 512 characters."""

    output_expires_after: OutputExpiresAfter
    """The expiration policy for the output and error files of the batch."""


class OutputExpiresAfter(TypedDict, total=False):
    """The expiration policy for the output and error files of the batch."""

    anchor: Required[Literal["created_at"]]
    """The time the expiration counts from; only `created_at` (the file's creation)."""

    seconds: Required[int]
    """Seconds after the anchor time that the file expires, from 3600 to 2592000."""
