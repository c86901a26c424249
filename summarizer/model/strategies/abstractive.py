"""Abstractive: the model writes a one-sentence summary and the key metrics of each review
area, a summary and the most concrete commitments of each task area. Every number it writes is
verified against the area before it becomes an item; a summary that only restates its heading
or describes another area is asked for once more, one area at a time."""

from __future__ import annotations

import re
from typing import Optional

from pydantic import BaseModel

from schemas.document import SectionKind
from schemas.responses import COMMITMENT_MAX, SUMMARY_MAX, AreaReviewOut, AreaTasksOut, review_response, tasks_response
from schemas.summary import Achievement, Commitment, Metric, Task, VerificationStatus

from summarizer import lexicon as lx
from summarizer.model.areas import Area
from summarizer.model.extract import Items, Unit, UnitAnswer
from summarizer.model.items import area_span, grams, keep
from summarizer.model.strategies.base import Ask, Strategy
from summarizer.parse.document import ParsedDocument
from summarizer.rules.figures import CHANGE_RE, CHANGE_WORD_RE, canonical_indicator, metric_figures
from summarizer.rules.numbers import RATE_FAMILIES, quantities, rates, same_quantity
from summarizer.rules.picks import is_heading_echo
from summarizer.verify import Source, Verdict, verify_change, verify_quote, verify_statement

RESPONSES = {SectionKind.REVIEW: review_response, SectionKind.TASKS: tasks_response}


class Abstractive(Strategy):
    name = "abstractive"
    prompts = {SectionKind.REVIEW: "review", SectionKind.TASKS: "tasks"}
    retry_prompts = {SectionKind.REVIEW: "review_retry", SectionKind.TASKS: "tasks_retry"}

    def render(self, unit: Unit) -> str:
        return "\n\n".join(f"【{i}】{a.text}" for i, a in enumerate(unit.areas, 1))

    def response_model(self, unit: Unit) -> type[BaseModel]:
        return RESPONSES[unit.kind](len(unit.areas))

    def follow_up(self, answer: UnitAnswer, ask: Ask) -> UnitAnswer:
        return reask_weak(answer, ask)

    def build(self, doc: ParsedDocument, answer: UnitAnswer, keep_unverified: bool, out: Items) -> None:
        (review_items if answer.unit.kind == SectionKind.REVIEW else task_items)(doc, answer, keep_unverified, out)


def weak_summaries(unit: Unit, answer: BaseModel) -> list[int]:
    """Areas (indexes) whose summary only restates the heading, or shares more words with
    another area of the call than with its own (an answer shifted onto its neighbour)."""
    weak = []
    texts = [grams(a.text) for a in unit.areas]
    for i, (area, got) in enumerate(zip(unit.areas, answer.areas)):  # type: ignore[attr-defined]
        summary = got.summary.strip()
        if not summary:
            continue
        g = grams(summary)
        own = len(g & texts[i])
        if is_heading_echo(summary, area.title) or any(len(g & t) > own for j, t in enumerate(texts) if j != i):
            weak.append(i)
    return weak


def reask_weak(answer: UnitAnswer, ask: Ask) -> UnitAnswer:
    """Ask once more, one area at a time, for the areas whose summary is weak; keep the second
    answer where it is better (neither an echo nor another area's), else the first."""
    unit = answer.unit
    if unit.retry:
        return answer
    weak = weak_summaries(unit, answer.answer)
    if not weak:
        return answer
    areas_out = list(answer.answer.areas)  # type: ignore[attr-defined]
    usage = answer.usage.model_copy()
    for i in weak:
        again = ask(Unit(unit.kind, [unit.areas[i]], unit.strategy, retry=True))
        usage.calls += again.usage.calls
        usage.prompt_tokens += again.usage.prompt_tokens
        usage.completion_tokens += again.usage.completion_tokens
        usage.seconds = round(usage.seconds + again.usage.seconds, 3)
        if not weak_summaries(again.unit, again.answer):
            areas_out[i] = again.answer.areas[0]  # type: ignore[attr-defined]
    return UnitAnswer(unit, answer.answer.model_copy(update={"areas": areas_out}), usage)


def _summary(area: Area, text: str, source: Source, keep_unverified: bool, dropped: list[str]) -> tuple[str, VerificationStatus]:
    """The area's summary as verified: ("", unverified) when its numbers are not in the area."""
    summary = tidy_summary(text)
    verdict = verify_statement(summary, source)
    if not keep(verdict, keep_unverified, f"{area.section.path} summary", dropped):
        return "", VerificationStatus.UNVERIFIED
    return summary, verdict.status


def review_items(doc: ParsedDocument, answer: UnitAnswer, keep_unverified: bool, out: Items) -> None:
    for area, got in zip(answer.unit.areas, answer.answer.areas):  # type: ignore[attr-defined]
        got: AreaReviewOut
        source = Source(area.text)
        summary, status = _summary(area, got.summary, source, keep_unverified, out.dropped)
        metrics = []
        for m in got.metrics:
            metric = _metric(doc, area, source, m.name.strip(), m.value.strip(), m.change.strip(), keep_unverified, out.dropped)
            if metric is not None:
                metrics.append(metric)
        if not summary and not metrics:
            continue
        out.achievements.append(
            Achievement(area=area.title, summary=summary, metrics=metrics, source=area_span(doc, area), status=status, origin="model")
        )


def tidy_summary(text: str) -> str:
    """A summary cut off by its length bound ends at its last complete clause."""
    text = text.strip()
    if len(text) >= SUMMARY_MAX - 1:
        cut = max(text.rfind(ch) for ch in "。；;，,")
        if cut > 0:
            text = text[:cut].rstrip("，,;；") + "。"
    return text


def is_complete_phrase(text: str) -> bool:
    """Drop fragments a model cut off mid-phrase ("打造国际科技及")."""
    return len(text) >= 4 and text[-1] not in lx.DANGLING_ENDINGS


def tidy_commitment(text: str) -> str:
    """A commitment that ran into its length bound ends at its last complete clause, or goes."""
    text = text.strip().rstrip("，,;；。")
    if len(text) >= COMMITMENT_MAX - 1:
        cut = max(text.rfind(ch) for ch in "，,、；;")
        text = text[:cut] if cut >= 8 else ""
    return text


_VALUE_START_RE = re.compile(r"^(?:" + lx.compile_alternation(lx.VALUE_PREFIXES) + r")?\s*[0-9０-９一二两三四五六七八九十百千]")
#: A value and its change are printed close together ("4759亿元,增长3%"), with no other level between.
PAIR_MAX_GAP = 30


def _printed_change(rate, source: Source) -> Optional[str]:
    """The change as the source prints it around this rate ("同比增长8.9%")."""
    for m in CHANGE_RE.finditer(source.text):
        if any(q.value == rate.value and q.family == rate.family for q in quantities(m.group(0))):
            return m.group(0)
    return None


def repair_metric(value: str, change: str, source: Source) -> tuple[str, str]:
    """Bring a model's metric to the contract: `value` a level as printed (4759亿元), `change` a
    rate as printed with its direction (增长3%). Small models put the rate in `value`, write
    "1.7%" for "增长1.7%", or put a phrase where a number belongs; the source says which is
    which, so the printed forms are taken from it. Anything that is not a number is dropped."""
    change_rates = rates(change) if change else []
    if change and not change_rates:
        change = ""  # "开工建设", "增长78宗": not a rate
    if change_rates and not CHANGE_WORD_RE.search(change):
        change = _printed_change(change_rates[0], source) or ""
    if value:
        vq = quantities(value)
        only_rate = len(vq) == 1 and vq[0].family in RATE_FAMILIES and vq[0].text.strip() == value.strip()
        if only_rate:
            printed = _printed_change(vq[0], source)
            if printed and (not change or quantities(change)[0].value == vq[0].value):
                return "", printed  # the rate was the change
        if not _VALUE_START_RE.match(value):
            value = ""  # "龙岗高中园……等6个中小学项目" is a phrase, not a value
        elif vq and len(value) > len(vq[0].text) + 6 and value.startswith(vq[0].text):
            value = vq[0].text  # "72.8亿元、盘活……15亿元": keep the first figure
    return value, change


def stated_together(value: str, change: str, source: Source) -> bool:
    """Does the source print this change for this value? (A small model will pair 固定资产投资
    1530.8亿元 with the 增速47.3% that the next clause gives for 工业投资.)"""
    vq, cq = quantities(value), rates(change)
    if not vq or not cq:
        return True
    levels = [q for q in source.quantities if q.family not in (None, *RATE_FAMILIES)]
    for s in source.quantities:
        if not same_quantity(vq[0], s):
            continue
        for t in source.quantities:
            if t.start > s.start and t.start - s.end <= PAIR_MAX_GAP and same_quantity(cq[0], t):
                if not any(s.end <= q.start < t.start for q in levels):
                    return True
    return False


_STATUS_ORDER = [VerificationStatus.VERIFIED, VerificationStatus.FUZZY, VerificationStatus.UNVERIFIED]


def _metric(doc, area: Area, source: Source, name: str, value: str, change: str, keep_unverified: bool, dropped: list[str]) -> Optional[Metric]:
    value, change = repair_metric(value, change, source)
    if not name or not quantities(value + change):
        return None  # a metric is a number; "开工建设" is not one
    if value and change and not stated_together(value, change, source):
        dropped.append(f"{area.section.path} metric {name}: the source does not give {change} for {value}")
        change = ""
    where = f"{area.section.path} metric {name}"
    v = verify_quote(value, source) if value else Verdict(VerificationStatus.VERIFIED)
    c = verify_change(change, source)
    worst = max((v, c), key=lambda x: _STATUS_ORDER.index(x.status))
    if not keep(worst, keep_unverified, where, dropped):
        return None
    rel = None
    if v.located is not None:
        rel = (v.located.start, v.located.end)
        if c.located is not None and 0 <= c.located.start - v.located.end <= 40:
            rel = (v.located.start, c.located.end)
    elif c.located is not None:
        rel = (c.located.start, c.located.end)
    return Metric(
        indicator=name,
        canonical=canonical_indicator(name),
        value=value or None,
        change=change or None,
        **metric_figures(value, change),
        source=area_span(doc, area, rel),
        status=worst.status,
        origin="model",
    )


def task_items(doc: ParsedDocument, answer: UnitAnswer, keep_unverified: bool, out: Items) -> None:
    for area, got in zip(answer.unit.areas, answer.answer.areas):  # type: ignore[attr-defined]
        got: AreaTasksOut
        source = Source(area.text)
        summary, status = _summary(area, got.summary, source, keep_unverified, out.dropped)
        commitments = []
        seen = set()
        for text in got.commitments:
            text = tidy_commitment(text)
            if not is_complete_phrase(text) or text in seen:
                continue
            seen.add(text)
            v = verify_quote(text, source)
            if not keep(v, keep_unverified, f"{area.section.path} commitment {text}", out.dropped):
                continue
            rel = (v.located.start, v.located.end) if v.located else None
            commitments.append(Commitment(text=text, source=area_span(doc, area, rel), status=v.status))
        if not summary and not commitments:
            continue
        out.tasks.append(Task(area=area.title, summary=summary, commitments=commitments, source=area_span(doc, area), status=status, origin="model"))
