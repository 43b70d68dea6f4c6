"""Parameters of `files.create`."""

from __future__ import annotations

from typing import Literal

from typing_extensions import Required, TypedDict

from .._types import FileTypes

__all__ = ["FileCreateParams", "ExpiresAfter"]


class FileCreateParams(TypedDict, total=False):
    """Upload file"""

    file: Required[FileTypes]
    """The file object (not the file name) to be uploaded."""

    purpose: Required[
        Literal["assistants", "batch", "fine-tune", "vision", "user_data", "evals"]
    ]
    """The intended purpose of the uploaded file, `batch` for the Batch API."""

    expires_after: ExpiresAfter
    """The expiration policy for the file. Files with purpose `batch` expire after 30 days by default."""


class ExpiresAfter(TypedDict, total=False):
    """The expiration policy for the file. Files with purpose `batch` expire after 30 days by default."""

    anchor: Required[Literal["created_at"]]
    """The time the expiration counts from; only `created_at`."""

    seconds: Required[int]
    """Seconds after the anchor time that the file expires, from 3600 to 2592000."""
