"""The API's resources, each in a sync and an async flavour."""

from .batches import (
    Batches as Batches,
    AsyncBatches as AsyncBatches,
    BatchesWithRawResponse as BatchesWithRawResponse,
    AsyncBatchesWithRawResponse as AsyncBatchesWithRawResponse,
)
