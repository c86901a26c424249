"""summarizer: structured, verified summaries of Chinese government reports."""

from __future__ import annotations

__version__ = "0.1.0"

from schemas.summary import DocumentSummary

from summarizer.parse.clean import CleanText, clean_text
from summarizer.parse.document import ParsedDocument, parse_bytes, parse_document
from summarizer.errors import InputError, SummarizerError
from summarizer.pipeline import Runtime, summarize_file
from summarizer.read.reader import RawDocument, read_document
from summarizer.settings import Settings, resolve_settings

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
