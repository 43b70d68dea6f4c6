"""The models the API returns."""

from .shared import Metadata as Metadata
from .batch import Batch as Batch
from .batch_error import BatchError as BatchError
from .file_object import FileObject as FileObject
from .file_deleted import FileDeleted as FileDeleted
from .batch_request_counts import BatchRequestCounts as BatchRequestCounts
from .batch_usage import BatchUsage as BatchUsage
from .batch_create_params import BatchCreateParams as BatchCreateParams
from .batch_list_params import BatchListParams as BatchListParams
from .file_create_params import FileCreateParams as FileCreateParams
from .file_list_params import FileListParams as FileListParams

__all__ = [
    "Metadata",
    "Batch",
    "BatchError",
    "FileObject",
    "FileDeleted",
    "BatchRequestCounts",
    "BatchUsage",
    "BatchCreateParams",
    "BatchListParams",
    "FileCreateParams",
    "FileListParams",
]
