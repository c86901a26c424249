"""extract: the model's share of the work, and only that.

Review areas get a one-sentence summary and their key metrics; task areas a one-sentence
summary and their most concrete commitments. Targets, problems and headline metrics come from
`rules` and never reach the model; glossaries, requirements, measures and closing words are
skipped. Neighbouring areas are packed into one call up to a character budget (fewer calls,
fewer repeated instructions), every call of a kind starts with the same system text (the
server's prefix cache is reused), and what comes back is verified against the area it came
from before it becomes an item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Optional

from pydantic import BaseModel

from schemas.document import Section, SectionKind
from schemas.responses import COMMITMENT_MAX, SUMMARY_MAX, AreaReviewOut, AreaTasksOut, picks_response, review_response, tasks_response
from schemas.summary import Achievement, Commitment, Metric, SectionUsage, SourceSpan, Task, VerificationStatus

from summarizer import lexicon as lx
from summarizer.model.cache import AnswerCache, cache_key
from summarizer.parse.document import ParsedDocument, areas
from summarizer.model.client import ModelClient
from summarizer.rules.numbers import RATE_FAMILIES, quantities, rates, same_quantity
from summarizer.model.prompts import Prompt, load_prompt
from summarizer.rules.figures import CHANGE_RE, CHANGE_WORD_RE, canonical_indicator, clause_metrics, metric_figures
from summarizer.verify import Source, Verdict, verify_change, verify_quote, verify_statement

#: Tiny neighbouring areas share a call while their text stays under this many characters
#: (a small model keeps one area apart from the next reliably only when each is short) ...
UNIT_BUDGET = 900
#: ... and at most this many areas go into one call.
UNIT_MAX_AREAS = 3
#: A longer area is cut at paragraph ends into parts of at most this size.
AREA_MAX = 3600

PROMPTS = {SectionKind.REVIEW: "review", SectionKind.TASKS: "tasks"}
PICK_PROMPTS = {SectionKind.REVIEW: "review_pick", SectionKind.TASKS: "tasks_pick"}
RETRY_PROMPTS = {SectionKind.REVIEW: "review_retry", SectionKind.TASKS: "tasks_retry"}
RESPONSES = {SectionKind.REVIEW: review_response, SectionKind.TASKS: tasks_response}
ABSTRACTIVE, EXTRACTIVE = "abstractive", "extractive"
#: A sentence shown to the model for picking is cut after this many characters (it is still
#: quoted whole): long sentences cost prompt tokens and say their point early.
PICK_SENTENCE_SHOWN = 120


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


@dataclass
class Unit:
    kind: SectionKind
    areas: list[Area]
    style: str = ABSTRACTIVE
    retry: bool = False  # a second ask for an area whose summary echoed its heading or another area

    @property
    def prompt(self) -> Prompt:
        if self.retry:
            return load_prompt(RETRY_PROMPTS[self.kind])
        return load_prompt((PICK_PROMPTS if self.style == EXTRACTIVE else PROMPTS)[self.kind])

    @property
    def response_model(self) -> type[BaseModel]:
        if self.style == EXTRACTIVE:
            return picks_response(len(self.areas))
        return RESPONSES[self.kind](len(self.areas))

    def rendered(self) -> str:
        if self.style == EXTRACTIVE:
            return "\n\n".join(f"【{i}】{_numbered(a)}" for i, a in enumerate(self.areas, 1))
        return "\n\n".join(f"【{i}】{a.text}" for i, a in enumerate(self.areas, 1))

    def variables(self) -> dict[str, object]:
        return {"count": len(self.areas), "areas": self.rendered()}

    @property
    def paths(self) -> list[str]:
        return [a.section.path for a in self.areas]


def _numbered(area: Area) -> str:
    """The area as the picking model sees it: its title, then "[k]sentence" per sentence."""
    lines = [area.title]
    for k, (a, b) in enumerate(area.sentences, 1):
        sentence = area.text[a:b]
        lines.append(f"[{k}]{sentence[:PICK_SENTENCE_SHOWN]}")
    return "\n".join(lines)


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


def plan_units(doc: ParsedDocument, kind: SectionKind, style: str = ABSTRACTIVE) -> list[Unit]:
    units: list[Unit] = []
    current: list[Area] = []
    size = 0
    for section in areas(doc.tree, kind):
        for area in area_texts(doc, section):
            if current and (size + len(area.text) > UNIT_BUDGET or len(current) >= UNIT_MAX_AREAS):
                units.append(Unit(kind, current, style))
                current, size = [], 0
            current.append(area)
            size += len(area.text)
    if current:
        units.append(Unit(kind, current, style))
    return units


# ---------------------------------------------------------------------------------------------
# Calling the model (or the cache)
# ---------------------------------------------------------------------------------------------


@dataclass
class UnitAnswer:
    unit: Unit
    answer: BaseModel
    usage: SectionUsage


def unit_cache_key(unit: Unit, model_id: str) -> str:
    return cache_key(unit.rendered(), unit.prompt.id, model_id, unit.response_model.model_json_schema())


def answer_unit(unit: Unit, cache: AnswerCache, model_id: str, client_factory: Callable[[], ModelClient]) -> UnitAnswer:
    key = unit_cache_key(unit, model_id)
    prompt = unit.prompt
    hit = cache.get(key)
    if hit is not None:
        answer = unit.response_model.model_validate(hit.value)
        usage = SectionUsage(section_paths=unit.paths, prompt=prompt.id, cached=True)
        return UnitAnswer(unit, answer, usage)
    client = client_factory()
    done = client.complete(prompt, unit.response_model, unit.variables())
    cache.put(
        key,
        prompt=prompt.id,
        model=model_id,
        value=done.value.model_dump(mode="json"),
        prompt_tokens=done.prompt_tokens,
        completion_tokens=done.completion_tokens,
    )
    usage = SectionUsage(
        section_paths=unit.paths,
        prompt=prompt.id,
        calls=done.calls,
        prompt_tokens=done.prompt_tokens,
        completion_tokens=done.completion_tokens,
        seconds=round(done.seconds, 3),
    )
    return UnitAnswer(unit, done.value, usage)


def grams(text: str, n: int = 3) -> set[str]:
    """Character n-grams of a text without punctuation (to tell which area a summary is about)."""
    text = re.sub(r"[\s，,。；;：:、“”]", "", text)
    return {text[i : i + n] for i in range(max(0, len(text) - n + 1))}


def weak_summaries(unit: Unit, answer: BaseModel) -> list[int]:
    """Areas (indexes) whose abstractive summary only restates the heading, or shares more words
    with another area of the call than with its own (an answer shifted onto its neighbour)."""
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


def reask_weak(answer: "UnitAnswer", cache: AnswerCache, model_id: str, client_factory: Callable[[], ModelClient]) -> "UnitAnswer":
    """Ask once more, one area at a time, for the areas whose summary is weak; keep the second
    answer where it is better (neither an echo nor another area's), else the first."""
    unit = answer.unit
    if unit.style != ABSTRACTIVE or unit.retry:
        return answer
    weak = weak_summaries(unit, answer.answer)
    if not weak:
        return answer
    areas_out = list(answer.answer.areas)  # type: ignore[attr-defined]
    usage = answer.usage.model_copy()
    for i in weak:
        again = answer_unit(Unit(unit.kind, [unit.areas[i]], ABSTRACTIVE, retry=True), cache, model_id, client_factory)
        usage.calls += again.usage.calls
        usage.prompt_tokens += again.usage.prompt_tokens
        usage.completion_tokens += again.usage.completion_tokens
        usage.seconds = round(usage.seconds + again.usage.seconds, 3)
        if not weak_summaries(again.unit, again.answer):
            areas_out[i] = again.answer.areas[0]  # type: ignore[attr-defined]
    return UnitAnswer(unit, answer.answer.model_copy(update={"areas": areas_out}), usage)


# ---------------------------------------------------------------------------------------------
# From answers to verified items
# ---------------------------------------------------------------------------------------------


@dataclass
class Items:
    achievements: list[Achievement] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # what was dropped, and why


def _span(doc: ParsedDocument, area: Area, rel: Optional[tuple[int, int]] = None) -> SourceSpan:
    if rel is None:
        a, b = area.spans[0][0], area.spans[-1][1]
    else:
        a, b = area.to_clean(*rel)
    start, end = doc.clean.to_original(a, b)
    quote = doc.clean.text[a:b] if rel is not None and b - a <= 300 else None
    return SourceSpan(section_path=area.section.path, start=start, end=end, quote=quote)


def _keep(verdict: Verdict, keep_unverified: bool, what: str, dropped: list[str]) -> bool:
    if verdict.status != VerificationStatus.UNVERIFIED:
        return True
    dropped.append(f"{what}: {verdict.reason}")
    return keep_unverified


def _summary(area: Area, text: str, source: Source, keep_unverified: bool, dropped: list[str]) -> tuple[str, VerificationStatus]:
    """The area's summary as verified: ("", unverified) when its numbers are not in the area."""
    summary = tidy_summary(text)
    verdict = verify_statement(summary, source)
    if not _keep(verdict, keep_unverified, f"{area.section.path} summary", dropped):
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
            Achievement(area=area.title, summary=summary, metrics=metrics, source=_span(doc, area), status=status, origin="model")
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


def _metric(doc, area: Area, source: Source, name: str, value: str, change: str, keep: bool, dropped: list[str]) -> Optional[Metric]:
    value, change = repair_metric(value, change, source)
    if not name or not quantities(value + change):
        return None  # a metric is a number; "开工建设" is not one
    if value and change and not stated_together(value, change, source):
        dropped.append(f"{area.section.path} metric {name}: the source does not give {change} for {value}")
        change = ""
    where = f"{area.section.path} metric {name}"
    v = verify_quote(value, source) if value else Verdict(VerificationStatus.VERIFIED)
    c = verify_change(change, source)
    worst = max((v, c), key=lambda x: [VerificationStatus.VERIFIED, VerificationStatus.FUZZY, VerificationStatus.UNVERIFIED].index(x.status))
    if not _keep(worst, keep, where, dropped):
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
        source=_span(doc, area, rel),
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
            if not _keep(v, keep_unverified, f"{area.section.path} commitment {text}", out.dropped):
                continue
            rel = (v.located.start, v.located.end) if v.located else None
            commitments.append(Commitment(text=text, source=_span(doc, area, rel), status=v.status))
        if not summary and not commitments:
            continue
        out.tasks.append(Task(area=area.title, summary=summary, commitments=commitments, source=_span(doc, area), status=status, origin="model"))


ITEM_BUILDERS = {SectionKind.REVIEW: review_items, SectionKind.TASKS: task_items}


# ---------------------------------------------------------------------------------------------
# Extractive: the model points, the source speaks
# ---------------------------------------------------------------------------------------------

#: A summary shorter than its heading plus this adds nothing to it (a heading echo).
ECHO_MARGIN = 6
#: Metrics read from an area's picked sentences, at most.
PICKED_METRICS_MAX = 4


def is_heading_echo(summary: str, title: str) -> bool:
    """The summary only restates its area's heading ("（一）经济平稳运行" → "经济平稳运行。")."""
    core = re.sub(r"[。；;，,！!\s]", "", summary)
    head = re.sub(r"[。；;，,！!\s]", "", title)
    return bool(core) and (core in head or (head in core and len(core) < len(head) + ECHO_MARGIN))


def trim_clauses(text: str, limit: int) -> str:
    """The sentence cut at its last clause boundary within `limit` characters."""
    text = text.strip().rstrip("；;")
    if len(text) <= limit:
        return text
    cut = max(text.rfind(ch, 0, limit) for ch in "，,；;、")
    return (text[:cut] if cut >= 8 else text[:limit]).rstrip("，,、；;") + "……"


#: A sentence this short without a figure is a lead ("一是综合实力稳步增强。"), not a result.
LEAD_MAX = 20
_LEAD_MARKER_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}是|[(（][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[.、．])")


def is_lead_sentence(sentence: str) -> bool:
    """A sub-heading inside an area: short, no figure (or an enumeration marker and no figure)."""
    s = sentence.strip().rstrip("。；;")
    if re.search(r"\d", s):
        return False
    return len(s) <= LEAD_MAX or (bool(_LEAD_MARKER_RE.match(s)) and len(s) <= 2 * LEAD_MAX)


def _picked(area: Area, picks: list[int], out: Items) -> list[tuple[int, int]]:
    """The picked sentences, valid and in order; not the heading, not repeated."""
    sentences = area.sentences
    chosen: list[tuple[int, int]] = []
    for k in picks:
        if not 1 <= k <= len(sentences):
            out.dropped.append(f"{area.section.path}: picked sentence {k} of {len(sentences)}")
            continue
        a, b = sentences[k - 1]
        if (a, b) in chosen or is_heading_echo(area.text[a:b], area.title) or is_lead_sentence(area.text[a:b]):
            continue
        chosen.append((a, b))
    return sorted(chosen)


def _answers_by_area(answer: UnitAnswer, out: Items):
    """(area, picks) for each answer that names its own area; an answer for another area (a
    shifted list) is dropped, never given to the wrong area."""
    for i, (area, got) in enumerate(zip(answer.unit.areas, answer.answer.areas), 1):  # type: ignore[attr-defined]
        if got.area != i:
            out.dropped.append(f"{area.section.path}: the answer named area {got.area}, not {i}")
            continue
        yield area, list(got.picks)


def _metric_is_named(indicator: str) -> bool:
    """An indicator a reader can use: not a bare verb, not cut off mid-list, quotes balanced."""
    if indicator in lx.BARE_METRIC_VERBS or indicator[-1] in lx.DANGLING_ENDINGS or len(indicator) > 16:
        return False
    return indicator.count("“") == indicator.count("”") and indicator.count("《") == indicator.count("》")


def _with_numbers(area: Area) -> list[tuple[int, int]]:
    return [s for s in area.sentences if re.search(r"\d", area.text[s[0] : s[1]]) and not is_heading_echo(area.text[s[0] : s[1]], area.title)]


def pick_review_items(doc: ParsedDocument, answer: UnitAnswer, keep_unverified: bool, out: Items) -> None:
    for area, picks in _answers_by_area(answer, out):
        chosen = _picked(area, picks, out)
        metrics = _metrics_of(doc, area, chosen)
        for sentence in [] if metrics else _with_numbers(area):  # the results are the numbers: the
            metrics = _metrics_of(doc, area, [sentence], origin="rule")  # area's first sentence that states one
            if metrics:
                break
        if not chosen and not metrics:
            continue
        summary = trim_clauses(area.text[chosen[0][0] : chosen[0][1]], SUMMARY_MAX) if chosen else ""
        out.achievements.append(
            Achievement(area=area.title, summary=summary, metrics=metrics, source=_span(doc, area, chosen[0] if chosen else None), origin="model")
        )


def pick_task_items(doc: ParsedDocument, answer: UnitAnswer, keep_unverified: bool, out: Items) -> None:
    for area, picks in _answers_by_area(answer, out):
        chosen = _picked(area, picks, out)
        if not chosen:
            continue
        summary = trim_clauses(area.text[chosen[0][0] : chosen[0][1]], SUMMARY_MAX)
        commitments = []
        for a, b in chosen[1:]:  # the first is the summary
            text = trim_clauses(area.text[a:b], COMMITMENT_MAX).rstrip("。")
            commitments.append(Commitment(text=text, source=_span(doc, area, (a, b))))
        out.tasks.append(Task(area=area.title, summary=summary, commitments=commitments, source=_span(doc, area, chosen[0]), origin="model"))


def _metrics_of(doc: ParsedDocument, area: Area, sentences: list[tuple[int, int]], origin: str = "model") -> list[Metric]:
    out: list[Metric] = []
    for a, b in sentences:
        for found in clause_metrics(area.text, a, b):
            if not _metric_is_named(found.indicator):
                continue
            if len(out) >= PICKED_METRICS_MAX:
                return out
            out.append(
                Metric(
                    indicator=found.indicator, canonical=canonical_indicator(found.indicator), value=found.value, change=found.change,
                    qualifier=found.qualifier, **metric_figures(found.value, found.change),
                    source=_span(doc, area, (found.start, found.end)), origin=origin,  # type: ignore[arg-type]
                )
            )
    return out


PICK_ITEM_BUILDERS = {SectionKind.REVIEW: pick_review_items, SectionKind.TASKS: pick_task_items}


def build_items(doc: ParsedDocument, answer: UnitAnswer, keep_unverified: bool, out: Items) -> None:
    builders = PICK_ITEM_BUILDERS if answer.unit.style == EXTRACTIVE else ITEM_BUILDERS
    builders[answer.unit.kind](doc, answer, keep_unverified, out)

