"""Numbers as printed in Chinese reports, normalised so that two printings can be compared.

`quantities(text)` finds every number with its unit: Arabic (full-width too) with 万/亿
magnitudes and units (4759亿元, 3300余万元, 3.1万户, 6.5%, 1.2个百分点) and Chinese numerals that
carry a magnitude or 成 (八千亿, 千亿元, 三成). Each `Quantity` knows the printed number, its value
in the base unit of its family (yuan, pct, pp, ...), and the family. `same_quantity` decides
whether two printings state the same quantity: 八千亿 = 8000亿元 = 800000000000, 1.5亿元 = 15000万元,
but 6.5% ≠ 6.5个百分点.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from summarizer import lexicon as lx

_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_UNIT_ALT = lx.compile_alternation([u for u, _, _ in lx.UNITS])
_UNITS = {u: (family, factor) for u, family, factor in lx.UNITS}
#: Regex pieces of every figure: the words of an approximate number (余|多), and the big
#: magnitudes as a character class's content (万亿).
APPROX = "|".join(lx.APPROX_WORDS)
MAGNITUDES = "".join(lx.CN_BIG_UNITS)
_ARABIC_RE = re.compile(
    rf"(?P<num>\d+(?:\.\d+)?)\s*(?P<approx>{APPROX})?\s*(?:(?P<unit>{_UNIT_ALT})|(?P<mag>[{MAGNITUDES}]+)|(?P<count>[{lx.COUNT_UNITS}]))?"
)
_CN_RE = re.compile(
    rf"(?P<num>[{lx.CN_NUMERAL_CHARS}]+)(?:(?P<cheng>{lx.TENTHS})|(?P<unit>{_UNIT_ALT}))?"
)
_CN_MAGNITUDE = set(lx.CN_SMALL_UNITS) | set(lx.CN_BIG_UNITS)
_CN_DIGIT = set(lx.CN_NUM)


@dataclass(frozen=True)
class Quantity:
    text: str
    start: int
    end: int
    raw: float  # the number as printed, before its unit (4759 in 4759亿元)
    value: float  # in the family's base unit (475900000000 for 4759亿元)
    family: Optional[str]  # yuan, pct, pp, m2, person, count, ... or None for a bare number
    unit: Optional[str]  # the printed unit (亿元, %, 万户) or magnitude (亿)


def normalise_digits(text: str) -> str:
    return text.translate(_FULLWIDTH)


def parse_cn_number(s: str) -> Optional[float]:
    """八千亿 → 8e11, 千亿 → 1e11, 十二 → 12, 两万 → 2e4, 一亿二千万 → 1.2e8; None if not a number."""
    yi = wan = cur = 0.0
    digit: Optional[float] = None
    for ch in s:
        if ch in lx.CN_NUM:
            digit = float(lx.CN_NUM[ch])
        elif ch in lx.CN_SMALL_UNITS:
            cur += (1.0 if digit is None else digit) * lx.CN_SMALL_UNITS[ch]
            digit = None
        elif ch == lx.WAN:
            amount = cur + (digit or 0.0)
            wan += (amount or 1.0) * 1e4
            cur, digit = 0.0, None
        elif ch == lx.YI:
            amount = wan + cur + (digit or 0.0)
            yi += (amount or 1.0) * 1e8
            wan = cur = 0.0
            digit = None
        else:
            return None
    return yi + wan + cur + (digit or 0.0)


def quantities(text: str) -> list[Quantity]:
    """Every number in `text`, with its unit, in order of appearance."""
    norm = normalise_digits(text)
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in _ARABIC_RE.finditer(norm):
        raw = float(m.group("num"))
        unit = m.group("unit")
        family: Optional[str] = None
        value = raw
        shown_unit = None
        if unit:
            family, factor = _UNITS[unit]
            value = raw * factor
            shown_unit = unit
        elif m.group("mag"):
            for ch in m.group("mag"):
                value *= lx.CN_BIG_UNITS[ch]
            shown_unit = m.group("mag")
        elif m.group("count"):
            family, shown_unit = "count", m.group("count")
        out.append(Quantity(text[m.start() : m.end()], m.start(), m.end(), raw, value, family, shown_unit))
        taken.append((m.start(), m.end()))
    for m in _CN_RE.finditer(norm):
        s = m.group("num")
        if not (set(s) & _CN_MAGNITUDE or m.group("cheng")):
            continue  # 一是, 两个: ordinals and words, not quantities
        if not set(s) & (_CN_DIGIT | set(lx.CN_SMALL_UNITS)):
            continue  # 万 / 亿 alone (万元GDP) is a unit, not a number
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        n = parse_cn_number(s)
        if n is None:
            continue
        if m.group("cheng"):
            out.append(Quantity(text[m.start() : m.end()], m.start(), m.end(), n, n * 10, "pct", lx.TENTHS))
            continue
        unit = m.group("unit")
        family, factor = _UNITS[unit] if unit else (None, 1.0)
        out.append(Quantity(text[m.start() : m.end()], m.start(), m.end(), n, n * factor, family, unit))
    out.sort(key=lambda q: q.start)
    return out


#: Families of quantities that state a rate of change (%, 个百分点, 倍) rather than a level.
RATE_FAMILIES = ("pct", "pp", "times")


def rates(text: str) -> list[Quantity]:
    """The rates in `text` (增长3% → [3%]; 4759亿元 → [])."""
    return [q for q in quantities(text) if q.family in RATE_FAMILIES]


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def same_quantity(a: Quantity, b: Quantity) -> bool:
    if a.family and b.family:
        return a.family == b.family and _close(a.value, b.value)
    # one side is bare: the same printed number, or the same value once magnitudes apply
    return _close(a.raw, b.raw) or _close(a.value, b.value)


def first_number(text: str) -> tuple[Optional[float], Optional[str]]:
    """The first quantity of a printed value as (number, unit) in the printed unit:
    900亿元以上 → (900, 亿元), 突破千亿元 → (1000, 亿元), 增长7%左右 → (7, %), 三成 → (30, %)."""
    qs = quantities(text)
    if not qs:
        return None, None
    q = qs[0]
    if q.unit == lx.TENTHS:
        return q.value, "%"
    for big, scale in reversed(lx.CN_BIG_UNITS.items()):  # 亿 before 万
        if big in q.text and not q.text[0].isdigit():  # 千亿元: count it in 亿元
            return q.raw / scale, big + (q.unit or "")
    return q.raw, q.unit
