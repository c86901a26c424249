"""summarizer: structured, verified summaries of Chinese government reports."""

from __future__ import annotations

__version__ = "0.1.0"

from .clean import CleanText, clean_text
from .document import ParsedDocument, parse_bytes, parse_document
from .errors import InputError, SummarizerError
from .reader import RawDocument, read_document

__all__ = [
    "__version__",
    "CleanText",
    "InputError",
    "ParsedDocument",
    "RawDocument",
    "SummarizerError",
    "clean_text",
    "parse_bytes",
    "parse_document",
    "read_document",
]
