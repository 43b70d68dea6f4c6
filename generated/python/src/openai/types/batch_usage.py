# Annotations are evaluated eagerly (no `from __future__ import annotations`) so that nested classes
# resolve inside their parent's body.

from .._models import BaseModel

__all__ = ["BatchUsage"]


class BatchUsage(BaseModel):
    """Token usage of a batch, summed over its requests."""

    class InputTokensDetails(BaseModel):
        """A breakdown of the input tokens."""

        cached_tokens: int
        """Input tokens served from the prompt cache."""

    class OutputTokensDetails(BaseModel):
        """A breakdown of the output tokens."""

        reasoning_tokens: int
        """Output tokens spent on reasoning."""

    input_tokens: int
    """Tokens in the inputs."""

    input_tokens_details: InputTokensDetails
    """A breakdown of the input tokens."""

    output_tokens: int
    """Tokens in the outputs."""

    output_tokens_details: OutputTokensDetails
    """A breakdown of the output tokens."""

    total_tokens: int
    """Input and output tokens together."""
