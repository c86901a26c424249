"""areas: the text of an area as the model sees it.

An area is a headed section of a review or tasks part (`parse.document.areas`); a long one is
cut at paragraph ends into parts of at most `AREA_MAX` characters. Each `Area` keeps the cleaned
spans it was joined from, so that a sentence or a quote inside it maps back to the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from schemas.document import Section

from summarizer.parse.document import ParsedDocument

#: A longer area is cut at paragraph ends into parts of at most this size.
AREA_MAX = 3600


@dataclass
class Area:
    """The text of one area (or part of a long one), as the model sees it."""

    section: Section
    spans: list[tuple[int, int]]  # cleaned spans, in order
    text: str

    @property
    def title(self) -> str:
        return self.section.title

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """[start, end) of each sentence of `text` (at 。！？；and line ends), in order; computed
        once (the rendering, the cache key and the items all read them)."""
        out = []
        for m in re.finditer(r"[^。！？!?；;\n]+[。！？!?；;]?", self.text):
            a, b = m.start(), m.end()
            while a < b and self.text[a] in " ":
                a += 1
            if b - a >= 2:
                out.append((a, b))
        return out

    def sentence(self, k: int) -> str:
        a, b = self.sentences[k]
        return self.text[a:b]

    def to_clean(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) inside `text` to cleaned offsets."""
        return self._pos(start), self._pos(max(start, end - 1)) + 1

    def _pos(self, rel: int) -> int:
        for a, b in self.spans:
            length = b - a
            if rel < length:
                return a + rel
            rel -= length + 1  # spans are joined with "\n"
        a, b = self.spans[-1]
        return b - 1


def _spans_without_derived(section: Section) -> list[tuple[int, int]]:
    """The section's text minus derived children (a targets paragraph inside a plan part)."""
    spans = []
    pos = section.clean_start
    for child in section.children:
        if child.derived:
            if child.clean_start > pos:
                spans.append((pos, child.clean_start))
            pos = child.clean_end
    if section.clean_end > pos:
        spans.append((pos, section.clean_end))
    return spans


def area_texts(doc: ParsedDocument, section: Section) -> list[Area]:
    """One `Area`, or several for a long section (cut at paragraph ends)."""
    paragraphs: list[tuple[int, int]] = []
    for a, b in _spans_without_derived(section):
        pos = a
        for line in doc.clean.text[a:b].split("\n"):
            if line.strip():
                paragraphs.append((pos, pos + len(line)))
            pos += len(line) + 1
    out: list[Area] = []
    current: list[tuple[int, int]] = []
    size = 0
    for a, b in paragraphs:
        while b - a > AREA_MAX:  # one huge paragraph: cut it at a sentence end
            cut = doc.clean.text.rfind("。", a, a + AREA_MAX) + 1 or a + AREA_MAX
            if current:
                out.append(_area(doc, section, current))
                current, size = [], 0
            out.append(_area(doc, section, [(a, cut)]))
            a = cut
        if current and size + (b - a) > AREA_MAX:
            out.append(_area(doc, section, current))
            current, size = [], 0
        current.append((a, b))
        size += b - a + 1
    if current:
        out.append(_area(doc, section, current))
    return out


def _area(doc: ParsedDocument, section: Section, spans: list[tuple[int, int]]) -> Area:
    return Area(section, spans, "\n".join(doc.clean.text[a:b] for a, b in spans))
