from __future__ import annotations

import os
from typing import Any, Optional

import httpx

from .resources.batches import Batches


class APIError(Exception):
    """An HTTP error returned by the API."""

    def __init__(self, message: str, status_code: int) -> None:
        super().__init__(message)
        self.status_code = status_code


class BaseClient:
    def __init__(
        self, api_key: Optional[str], base_url: Optional[str], timeout: float
    ) -> None:
        api_key = api_key if api_key is not None else os.environ.get("OPENAI_API_KEY")
        if not api_key:
            raise APIError(
                "The api_key client option must be set either by passing api_key to the client or by setting the OPENAI_API_KEY environment variable",
                0,
            )
        self._api_key = api_key
        self.base_url = (
            base_url or os.environ.get("OPENAI_BASE_URL") or "https://api.openai.com/v1"
        )
        self._http = httpx.Client(timeout=timeout)

    def request(self, method: str, path: str) -> Any:
        response = self._http.request(
            method,
            self.base_url.rstrip("/") + path,
            headers={
                "Authorization": f"Bearer {self._api_key}",
                "Accept": "application/json",
            },
        )
        if response.status_code >= 400:
            raise APIError(f"Error code: {response.status_code}", response.status_code)
        return response.json()


class OpenAI(BaseClient):
    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        timeout: float = 600.0,
    ) -> None:
        super().__init__(api_key, base_url, timeout)
        self.batches = Batches(self)
