"""Importing an OpenAPI 3.0/3.1 document as a format 2 spec (`gen import-openapi`)."""

from __future__ import annotations

from generator.openapi.importer import ImportResult, import_openapi
from generator.openapi.notes import CODES, Note

__all__ = ["CODES", "ImportResult", "Note", "import_openapi"]
