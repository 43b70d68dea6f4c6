"""Types shared by the client and its resources."""

from __future__ import annotations

from typing import Literal, Mapping, Union

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

Timeout = httpx.Timeout
#: A timeout in seconds (for every phase of a request), an `httpx.Timeout`, or None for no timeout.
TimeoutTypes = Union[float, httpx.Timeout, None]
Headers = Mapping[str, str]
Query = Mapping[str, object]
Body = Mapping[str, object]
