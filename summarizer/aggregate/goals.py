"""goals: a target and a result as numbers, so that `track` can set one against the other.

A target becomes the values it accepts (`Goal`: a rate or a level, its comparator, its range, its
unit and definition); a printed result the values it allows (`Figure`: a bound allows many). A
figure is compared only in the target's measure, unit and definition, and only as a figure of
the year (`compared_figure`, which says why where it cannot be).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Optional

from schemas.summary import Metric, Target

from summarizer import lexicon as lx
from summarizer.rules.figures import falls, signed_change

_UNITS = {u: (family, factor) for u, family, factor in lx.UNITS}
_DEFINITION_RE = re.compile("|".join(lx.DEFINITION_WORDS))
_RATE_UNITS = lx.RATE_UNIT_READINGS


def normal_unit(unit: Optional[str]) -> Optional[str]:
    """One spelling per unit of a rate (％ is %, 百分点 is 个百分点); other units as printed."""
    return _RATE_UNITS.get(unit or "", unit)


def direction(canonical: Optional[str], indicator: str) -> int:
    """+1 where more is better, -1 where less is (unemployment, energy use), 0 for prices."""
    name = f"{canonical or ''} {indicator}"
    if any(w in name for w in lx.NEITHER_SIDE_WORDS):
        return 0
    if any(w in name for w in lx.LOWER_IS_BETTER_WORDS):
        return -1
    return 1


@dataclass(frozen=True)
class Goal:
    """A target as numbers: the values it accepts, in its unit."""

    kind: str  # "rate" | "level"
    comparator: str  # "at_least" | "above" | "at_most" | "below" | "about" | "exact" | "range" | "positive"
    low: float
    high: float  # == low except for a range
    unit: Optional[str]  # % | 个百分点 for a rate; the printed unit for a level
    definitions: frozenset[str]


def _comparator_class(word: Optional[str]) -> Optional[str]:
    if word in lx.ABOUT_COMPARATORS:
        return "about"
    if word in lx.AT_MOST_COMPARATORS:
        return "at_most"
    if word in lx.ABOVE_COMPARATORS:
        return "above"
    if word in lx.AT_LEAST_COMPARATORS or lx.COMPARATOR_READINGS.get(word) in lx.AT_LEAST_COMPARATORS:  # 力争达到 is 达到
        return "at_least"
    return None


_FLIPPED = {"at_least": "at_most", "at_most": "at_least", "above": "below"}


def goal_of(t: Target) -> Optional[Goal]:
    """The target as numbers, or None where it has none (居民收入增长与经济增长同步)."""
    text = t.target
    defs = frozenset(_DEFINITION_RE.findall(t.target + t.indicator))
    is_rate = any(w in text or w in t.indicator for w in lx.RATE_WORDS)
    if lx.POSITIVE_GROWTH in text:
        return Goal("rate", "positive", 0.0, 0.0, "%", defs)
    if t.number is None:
        return None
    sign = -1.0 if falls(text, t.indicator) else 1.0  # a fall's number is negative already (rules.targets)
    low, high = t.number, (t.upper if t.upper is not None else t.number)
    low, high = min(low, high), max(low, high)
    unit = normal_unit(t.unit) if is_rate else t.unit
    if is_rate and unit is None:  # 增长4.5-5%: the unit is printed once, after the range
        unit = lx.POINTS if lx.POINTS_SHORT in text else "%" if re.search("[%％]", text) else None
    if is_rate and unit not in ("%", lx.POINTS):
        return None  # 增长1倍: not a rate in % we can compare
    comparator = "range" if t.upper is not None else (_comparator_class(t.comparator) or "exact")
    if sign < 0:  # 下降3%以上: a fall of at least 3, so at most -3
        comparator = _FLIPPED.get(comparator, comparator)
    return Goal("rate" if is_rate else "level", comparator, low, high, unit, defs)


@dataclass(frozen=True)
class Figure:
    """A printed result as the set of values it allows (a bound allows many)."""

    low: float
    high: float
    unit: Optional[str]
    text: str  # as printed


def _bound(number: float, word: Optional[str]) -> tuple[float, float]:
    cls = _comparator_class(word)
    if word in lx.BELOW_COMPARATORS or cls == "at_most":
        return -math.inf, number
    if cls in ("at_least", "above") and word not in lx.EXACT_RESULT_COMPARATORS:
        return number, math.inf
    return number, number


def _comparator_in(text: str) -> Optional[str]:
    for w in lx.COMPARATORS_AFTER:
        if text.endswith(w):
            return w
    stripped = re.sub(r"^(?:" + "|".join((*lx.CHANGE_WORDS, *lx.DEFINITION_WORDS, *lx.AVERAGE_WORDS)) + r")+", "", text)
    for w in lx.COMPARATORS_BEFORE + lx.BELOW_COMPARATORS:
        if stripped.startswith(w):
            return w
    return None


def rate_figure(m: Metric) -> Optional[Figure]:
    if m.change_number is None or m.change is None:
        return None
    low, high = _bound(abs(m.change_number), _comparator_in(m.change))
    if m.change_number < 0:  # 下降超过5%: below -5
        low, high = -high, -low
    return Figure(low, high, normal_unit(m.change_unit), m.change)


def level_figure(m: Metric) -> Optional[Figure]:
    if m.number is None or m.value is None:
        return None
    low, high = _bound(m.number, _comparator_in(m.value))
    return Figure(low, high, m.unit, m.value)


def _alternate_figure(definitions: frozenset[str], m: Metric) -> Optional[Figure]:
    """The figure printed under the target's definition beside the main one:
    "增长1.7%（同口径增长2.5%以上）" gives 增长2.5%以上 for a 同口径 target."""
    quote = m.source.quote or ""
    for d in definitions:
        alt = re.search(rf"{d}(?:{lx.DEFINITION_TAIL})?(?P<c>(?:{'|'.join(lx.CHANGE_WORDS)})\s*\d+(?:\.\d+)?\s*[%％](?:{'|'.join(lx.COMPARATORS_AFTER)})?)", quote)
        if alt:
            number, unit = signed_change(alt.group("c"))
            if number is not None:
                low, high = _bound(abs(number), _comparator_in(alt.group("c")))
                low, high = (-high, -low) if number < 0 else (low, high)
                return Figure(low, high, normal_unit(unit), d + alt.group("c"))
    return None


def unit_factor(unit: Optional[str], into: Optional[str]) -> Optional[float]:
    """What turns a number in `unit` into one in `into`: 1 for the same unit (% and ％), 1e-4 for
    亿元 into 万亿元; None where they are not of one family."""
    if normal_unit(unit) == normal_unit(into):
        return 1.0
    a, b = _UNITS.get(normal_unit(unit)), _UNITS.get(normal_unit(into))
    return a[1] / b[1] if a and b and a[0] == b[0] else None


def _convert(f: Figure, unit: Optional[str]) -> Optional[Figure]:
    """The figure in `unit`, where both are of one family (亿元 and 万亿元)."""
    k = unit_factor(f.unit, unit)
    if k is None:
        return None
    return f if normal_unit(f.unit) == normal_unit(unit) else Figure(f.low * k, f.high * k, unit, f.text)


class NotComparable(ValueError):
    """A result that cannot be set against a target; the message is the reason judge gives."""


def compared_figure(target: Target, result: Metric) -> tuple[Goal, Figure]:
    """The target and the result as the numbers `judge` sets against each other: the figure of
    the year in the target's measure (rate or level), under the target's definition (同口径), in
    the target's unit. Raises NotComparable, saying why, where there are none."""
    goal = goal_of(target)
    if goal is None:
        raise NotComparable("the target has no number")
    if result.period not in (None, lx.FULL_YEAR):
        what = "the five years" if result.period == lx.MULTI_YEAR_PERIOD else result.period
        raise NotComparable(f"the figure printed is for {what}, not the year")
    if lx.ANNUAL_AVERAGE in (result.change or ""):
        raise NotComparable(f"the figure printed is an average over years ({lx.ANNUAL_AVERAGE})")
    fig = rate_figure(result) if goal.kind == "rate" else level_figure(result)
    if fig is None:
        other = level_figure(result) if goal.kind == "rate" else rate_figure(result)
        if other is not None:
            raise NotComparable(f"a {'level' if goal.kind == 'rate' else 'rate'} ({other.text}) against a {goal.kind} target")
        raise NotComparable("the figure printed has no number")
    printed = frozenset(_DEFINITION_RE.findall(fig.text))
    quoted = frozenset(_DEFINITION_RE.findall(result.source.quote or ""))
    if goal.definitions and printed != goal.definitions:
        alt = _alternate_figure(goal.definitions, result) if goal.kind == "rate" else None
        if alt is None:
            raise NotComparable(f"the target is {'/'.join(sorted(goal.definitions))}, the result {'/'.join(sorted(printed)) or 'not'}")
        fig = alt
    elif not goal.definitions and printed:
        raise NotComparable(f"the result is {'/'.join(sorted(printed))}, the target names no definition")
    elif not goal.definitions and quoted - printed:
        raise NotComparable(f"the result is printed under two definitions ({'/'.join(sorted(quoted - printed))} beside it); the target names neither")
    converted = _convert(fig, goal.unit)
    if converted is None:
        raise NotComparable(f"another unit ({fig.unit} against {goal.unit})")
    return goal, converted
