from .batch import Batch
from .batch_error import BatchError
from .batch_request_counts import BatchRequestCounts
from .batch_usage import BatchUsage

__all__ = [
    "Batch",
    "BatchError",
    "BatchRequestCounts",
    "BatchUsage",
]
