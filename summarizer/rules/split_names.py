"""Headline names printed in two pieces within one sentence: the head opens a clause and a later
clause opens with the property and its figure ("粮食生产再获丰收，总产达到557亿斤" is the grain
output, 557亿斤). The head must open its clause and the property must open its own, so that a
product's output (棉花产量) or a property in the middle of a clause is never read so."""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from summarizer import lexicon as lx

_PROPERTIES = sorted({(p, c) for c, _, props in lx.SPLIT_NAMES for p in props}, key=lambda x: -len(x[0]))
_PROPERTY_RE = re.compile("(?:" + "|".join(re.escape(p) for p, _ in _PROPERTIES) + ")" + lx.SPLIT_PROPERTY_NOT_BEFORE)
_CANON = dict(_PROPERTIES)
_HEADS = {c: heads for c, heads, _ in lx.SPLIT_NAMES}
_YEAR_RE = re.compile(r"(?:19|20)\d{2}年$")
_SENTENCE_END = "。！？!?\n"
#: How far back in its sentence the head may stand (characters).
_REACH = 80
#: A topic sentence ("——粮食生产再创新高。") may give the head: its marks and its longest length.
_TOPIC_MARKS = "—-－ 　"
_TOPIC_LENGTH = 16


class SplitName(NamedTuple):
    match: re.Match  # the property as printed (总产量)
    canonical: str
    head_start: int  # where the head's clause begins
    label: str  # head and property (粮食总产量)


def split_names(text: str, start: int, end: int) -> Iterator[SplitName]:
    for m in _PROPERTY_RE.finditer(text, start, end):
        before = text[max(start, m.start() - 5) : m.start()]
        year = _YEAR_RE.search(before)
        mark_at = m.start() - (len(year.group(0)) if year else 0) - 1
        if mark_at < start or text[mark_at] not in lx.CLAUSE_MARKS.replace(lx.LIST_MARK, ""):
            continue  # the property opens its own clause (after the year it names, if any)
        canonical = _CANON[m.group(0)]
        floor = max(start, m.start() - _REACH, max(text.rfind(ch, start, m.start()) for ch in _SENTENCE_END) + 1)
        head = _head_before(text, floor, mark_at, _HEADS[canonical])
        if head is None and floor > start:  # a short topic sentence before: "——粮食生产再创新高。播种面积……，总产量……"
            topic = max(start, max(text.rfind(ch, start, floor - 1) for ch in _SENTENCE_END) + 1)
            line = text[topic : floor - 1].lstrip(_TOPIC_MARKS)
            if len(line) <= _TOPIC_LENGTH and floor - 1 - len(line) >= start:
                head = _head_before(text, floor - 1 - len(line), floor - 1, _HEADS[canonical])
        if head is not None:
            yield SplitName(m, canonical, head[0], head[1] + m.group(0))


def _head_before(text: str, floor: int, stop: int, heads: tuple[str, ...]):
    """(where its clause begins, the head) of the last clause in [floor, stop) that opens with a
    head, or None; a clause that names the whole indicator itself (粮食产量) is no head."""
    clause_marks = lx.CLAUSE_MARKS.replace(lx.LIST_MARK, "")
    pos = stop
    while pos > floor:
        a = max(max(text.rfind(ch, floor, pos) for ch in clause_marks) + 1, floor)
        clause = text[a:pos]
        opening = clause[next((len(w) for w in lx.SPLIT_HEAD_LEADS if clause.startswith(w)), 0) :]
        for h in heads:
            if opening.startswith(h):
                whole = any(opening[len(h) :].startswith(p) for p, _ in _PROPERTIES)
                return None if whole else (a, h)
        pos = a - 1
    return None
