"""Parameters of `batches.list`."""

from __future__ import annotations

from typing_extensions import Required, TypedDict

__all__ = ["BatchListParams"]


class BatchListParams(TypedDict, total=False):
    """List batches"""

    after: str
    """A cursor for pagination: the ID of the last object of the previous page, to fetch the page that
    follows it."""

    limit: int
    """How many objects to return, from 1 to 100."""
