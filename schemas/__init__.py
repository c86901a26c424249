"""The pydantic models of the tool: the section tree (`document`), the summary contract
(`summary`), what the model is asked to return (`responses`) and the comparison (`comparison`).

`schemas/document_summary.schema.json` is the JSON Schema of `DocumentSummary`, for tools that
consume our JSON; `python -m schemas` rewrites it, and a test keeps it in sync.
"""

from __future__ import annotations

import json
from pathlib import Path

from .comparison import Comparison
from .document import DocumentMetadata, Section, SectionKind, SectionTree
from .summary import (
    Achievement,
    Commitment,
    DocumentSummary,
    Metric,
    Problem,
    SourceSpan,
    Target,
    Task,
    VerificationStatus,
)

SCHEMA_FILE = Path(__file__).with_name("document_summary.schema.json")

__all__ = [
    "Achievement", "Commitment", "Comparison", "DocumentMetadata", "DocumentSummary", "Metric", "Problem",
    "Section", "SectionKind", "SectionTree", "SourceSpan", "Target", "Task", "VerificationStatus",
    "SCHEMA_FILE", "document_summary_schema",
]


def document_summary_schema() -> str:
    """The JSON Schema of `DocumentSummary`, as written to SCHEMA_FILE."""
    schema = DocumentSummary.model_json_schema()
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
