# Annotations are evaluated eagerly (no `from __future__ import annotations`) so that nested classes
# resolve inside their parent's body.
from typing import Optional

from .._models import BaseModel

__all__ = ["BatchError"]


class BatchError(BaseModel):
    """One problem found in a batch's input file."""

    code: Optional[str] = None
    """A code that identifies the kind of problem."""

    line: Optional[int] = None
    """The line of the input file where the problem is, if it is on one line."""

    message: Optional[str] = None
    """A sentence that explains the problem."""

    param: Optional[str] = None
    """The name of the parameter at fault, if one is."""
