"""Client library for the OpenAI REST API."""

from ._client import APIError, OpenAI

__all__ = ["APIError", "OpenAI"]
