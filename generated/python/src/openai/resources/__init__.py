"""The API's resources, each in a sync and an async flavour."""

from .batches import (
    Batches as Batches,
    AsyncBatches as AsyncBatches,
    BatchesWithRawResponse as BatchesWithRawResponse,
    AsyncBatchesWithRawResponse as AsyncBatchesWithRawResponse,
)
from .files import (
    Files as Files,
    AsyncFiles as AsyncFiles,
    FilesWithRawResponse as FilesWithRawResponse,
    AsyncFilesWithRawResponse as AsyncFilesWithRawResponse,
)
