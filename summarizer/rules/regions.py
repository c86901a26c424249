"""regions: where the results of the review year may stand, and where the plan begins.

Each review part, less its problems passage; what stands before the plan begins outside any plan
part; and, read sentence by sentence (`states_a_result`), the rest of the report where a sentence
says it speaks of the review year. Glossaries, annexes and target lists are none. `headline`
reads its metrics there, `mentions` the sentences that name an indicator without a result.
"""

from __future__ import annotations

import re
from typing import Optional

from schemas.document import Section, SectionKind

from summarizer import lexicon as lx
from summarizer.parse.document import ParsedDocument
from summarizer.rules.targets import plan_year_triggers


def states_a_result(text: str, p_start: int, s_start: int, clause_end: int, review_year: Optional[int]) -> bool:
    """Outside a review part, a figure is a result of the review year only when its paragraph, up
    to the figure's clause, last said which year it speaks of (去年, 过去一年, the year's number)
    rather than anything of the plan (今年, 目标, 力争, …), and its own sentence says nothing of the
    plan: "做好今年的工作……。过去一年，……。国内生产总值增长10.3%，……"."""
    if lx.PLAN_SENTENCE_RE.search(text, s_start, clause_end):
        return False
    year = rf"|{review_year}{lx.YEAR_WORD}" if review_year else ""
    cues = list(re.finditer(rf"(?P<review>{lx.REVIEW_YEAR_SENTENCE_RE.pattern}{year})|(?P<plan>{lx.PLAN_SENTENCE_RE.pattern})", text[p_start:clause_end]))
    return bool(cues) and cues[-1].group("review") is not None


def paragraph_start(text: str, pos: int, floor: int) -> int:
    return max(text.rfind("\n", floor, pos) + 1, floor)


def result_regions(doc: ParsedDocument):
    """(section, start, end, read as a review) for every stretch of the report where results of
    the review year may stand: each review part, less its problems passage; what stands before the
    plan begins outside any plan part (the front of a report whose review has no heading, closing
    words, a report without parts); and, read sentence by sentence (`states_a_result`), problems
    passages ("去年居民消费价格上涨4.8%"), plan parts that recall last year and what follows the
    plan. Glossaries, annexes and target lists are none."""
    begins = plan_start(doc)
    for part in doc.tree.sections:
        if part.kind == SectionKind.GLOSSARY or (part.derived and part.path == lx.ANNEX):
            continue
        plan_part = part.kind in _PLAN_KINDS
        for section, start, end in _regions(part):
            before_plan = not plan_part and section.kind != SectionKind.PROBLEMS
            if before_plan and start < begins < end and section.kind != SectionKind.REVIEW:
                yield section, start, begins, True  # a report without parts: what stands before the plan is its review
                start = begins
            in_review = section.kind == SectionKind.REVIEW or (before_plan and end <= begins)
            yield section, start, end, in_review


def plan_start(doc: ParsedDocument) -> int:
    """Where the plan begins: the first paragraph that opens on the plan year (今年是……, 2026年是
    ……) after the first part, the first plan part or the first plan-year targets trigger,
    whichever comes first."""
    text = doc.clean.text
    plan_year = doc.tree.metadata.plan_year
    starts = [p.clean_start for p in doc.tree.sections if p.kind in _PLAN_KINDS]
    starts += [trigger.start() for _, trigger, _ in plan_year_triggers(doc)][:1]
    first_part = next((p.clean_end for p in doc.tree.sections if not p.derived), 0)
    for line in re.finditer(r"[^\n]+", text):
        opening = line.group(0)[:40]
        if lx.PLAN_OPENING_RE.match(opening) or (plan_year and re.match(rf"{plan_year}{lx.YEAR_WORD}{lx.YEAR_OPENS}", opening)):
            if line.start() >= min(first_part, len(text) // 4) or not doc.tree.sections:
                starts.append(line.start())
                break
    return min(starts, default=len(text))


_PLAN_KINDS = (SectionKind.TASKS, SectionKind.TARGETS, SectionKind.REQUIREMENTS, SectionKind.OUTLOOK)


def _regions(s: Section):
    """(deepest section, start, end) for the stretches of `s` that may hold results."""
    if s.kind in _NO_RESULTS:
        return
    pos = s.body_start
    for c in s.children:
        if c.clean_start > pos:
            yield s, pos, c.clean_start
        yield from _regions(c)
        pos = max(pos, c.clean_end)
    if s.clean_end > pos:
        yield s, pos, s.clean_end


_NO_RESULTS = (SectionKind.TARGETS, SectionKind.REQUIREMENTS, SectionKind.GLOSSARY)
