"""problems: the items of the problems passage, read without a model.

One item per distinct problem (一是……二是……, sentences, semicolon lists), each a verbatim span of
the passage that `parse.problems` found.
"""

from __future__ import annotations

from typing import Optional

from schemas.document import Section, SectionKind
from schemas.summary import Problem, SourceSpan

from summarizer.parse.document import ParsedDocument, span_of
from summarizer.parse.problems import first_clause, split_items


def problems_section(doc: ParsedDocument) -> Optional[Section]:
    """The problems passage (the outermost one), or None where the report has none we found."""
    found = doc.tree.of_kind(SectionKind.PROBLEMS)
    return min(found, key=lambda s: s.level) if found else None


def problems_span(doc: ParsedDocument) -> Optional[SourceSpan]:
    section = problems_section(doc)
    return span_of(doc, section.path, section.clean_start, section.clean_end, quote_max=0) if section else None


def extract_problems(doc: ParsedDocument) -> list[Problem]:
    """One item per distinct problem of the passage, each a verbatim span of it."""
    section = problems_section(doc)
    if section is None:
        return []
    text = doc.clean.text
    out: list[Problem] = []
    for s, e in split_items(text, section.body_start, section.clean_end):
        cut = first_clause(text, s, e)
        out.append(
            Problem(
                summary=text[s:cut],
                detail=text[cut:e].lstrip("，,：: "),
                source=span_of(doc, _deepest_path(section, s), s, e),
            )
        )
    return out


def _deepest_path(section: Section, pos: int) -> str:
    for child in section.children:
        if child.clean_start <= pos < child.clean_end:
            return _deepest_path(child, pos)
    return section.path

