from __future__ import annotations

from typing import Dict, List, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field


class BatchUsage(BaseModel):
    """Token usage of a batch, summed over its requests."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    class InputTokensDetails(BaseModel):
        """A breakdown of the input tokens."""

        model_config = ConfigDict(extra="allow", populate_by_name=True)

        cached_tokens: int
        """Input tokens served from the prompt cache."""

    class OutputTokensDetails(BaseModel):
        """A breakdown of the output tokens."""

        model_config = ConfigDict(extra="allow", populate_by_name=True)

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
