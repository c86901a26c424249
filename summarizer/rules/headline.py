"""headline: the review year's headline results, read without a model.

The main indicators of the review year (地区生产总值, 规上工业增加值, 固定资产投资, 社会消费品零售总额,
一般公共预算收入, …) with value, change and period as printed; the best-stated occurrence of each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from schemas.document import Section, SectionKind
from schemas.summary import Metric, VerificationStatus

from summarizer import lexicon as lx
from summarizer.parse.document import ParsedDocument, span_of
from summarizer.parse.periods import in_spans, multi_year_spans
from summarizer.rules.regions import (  # plan_start: read from here by model.pointer
    paragraph_start, plan_start, result_regions, states_a_result,  # noqa: F401
)
from summarizer.rules.respectively import hand_out, has_list_after
from summarizer.rules.split_names import SplitName, split_names
from summarizer.rules.figures import (
    CHANGE, CHANGE_RE, LEVEL_RE, NUM, PCT, PERCENT, metric_figures, own_clause_end,
)

_ALIASES = sorted(((a, c) for c, aliases in lx.HEADLINE_INDICATORS for a in aliases), key=lambda x: -len(x[0]))
_ALIAS_RE = re.compile("|".join(re.escape(a) for a, _ in _ALIASES))
_ALIAS_CANON = dict(_ALIASES)
_SENTENCE_STOP = re.compile("[" + re.escape(lx.SENTENCE_END) + r"\n]|" + lx.METRIC_CLAUSE_BREAK)


@dataclass
class _Candidate:
    metric: Metric
    score: int
    pos: int
    rank: tuple = ()


def alias_matches(text: str, start: int, end: int):
    """(match, canonical) for each headline indicator named in [start, end) by itself (not 人均
    GDP, not a product's exports)."""
    for m in _ALIAS_RE.finditer(text, start, end):
        if _alias_stands_alone(text, m):
            yield m, _ALIAS_CANON[m.group(0)]


def _alias_stands_alone(text: str, m: re.Match) -> bool:
    """The alias names the indicator itself, not a part or a ratio of it: not 人均/单位 GDP, not
    海洋生产总值, not the 出口 of 进出口, not 地区生产总值能耗 or 生产总值的比例; and the whole
    indicator of the government, not a product's, a partner's or a channel's (see `_names_a_part`)."""
    alias, before = m.group(0), text[max(0, m.start() - 2) : m.start()]
    if before.endswith(lx.RATIO_NAME_PREFIXES) or _names_a_part(text, m):
        return False
    after_han = bool(_HAN_RE.fullmatch(before[-1:]))
    if alias in lx.BARE_ALIASES and after_han and before[-1] not in lx.GDP_BARE_PREFIX_CHARS:
        return False
    if alias == lx.PER_CAPITA_INCOME and after_han:
        return False  # 低收入农户人均可支配收入 is not the residents' income
    return not lx.RATIO_AFTER_NAME_RE.match(text[m.end() : m.end() + 4])


def _names_a_part(text: str, m: re.Match) -> bool:
    """What stands before the name in its clause makes it a part of the indicator: a quoted name
    (“新三样”出口增长88%), a partner (对东盟进出口增长13.8%); or a bare name opens a list item
    of another subject's figures (猕猴桃综合产值增长8.5%、出口增长53.6%: the kiwis' exports).
    An effect's figure is read in `_metric_at`, where its figure is known."""
    if m.start() > 0 and text[m.start() - 1] in lx.NAMED_PART_BEFORE:
        return True
    clause = max(text.rfind(ch, 0, m.start()) for ch in lx.CLAUSE_MARKS + "\n") + 1  # 、 too
    lead = text[clause : m.start()]
    if lx.PARTNER_LEAD_RE.match(lead):
        return True
    if m.group(0) not in lx.BARE_ALIASES or lead or text[clause - 1 : clause] != lx.LIST_MARK:
        return False
    item = max(text.rfind(ch, 0, clause - 1) for ch in lx.CLAUSE_MARKS.replace(lx.LIST_MARK, "") + "\n") + 1
    previous = text[item : clause - 1]  # the list's earlier items, back to the clause's start
    return not any(_alias_stands_alone(text, p) for p in _ALIAS_RE.finditer(text, item, clause - 1)) and not previous.startswith(lx.GDP_BARE_NAMES)


def _metric_at(
    doc: ParsedDocument, section: Section, m: re.Match, limit: int, canonical: Optional[str] = None, split: Optional[SplitName] = None
) -> list[_Candidate]:
    text = doc.clean.text
    if canonical is None and not _alias_stands_alone(text, m):
        return []
    indicator = split.label if split else m.group(0)
    canonical = canonical or _ALIAS_CANON[indicator]
    stop = _SENTENCE_STOP.search(text, m.end(), limit)
    end = stop.start() if stop else limit
    window = text[m.end() : end]
    clause_start = max(text.rfind(ch, section.clean_start, m.start()) for ch in ",，。;；:：\n") + 1
    clause_start = max(clause_start, section.clean_start)
    lead = text[clause_start : m.start()]
    pair = lx.URBAN_RURAL_LEAD_RE.search(lead)
    if pair and window.startswith(lx.RESPECTIVELY) and lx.PER_CAPITA_INCOME in indicator:
        return _urban_rural(doc, section, m, window, clause_start, pair)
    if has_list_after(text, m.end(), end):
        return []  # one of the names of a 分别 list: `_handed_out` reads it
    # the value comes first, right after the indicator (and a verb such as 实现 / 完成 / 达)
    tail = lx.INDICATOR_TAIL_RE.match(window)
    verbs = _VALUE_VERBS_PREFIX_RE.match(window, tail.end())
    after = verbs.end() if verbs else 0
    value = LEVEL_RE.match(window, after)
    if value is None:  # "从1997年的7.4万亿元增加到2002年的10.2万亿元": where the period ended
        value = _from_to(window, tail.end())
    topic = value is None and window[after : after + 1] in ("，", ",") and not _ALIAS_RE.search(window, after + 1, own_clause_end(window, after + 1))
    if value is None:  # the figure in the next clause: "……收入，由……增加到……", "……，去年达到1.09万亿斤"
        at = _next_clause_figure_at(window, after, topic)
        value = (LEVEL_RE.match(window, at) or _from_to(window, at)) if at is not None else None
        if value is not None:
            after = at
    if value is not None and not value.group(0)[:1].isdigit():  # "首次突破2万元、达到20793元": the exact level
        exact = _EXACT_LEVEL_AFTER_RE.match(window, value.end())
        level = LEVEL_RE.match(window, exact.end()) if exact else None
        if level is not None and level.group(0)[:1].isdigit() and not re.search(PCT, level.group(0)):
            value = level
    # the indicator's own clause: a change in the next clause counts only when that clause
    # opens with it ("地区生产总值5.3万亿元，增长4.8%"), never when it names another indicator
    own = own_clause_end(window, value.end() if value else after)
    change = CHANGE_RE.search(window, value.end() if value else after, own_clause_end(window, after + 1) if topic else own)
    if change and value is None and change.start() - after > 12 and not topic:
        change = None  # too far from the indicator to be its change (unless the name is the clause's topic: "……收入，……实际增长9.3%")
    if value is None and change is None:
        return _flat(doc, section, m, window, after, canonical)
    if change and change.start() - (value.end() if value else after) > 16:
        change = None
    if value is None and change is None:
        return _flat(doc, section, m, window, after, canonical)
    value_end = value.end() if value else None
    if value is None and change is not None:  # "增长6.1%、突破2万亿元大关"
        tail = lx.TOTAL_AFTER_CHANGE_RE.match(window, change.end())
        total = LEVEL_RE.match(window, tail.end()) if tail else None
        if total and re.search(r"\d", total.group(0)) and not re.search(PCT, total.group(0)) and not _ALIAS_RE.search(window, change.end(), total.start()):
            value, value_end = total, total.end()
    if any(w in lead for w in lx.EFFECT_LEAD_WORDS) and (value is not None or (change and lx.POINTS_SHORT in change.group(0))):
        return []  # 带动进出口415.4亿元: the amount an effort brought; 拉动……增长1.2个百分点: its share of the growth
    period_m = None
    for pm in lx.PERIOD_RE.finditer(text, clause_start, m.end() + (value.start() if value else after)):
        period_m = pm
    span_end = m.end() + max(change.end() if change else 0, value_end or 0)
    alt = lx.ALT_DEFINITION_RE.match(window, change.end()) if change else None
    if alt and change.end() >= (value_end or 0):  # "增长1.7%（同口径增长2.5%以上）": the quote keeps both
        span_end = m.end() + alt.end()
    span_start = min(m.start(), period_m.start()) if period_m else m.start()
    span_start = min(span_start, split.head_start) if split else span_start  # the quote names the head too
    value_text = value.group(0) if value else None
    change_text = change.group(0) if change else None
    qualifier = next((q for q in lx.METRIC_QUALIFIERS if q in lead), None)
    if qualifier is None:
        qualifier = next((q for q in lx.METRIC_QUALIFIERS if q in window[:after] or (value_text or "").startswith(q)), None)
    metric = _metric(doc, section, indicator, canonical, value_text, change_text, period_m, qualifier, span_start, span_end)
    arabic = bool(re.search(r"\d", (value_text or "") + (change_text or "")))
    score = 2 * bool(value_text and change_text) + 2 * arabic + bool(value_text) + bool(change_text)
    return [_Candidate(metric, score, m.start())]



def _from_to(window: str, pos: int) -> Optional[re.Match]:
    """The level at the end of "从1997年的7.4万亿元增加到2002年的10.2万亿元" at `pos`, or None."""
    span = lx.FROM_TO_RE.match(window, pos)
    if span and LEVEL_RE.fullmatch(span.group("from")):
        return LEVEL_RE.match(window, span.end())
    return None


def _next_clause_figure_at(window: str, after: int, topic: bool) -> Optional[int]:
    """Where the next clause gives the indicator's figure when its own clause gives none: after a
    topic comma ("……收入，由……"), or a clause that opens on a time ("，去年达到……", "，全年达到……");
    never across another indicator's name."""
    stop = own_clause_end(window, after)
    if stop >= len(window) or (_ITEM_SOON_RE.search(window, after, stop) and not topic) or _ALIAS_RE.search(window, after, stop):
        return None
    nxt = stop + 1 if not topic else after + 1
    if _ALIAS_RE.search(window, nxt, own_clause_end(window, nxt)):
        return None
    timed = lx.TIMED_FIGURE_CLAUSE_RE.match(window, nxt)
    if not (topic or timed):
        return None
    verbs = _VALUE_VERBS_PREFIX_RE.match(window, timed.end() if timed else nxt)
    return verbs.end()


def _metric(doc, section, indicator, canonical, value_text, change_text, period_m, qualifier, span_start, span_end) -> Metric:
    return Metric(
        indicator=indicator,
        canonical=canonical,
        value=value_text,
        change=change_text,
        period=period_m.group(0) if period_m else None,
        qualifier=qualifier,
        **metric_figures(value_text, change_text),
        source=span_of(doc, section.path, span_start, span_end),
        status=VerificationStatus.VERIFIED,
        origin="rule",
    )


def _flat(doc: ParsedDocument, section: Section, m: re.Match, window: str, after: int, canonical: str) -> list[_Candidate]:
    """"居民消费价格指数持平": a change of 0, printed without a number."""
    flat = lx.FLAT_CHANGE_RE.match(window, after)
    if not flat:
        return []
    metric = _metric(doc, section, m.group(0), canonical, None, flat.group(0), None, None, m.start(), m.end() + flat.end())
    metric.change_number, metric.change_unit = 0.0, "%"
    return [_Candidate(metric, 1, m.start())]


def _urban_rural(doc: ParsedDocument, section: Section, m: re.Match, window: str, clause_start: int, pair: re.Match) -> list[_Candidate]:
    """"城乡居民人均可支配收入分别增长4.7%、6.6%" → the urban and the rural figure, each with the
    change word the list shares and labelled by its own subject (城镇居民人均可支配收入,
    农村居民人均可支配收入); never one figure for both, never two under one name."""
    changes = _URBAN_RURAL_CHANGES_RE.match(window)
    if not changes:
        return []
    text = doc.clean.text
    start = clause_start + pair.start() if clause_start + pair.start() < m.start() else m.start()
    span_end = m.end() + changes.end()
    rest = text[min(clause_start + pair.end(), m.start()) : m.end()]  # 居民人均可支配收入 after 城乡 / 城镇和
    rest = rest[len(lx.RURAL) :] if rest.startswith(lx.RURAL) else rest
    out = []
    for k, (canonical, group, side) in enumerate(((lx.URBAN_INCOME, "a", lx.URBAN), (lx.RURAL_INCOME, "b", lx.RURAL))):
        change_text = changes.group("word") + changes.group(group)
        indicator = side + rest
        metric = _metric(doc, section, indicator, canonical, None, change_text, None, None, start, span_end)
        out.append(_Candidate(metric, 3, m.start() + k))  # a change in Arabic digits, as _metric_at scores it
    return out



def extract_headline_metrics(doc: ParsedDocument) -> list[Metric]:
    """The best-stated figure of the review year for each headline indicator, wherever the report
    prints it (see `result_regions`), in document order. A value and a change in Arabic digits
    beat a bare mention such as 突破千亿元; between equals, the one in the report's results
    paragraph (where most headline indicators are printed together) and the one whose sentence
    names the year win, then the first. Where the best one lacks its level or its change and the
    same sentence gives it for the same indicator ("地区生产总值增长5.7%，高于全国0.7个百分点，
    经济总量达到64697亿元"), the two are one metric."""
    found: dict[str, list[_Candidate]] = {}
    text = doc.clean.text
    several_years = multi_year_spans(doc)
    review_year = doc.tree.metadata.review_year
    for section, start, end, in_review in result_regions(doc):
        names = [(m, None) for m in _ALIAS_RE.finditer(text, start, end)] + [(n.match, n) for n in split_names(text, start, end)]
        for m, split in names:
            s_start, s_end = _sentence_bounds(text, m.start(), start, end)
            sentence = text[s_start:s_end]
            clause_end = _clause_end(text, m.end(), s_end)
            if not in_review and not states_a_result(text, paragraph_start(text, s_start, start), s_start, clause_end, review_year):
                continue
            c_start = max(max(text.rfind(ch, s_start, m.start()) for ch in "，,；;：:") + 1, s_start)
            cands = _metric_at(doc, section, m, end, split.canonical, split) if split else _metric_at(doc, section, m, end) + _handed_out(doc, section, m, s_start, s_end)
            for cand in cands:
                several = in_spans(m.start(), several_years) or bool(lx.MULTI_YEAR_SENTENCE_RE.search(text, s_start, m.start()))
                # "国内生产总值2000年达89404亿元", "……，去年达到1.09万亿斤" in a five-year review: the year's
                _mark_several_years(cand, several and not _names_its_year(doc, c_start, cand.metric, review_year))
                cand.rank = (cand.score, _headline_density(text, m.start()), _of_the_year(text, m.start(), sentence, review_year, several), in_review)
                found.setdefault(cand.metric.canonical or cand.metric.indicator, []).append(cand)
    if lx.GDP_CANONICAL not in found:
        for part in doc.tree.sections:
            gdp = _unnamed_gdp(doc, part) if part.kind == SectionKind.REVIEW and not part.derived else None
            if gdp:
                found[lx.GDP_CANONICAL] = [gdp]
                break
    best = []
    for cands in found.values():
        top = max(cands, key=lambda c: c.rank)  # the first of the best
        best.append(_completed(doc, top, cands))
    return [c.metric for c in sorted(best, key=lambda c: c.pos)]


def _handed_out(doc: ParsedDocument, section: Section, m: re.Match, s_start: int, s_end: int) -> list[_Candidate]:
    """The figure a 分别 list of the sentence gives this indicator, with the level its own clause
    prints ("城镇居民人均可支配收入9422元，……，分别实际增长7.7%和6.8%" → 9422元, 实际增长7.7%)."""
    text = doc.clean.text
    if not _alias_stands_alone(text, m):
        return []
    names = [(a.start(), a.end()) for a in _ALIAS_RE.finditer(text, s_start, s_end) if _alias_stands_alone(text, a)]
    out = []
    for h in hand_out(text, s_start, s_end, names):
        if h.name_start != m.start():
            continue
        value = h.value
        if value is None:  # its own clause may print its level
            own = _VALUE_VERBS_PREFIX_RE.match(text, m.end())
            level = LEVEL_RE.match(text, own.end() if own else m.end())
            value = level.group(0) if level and re.search(r"\d", level.group(0)) else None
        canonical = _ALIAS_CANON[m.group(0)]
        metric = _metric(doc, section, m.group(0), canonical, value, h.change, None, None, m.start(), h.end)
        # one more than `_metric_at` gives the same figures: a list says whose figure it is
        out.append(_Candidate(metric, 2 * bool(value and h.change) + 3 + bool(value) + bool(h.change), m.start()))
    return out


def _sentence_bounds(text: str, pos: int, floor: int, ceiling: int) -> tuple[int, int]:
    start = max(text.rfind(ch, floor, pos) for ch in "。！？!?\n") + 1
    stop = _SENTENCE_END_RE.search(text, pos, ceiling)
    return max(start, floor), (stop.end() if stop else ceiling)


def _clause_end(text: str, pos: int, ceiling: int) -> int:
    stop = _CLAUSE_STOP_RE.search(text, pos, ceiling)
    return stop.start() if stop else ceiling


def _names_its_year(doc: ParsedDocument, c_start: int, metric: Metric, review_year: Optional[int]) -> bool:
    """Whether the words from a figure's clause to the figure name the review year (its number, 去年)."""
    _, end = doc.clean.to_clean(metric.source.start, metric.source.end)
    words = doc.clean.text[c_start:end]
    return lx.ANNUAL_AVERAGE not in words and (bool(lx.REVIEW_YEAR_SENTENCE_RE.search(words)) or (review_year is not None and f"{review_year}{lx.YEAR_WORD}" in words))


def _of_the_year(text: str, pos: int, sentence: str, review_year: Optional[int], several: bool) -> bool:
    """Whether a figure speaks of the review year by what comes before it: the last words of a time
    in its paragraph (up to YEAR_CUE_WINDOW characters back) name the year (刚刚过去的2025年，……),
    not several years; or its sentence names the year outside a passage of several years."""
    floor = max(text.rfind("\n", 0, pos) + 1, pos - YEAR_CUE_WINDOW)
    year = rf"|{review_year}{lx.YEAR_WORD}" if review_year else ""
    cues = list(re.finditer(rf"(?P<year>{lx.REVIEW_YEAR_SENTENCE_RE.pattern}{year})|(?P<years>{lx.MULTI_YEAR_SENTENCE_RE.pattern})", text[floor:pos]))
    if cues:
        return cues[-1].group("year") is not None
    return not several and _names_the_year(sentence, review_year)


#: How far back a figure's paragraph is read for the time it speaks of.
YEAR_CUE_WINDOW = 600


def _names_the_year(sentence: str, review_year: Optional[int]) -> bool:
    return bool(lx.REVIEW_YEAR_SENTENCE_RE.search(sentence)) or (review_year is not None and f"{review_year}{lx.YEAR_WORD}" in sentence)


def _headline_density(text: str, pos: int) -> int:
    """How many headline indicators the paragraph around `pos` prints with a figure: the report's
    results paragraph prints most of them together."""
    ps = text.rfind("\n", 0, pos) + 1
    pe = text.find("\n", pos)
    pe = len(text) if pe < 0 else pe
    named = {_ALIAS_CANON[m.group(0)] for m in _ALIAS_RE.finditer(text, ps, pe) if _FIGURE_SOON_RE.match(text, m.end())}
    return min(len(named), HEADLINE_DENSITY_CAP)


#: Past this many indicators in one paragraph, more say nothing more about it being the results one.
HEADLINE_DENSITY_CAP = 4


#: What stands between an indicator and its value: (GDP), 实现, 完成, 达到 …
_VALUE_VERBS = lx.compile_alternation(list(lx.VALUE_VERBS))
_VALUE_VERBS_PREFIX_RE = re.compile(r"(?:\(GDP\)|（GDP）)?(?:" + _VALUE_VERBS + r")*")
_ITEM_SOON_RE = re.compile(r"\d+(?![\d.．]|个?月|日|号|季度|年|时)")  # a figure, not a date (从7月份开始)
_EXACT_LEVEL_AFTER_RE = re.compile(r"[、，,](?:" + _VALUE_VERBS + r")+")
_SENTENCE_END_RE = re.compile("[。！？!?]")
_CLAUSE_STOP_RE = re.compile("[，,；;。！？!?]")
_FIGURE_SOON_RE = re.compile(r"[^。；;，,\n\d]{0,10}\d")
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
#: "城乡居民人均可支配收入分别增长4.7%、6.6%": the change word and the urban and the rural rate.
_URBAN_RURAL_CHANGES_RE = re.compile(
    rf"{lx.RESPECTIVELY}\s*(?P<word>{CHANGE})\s*(?P<a>{NUM}\s*(?:{PERCENT}))\s*(?:{'|'.join(lx.PAIR_JOINERS)})\s*(?P<b>{NUM}\s*(?:{PERCENT}))"
)


#: A figure of several years ranks below any figure of the review year.
SEVERAL_YEARS_PENALTY = 10


def _mark_several_years(cand: _Candidate, in_passage: bool) -> None:
    """A figure read in a five-year passage is labelled with that period; it and a 年均 change
    (an average over years) yield to any figure of the review year itself."""
    if in_passage:
        cand.metric.period = lx.MULTI_YEAR_PERIOD
        cand.score -= SEVERAL_YEARS_PENALTY
    if lx.ANNUAL_AVERAGE in (cand.metric.change or ""):  # an average over years, even beside the year's own figure
        cand.score -= SEVERAL_YEARS_PENALTY


def _completed(doc: ParsedDocument, top: _Candidate, cands: list[_Candidate]) -> _Candidate:
    m = top.metric
    if m.value and m.change:
        return top
    for other in cands:
        o = other.metric
        if other is top or o.period != m.period or (m.value and not o.change) or (m.change and not o.value) or (o.value and o.change):
            continue
        a, b = sorted((m.source, o.source), key=lambda s: s.start)
        (a_start, a_end), (b_start, b_end) = doc.clean.to_clean(a.start, a.end), doc.clean.to_clean(b.start, b.end)
        if b_start - a_end > 40 or re.search(r"[。；;\n]", doc.clean.text[a_end:b_start]):
            continue
        merged = m.model_copy(
            update={
                "value": m.value or o.value, "number": m.number if m.value else o.number, "unit": m.unit if m.value else o.unit,
                "change": m.change or o.change, "change_number": m.change_number if m.change else o.change_number,
                "change_unit": m.change_unit if m.change else o.change_unit, "qualifier": m.qualifier or o.qualifier,
                "source": span_of(doc, a.section_path, a_start, b_end),
            }
        )
        return _Candidate(merged, top.score + 2, min(top.pos, other.pos))
    return top


def _unnamed_gdp(doc: ParsedDocument, part: Section) -> Optional[_Candidate]:
    """GDP printed without its name in the review's results ("……，全年增长4.8%、总量达5.3万亿元"):
    only a 全年/经济 clause, within the first paragraphs of the review."""
    text = doc.clean.text
    start, end = part.body_start, min(part.clean_end, part.body_start + 2500)
    for m in lx.UNNAMED_GDP_RE.finditer(text, start, end):
        at = m.start("lead")
        section = next((s for s in part.walk() if s.clean_start <= at < s.clean_end and not s.children), part)
        fake = re.compile(re.escape(m.group("lead"))).match(text, at)
        for cand in _metric_at(doc, section, fake, end, canonical=lx.GDP_CANONICAL):
            return cand
    return None


def read_sentences(doc: ParsedDocument, spans: list[tuple[int, int]]) -> list[Metric]:
    """The headline results the rules read from given sentences (cleaned spans), each the best of
    its indicator: sentences the model pointed at where no result of the year was found
    (model.pointer). A figure after words of the plan in its sentence is none."""
    text = doc.clean.text
    found: dict[str, _Candidate] = {}
    for s, e in spans:
        section = next((x for x in doc.tree.walk() if x.clean_start <= s < x.clean_end and not x.children), doc.tree.sections[0])
        for m, canonical in alias_matches(text, s, e):
            if lx.PLAN_SENTENCE_RE.search(text, s, _clause_end(text, m.end(), e)):
                continue  # a figure the sentence sets for the plan ("今年……目标安排：……") is no result
            for cand in _metric_at(doc, section, m, e) + _handed_out(doc, section, m, s, e):
                key = cand.metric.canonical or cand.metric.indicator
                if key not in found or cand.score > found[key].score:
                    found[key] = cand
    return [c.metric for c in sorted(found.values(), key=lambda c: c.pos)]
