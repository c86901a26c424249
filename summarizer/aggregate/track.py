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
`level_figure`, `band_of`, `unit_factor`, `normal_unit`, `review_year` and the government grouping
(the numbers are `aggregate.goals`', the grouping `aggregate.governments`'; they are read here).
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Optional, Sequence

from schemas.summary import DocumentSummary, Metric, Target, VerificationStatus
from schemas.track import GovernmentTrack, KeptPair, TargetChange, TrackedReport, Tracking, Verdict, VerdictRules

from summarizer import lexicon as lx
from summarizer.aggregate.governments import (  # government_labels: read from here by aggregate.export
    consecutive, display_name, government_labels, government_name, group_governments, review_year,  # noqa: F401
)
from summarizer.aggregate.goals import (  # level_figure, rate_figure, unit_factor: read from here by aggregate.series
    Figure, Goal, NotComparable, compared_figure, direction, goal_of, level_figure, normal_unit, rate_figure, unit_factor,  # noqa: F401
)

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


def _fmt(x: float) -> str:
    return f"{x:g}"


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
