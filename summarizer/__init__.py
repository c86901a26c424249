"""summarizer: structured, verified summaries of Chinese government reports."""

from __future__ import annotations

__version__ = "0.1.0"

from schemas.summary import DocumentSummary

from .clean import CleanText, clean_text
from .document import ParsedDocument, parse_bytes, parse_document
from .errors import InputError, SummarizerError
from .pipeline import Runtime, summarize_file
from .reader import RawDocument, read_document
from .settings import Settings, resolve_settings

__all__ = [
    "__version__",
    "CleanText",
    "DocumentSummary",
    "InputError",
    "ParsedDocument",
    "RawDocument",
    "Runtime",
    "Settings",
    "SummarizerError",
    "clean_text",
    "parse_bytes",
    "parse_document",
    "read_document",
    "resolve_settings",
    "summarize_file",
]
