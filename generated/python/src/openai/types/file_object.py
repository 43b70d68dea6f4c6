# Annotations are evaluated eagerly (no `from __future__ import annotations`) so that nested classes
# resolve inside their parent's body.
from typing import Literal, Optional

from .._models import BaseModel

__all__ = ["FileObject"]


class FileObject(BaseModel):
    """A document that has been uploaded to OpenAI."""

    id: str
    """The file identifier, which can be referenced in the API endpoints."""

    bytes: int
    """The size of the file, in bytes."""

    created_at: int
    """When the file was created, in seconds since the Unix epoch."""

    filename: str
    """The name of the file."""

    object: Literal["file"]
    """The kind of object, always `file`."""

    purpose: Literal[
        "assistants",
        "assistants_output",
        "batch",
        "batch_output",
        "fine-tune",
        "fine-tune-results",
        "vision",
        "user_data",
    ]
    """The intended purpose of the file."""

    status: Literal["uploaded", "processed", "error"]
    """Deprecated. The current status of the file. Deprecated."""

    expires_at: Optional[int] = None
    """When the file will expire, in seconds since the Unix epoch."""

    status_details: Optional[str] = None
    """Deprecated. For details on why a fine-tuning training file failed validation, see the `error` field
    on `fine_tuning.job`. Deprecated."""
