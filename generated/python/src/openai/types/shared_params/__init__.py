"""The named types (aliases) of the API, as requests take them."""

from .metadata import Metadata as Metadata
