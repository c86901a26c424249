"""Rules: what the text already structures, extracted without a model (and so exactly).

- targets: the `——地区生产总值增长8%;` lines and inline lists (主要预期目标是: …; …;) of the
  targets sections, with comparator, number, unit and binding/expected;
- problems: the 一是……二是…… items of the problems passage;
- headline metrics: the main indicators of the review year (地区生产总值, 规上工业增加值, 固定资产投资,
  社会消费品零售总额, 一般公共预算收入, …) with value, change and period as printed.

Every item's text is a slice of the cleaned text, so its span maps exactly to the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from schemas.document import Section, SectionKind
from schemas.summary import Metric, Problem, SourceSpan, Target, VerificationStatus

from . import lexicon as lx
from .document import ParsedDocument
from .numbers import first_number
from .periods import in_spans, multi_year_spans
from .problems import first_clause, split_items
from .verify import signed_change

_NUM = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]*[一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*)"
_UNIT = lx.compile_alternation([u for u, _, _ in lx.UNITS])
_QUAL = lx.compile_alternation(list(lx.CHANGE_QUALIFIERS))
_BEFORE = lx.compile_alternation(list(lx.COMPARATORS_BEFORE))
_AFTER = lx.compile_alternation(list(lx.COMPARATORS_AFTER))
_CHANGE = lx.compile_alternation(["增长", "下降", "增速", "增幅", "涨幅", "上涨", "提高", "降低", "回落", *lx.EXTRA_METRIC_CHANGE_WORDS])

#: A change as printed: 同比增长8.9%, 按自然口径计算下降9.9%, 增速7%, 增长7%以上.
CHANGE_RE = re.compile(rf"(?:(?:{_QUAL})\s*)?(?:{_CHANGE})\s*(?:了)?\s*{_NUM}\s*(?:%|％|个百分点|百分点|倍)(?:{_AFTER})?")
#: A level as printed: 4759亿元, 超5200亿元, 900亿元以上, 突破千亿元.
LEVEL_RE = re.compile(rf"(?:(?:{_BEFORE})\s*)?{_NUM}\s*(?:余|多)?\s*(?:{_UNIT}|[万亿]+)(?:{_AFTER})?")
#: A target without a number.
QUALITATIVE_TARGET_RE = re.compile(r"(?:实现)?(?P<t>" + lx.compile_alternation(lx.QUALITATIVE_TARGETS) + ")")
_VERBS_RE = re.compile(r"(?:" + lx.compile_alternation(list(lx.VALUE_VERBS)) + r")+$")
_LEAD_RE = re.compile(r"^(?:" + lx.compile_alternation(lx.TARGET_LEAD_WORDS) + ")+")


def _span(doc: ParsedDocument, path: str, start: int, end: int, quote_max: int = 300) -> SourceSpan:
    a, b = doc.clean.to_original(start, end)
    quote = doc.clean.text[start:end] if end - start <= quote_max else None
    return SourceSpan(section_path=path, start=a, end=b, quote=quote)


def canonical_indicator(name: str) -> Optional[str]:
    """The canonical headline indicator a printed name stands for, or None. A name that only
    mentions one (人均地区生产总值, 单位地区生产总值能耗, 研发经费相当于生产总值的比例) is none."""
    name = re.sub(r"[(（]GDP[)）]", "", name.strip())
    if name in lx.GDP_BARE_NAMES:
        return "地区生产总值"
    if lx.NOT_HEADLINE_RE.search(name):
        return None
    for canonical, aliases in lx.HEADLINE_INDICATORS:
        if any(a in name for a in aliases):
            return canonical
    return None


def comparator_of(target: str) -> Optional[str]:
    """The comparator a target is printed with; one after the number (左右, 以上) says more than
    a verb before it (达到4.5%左右 is "about 4.5%")."""
    for word in lx.COMPARATORS_AFTER:
        if target.endswith(word):
            return word
    for word in lx.COMPARATORS_BEFORE:
        if target.startswith(word) or re.match(rf"^(?:{_CHANGE})?{re.escape(word)}", target):
            return {"达": "达到", "力争达到": "达到"}.get(word, word)
    return None


# ---------------------------------------------------------------------------------------------
# Targets
# ---------------------------------------------------------------------------------------------


_PCT = r"(?:%|％|个百分点|百分点)"
_TCHANGE = lx.compile_alternation(["增长", "下降", "增速", "增幅", "涨幅", "提高", "降低", "回落", "减少", "增加"])
#: A target value: 增长5%左右, 增长5.0%—5.5%, 涨幅2%左右, 5.5%以内, 616亿斤左右, 70万人, 16.8万元/人左右.
TARGET_VALUE_RE = re.compile(
    rf"(?:(?:{_QUAL})\s*)?(?:(?:{_TCHANGE})\s*)?(?:(?:{_BEFORE})\s*)?"
    rf"(?:\d+(?:\.\d+)?\s*{_PCT}?\s*[-—–~～至到]\s*\d+(?:\.\d+)?\s*{_PCT}"
    rf"|{_NUM}\s*(?:余|多)?\s*(?:{_PCT}|{_UNIT}|[万亿]+))(?:{_AFTER})?"
)
_TVERBS_RE = re.compile(r"(?:" + lx.compile_alternation(list(lx.TARGET_VERBS)) + r")+$")
_RANGE_RE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|％)?\s*[-—–~～至到]\s*(\d+(?:\.\d+)?)")


def _targets_passages(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where target lists are printed in [start, end): each "——" line (its first sentence), and
    the sentences after "主要预期目标是：" for as long as they state targets."""
    out = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        s, e = start + line.start(), start + line.end()
        if text.startswith("——", s):
            stop = re.search(r"[。;；]", text[s + 2 : e])
            out.append((s + 2, s + 2 + stop.start() if stop else e))
            continue
        trigger = lx.TARGETS_TRIGGER_RE.search(text, s, e)
        if not trigger:
            continue
        colon = re.compile(r"[:：]").search(text, trigger.end(), e)
        pos = colon.end() if colon else trigger.end()
        for m in re.finditer(r"[^。]+。?", text[pos:e]):
            a, b = pos + m.start(), pos + m.end()
            if out and out[-1][1] >= pos and not _clauses_of(text, a, b):
                break  # "确定以上目标，……": the list is over
            out.append((a, b))
    return out


def _clauses_of(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Clauses of a target sentence: split at ，；, and at 、 where both sides state a value
    and the right one names its own indicator or raises the stakes (、力争达到8%)."""
    out = []
    for m in re.finditer(r"[^，,；;。]+", text[s:e]):
        a, b = s + m.start(), s + m.end()
        clause = text[a:b]
        if "分别" in clause or not TARGET_VALUE_RE.search(clause):
            out.append((a, b))
            continue
        pos = a
        for d in re.finditer("、", clause):
            right = clause[d.end() :]
            v = TARGET_VALUE_RE.search(right)
            own = v and re.match(r"^[\u4e00-\u9fff“”]{2,}", right[: v.start()] or "")
            if (own or lx.TARGET_STRETCH_RE.match(right)) and TARGET_VALUE_RE.search(text, pos, a + d.start()):
                out.append((pos, a + d.start()))
                pos = a + d.end()
        out.append((pos, b))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _indicator_before(clause: str, at: int) -> str:
    indicator = clause[:at].strip(" ,，、:：")
    indicator = _TVERBS_RE.sub("", indicator)
    return _LEAD_RE.sub("", indicator).strip(" ,，、")


def parse_target(clause: str) -> list[tuple[str, str, int, int]]:
    """(indicator, target as stated, start, end of the target in the clause) for each target of
    one clause; several where one clause lists them with 分别 ("城镇、农村居民人均可支配收入分别
    增长5%、6.5%左右", "城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内")."""
    values = list(TARGET_VALUE_RE.finditer(clause))
    if not values:
        q = QUALITATIVE_TARGET_RE.search(clause)
        if q:  # 外贸进出口总额实现正增长
            indicator = _indicator_before(clause, q.start("t"))
            if indicator and len(indicator) <= 30:
                return [(indicator, q.group("t"), q.start("t"), q.end("t"))]
        if q or any(w in clause for w in lx.QUALITATIVE_TARGET_WORDS):
            text = clause.strip(" ，,、")
            lead = _LEAD_RE.match(text)
            text = text[lead.end() :] if lead else text
            if 4 <= len(text) <= 40:
                at = clause.index(text)
                return [(text, text, at, at + len(text))]
        return []
    first = values[0]
    indicator = _indicator_before(clause, first.start())
    if "分别" in clause[: first.start()] or indicator.endswith("分别"):
        names = [n for n in re.split(r"[、和及与]", indicator.replace("分别", "")) if n]
        if len(names) > 1 and all(len(n) <= 3 for n in names[:-1]) and len(names[-1]) > len(names[0]):
            rest = names[-1][len(names[0]) :]  # 一、二、三产增加值 → 一产增加值, 二产增加值, 三产增加值
            names = [n + rest for n in names[:-1]] + names[-1:]
        nums = values
        if len(names) == 1 and names[0].startswith("城乡") and len(nums) == 2:
            names = ["城镇" + names[0][2:], "农村" + names[0][2:]]  # 城乡居民…分别增长8%和10%
        if len(names) == len(nums) and len(names) > 1:
            shared_after = next((w for w in lx.COMPARATORS_AFTER if nums[-1].group(0).endswith(w)), "")
            change = re.match(rf"(?:{_TCHANGE})", clause[first.start() :])
            out = []
            for i, (name, v) in enumerate(zip(names, nums)):
                target = v.group(0)
                if change and not target.startswith(change.group(0)):
                    target = change.group(0) + target
                if shared_after and not target.endswith(tuple(lx.COMPARATORS_AFTER)):
                    target += shared_after
                out.append((name, target, v.start(), v.end()))
            return out
    if not indicator or len(indicator) > 30:
        return []
    return [(indicator, first.group(0).strip(), first.start(), first.end())]


def extract_targets(doc: ParsedDocument) -> list[Target]:
    out: list[Target] = []
    seen: set[tuple[int, int]] = set()
    text = doc.clean.text
    for section in doc.tree.of_kind(SectionKind.TARGETS):
        for start, end in doc.own_text_spans(section):
            for ps, pe in _targets_passages(text, start, end):
                for cs, ce in _clauses_of(text, ps, pe):
                    if (cs, ce) in seen:
                        continue
                    seen.add((cs, ce))
                    clause = text[cs:ce]
                    if out and lx.TARGET_STRETCH_RE.match(clause.strip()) and out[-1].source.end <= doc.clean.to_original(cs, ce)[0] + 2:
                        out[-1].note = clause.strip()  # "、力争达到8%": the stretch of the target before
                        continue
                    for indicator, target, a, b in parse_target(clause):
                        out.append(_target(doc, section, indicator, target, cs, ce))
    return out


def _target(doc: ParsedDocument, section: Section, indicator: str, target: str, cs: int, ce: int) -> Target:
    number, unit = first_number(target)
    rng = _RANGE_RE.search(target)
    return Target(
        indicator=indicator,
        canonical=canonical_indicator(indicator),
        target=target,
        comparator=comparator_of(target),
        number=float(rng.group(1)) if rng else number,
        unit=unit,
        upper=float(rng.group(2)) if rng else None,
        binding=_binding(doc, section, cs),
        source=_span(doc, section.path, cs, ce),
    )


def _binding(doc: ParsedDocument, section: Section, pos: int) -> Optional[bool]:
    """约束性 / 预期性 from the section's title or the heading line above the clause."""
    if lx.BINDING_RE.search(section.title):
        return True
    if lx.EXPECTED_RE.search(section.title):
        return False
    before = doc.clean.text[section.clean_start : pos]
    last_b = max((m.start() for m in lx.BINDING_RE.finditer(before)), default=-1)
    last_e = max((m.start() for m in lx.EXPECTED_RE.finditer(before)), default=-1)
    if last_b == last_e == -1:
        return None
    return last_b > last_e


# ---------------------------------------------------------------------------------------------
# Problems
# ---------------------------------------------------------------------------------------------


def problems_section(doc: ParsedDocument) -> Optional[Section]:
    """The problems passage (the outermost one), or None where the report has none we found."""
    found = doc.tree.of_kind(SectionKind.PROBLEMS)
    return min(found, key=lambda s: s.level) if found else None


def problems_span(doc: ParsedDocument) -> Optional[SourceSpan]:
    section = problems_section(doc)
    return _span(doc, section.path, section.clean_start, section.clean_end, quote_max=0) if section else None


def extract_problems(doc: ParsedDocument) -> list[Problem]:
    """One item per distinct problem of the passage, each a verbatim span of it."""
    section = problems_section(doc)
    if section is None:
        return []
    text = doc.clean.text
    out: list[Problem] = []
    for s, e in split_items(text, section.body_start, section.clean_end):
        cut = first_clause(text, s, e)
        out.append(
            Problem(
                summary=text[s:cut],
                detail=text[cut:e].lstrip("，,：: "),
                source=_span(doc, _deepest_path(section, s), s, e),
            )
        )
    return out


def _deepest_path(section: Section, pos: int) -> str:
    for child in section.children:
        if child.clean_start <= pos < child.clean_end:
            return _deepest_path(child, pos)
    return section.path


# ---------------------------------------------------------------------------------------------
# Headline metrics
# ---------------------------------------------------------------------------------------------

_ALIASES = sorted(((a, c) for c, aliases in lx.HEADLINE_INDICATORS for a in aliases), key=lambda x: -len(x[0]))
_ALIAS_RE = re.compile("|".join(re.escape(a) for a, _ in _ALIASES))
_ALIAS_CANON = dict(_ALIASES)
_SENTENCE_STOP = re.compile("[" + re.escape(lx.SENTENCE_END) + r"\n]|" + lx.METRIC_CLAUSE_BREAK)


@dataclass
class _Candidate:
    metric: Metric
    score: int
    pos: int


def _alias_stands_alone(text: str, m: re.Match) -> bool:
    """The alias names the indicator itself, not a part or a ratio of it: not 人均/单位 GDP, not
    海洋生产总值, not the 出口 of 进出口, not 地区生产总值能耗 or 生产总值的比例."""
    alias, before = m.group(0), text[max(0, m.start() - 2) : m.start()]
    if before.endswith(("人均", "单位", "万元")) or (before[-1:] == "均"):
        return False
    if alias in lx.BARE_ALIASES and before[-1:] and "\u4e00" <= before[-1] <= "\u9fff" and before[-1] not in lx.GDP_BARE_PREFIX_CHARS:
        return False
    if alias == "人均可支配收入" and before[-1:] and "\u4e00" <= before[-1] <= "\u9fff":
        return False  # 低收入农户人均可支配收入 is not the residents' income
    return not re.match(r"(?:的)?(?:比[例重]|能耗|占比|增加值率)", text[m.end() : m.end() + 4])


def _metric_at(doc: ParsedDocument, section: Section, m: re.Match, limit: int, canonical: Optional[str] = None) -> list[_Candidate]:
    text = doc.clean.text
    if canonical is None and not _alias_stands_alone(text, m):
        return []
    indicator = m.group(0)
    canonical = canonical or _ALIAS_CANON[indicator]
    stop = _SENTENCE_STOP.search(text, m.end(), limit)
    end = stop.start() if stop else limit
    window = text[m.end() : end]
    clause_start = max(text.rfind(ch, section.clean_start, m.start()) for ch in ",，。;；:：\n") + 1
    clause_start = max(clause_start, section.clean_start)
    lead = text[clause_start : m.start()]
    pair = lx.URBAN_RURAL_LEAD_RE.search(lead)
    if pair and window.startswith("分别") and "人均可支配收入" in indicator:
        return _urban_rural(doc, section, m, window, clause_start, pair)
    # the value comes first, right after the indicator (and a verb such as 实现 / 完成 / 达)
    verbs = re.match(r"^(?:\(GDP\)|（GDP）)?(?:" + lx.compile_alternation(list(lx.VALUE_VERBS)) + r")*", window)
    after = verbs.end() if verbs else 0
    value = LEVEL_RE.match(window, after)
    # the indicator's own clause: a change in the next clause counts only when that clause
    # opens with it ("地区生产总值5.3万亿元，增长4.8%"), never when it names another indicator
    own = _own_clause_end(window, value.end() if value else after)
    change = CHANGE_RE.search(window, value.end() if value else after, own)
    if change and value is None and change.start() - after > 12:
        change = None  # too far from the indicator to be its change
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
        if total and re.search(r"\d", total.group(0)) and not re.search(r"%|％|百分点", total.group(0)) and not _ALIAS_RE.search(window, change.end(), total.start()):
            value, value_end = total, total.end()
    period_m = None
    for pm in lx.PERIOD_RE.finditer(text, clause_start, m.end() + (value.start() if value else after)):
        period_m = pm
    span_end = m.end() + max(change.end() if change else 0, value_end or 0)
    alt = lx.ALT_DEFINITION_RE.match(window, change.end()) if change else None
    if alt and change.end() >= (value_end or 0):  # "增长1.7%（同口径增长2.5%以上）": the quote keeps both
        span_end = m.end() + alt.end()
    span_start = min(m.start(), period_m.start()) if period_m else m.start()
    value_text = value.group(0) if value else None
    change_text = change.group(0) if change else None
    qualifier = next((q for q in lx.METRIC_QUALIFIERS if q in lead), None)
    if qualifier is None:
        qualifier = next((q for q in lx.METRIC_QUALIFIERS if q in window[:after] or (value_text or "").startswith(q)), None)
    metric = _metric(doc, section, indicator, canonical, value_text, change_text, period_m, qualifier, span_start, span_end)
    arabic = bool(re.search(r"\d", (value_text or "") + (change_text or "")))
    score = 2 * bool(value_text and change_text) + 2 * arabic + bool(value_text) + bool(change_text)
    return [_Candidate(metric, score, m.start())]


def metric_figures(value: Optional[str], change: Optional[str]) -> dict[str, object]:
    """A metric's parsed numbers from its printed value and change: number and unit of the value
    (4759亿元 → 4759.0, 亿元), the signed change and its unit (下降9.9% → -9.9, %)."""
    number, unit = first_number(value) if value else (None, None)
    change_number, change_unit = signed_change(change) if change else (None, None)
    return {"number": number, "unit": unit, "change_number": change_number, "change_unit": change_unit}


def _metric(doc, section, indicator, canonical, value_text, change_text, period_m, qualifier, span_start, span_end) -> Metric:
    return Metric(
        indicator=indicator,
        canonical=canonical,
        value=value_text,
        change=change_text,
        period=period_m.group(0) if period_m else None,
        qualifier=qualifier,
        **metric_figures(value_text, change_text),
        source=_span(doc, section.path, span_start, span_end),
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
    change word the list shares; never one figure for both."""
    changes = re.match(rf"分别\s*(?P<word>{_CHANGE})\s*(?P<a>{_NUM}\s*(?:%|％))\s*(?:、|和|与)\s*(?P<b>{_NUM}\s*(?:%|％))", window)
    if not changes:
        return []
    text = doc.clean.text
    start = clause_start + pair.start() if clause_start + pair.start() < m.start() else m.start()
    span_end = m.end() + changes.end()
    out = []
    for k, (canonical, group) in enumerate((("城镇居民人均可支配收入", "a"), ("农村居民人均可支配收入", "b"))):
        change_text = changes.group("word") + changes.group(group)
        indicator = text[start : m.end()]
        metric = _metric(doc, section, indicator, canonical, None, change_text, None, None, start, span_end)
        out.append(_Candidate(metric, 3, m.start() + k))  # a change in Arabic digits, as _metric_at scores it
    return out


@dataclass
class ClauseMetric:
    """One indicator's figures as one clause prints them (offsets in the text given)."""

    indicator: str
    value: Optional[str]
    change: Optional[str]
    qualifier: Optional[str]
    start: int
    end: int


_CLAUSE_RE = re.compile(r"[^，,；;。、！!？?\n：:]+")
#: A count in Arabic digits (新建幼儿园7所, 建成项目120个以上).
COUNT_RE = re.compile(rf"\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:万|亿)?[{lx.COUNT_UNITS}](?:{_AFTER})?")
_METRIC_LEAD_VERBS_RE = re.compile(r"^(?:全年|累计|共|完成|实现|其中)+")


def clause_metrics(text: str, start: int, end: int) -> list[ClauseMetric]:
    """Every indicator with a figure in [start, end), clause by clause: a value and a change
    belong to one indicator only when they sit in its clause, or the next clause opens with the
    change ("完成投资300亿元，增长8%"). The indicator is the clause's words before its first
    figure, less verbs (完成, 达到, 实现)."""
    out: list[ClauseMetric] = []
    for c in _CLAUSE_RE.finditer(text, start, end):
        a, b = c.start(), c.end()
        clause = text[a:b]
        change = CHANGE_RE.search(clause)
        levels = [
            m for m in [*LEVEL_RE.finditer(clause), *COUNT_RE.finditer(clause)]
            if not (change and m.start() < change.end() and change.start() < m.end())
        ]
        levels.sort(key=lambda m: (m.start(), -len(m.group(0))))
        value = next((m for m in levels if re.search(r"\d", m.group(0))), None)
        firsts = [m for m in (value, change) if m is not None]
        if not firsts:
            continue
        first = min(firsts, key=lambda m: m.start())
        lead = clause[: first.start()]
        indicator = _METRIC_LEAD_VERBS_RE.sub("", _LEAD_RE.sub("", _VERBS_RE.sub("", lead.strip()))).strip(" “”")
        if change and re.fullmatch(r"\s*(?:实现|完成|比上年|同比)*", clause[: change.start()]) and out and out[-1].change is None and out[-1].end == a - 1:
            prev = out[-1]  # "……300亿元，增长8%": the change of the figure before
            out[-1] = ClauseMetric(prev.indicator, prev.value, change.group(0), prev.qualifier, prev.start, a + change.end())
            continue
        if not (2 <= len(indicator) <= 20) or not re.search(r"[\u4e00-\u9fff]", indicator):
            continue
        qualifier = next((q for q in lx.METRIC_QUALIFIERS if q in lead), None)
        last = max(m.end() for m in firsts)
        out.append(ClauseMetric(indicator, value.group(0) if value else None, change.group(0) if change else None, qualifier, a + len(lead) - len(lead.lstrip()), a + last))
    return out


_CLAUSE_BREAK_RE = re.compile(r"[，,、；;]")
_CHANGE_OPENER_RE = re.compile(r"\s*(?:实现|完成)?(?:比上年|同比|同口径|自然口径|按自然口径计算|按可比价格计算|按可比价计算|增长|下降|增速|增幅|提高|降低|回落|上涨)")


def _own_clause_end(window: str, pos: int) -> int:
    """End of the clause that holds `pos`, running on over breaks that are followed by a change
    of the same indicator."""
    while True:
        m = _CLAUSE_BREAK_RE.search(window, pos)
        if not m:
            return len(window)
        rank = lx.RANK_CLAUSE_RE.match(window, m.end())
        then = _CLAUSE_BREAK_RE.match(window, rank.end()) if rank else None
        if then and _CHANGE_OPENER_RE.match(window, then.end()):  # "达到5.53万亿元、稳居全国前十强、增长4.8%"
            pos = then.end()
            continue
        if not _CHANGE_OPENER_RE.match(window, m.end()):
            return m.start()
        pos = m.end() + 1


def extract_headline_metrics(doc: ParsedDocument) -> list[Metric]:
    """The best-stated occurrence of each headline indicator in the review part (a value and a
    change in Arabic digits beat a bare mention such as 突破千亿元), in document order. Where the
    best one lacks its level or its change and the same sentence gives it for the same indicator
    ("地区生产总值增长5.7%，高于全国0.7个百分点，经济总量达到64697亿元"), the two are one metric."""
    found: dict[str, list[_Candidate]] = {}
    text = doc.clean.text
    several_years = multi_year_spans(doc)
    for part in doc.tree.sections:
        if part.kind != SectionKind.REVIEW or part.derived:
            continue
        for section, start, end in _review_regions(doc, part):
            for m in _ALIAS_RE.finditer(text, start, end):
                for cand in _metric_at(doc, section, m, end):
                    _mark_several_years(cand, in_spans(m.start(), several_years))
                    found.setdefault(cand.metric.canonical or cand.metric.indicator, []).append(cand)
        if "地区生产总值" not in found:
            gdp = _unnamed_gdp(doc, part)
            if gdp:
                found["地区生产总值"] = [gdp]
    best = []
    for cands in found.values():
        top = max(cands, key=lambda c: c.score)  # the first of the best
        best.append(_completed(doc, top, cands))
    return [c.metric for c in sorted(best, key=lambda c: c.pos)]


#: A figure of several years ranks below any figure of the review year.
SEVERAL_YEARS_PENALTY = 10


def _mark_several_years(cand: _Candidate, in_passage: bool) -> None:
    """A figure read in a five-year passage is labelled with that period; it and a 年均 change
    (an average over years) yield to any figure of the review year itself."""
    if in_passage:
        cand.metric.period = lx.MULTI_YEAR_PERIOD
        cand.score -= SEVERAL_YEARS_PENALTY
    if "年均" in (cand.metric.change or ""):  # an average over years, even beside the year's own figure
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
        between = doc.raw.text[a.end : b.start]
        if b.start - a.end > 40 or re.search(r"[。；;\n]", between):
            continue
        merged = m.model_copy(
            update={
                "value": m.value or o.value, "number": m.number if m.value else o.number, "unit": m.unit if m.value else o.unit,
                "change": m.change or o.change, "change_number": m.change_number if m.change else o.change_number,
                "change_unit": m.change_unit if m.change else o.change_unit, "qualifier": m.qualifier or o.qualifier,
                "source": SourceSpan(section_path=a.section_path, start=a.start, end=b.end, quote=doc.raw.text[a.start : b.end] if b.end - a.start <= 300 else None),
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
        for cand in _metric_at(doc, section, fake, end, canonical="地区生产总值"):
            return cand
    return None


def _review_regions(doc: ParsedDocument, part: Section):
    """(deepest review section, start, end) for every stretch of review text, problems and
    closing words excluded."""

    def walk(s: Section):
        if s.kind != SectionKind.REVIEW:
            return
        pos = s.body_start
        for c in s.children:
            if c.clean_start > pos:
                yield s, pos, c.clean_start
            yield from walk(c)
            pos = max(pos, c.clean_end)
        if s.clean_end > pos:
            yield s, pos, s.clean_end

    yield from walk(part)
