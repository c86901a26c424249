"""The pure half of the pipeline in one call: read → clean → split → classify.

`parse_document(path)` gives a `ParsedDocument`: the decoded original, the cleaned text with
its offset map, and the `SectionTree` (schemas.document) whose offsets point into the original.

The analysis reads `RawDocument.analysis_text`: the text itself, or for a report in traditional
characters its simplified copy of the same length. Offsets are the same in both; a quote shown
to the user is read from the original (`original_quote`, `quotes_as_printed`).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from schemas.document import RemovedText, Section, SectionKind, SectionTree
from schemas.summary import SourceSpan

from summarizer import lexicon as lx
from summarizer.parse.classify import classify_parts, extract_metadata
from summarizer.parse.clean import CleanText, clean_text
from summarizer.read.reader import DEFAULT_MAX_BYTES, RawDocument, decode_document, read_document
from summarizer.parse.split import split_text
from summarizer.parse.tree import Node, uncovered

M = TypeVar("M")


@dataclass(frozen=True)
class ParsedDocument:
    raw: RawDocument
    clean: CleanText
    tree: SectionTree

    def text_of(self, section: Section) -> str:
        """The cleaned text of a section (heading included)."""
        return self.clean.text[section.clean_start : section.clean_end]

    def body_of(self, section: Section) -> str:
        return self.clean.text[section.body_start : section.clean_end]

    def own_text_spans(self, section: Section) -> list[tuple[int, int]]:
        """Cleaned spans of the section's body that none of its children covers."""
        return uncovered(section.body_start, section.clean_end, [(c.clean_start, c.clean_end) for c in section.children])

    def original_quote(self, span: SourceSpan) -> str | None:
        """`span.quote` as printed in the original. A quote is a slice of the cleaned text
        starting at `span.start`; its characters are read from the original at the positions
        they came from, so a report in traditional script is quoted in traditional script and
        full-width figures as full-width (a line break the cleaning inserted stays one)."""
        quote = span.quote
        if quote is None:
            return quote
        offsets = self.clean.offsets
        first = bisect_left(offsets, span.start)
        last = first + len(quote)
        if first >= len(offsets) or offsets[first] != span.start or last > len(offsets) or self.clean.text[first:last] != quote:
            return quote  # not a slice of the cleaned text: leave it as it is
        raw = self.raw.text
        return "".join("\n" if k > first and offsets[k] == offsets[k - 1] else raw[offsets[k]] for k in range(first, last))


def span_of(doc: ParsedDocument, path: str, start: int, end: int, quote_max: int = 300) -> SourceSpan:
    """The source span of cleaned [start, end) in section `path`; the quote is the cleaned text
    when it is at most `quote_max` characters."""
    a, b = doc.clean.to_original(start, end)
    quote = doc.clean.text[start:end] if end - start <= quote_max else None
    return SourceSpan(section_path=path, start=a, end=b, quote=quote)


def parse_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedDocument:
    return parse_raw(read_document(path, max_bytes=max_bytes))


def parse_bytes(data: bytes, name: str = "<bytes>") -> ParsedDocument:
    return parse_raw(decode_document(data, name))


def parse_raw(raw: RawDocument) -> ParsedDocument:
    clean = clean_text(raw.analysis_text)
    root = split_text(clean.text, classify_parts)
    metadata = extract_metadata(clean.text, root)
    sections = [_to_section(n, clean, 1, "") for n in root.children]
    warnings = list(clean.warnings)
    tree = SectionTree(
        path=raw.path,
        sha256=raw.sha256,
        encoding=raw.encoding,
        format=raw.format,
        extractor=raw.extractor,
        script=raw.script,
        chars=len(raw.text),
        clean_chars=len(clean.text),
        damaged_chars=clean.damaged_chars,
        warnings=warnings,
        removed=[RemovedText(reason=r.reason, start=r.start, end=r.end, text=raw.text[r.start : r.end]) for r in clean.removed],
        metadata=metadata,
        sections=sections,
    )
    tree.warnings.extend(_structure_warnings(tree))
    return ParsedDocument(raw=raw, clean=clean, tree=tree)


def quotes_as_printed(doc: ParsedDocument, item: M) -> M:
    """`item` (a model, or a list of them) with every `SourceSpan.quote` in it replaced by the
    original's characters (`ParsedDocument.original_quote`): traditional script, full-width
    figures as printed. The other fields keep the analysis text (simplified, ASCII figures), so
    that indicators, names and numbers compare across reports."""

    def visit(value: object) -> None:
        if isinstance(value, SourceSpan):
            value.quote = doc.original_quote(value)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                visit(getattr(value, name))
        elif isinstance(value, (list, tuple)):
            for v in value:
                visit(v)
        elif isinstance(value, dict):
            for v in value.values():
                visit(v)

    visit(item)
    return item


def _to_section(node: Node, clean: CleanText, level: int, parent_path: str) -> Section:
    path = f"{parent_path} > {node.label}" if parent_path else node.label
    start, end = clean.to_original(node.start, node.end)
    return Section(
        path=path,
        marker=node.marker,
        title=node.title,
        level=level,
        kind=node.kind or SectionKind.OTHER,
        start=start,
        end=end,
        clean_start=node.start,
        clean_end=node.end,
        body_start=node.body_start,
        derived=node.derived,
        inline=node.inline,
        children=[_to_section(c, clean, level + 1, path) for c in node.children],
    )


def _structure_warnings(tree: SectionTree) -> list[str]:
    out = []
    kinds = {s.kind for s in tree.walk()}
    if not any(s.marker for s in tree.walk()):
        out.append("no headings found: the text is treated as one section")
    if SectionKind.REVIEW not in kinds:
        out.append(f"no review section ({_title_words(SectionKind.REVIEW)}) found")
    if SectionKind.TASKS not in kinds:
        out.append(f"no tasks section ({_title_words(SectionKind.TASKS)}) found")
    return out


def _title_words(kind: SectionKind) -> str:
    """The first title keywords of a kind of part, as a warning names them (执行情况/工作回顾)."""
    return "/".join(dict(lx.KIND_TITLE_KEYWORDS)[kind.value][:2])


def areas(tree: SectionTree, kind: SectionKind) -> list[Section]:
    """The areas of a part: headed sections of `kind` directly under a part of that kind
    (the seven (一)…(七) of a review, the (一)…(九) of a plan). Where a part has heading lines,
    an inline enumeration beside them (一是……五是 of work orientations) is no area; where it has
    none, the inline items are its areas. A part without either is its own single area."""
    out: list[Section] = []
    for part in tree.sections:
        if part.kind != kind or part.derived:
            continue
        same = [c for c in part.children if c.kind == kind and not c.derived]
        headed = [c for c in same if not c.inline] or same
        out.extend(headed or [part])
    return out
