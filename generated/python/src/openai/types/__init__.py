"""The models the API returns."""

from .batch import Batch as Batch
from .batch_error import BatchError as BatchError
from .batch_request_counts import BatchRequestCounts as BatchRequestCounts
from .batch_usage import BatchUsage as BatchUsage

__all__ = [
    "Batch",
    "BatchError",
    "BatchRequestCounts",
    "BatchUsage",
]
