"""mentions: where a report names a headline indicator with a figure but the rules read no result.

"No result printed" is a statement about a report; said of a report that prints the result it is
a wrong fact. So for each headline indicator without a result, the sentences that name it with a
figure, where a result of the review year may stand (`headline.result_regions`: the review, or a
sentence elsewhere that names the year), are kept: `track` shows them and says it could not
decide instead. The same facts give `summarize` its warnings where a targets sentence or a
results sentence exists but nothing was read from it.
"""

from __future__ import annotations

import re

from schemas.document import SectionKind
from schemas.summary import Mention, Metric, Target

from summarizer import lexicon as lx
from summarizer.parse.document import ParsedDocument, span_of
from summarizer.rules.headline import alias_matches
from summarizer.rules.regions import paragraph_start, result_regions, states_a_result
from summarizer.rules.targets import plan_year_triggers

#: At most this many sentences per indicator.
MENTIONS_MAX = 3
_FIGURE_RE = re.compile(r"\d")
_SENTENCE_END_RE = re.compile("[。！？!?；;\n]")


def indicator_mentions(doc: ParsedDocument, metrics: list[Metric]) -> list[Mention]:
    """Sentences naming a headline indicator, with a figure in the same clause run, for each
    indicator the headline metrics do not give."""
    text = doc.clean.text
    have = {m.canonical for m in metrics}
    year = doc.tree.metadata.review_year
    found: dict[str, list[Mention]] = {}
    for section, start, end, in_review in result_regions(doc):
        for m, canonical in alias_matches(text, start, end):
            if canonical in have or len(found.get(canonical, [])) >= MENTIONS_MAX:
                continue
            s_start = max(text.rfind(ch, start, m.start()) for ch in "。！？!?；;\n") + 1
            stop = _SENTENCE_END_RE.search(text, m.end(), end)
            s_end = stop.start() + 1 if stop and text[stop.start()] != "\n" else (stop.start() if stop else end)
            if not _FIGURE_RE.search(text, m.end(), s_end):
                continue
            if not in_review and not states_a_result(text, paragraph_start(text, s_start, start), max(s_start, start), s_end, year):
                continue
            spans = found.setdefault(canonical, [])
            if all(x.source.start != doc.clean.to_original(max(s_start, start), s_end)[0] for x in spans):
                spans.append(Mention(canonical=canonical, source=span_of(doc, section.path, max(s_start, start), s_end)))
    return [x for xs in found.values() for x in xs]


def absence_warnings(doc: ParsedDocument, targets: list[Target], metrics: list[Metric], mentions: list[Mention]) -> list[str]:
    """Where a report states targets or results that were not read: say so rather than show empty tables."""
    out = []
    if not targets:
        text = doc.clean.text
        in_sections = (lx.TARGETS_TRIGGER_RE.search(text, s.clean_start, s.clean_end) for s in doc.tree.walk() if s.kind == SectionKind.TARGETS)
        found = next((m for m in in_sections if m), None) or next((m for _, m, _ in plan_year_triggers(doc)), None)
        if found is not None:
            out.append(f"a targets sentence is printed («{text[found.start() : found.end() + 30]}…») but no target was read from it")
    if not metrics and mentions:
        names = "、".join(dict.fromkeys(x.canonical for x in mentions))
        out.append(f"the report names headline indicators with figures ({names}) but no result of the year was read from them")
    return out
