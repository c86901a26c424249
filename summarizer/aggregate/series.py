"""A government's record over the years: `track`'s pairs laid out per indicator and year.

Takes summaries (rules output or full) of any governments and years and gives a `Series`: for
each government (track's identity: 宁夏 = 宁夏回族自治区, a State Council report is 全国 whatever
its file is called) and each headline indicator it ever set a target for, one `SeriesYear` per
year from its first report's plan year to its last:

- a year with a target and a report that reviews it is track's `KeptPair` for that pair, verdict
  and reason as track gives them; nothing here judges (summarizer/aggregate/track.py does, once);
- a year without a target, without a report, or whose target no later report reviews is shown
  as such (no_target, no_report, no_next_report), with the year's printed figure where there is
  one;
- how the target moved from the year before is track's target change, with the outcome of the
  year before (lowered after a miss, range introduced, dropped).

For the charts and the data out, each year also carries its target and result as numbers in one
unit per indicator, and the gap between them: the numbers the verdict was given on, as
`track.compared_figure` gives them to `track.judge` (one implementation of which figure counts).
"""

from __future__ import annotations

from collections import Counter
from typing import Optional, Sequence

from schemas.series import GovernmentSeries, IndicatorSeries, Series, SeriesYear
from schemas.summary import DocumentSummary, Metric, Target, VerificationStatus
from schemas.track import GovernmentTrack, KeptPair, TargetChange, Verdict, VerdictRules

from summarizer import lexicon as lx
from summarizer.aggregate import track as tr
from summarizer.aggregate.track import compared_figure
from summarizer.rules.figures import canonical_indicator

JUDGED = (Verdict.MET, Verdict.WITHIN_BAND, Verdict.MISSED)
_OUTCOME = {"met": "after met", "within_band": "after within band", "missed": "after a miss"}
_HEADLINE_ORDER = {canonical: i for i, (canonical, _) in enumerate(lx.HEADLINE_INDICATORS)}


# ---------------------------------------------------------------------------------------------
# Numbers: the figure track compared (track.compared_figure), in the series' unit
# ---------------------------------------------------------------------------------------------


def _round(x: Optional[float]) -> Optional[float]:
    return None if x is None else round(x, 6) + 0.0  # 9.1 - 7 is 2.1, not 2.0999999999999996; no -0.0


def _gap(goal: tr.Goal, r: float) -> float:
    if goal.comparator == "range":
        return 0.0 if goal.low <= r <= goal.high else (r - goal.low if r < goal.low else r - goal.high)
    return r - goal.low


# ---------------------------------------------------------------------------------------------
# One year
# ---------------------------------------------------------------------------------------------


def _target_numbers(t: Target, measure: Optional[str], unit: Optional[str], rules: VerdictRules) -> dict:
    """The target as numbers in the series' unit; empty where it has none or another measure."""
    goal = tr.goal_of(t)
    if goal is None or goal.kind != measure:
        return {}
    k = tr.unit_factor(goal.unit, unit)
    if k is None:
        return {}
    band = tr.band_of(goal, rules) if goal.comparator == "about" else None
    return {
        "measure": goal.kind, "unit": unit, "comparator": goal.comparator,
        "target_low": _round(goal.low * k), "target_high": _round(goal.high * k), "band": _round(band * k) if band is not None else None,
    }


def _result_numbers(fig: tr.Figure, k: float) -> dict:
    if fig.low == fig.high:
        return {"result_number": _round(fig.low * k)}
    if fig.low == float("-inf"):
        return {"result_number": _round(fig.high * k), "result_bound": "at_most"}
    return {"result_number": _round(fig.low * k), "result_bound": "at_least"}


def year_of_pair(p: KeptPair, measure: Optional[str], unit: Optional[str], rules: VerdictRules, others: Sequence[KeptPair] = ()) -> SeriesYear:
    """A year with a target and a later report: track's pair, with its numbers where the verdict rests on them."""
    y = SeriesYear(
        year=p.year, status=p.verdict.value, verdict=p.verdict, reason=p.reason, target=p.target, target_report=p.target_report,
        other_targets=[o.target for o in others], result=p.result, result_report=p.result_report,
    )
    numbers = _target_numbers(p.target, measure, unit, rules)
    if numbers and p.result is not None and p.verdict in JUDGED:
        goal, fig = compared_figure(p.target, p.result)  # judged: what judge compared, in the target's unit
        k = tr.unit_factor(goal.unit, unit) or 1.0
        numbers |= _result_numbers(fig, k)
        if fig.low == fig.high:
            numbers["gap"] = _round(_gap(goal, fig.low) * k)
    return y.model_copy(update=numbers)


def _year_figure(docs: Sequence[DocumentSummary], canonical: str, measure: Optional[str], unit: Optional[str]) -> tuple[Optional[Metric], Optional[str], dict]:
    """The figure of the year for an indicator in the reports that review it (first the rules', then
    the model's verified ones, as track takes them): one in the series' measure and unit if
    printed, else the first figure of the year."""
    first: tuple[Optional[Metric], Optional[str]] = (None, None)
    for d in docs:
        for m in tr.results_of(d, canonical):
            if m.period not in (None, "全年") or "年均" in (m.change or ""):
                continue
            if first[0] is None:
                first = (m, d.source.path)
            fig = tr.rate_figure(m) if measure == "rate" else tr.level_figure(m) if measure == "level" else None
            k = tr.unit_factor(fig.unit, unit) if fig is not None else None
            if fig is not None and k is not None:
                return m, d.source.path, {"measure": measure, "unit": unit} | _result_numbers(fig, k)
    return first[0], first[1], {}


# ---------------------------------------------------------------------------------------------
# One indicator, one government
# ---------------------------------------------------------------------------------------------


def _judged_targets(d: DocumentSummary, canonical: str) -> list[Target]:
    """The targets of a report that track pairs for an indicator."""
    return [t for t in d.targets if t.canonical == canonical and t.status != VerificationStatus.UNVERIFIED]


def series_measure(targets: Sequence[Target], results: Sequence[Metric]) -> tuple[Optional[str], Optional[str]]:
    """The measure and unit most of the targets are in (growth in %, a level in 万人), or for an
    indicator without a target the one its figures are printed in."""
    kinds = Counter((g.kind, tr.normal_unit(g.unit)) for g in (tr.goal_of(t) for t in targets) if g is not None and g.unit)
    if kinds:
        (measure, unit), _ = kinds.most_common(1)[0]
        return measure, unit
    rates = Counter(tr.normal_unit(m.change_unit) for m in results if m.change_number is not None and m.change_unit)
    levels = Counter(m.unit for m in results if m.number is not None and m.unit)
    if levels and (not rates or sum(levels.values()) >= sum(rates.values())):
        return "level", levels.most_common(1)[0][0]
    if rates:
        return "rate", rates.most_common(1)[0][0]
    return None, None


def _change_note(c: TargetChange, before: Optional[SeriesYear]) -> str:
    """A target's move in words, with the outcome of the year before and the target it replaced:
    "lowered after a miss (was 8%左右)", "raised after met, range introduced (was 5%左右)"."""
    note = c.change
    outcome = _OUTCOME.get(before.status) if before is not None and c.change != "added" else None
    if outcome:
        note += f" {outcome}"
    if c.before is not None and c.after is not None:
        ga, gb = tr.goal_of(c.before), tr.goal_of(c.after)
        if ga is not None and gb is not None and gb.comparator == "range" and ga.comparator != "range":
            note += ", range introduced"
        elif ga is not None and gb is not None and ga.comparator == "range" and gb.comparator != "range":
            note += ", range dropped"
    if c.before is not None and c.change != "unchanged":
        note += f" (was {c.before.target})"
    return note


def indicator_series(
    canonical: str, docs: Sequence[DocumentSummary], g: GovernmentTrack, years: range, rules: VerdictRules,
) -> IndicatorSeries:
    by_plan: dict[int, list[DocumentSummary]] = {}
    by_review: dict[int, list[DocumentSummary]] = {}
    for d in docs:
        if d.metadata.plan_year is not None:
            by_plan.setdefault(d.metadata.plan_year, []).append(d)
        ry = tr.review_year(d)
        if ry is not None:
            by_review.setdefault(ry, []).append(d)
    targets = [t for d in docs for t in _judged_targets(d, canonical)]
    results = [m for d in docs for m in tr.results_of(d, canonical)]
    measure, unit = series_measure(targets, results)
    pairs: dict[int, list[KeptPair]] = {}
    for p in g.pairs:
        if p.canonical == canonical:
            pairs.setdefault(p.year, []).append(p)
    changes: dict[int, TargetChange] = {}
    for c in g.target_changes:
        if c.indicator == canonical:
            changes.setdefault(c.year_after, c)
    out: list[SeriesYear] = []
    for n in years:
        if n in pairs:
            first, *others = pairs[n]
            y = year_of_pair(first, measure, unit, rules, others)
        else:
            planned = by_plan.get(n, [])
            set_here = [(t, d) for d in planned for t in _judged_targets(d, canonical)]
            result, result_report, numbers = _year_figure(by_review.get(n, []), canonical, measure, unit)
            if not planned:
                status, reason = "no_report", f"no report plans for {n}"
            elif set_here:
                status, reason = "no_next_report", f"no report reviews {n}"
            else:
                status, reason = "no_target", f"the {n} report sets no target for {canonical}"
            t, t_report = set_here[0] if set_here else (None, None)
            y = SeriesYear(
                year=n, status=status, reason=reason, target=t, target_report=t_report.source.path if t_report else None,
                other_targets=[o for o, _ in set_here[1:]], result=result, result_report=result_report,
            )
            y = y.model_copy(update=(_target_numbers(t, measure, unit, rules) if t is not None else {}) | numbers)
        c = changes.get(n)
        if c is not None:
            y = y.model_copy(update={"change": c.change, "change_note": _change_note(c, out[-1] if out else None)})
        out.append(y)
    return IndicatorSeries(canonical=canonical, measure=measure, unit=unit, years=out)


def government_series(
    docs: Sequence[DocumentSummary], g: GovernmentTrack, rules: VerdictRules, indicators: Sequence[str] = (),
) -> GovernmentSeries:
    plan_years = [d.metadata.plan_year for d in docs if d.metadata.plan_year is not None]
    s = GovernmentSeries(government=g.government, names=g.names, reports=g.reports)
    if not plan_years:
        return s
    years = range(min(plan_years), max(plan_years) + 1)
    targeted = {t.canonical for d in docs for t in d.targets if t.canonical and t.status != VerificationStatus.UNVERIFIED}
    wanted = list(indicators) if indicators else sorted(targeted, key=lambda c: (_HEADLINE_ORDER.get(c, len(_HEADLINE_ORDER)), c))
    s.first_year, s.last_year = years.start, years.stop - 1
    s.indicators = [indicator_series(c, docs, g, years, rules) for c in wanted]
    return s


def resolve_indicators(names: Sequence[str]) -> list[str]:
    """Canonical names for what a user typed (GDP, 国内生产总值 → 地区生产总值); a name that is no
    headline indicator raises ValueError."""
    out = []
    for name in names:
        canonical = name if name in _HEADLINE_ORDER else canonical_indicator(name)
        if canonical is None:
            raise ValueError(name)
        out.append(canonical)
    return list(dict.fromkeys(out))


def build_series(summaries: Sequence[DocumentSummary], rules: Optional[VerdictRules] = None, indicators: Sequence[str] = ()) -> Series:
    """Every government's record: track's pairs and target changes, laid out per indicator and year.
    `indicators` (canonical names) limits the series to these, also where no target names them."""
    rules = rules or VerdictRules()
    tracking = tr.track(summaries, rules)
    governments = []
    # track makes one GovernmentTrack per group of group_governments, in its order
    for group, g in zip(tr.group_governments(summaries), tracking.governments, strict=True):
        docs = sorted((summaries[i] for i in group), key=lambda s: (s.metadata.plan_year or 0, s.source.path))
        governments.append(government_series(docs, g, rules, indicators))
    notes = []
    unknown = [s.source.path for s in summaries if s.metadata.plan_year is None]
    if unknown:
        notes.append(f"plan year unknown, not in a series: {', '.join(unknown)}")
    if not indicators:
        others = sum(1 for s in summaries for t in s.targets if not t.canonical)
        notes.append(
            "the series shows the headline indicators a report sets a target for (--indicator chooses)"
            + (f"; {others} target(s) without a headline indicator (研发投入强度, 城镇化率 ...) are not judged and not shown" if others else "")
        )
    return Series(rules=rules, governments=governments, notes=notes)
