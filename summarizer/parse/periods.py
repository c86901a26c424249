"""Which stretches of a review part speak of several years rather than of the review year.

A report that closes a plan period reviews two things at once: the year ("刚刚过去的2025年，……
地区生产总值增长5.5%") and the five years ("这五年，……地区生产总值跨过3万亿元、年均增长5.2%").
Only the first are the review year's results. Reports mix the two inside one part
("一、2025年和“十四五”时期工作回顾"), so the scope is followed paragraph by paragraph: a paragraph
whose first sentences name the period (这五年, 五年来, “十四五”时期) opens a multi-year passage,
one that opens on the year (过去一年, 一年来, 刚刚过去的2025年) closes it, and any other paragraph
stays in the scope of the one before. A part whose title names only the period starts in it.
"""

from __future__ import annotations

import re

from schemas.document import Section, SectionKind

from summarizer import lexicon as lx
from summarizer.parse.document import ParsedDocument

#: How far into a paragraph its opening is read: its first sentences.
OPENING_SENTENCES = 3
OPENING_MAX_CHARS = 120
_SENTENCE = re.compile(r"[^。！!？?]*[。！!？?]?")


def opening(paragraph: str) -> str:
    """The first sentences of a paragraph (at most OPENING_MAX_CHARS characters)."""
    out, n = [], 0
    for m in _SENTENCE.finditer(paragraph):
        if not m.group(0) or n == OPENING_SENTENCES:
            break
        out.append(m.group(0))
        n += 1
    return "".join(out)[:OPENING_MAX_CHARS]


def paragraph_scope(paragraph: str, multi_before: bool) -> bool:
    """Whether a paragraph speaks of several years, given the scope of the one before."""
    if lx.MULTI_YEAR_OPENING_RE.search(opening(paragraph)):
        return True
    if lx.SINGLE_YEAR_OPENING_RE.match(paragraph):
        return False
    return multi_before


def _back_to_the_year(paragraph: str) -> int | None:
    """Where a multi-year paragraph turns to the review year: a later sentence that opens on it."""
    for m in re.finditer(r"[。！!？?]", paragraph):
        if lx.BACK_TO_THE_YEAR_RE.match(paragraph[m.end() :]):  # the pattern is anchored with ^
            return m.end()
    return None


def _part_starts_multi(part: Section) -> bool:
    return bool(lx.MULTI_YEAR_OPENING_RE.search(part.title)) and not lx.ONE_YEAR_TITLE_RE.search(part.title)


def multi_year_spans(doc: ParsedDocument) -> list[tuple[int, int]]:
    """Cleaned-text spans of the report's parts that speak of several years, in order (a part's
    scope starts afresh; the glossary is no part). Inside them, a sentence that opens on the review
    year's number ("2012年，……国内生产总值增长7.8%") speaks of that year and is left out."""
    text = doc.clean.text
    out: list[tuple[int, int]] = []
    year = doc.tree.metadata.review_year
    for part in doc.tree.sections:
        if part.kind == SectionKind.GLOSSARY:
            continue
        multi = _part_starts_multi(part)
        for line in re.finditer(r"[^\n]+", text[part.body_start : part.clean_end]):
            start, end = part.body_start + line.start(), part.body_start + line.end()
            multi = paragraph_scope(line.group(0), multi)
            if multi:
                back = _back_to_the_year(line.group(0))
                if back is not None:  # "过去五年，……。过去一年，……": the year's own from here on
                    end, multi = start + back, False
                for a, b in _without_year_sentences(text, start, end, year):
                    if out and out[-1][1] >= a - 1:
                        out[-1] = (out[-1][0], b)
                    else:
                        out.append((a, b))
    return out


def _without_year_sentences(text: str, start: int, end: int, year: int | None) -> list[tuple[int, int]]:
    """[start, end) less its sentences that open on the year ("2007年，国内生产总值达到……")."""
    if year is None:
        return [(start, end)]
    out, pos = [], start
    for m in re.finditer(rf"(?:^|(?<=[。！!？?]))(?:——)?{year}\s*{lx.YEAR_WORD}[，,]", text[start:end]):
        a = start + m.start()
        stop = re.compile(r"[。！!？?]").search(text, a, end)
        b = stop.end() if stop else end
        if a > pos:
            out.append((pos, a))
        pos = b
    if end > pos:
        out.append((pos, end))
    return out


def in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)
