# Annotations are evaluated eagerly (no `from __future__ import annotations`) so that nested classes
# resolve inside their parent's body.
from typing import Literal

from .._models import BaseModel

__all__ = ["FileDeleted"]


class FileDeleted(BaseModel):
    """The answer to deleting a file."""

    id: str
    """The identifier of the deleted file."""

    deleted: bool
    """Whether the file was deleted."""

    object: Literal["file"]
    """The kind of object, always `file`."""
