"""figures: the grammar of numbers as reports print them.

Levels (4759亿元, 超5200亿元, 突破千亿元), changes (同比增长8.9%, 下降3个百分点), target values
(增长5%左右, 5.5%以内, 增长4.5-5%), comparators (以上, 左右, 不低于), and the clause grammar that
binds an indicator to its figures ("完成投资300亿元，增长8%"). Every pattern is built from the
word lists of the lexicon; targets, headline metrics, the model's metrics, verification, tracking
and evaluation all read figures through this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from summarizer import lexicon as lx
from summarizer.rules.numbers import APPROX, MAGNITUDES, first_number, rates

#: A number: Arabic, or Chinese numerals that are more than a zero or a magnitude (八千亿, 千亿, 十二).
NUM = rf"(?:\d+(?:\.\d+)?|[{lx.CN_NUMERAL_CHARS}]*[{lx.CN_NONZERO_CHARS}][{lx.CN_NUMERAL_CHARS}]*)"
UNIT = lx.compile_alternation([u for u, _, _ in lx.UNITS])
QUAL = lx.compile_alternation(list(lx.CHANGE_QUALIFIERS))
BEFORE = lx.compile_alternation(list(lx.COMPARATORS_BEFORE))
AFTER = lx.compile_alternation(list(lx.COMPARATORS_AFTER))
#: Every word of change (增长, 下降, 涨幅, 提高, 上升, 微降, …), one list in the lexicon.
CHANGE = lx.compile_alternation(list(lx.CHANGE_WORDS))
#: Units of a rate: % and points (PCT), and times as well (RATE_UNIT); % alone, full-width too.
PERCENT = "|".join(lx.PERCENT_SIGNS)
PCT = rf"(?:{'|'.join((*lx.PERCENT_SIGNS, *lx.POINT_UNITS))})"
RATE_UNIT = "|".join((*lx.PERCENT_SIGNS, *lx.POINT_UNITS, lx.TIMES))

#: A change as printed: 同比增长8.9%, 按自然口径计算下降9.9%, 增速7%, 增长7%以上, 涨幅控制在3.3%.
#: A rate that moved to a figure: 涨幅回落到2.6%, 增速回升至5% (the rate is the figure).
RATE_REACHED = lx.RATE_REACHED
CHANGE_RE = re.compile(
    rf"(?:(?:{QUAL})\s*)?(?:{RATE_REACHED}|(?:{CHANGE})\s*(?:{'|'.join(lx.CHANGE_LINK_WORDS)})?)\s*{NUM}\s*(?:{RATE_UNIT})(?:{AFTER})?"
)
#: A level as printed: 4759亿元, 超5200亿元, 900亿元以上, 突破千亿元 (LEVEL: without the comparators).
LEVEL = rf"{NUM}\s*(?:{APPROX})?\s*(?:{UNIT}|[{MAGNITUDES}]+)"
LEVEL_RE = re.compile(rf"(?:(?:{BEFORE})\s*)?{LEVEL}(?:{AFTER})?")
VALUE_VERBS_RE = re.compile(r"(?:" + lx.compile_alternation(list(lx.VALUE_VERBS)) + r")+$")
LEAD_RE = re.compile(r"^(?:" + lx.compile_alternation(lx.TARGET_LEAD_WORDS) + ")+")


def canonical_indicator(name: str) -> Optional[str]:
    """The canonical headline indicator a printed name stands for, or None. A name that only
    mentions one (人均地区生产总值, 单位地区生产总值能耗, 研发经费相当于生产总值的比例) is none."""
    name = re.sub(r"[(（]GDP[)）]", "", name.strip())
    if name in lx.GDP_BARE_NAMES:
        return lx.GDP_CANONICAL
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
        if target.startswith(word) or re.match(rf"^(?:{CHANGE})?{re.escape(word)}", target):
            return lx.COMPARATOR_READINGS.get(word, word)
    return None



TARGET_CHANGE = CHANGE
#: A target value: 增长5%左右, 增长5.0%—5.5%, 涨幅2%左右, 5.5%以内, 616亿斤左右, 70万人, 16.8万元/人左右.
TARGET_VALUE_RE = re.compile(
    rf"(?:(?:{QUAL})\s*)?(?:(?:{TARGET_CHANGE})\s*)?(?:(?:{BEFORE})\s*)?"
    rf"(?:\d+(?:\.\d+)?\s*{PCT}?\s*[{lx.RANGE_MARKS}]\s*\d+(?:\.\d+)?\s*{PCT}"
    rf"|{NUM}\s*(?:{APPROX})?\s*(?:{PCT}|{UNIT}|[{MAGNITUDES}]+))(?:{AFTER})?"
)
RANGE_RE = re.compile(rf"(\d+(?:\.\d+)?)\s*(?:{PERCENT})?\s*[{lx.RANGE_MARKS}]\s*(\d+(?:\.\d+)?)")

_RATE_REACHED_RE = re.compile(RATE_REACHED)
CHANGE_WORD_RE = re.compile(lx.compile_alternation(list(lx.CHANGE_WORDS)))


def change_sign(change: str) -> int:
    """-1 for 下降/减少/回落…, +1 otherwise (the last change word decides: 由下降转为增长)."""
    words = CHANGE_WORD_RE.findall(change)
    return lx.CHANGE_WORDS[words[-1]] if words else 1


def signed_change(change: str) -> tuple[Optional[float], Optional[str]]:
    """A printed change as (signed number, unit): 下降9.9% → (-9.9, "%"), 涨幅回落到2.6% → (2.6,
    "%"); (None, None) if no rate."""
    qs = rates(change)
    if not qs:
        return None, None
    sign = 1 if _RATE_REACHED_RE.search(change) else change_sign(change)
    return sign * qs[0].raw, qs[0].unit


def metric_figures(value: Optional[str], change: Optional[str]) -> dict[str, object]:
    """A metric's parsed numbers from its printed value and change: number and unit of the value
    (4759亿元 → 4759.0, 亿元), the signed change and its unit (下降9.9% → -9.9, %)."""
    number, unit = first_number(value) if value else (None, None)
    change_number, change_unit = signed_change(change) if change else (None, None)
    return {"number": number, "unit": unit, "change_number": change_number, "change_unit": change_unit}



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
COUNT_RE = re.compile(rf"\d+(?:\.\d+)?\s*(?:{APPROX})?\s*(?:{'|'.join(lx.CN_BIG_UNITS)})?[{lx.COUNT_UNITS}](?:{AFTER})?")
_METRIC_LEAD_VERBS_RE = re.compile(rf"^(?:{'|'.join(lx.METRIC_LEAD_WORDS)})+")
#: Words before a change that make it the change of the figure before ("……300亿元，增长8%").
_CHANGE_OF_THE_FIGURE_BEFORE = rf"\s*(?:{'|'.join((*lx.RESULT_VERBS, *lx.CHANGE_BASES))})*"


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
        indicator = _METRIC_LEAD_VERBS_RE.sub("", LEAD_RE.sub("", VALUE_VERBS_RE.sub("", lead.strip()))).strip(" “”")
        if change and re.fullmatch(_CHANGE_OF_THE_FIGURE_BEFORE, clause[: change.start()]) and out and out[-1].change is None and out[-1].end == a - 1:
            prev = out[-1]  # "……300亿元，增长8%": the change of the figure before
            out[-1] = ClauseMetric(prev.indicator, prev.value, change.group(0), prev.qualifier, prev.start, a + change.end())
            continue
        if not (2 <= len(indicator) <= 20) or not re.search(r"[\u4e00-\u9fff]", indicator):
            continue
        qualifier = next((q for q in lx.METRIC_QUALIFIERS if q in lead), None)
        last = max(m.end() for m in firsts)
        out.append(ClauseMetric(indicator, value.group(0) if value else None, change.group(0) if change else None, qualifier, a + len(lead) - len(lead.lstrip()), a + last))
    return out


CLAUSE_BREAK_RE = re.compile(r"[，,、；;]")
CHANGE_OPENER_RE = re.compile(rf"\s*(?:{'|'.join(lx.RESULT_VERBS)})?(?:{'|'.join(lx.CHANGE_OPENERS)})")


def own_clause_end(window: str, pos: int) -> int:
    """End of the clause that holds `pos`, running on over breaks that are followed by a change
    of the same indicator."""
    while True:
        m = CLAUSE_BREAK_RE.search(window, pos)
        if not m:
            return len(window)
        rank = lx.RANK_CLAUSE_RE.match(window, m.end())
        then = CLAUSE_BREAK_RE.match(window, rank.end()) if rank else None
        if then and CHANGE_OPENER_RE.match(window, then.end()):  # "达到5.53万亿元、稳居全国前十强、增长4.8%"
            pos = then.end()
            continue
        if not CHANGE_OPENER_RE.match(window, m.end()):
            return m.start()
        pos = m.end() + 1


def falls(target: str, indicator: str = "") -> bool:
    """Whether a target is a fall (下降3%左右, 单位GDP能耗下降): its number is negative, as a
    metric's change of a fall is (微降0.1% → -0.1); one sign convention everywhere."""
    return any(w in target or indicator.endswith(w) for w in lx.DECREASE_WORDS)
