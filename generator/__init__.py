"""apigen-forge: API client SDKs and reference docs generated from a YAML spec."""

__version__ = "0.1.0"
