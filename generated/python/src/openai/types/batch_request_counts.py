# Annotations are evaluated eagerly (no `from __future__ import annotations`) so that nested classes
# resolve inside their parent's body.

from .._models import BaseModel

__all__ = ["BatchRequestCounts"]


class BatchRequestCounts(BaseModel):
    """Counts of a batch's requests by outcome."""

    completed: int
    """Requests that finished successfully."""

    failed: int
    """Requests that failed."""

    total: int
    """All requests of the batch."""
