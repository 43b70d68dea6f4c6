# Annotations are evaluated eagerly (no `from __future__ import annotations`) so that nested classes
# resolve inside their parent's body.
from typing import List, Literal, Optional

from .._models import BaseModel
from .batch_error import BatchError
from .batch_request_counts import BatchRequestCounts
from .batch_usage import BatchUsage
from .shared.metadata import Metadata

__all__ = ["Batch"]


class Batch(BaseModel):
    """A batch of requests processed asynchronously from an input file."""

    class Errors(BaseModel):
        """Problems found while validating the batch's input file."""

        data: Optional[List[BatchError]] = None
        """One entry per problem found."""

        object: Optional[str] = None
        """The kind of object, always `list`."""

    id: str
    """The identifier of the batch."""

    completion_window: str
    """The time frame within which the batch should be processed."""

    created_at: int
    """When the batch was created, in seconds since the Unix epoch."""

    endpoint: str
    """The API endpoint that every request of the batch is sent to."""

    input_file_id: str
    """The identifier of the file that holds the batch's requests."""

    object: Literal["batch"]
    """The kind of object, always `batch`."""

    status: Literal[
        "validating",
        "failed",
        "in_progress",
        "finalizing",
        "completed",
        "expired",
        "cancelling",
        "cancelled",
    ]
    """Where the batch is in its lifecycle."""

    cancelled_at: Optional[int] = None
    """When the batch was cancelled, in seconds since the Unix epoch."""

    cancelling_at: Optional[int] = None
    """When cancelling of the batch began, in seconds since the Unix epoch."""

    completed_at: Optional[int] = None
    """When the batch finished, in seconds since the Unix epoch."""

    error_file_id: Optional[str] = None
    """The identifier of the file that holds the outputs of requests that failed."""

    errors: Optional[Errors] = None
    """Problems found while validating the batch's input file."""

    expired_at: Optional[int] = None
    """When the batch expired, in seconds since the Unix epoch."""

    expires_at: Optional[int] = None
    """When the batch will expire, in seconds since the Unix epoch."""

    failed_at: Optional[int] = None
    """When the batch failed, in seconds since the Unix epoch."""

    finalizing_at: Optional[int] = None
    """When the batch began finalizing, in seconds since the Unix epoch."""

    in_progress_at: Optional[int] = None
    """When the batch began processing, in seconds since the Unix epoch."""

    metadata: Optional[Metadata] = None
    """Up to 16 key-value pairs attached to the object, for storing extra information in a structured form.
    Keys are strings of at most 64 characters; values are strings of at most 512 characters."""

    model: Optional[str] = None
    """The model used to process the batch's requests, such as `gpt-4o`."""

    output_file_id: Optional[str] = None
    """The identifier of the file that holds the outputs of requests that succeeded."""

    request_counts: Optional[BatchRequestCounts] = None
    """How many requests of the batch are in each state."""

    usage: Optional[BatchUsage] = None
    """Token usage of the batch, summed over its requests."""
