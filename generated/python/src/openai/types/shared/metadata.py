from typing import Dict
from typing_extensions import TypeAlias

__all__ = ["Metadata"]

Metadata: TypeAlias = Dict[str, str]
"""Set of 16 key-value pairs that can be attached to an object. Keys are strings of at most 64
characters; values are strings of at most 512 characters."""
