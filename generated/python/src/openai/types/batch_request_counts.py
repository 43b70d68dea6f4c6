from __future__ import annotations

from typing import Dict, List, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field


class BatchRequestCounts(BaseModel):
    """Counts of a batch's requests by outcome."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    completed: int
    """Requests that finished successfully."""

    failed: int
    """Requests that failed."""

    total: int
    """All requests of the batch."""
