"""pointer: where the rules read nothing, the model points at the sentence and the rules read it.

Two questions, each asked only where the rules came back empty-handed from a report that has
what they look for: which sentence states the plan year's targets (a report that plans a year
but introduces its targets with no trigger the rules know: "今年全省发展的目标安排：……"), and which
sentences state the review year's headline results (printed somewhere no rule looks). The
candidates are the report's own sentences that could answer — sentences with figures after the
plan begins, sentences with figures where a result may stand — numbered and shown cut short; the model
answers with numbers only; the rules read the sentences it names (`rules.targets.read_sentences`,
`rules.headline.read_sentences`), so every figure is the report's. Answers are cached like every
other; nothing is asked where the rules succeed, nor under `--no-model`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Optional

from schemas.responses import POINT_SENTENCES_MAX, PointOut
from schemas.summary import Metric, SectionUsage, Target

from summarizer import lexicon as lx
from summarizer.model.cache import AnswerCache, cache_key
from summarizer.model.client import ModelClient
from summarizer.model.prompts import load_prompt
from summarizer.parse.document import ParsedDocument
from summarizer.rules import headline, targets as target_rules
from summarizer.rules.figures import CHANGE_RE, LEVEL_RE, TARGET_VALUE_RE

PROMPT = "point"
#: A candidate is shown cut after this many characters (the rules read it whole).
SHOWN = 80
TARGETS_QUESTION = "哪一句写明了今年(计划年度)经济社会发展的主要预期目标(带数字的指标)?"
RESULTS_QUESTION = "哪些句子写明了去年(回顾年度)地区生产总值等主要经济指标的完成情况(带数字)?最多3句。"
_SENTENCE_RE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")


@dataclass
class Pointed:
    """What the rules read from the sentences the model pointed at, and what it cost."""

    targets: list[Target] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    usage: list[SectionUsage] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _SENTENCE_RE.finditer(text[start:end]) if m.group(0).strip()]


def target_candidates(doc: ParsedDocument) -> list[tuple[int, int]]:
    """Sentences after the plan begins that print target values and speak of no plan period,
    the ones with the most values first, at most POINT_SENTENCES_MAX, in the order of the text."""
    text = doc.clean.text
    begins = headline.plan_start(doc)
    end = min((p.clean_start for p in doc.tree.sections if p.derived and p.path in ("附件", "名词解释")), default=len(text))
    if begins >= end:
        return []
    found = [(len(TARGET_VALUE_RE.findall(text, a, b)), a, b) for a, b in _sentences(text, begins, end)]
    found = [(n, a, b) for n, a, b in found if n and not lx.PERIOD_TARGETS_RE.search(text, a, b)]
    best = sorted(found, key=lambda x: -x[0])[:POINT_SENTENCES_MAX]
    return sorted((a, b) for _, a, b in best)


def result_candidates(doc: ParsedDocument) -> list[tuple[int, int]]:
    """Sentences that print levels or changes where results of the year may stand (the review
    first, then the rest: `headline.result_regions`), the review's and those with the most figures
    first, at most POINT_SENTENCES_MAX, in the order of the text."""
    text = doc.clean.text
    found = []
    for _section, start, end, in_review in headline.result_regions(doc):
        for a, b in _sentences(text, start, end):
            n = len(CHANGE_RE.findall(text, a, b)) + len(LEVEL_RE.findall(text, a, b))
            if n and not lx.PERIOD_TARGETS_RE.search(text, a, b):
                found.append((in_review, n, a, b))
    best = sorted(found, key=lambda x: (not x[0], -x[1]))[:POINT_SENTENCES_MAX]
    return sorted((a, b) for _, _, a, b in best)


def point(
    doc: ParsedDocument, targets: list[Target], metrics: list[Metric], cache: AnswerCache, model_id: str, client_factory: Callable[[], ModelClient]
) -> Pointed:
    """Ask where the rules read nothing: targets when none were read, results when none were."""
    out = Pointed()
    if not targets:
        spans = _ask(doc, TARGETS_QUESTION, target_candidates(doc), cache, model_id, client_factory, out)
        out.targets = [t.model_copy(update={"origin": "model"}) for t in target_rules.read_sentences(doc, spans)]
        if spans:
            out.notes.append(f"no targets sentence the rules know: {len(out.targets)} target(s) read from the sentence(s) the model pointed at")
    if not metrics:
        spans = _ask(doc, RESULTS_QUESTION, result_candidates(doc), cache, model_id, client_factory, out)
        out.metrics = [m.model_copy(update={"origin": "model"}) for m in headline.read_sentences(doc, spans)]
        if spans:
            out.notes.append(f"no results sentence the rules know: {len(out.metrics)} result(s) read from the sentence(s) the model pointed at")
    return out


def _ask(
    doc: ParsedDocument, question: str, spans: list[tuple[int, int]], cache: AnswerCache, model_id: str,
    client_factory: Callable[[], ModelClient], out: Pointed,
) -> list[tuple[int, int]]:
    """The candidate spans the model names (none where there is nothing to choose from)."""
    if not spans:
        return []
    text = doc.clean.text
    shown = "\n".join(f"[{k}]{text[a:b][:SHOWN]}" for k, (a, b) in enumerate(spans, 1))
    prompt = load_prompt(PROMPT)
    variables = {"question": question, "sentences": shown}
    key = cache_key(question + "\n" + shown, prompt.id, model_id, PointOut.model_json_schema())
    hit = cache.get(key)
    if hit is not None:
        answer = PointOut.model_validate(hit.value)
        out.usage.append(SectionUsage(section_paths=["(pointer)"], prompt=prompt.id, cached=True))
    else:
        done = client_factory().complete(prompt, PointOut, variables)
        answer = done.value
        cache.put(key, prompt=prompt.id, model=model_id, value=answer.model_dump(mode="json"),
                  prompt_tokens=done.prompt_tokens, completion_tokens=done.completion_tokens)
        out.usage.append(SectionUsage(section_paths=["(pointer)"], prompt=prompt.id, calls=done.calls,
                                      prompt_tokens=done.prompt_tokens, completion_tokens=done.completion_tokens, seconds=round(done.seconds, 3)))
    return [spans[k - 1] for k in dict.fromkeys(answer.picks) if 1 <= k <= len(spans)]


def needed(doc: ParsedDocument, targets: list[Target], metrics: list[Metric]) -> Optional[str]:
    """Why the pointer would ask (for a progress line), or None: the rules succeeded, or the
    report has nothing to point at."""
    if not targets and target_candidates(doc):
        return "targets"
    if not metrics and result_candidates(doc):
        return "results"
    return None
