"""The named types (aliases) of the API, as responses have them."""

from .metadata import Metadata as Metadata
