"""Pages of the list methods: iterating a page yields its items and those of every page after it."""

from __future__ import annotations

from typing import List, Optional, TypeVar

from ._base_client import BaseAsyncPage, BaseSyncPage

__all__ = ["SyncCursorPage", "AsyncCursorPage"]

_T = TypeVar("_T")


class SyncCursorPage(BaseSyncPage[_T]):
    _items_key = "data"
    _has_more_key = "has_more"
    _cursor_param = "after"
    _cursor_field = "id"

    @property
    def data(self) -> List[_T]:
        return self._items

    @property
    def has_more(self) -> Optional[bool]:
        return self._has_more


class AsyncCursorPage(BaseAsyncPage[_T]):
    _items_key = "data"
    _has_more_key = "has_more"
    _cursor_param = "after"
    _cursor_field = "id"

    @property
    def data(self) -> List[_T]:
        return self._items

    @property
    def has_more(self) -> Optional[bool]:
        return self._has_more
