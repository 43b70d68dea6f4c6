from __future__ import annotations

from typing import Dict, List, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field


class BatchError(BaseModel):
    """One problem found in a batch's input file."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    code: Optional[str] = None
    """A code that identifies the kind of problem."""

    line: Optional[int] = None
    """The line of the input file where the problem is, if it is on one line."""

    message: Optional[str] = None
    """A sentence that explains the problem."""

    param: Optional[str] = None
    """The name of the parameter at fault, if one is."""
