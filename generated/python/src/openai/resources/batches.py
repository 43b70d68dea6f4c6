"""Create and manage batches of API requests that run asynchronously."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from ..types import Batch

if TYPE_CHECKING:
    from .._client import BaseClient


class Batches:
    def __init__(self, client: "BaseClient") -> None:
        self._client = client

    def cancel(self, batch_id: str) -> Batch:
        """Cancel batch

        Cancels an in-progress batch. The batch will be in status cancelling for up to 10 minutes, before changing to cancelled, where it will have partial results (if any) available in the output file.
        """
        if not batch_id:
            raise ValueError(
                f"Expected a non-empty value for `batch_id` but received {batch_id!r}"
            )
        path = "/batches/{batch_id}/cancel".replace(
            "{batch_id}", quote(str(batch_id), safe=""), 1
        )
        return Batch.model_validate(self._client.request("POST", path))

    def retrieve(self, batch_id: str) -> Batch:
        """Retrieve batch

        Retrieves a batch.
        """
        if not batch_id:
            raise ValueError(
                f"Expected a non-empty value for `batch_id` but received {batch_id!r}"
            )
        path = "/batches/{batch_id}".replace(
            "{batch_id}", quote(str(batch_id), safe=""), 1
        )
        return Batch.model_validate(self._client.request("GET", path))
