"""Types shared by the client and its resources."""

from __future__ import annotations

from os import PathLike
from typing import IO, Literal, Mapping, Optional, Tuple, Union

import httpx


class NotGiven:
    """The default of a parameter that was not passed, distinct from an explicit `None`.

    `timeout=None` means "no timeout" while leaving `timeout` out means "the client's timeout".
    """

    _instance: "NotGiven | None" = None

    def __new__(cls) -> "NotGiven":
        # One instance, so `is NOT_GIVEN` works across copies and pickling.
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()
#: The same sentinel under the name the official SDK's signatures use.
not_given = NOT_GIVEN


class Omit:
    """The default of an optional request parameter: a parameter left at `omit` is not sent at all."""

    _instance: "Omit | None" = None

    def __new__(cls) -> "Omit":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "omit"


omit = Omit()

Timeout = httpx.Timeout
#: A timeout in seconds (for every phase of a request), an `httpx.Timeout`, or None for no timeout.
TimeoutTypes = Union[float, httpx.Timeout, None]
Headers = Mapping[str, str]
Query = Mapping[str, object]
Body = Mapping[str, object]

#: The content of a file to upload: bytes, an open binary file, or a path (read when sent).
FileContent = Union[IO[bytes], bytes, PathLike[str]]
#: A file parameter: its content, or `(filename, content)`, `(filename, content, content_type)` or
#: `(filename, content, content_type, headers)`.
FileTypes = Union[
    FileContent,
    Tuple[Optional[str], FileContent],
    Tuple[Optional[str], FileContent, Optional[str]],
    Tuple[Optional[str], FileContent, Optional[str], Mapping[str, str]],
]
