"""What the runtime modules (`_base_client.py`, `_exceptions.py`, ...: the same text for
every API) take from this API: its defaults, the names it logs and identifies itself by,
and its base error."""

from __future__ import annotations

import httpx

__all__ = ["OpenAIError"]

#: Seconds for the whole request, and at most 5 to connect (as the official SDK's default).
DEFAULT_TIMEOUT = httpx.Timeout(timeout=600.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
USER_AGENT = "OpenAI/Python 0.1.0"
LOGGER_NAME = "openai"
#: `OPENAI_LOG=debug` (or info) shows each request and retry.
LOG_ENV = "OPENAI_LOG"
REQUEST_ID_HEADER = "x-request-id"


class OpenAIError(Exception):
    """The base of every error raised by this package."""

    # Named as the module that exports it with the rest of the errors: tracebacks and
    # reprs show `openai._exceptions.OpenAIError`, and pickles find it there.
    __module__ = "openai._exceptions"


#: The same class under a name every API shares: the errors of `_exceptions.py` derive from it.
BASE_ERROR = OpenAIError
