"""Parameters of `files.list`."""

from __future__ import annotations

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["FileListParams"]


class FileListParams(TypedDict, total=False):
    """List files"""

    after: str
    """A cursor for pagination: the ID of the last object of the previous page, to fetch the page that
    follows it."""

    limit: int
    """How many objects to return, from 1 to 10,000."""

    order: Literal["asc", "desc"]
    """Sort order by the `created_at` timestamp of the objects."""

    purpose: str
    """Only return files with the given purpose."""
