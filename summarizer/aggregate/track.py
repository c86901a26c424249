"""Did they keep their word? Last year's targets against this year's results, per government.

Given summaries (rules output or full) of the same governments in consecutive years, each
plan-year target of the year-N report that names a headline indicator is paired with the figure
for year N that the year-N+1 report prints in its review, and judged: met, within the band of
左右, missed, no result printed, not comparable. The rules are written down in the README
("Did they keep their word?"); this module is where they are applied, and `VerdictRules` (the
band of 左右) is their only parameter. In short:

- a result is a figure of the year: a five-year or part-year figure is not comparable, and so is
  a level against a rate, another unit or another definition (同口径); words are no figure;
- more is better, except unemployment, energy use, emissions (less) and prices (neither);
- 以上 at least, 超过 above, 以内 at most, a number alone reached in the better direction, a range
  from its lower end, 左右 within ±band short of the number;
- a result printed as a bound is judged for every value it allows.

Governments are one when their names are (宁夏 and 宁夏回族自治区, 深圳市光明区 and 光明区); the
years come from the metadata.

What other stages use of it (series): `compared_figure` (the target and the result as the numbers
`judge` compares, or NotComparable with judge's reason), `results_of`, `goal_of`, `rate_figure`,
`level_figure`, `band_of`, `unit_factor`, `normal_unit`, `review_year` and the government grouping.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from schemas.summary import DocumentSummary, Metric, Target, VerificationStatus
from schemas.track import GovernmentTrack, KeptPair, TargetChange, TrackedReport, Tracking, Verdict, VerdictRules

from summarizer import lexicon as lx
from summarizer.aggregate.governments import (  # government_labels: read from here by aggregate.export
    consecutive, display_name, government_labels, government_name, group_governments, review_year,  # noqa: F401
)
from summarizer.rules.figures import signed_change

# ---------------------------------------------------------------------------------------------
# Targets and results as numbers
# ---------------------------------------------------------------------------------------------

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
    sign = -1.0 if any(w in text or t.indicator.endswith(w) for w in lx.DECREASE_WORDS) else 1.0
    low, high = sign * t.number, sign * (t.upper if t.upper is not None else t.number)
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


def _fmt(x: float) -> str:
    return f"{x:g}"


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


# ---------------------------------------------------------------------------------------------
# Verdicts
# ---------------------------------------------------------------------------------------------

_EPS = 1e-9


def band_of(goal: Goal, rules: VerdictRules) -> float:
    """The band of a 左右 target: points for a rate or a level in %, a share of the number else."""
    if goal.kind == "rate" or normal_unit(goal.unit) == "%":
        return rules.band_points
    return rules.band_ratio * abs(goal.low)


def _point_verdict(r: float, goal: Goal, way: int, band: float) -> Verdict:
    x, lo, hi = goal.low, goal.low, goal.high
    c = goal.comparator
    if c == "positive":
        return Verdict.MET if r > _EPS else Verdict.MISSED
    if c == "at_least":
        return Verdict.MET if r >= x - _EPS else Verdict.MISSED
    if c == "above":
        return Verdict.MET if r > x + _EPS else Verdict.MISSED
    if c == "at_most":
        return Verdict.MET if r <= x + _EPS else Verdict.MISSED
    if c == "below":
        return Verdict.MET if r < x - _EPS else Verdict.MISSED
    if c == "range":
        if way > 0:
            return Verdict.MET if r >= lo - _EPS else Verdict.MISSED
        if way < 0:
            return Verdict.MET if r <= hi + _EPS else Verdict.MISSED
        return Verdict.MET if lo - _EPS <= r <= hi + _EPS else Verdict.MISSED
    if c == "exact":
        if way > 0:
            return Verdict.MET if r >= x - _EPS else Verdict.MISSED
        if way < 0:
            return Verdict.MET if r <= x + _EPS else Verdict.MISSED
        return Verdict.MET if abs(r - x) <= _EPS else Verdict.MISSED
    # about (左右)
    if way == 0:
        if abs(r - x) <= _EPS:
            return Verdict.MET
        return Verdict.WITHIN_BAND if abs(r - x) <= band + _EPS else Verdict.MISSED
    short = (x - r) * way  # how far short of the number in the better direction
    if short <= _EPS:
        return Verdict.MET
    return Verdict.WITHIN_BAND if short <= band + _EPS else Verdict.MISSED


def judge_figure(goal: Goal, fig: Figure, way: int, rules: VerdictRules) -> Verdict:
    """The verdict for every value the figure allows, where they agree; else not comparable."""
    band = band_of(goal, rules)
    lo, hi = fig.low, fig.high
    if lo == hi:
        return _point_verdict(lo, goal, way, band)
    critical = {goal.low, goal.high, goal.low - band, goal.low + band, goal.high - band, goal.high + band, 0.0}
    big = 1e6 + max(abs(c) for c in critical)
    lo_f, hi_f = max(lo, -big), min(hi, big)
    points = sorted({lo_f, hi_f} | {c for c in critical if lo_f < c < hi_f})
    points += [(a + b) / 2 for a, b in zip(points, points[1:])]
    verdicts = {_point_verdict(p, goal, way, band) for p in points}
    return verdicts.pop() if len(verdicts) == 1 else Verdict.NOT_COMPARABLE


def _quantity(x: float, unit: Optional[str]) -> str:
    return f"{_fmt(x)}{unit or ''}"


def _reason(goal: Goal, fig: Figure, verdict: Verdict, way: int, rules: VerdictRules) -> str:
    """The comparison in a few words, with the numbers (ASCII operators: they align in a CJK terminal)."""
    unit = goal.unit
    if fig.low != fig.high:
        bound = f"<= {_quantity(fig.high, unit)}" if math.isinf(fig.low) else f">= {_quantity(fig.low, unit)}"
        agree = "every value it allows" if verdict != Verdict.NOT_COMPARABLE else "not every value it allows"
        return f"the result is a bound ({bound}): {agree} gives {verdict.value.replace('_', ' ')}"
    r, x, c = fig.low, goal.low, goal.comparator
    rs, xs = _quantity(r, unit), _quantity(x, unit)
    met = verdict == Verdict.MET
    if c == "positive":
        return f"{rs} {'>' if met else '<='} 0"
    if c == "range":
        return f"{rs} against {_fmt(goal.low)}-{_quantity(goal.high, unit)}"
    if c in ("at_least", "above") or (c == "exact" and way > 0):
        return f"{rs} {'>=' if met else '<'} {xs}"
    if c in ("at_most", "below") or (c == "exact" and way < 0):
        return f"{rs} {'<=' if met else '>'} {xs}"
    if c == "exact":
        return f"{rs} {'=' if met else '!='} {xs}"
    off = abs(r - x)
    if off <= _EPS:
        return f"{rs} = {xs}"
    where = f"{rs}, {_fmt(round(off, 6))} {'above' if r > x else 'below'} {xs}"
    if met:
        return where
    band = band_of(goal, rules)
    return f"{where}: {'within' if verdict == Verdict.WITHIN_BAND else 'beyond'} the band of {_fmt(band)}"


class NotComparable(ValueError):
    """A result that cannot be set against a target; the message is the reason judge gives."""


def compared_figure(target: Target, result: Metric) -> tuple[Goal, Figure]:
    """The target and the result as the numbers `judge` sets against each other: the figure of
    the year in the target's measure (rate or level), under the target's definition (同口径), in
    the target's unit. Raises NotComparable, saying why, where there are none."""
    goal = goal_of(target)
    if goal is None:
        raise NotComparable("the target has no number")
    if result.period not in (None, "全年"):
        what = "the five years" if result.period == lx.MULTI_YEAR_PERIOD else result.period
        raise NotComparable(f"the figure printed is for {what}, not the year")
    if "年均" in (result.change or ""):
        raise NotComparable("the figure printed is an average over years (年均)")
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


def judge(target: Target, result: Optional[Metric], rules: VerdictRules, next_year: Optional[int] = None) -> tuple[Verdict, str]:
    """The verdict on one target given the figure the later report prints (None: none)."""
    canonical = target.canonical or target.indicator
    if result is None:
        if next_year:
            return Verdict.NO_RESULT, f"no figure for {next_year - 1} in the {next_year} report"
        return Verdict.NO_RESULT, f"no figure for {canonical} in the later report"
    try:
        goal, fig = compared_figure(target, result)
    except NotComparable as exc:
        return Verdict.NOT_COMPARABLE, str(exc)
    way = direction(target.canonical, target.indicator)
    verdict = judge_figure(goal, fig, way, rules)
    return verdict, _reason(goal, fig, verdict, way, rules)


# ---------------------------------------------------------------------------------------------
# Pairs of reports
# ---------------------------------------------------------------------------------------------


def results_of(s: DocumentSummary, canonical: str) -> list[Metric]:
    """Every figure the summary gives for an indicator: the rules' first, then the model's."""
    found = [m for m in s.headline_metrics if m.canonical == canonical]
    found += [m for a in s.achievements for m in a.metrics if m.canonical == canonical and m.status != VerificationStatus.UNVERIFIED]
    return found


def pair_target(target: Target, later: DocumentSummary, rules: VerdictRules) -> tuple[Optional[Metric], Verdict, str]:
    """The later report's figure for the target's indicator and the verdict: the first figure
    that can be compared, else the first printed (not comparable), else none."""
    candidates = results_of(later, target.canonical or "")
    judged = [(m, *judge(target, m, rules)) for m in candidates]
    for m, verdict, reason in judged:
        if verdict != Verdict.NOT_COMPARABLE:
            return m, verdict, reason
    if judged:
        return judged[0]
    return (None, *judge(target, None, rules, later.metadata.plan_year))


def undecided(target: Target, later: DocumentSummary) -> list:
    """The later report's sentences that name the target's indicator with a figure although no
    result was read for it: where there are any, "no result printed" would be a wrong fact."""
    return [m.source for m in later.mentions if m.canonical == target.canonical]


def pair_reports(government: str, earlier: DocumentSummary, later: DocumentSummary, rules: VerdictRules) -> list[KeptPair]:
    """Each target of the earlier report that names a headline indicator, against the later one."""
    year = earlier.metadata.plan_year
    out = []
    for t in earlier.targets:
        if not t.canonical or t.status == VerificationStatus.UNVERIFIED:
            continue
        result, verdict, reason = pair_target(t, later, rules)
        candidates = undecided(t, later) if verdict == Verdict.NO_RESULT else []
        if candidates:
            verdict = Verdict.UNDECIDED
            reason = f"the {later.metadata.plan_year or 'later'} report names {t.canonical} with a figure, but no result of the year was read from it: see its sentences"
        out.append(
            KeptPair(
                government=government, year=year, canonical=t.canonical, target=t, target_report=earlier.source.path,
                result=result, result_report=later.source.path, verdict=verdict, reason=reason, candidates=candidates,
            )
        )
    return out


def _target_key(t: Target) -> str:
    return t.canonical or lx.REGION_WORD_PREFIX_RE.sub("", t.indicator)


def target_changes(government: str, earlier: DocumentSummary, later: DocumentSummary) -> list[TargetChange]:
    """How the targets changed between two consecutive reports: by indicator, each kept
    target raised, lowered, unchanged or reworded, and targets added or dropped."""
    y0, y1 = earlier.metadata.plan_year, later.metadata.plan_year
    before = {}
    for t in earlier.targets:
        before.setdefault(_target_key(t), t)
    after = {}
    for t in later.targets:
        after.setdefault(_target_key(t), t)
    out = []
    for key in list(before) + [k for k in after if k not in before]:
        a, b = before.get(key), after.get(key)
        kind = "added" if a is None else "dropped" if b is None else _how_changed(a, b)
        out.append(TargetChange(government=government, indicator=key, year_before=y0, year_after=y1, before=a, after=b, change=kind))
    return out


def _how_changed(a: Target, b: Target) -> str:
    ga, gb = goal_of(a), goal_of(b)
    if ga and gb and ga.kind == gb.kind and ga.unit == gb.unit:
        mid_a, mid_b = (ga.low + ga.high) / 2, (gb.low + gb.high) / 2
        if abs(mid_a - mid_b) > _EPS:
            return "raised" if mid_b > mid_a else "lowered"
        if ga.comparator == gb.comparator and (ga.low, ga.high) == (gb.low, gb.high):
            return "unchanged"
        return "reworded"
    return "unchanged" if re.sub(r"\s", "", a.target) == re.sub(r"\s", "", b.target) else "reworded"


def _report(s: DocumentSummary) -> TrackedReport:
    md = s.metadata
    return TrackedReport(path=s.source.path, region=md.region, doc_type=md.doc_type, review_year=review_year(s), plan_year=md.plan_year)


def track(summaries: Sequence[DocumentSummary], rules: Optional[VerdictRules] = None) -> Tracking:
    """Every government's pairs of consecutive reports: verdicts and target changes."""
    rules = rules or VerdictRules()
    governments = []
    notes = []
    untracked = 0
    for group in group_governments(summaries):
        docs = sorted((summaries[i] for i in group), key=lambda s: (s.metadata.plan_year or 0, s.source.path))
        names = list(dict.fromkeys(government_name(s) for s in docs))
        name = display_name(names)
        g = GovernmentTrack(government=name, names=names, reports=[_report(s) for s in docs])
        for a, b in consecutive(docs):
            g.pairs += pair_reports(name, a, b, rules)
            g.target_changes += target_changes(name, a, b)
            untracked += sum(1 for t in a.targets if not t.canonical)
        if len(docs) > 1 and not g.pairs and not g.target_changes:
            years = ", ".join(str(s.metadata.plan_year) for s in docs)
            notes.append(f"{name}: no two reports of consecutive years (plan years {years})")
        governments.append(g)
    unknown = [Path(s.source.path).name for s in summaries if s.metadata.plan_year is None]
    if unknown:
        notes.append(f"plan year unknown, not paired: {', '.join(unknown)}")
    if untracked:
        notes.append(f"{untracked} target(s) without a headline indicator (研发投入强度, 城镇化率 ...) are not paired; their changes are listed")
    return Tracking(rules=rules, governments=governments, notes=notes)
