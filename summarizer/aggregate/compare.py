"""compare: several summaries → a `Comparison` (summarizer/render/comparison.py draws it).

Side-by-side headline metrics of the review year and next-year targets by region, as printed
(a 前三季度 or 1-11月 figure is marked as not a full year), terminal bar charts of growth rates,
a matrix of problem themes by region, the task areas of each region, and sentences of contrast
built from the verified figures — each sentence is kept only if every number in it is found
in the figures it cites. Where two reports of one government in consecutive years are compared,
"targets kept" sets the first's targets against the second's results (summarizer/aggregate/track.py).
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from schemas.comparison import Cell, ComparedDocument, Comparison, MetricRow, ThemeRow
from schemas.summary import DocumentSummary, Metric, Target, VerificationStatus
from schemas.track import VerdictRules

from summarizer import lexicon as lx
from summarizer.read.script import to_simplified
from summarizer.aggregate.governments import government_labels
from summarizer.aggregate.goals import goal_of
from summarizer.aggregate.track import track
from summarizer.verify import Source

INDICATOR_ORDER = [c for c, _ in lx.HEADLINE_INDICATORS]
FULL_YEAR = {None, lx.FULL_YEAR}


def _labels(summaries: list[DocumentSummary]) -> list[str]:
    """The government (by its fullest name: 宁夏 and 宁夏回族自治区 are one), with the report's
    year (its plan year, as reports are titled) where a government has several reports."""
    base = government_labels(summaries)
    out = []
    for s, b in zip(summaries, base):
        if base.count(b) > 1:
            md = s.metadata
            b = f"{b} {md.plan_year or md.review_year or file_stem(s.source.path)}"
        while b in out:
            b += "'"
        out.append(b)
    return out


def file_stem(path: str) -> str:
    """The file name without folder and suffix."""
    return re.split(r"[\\/]", path)[-1].rsplit(".", 1)[0]


def _metric_cell(m: Metric) -> Cell:
    text = " ".join(x for x in (m.value, m.change) if x)
    partial = m.period not in FULL_YEAR
    several_years = m.period == lx.MULTI_YEAR_PERIOD  # not charted, not contrasted: not the review year's
    charted = m.change_unit == "%" and m.change_number is not None and not several_years
    return Cell(
        text=text,
        number=m.change_number if charted else None,
        kind="rate" if charted else None,
        figure=m.change if charted else None,
        period=m.period if partial else None,
        partial_year=partial,
        source_path=m.source.section_path,
        source_start=m.source.start,
        source_end=m.source.end,
        quote=m.source.quote,
    )


def _target_cell(t: Target) -> Cell:
    """A target in % is charted and contrasted as a rate or a level, as track reads it (goal_of:
    增长4.5-5% is a rate in %, though its first number is printed without the unit)."""
    goal = goal_of(t)
    charted = goal is not None and goal.unit == "%" and t.number is not None
    return Cell(
        text=t.target, number=t.number if charted else None, kind=goal.kind if charted else None,
        figure=t.target if charted else None, source_path=t.source.section_path,
        source_start=t.source.start, source_end=t.source.end, quote=t.source.quote,
    )


def _ordered(keys: Iterable[str]) -> list[str]:
    keys = list(dict.fromkeys(keys))
    return sorted(keys, key=lambda k: (INDICATOR_ORDER.index(k) if k in INDICATOR_ORDER else len(INDICATOR_ORDER), keys.index(k)))


def _verified(status: VerificationStatus) -> bool:
    return status != VerificationStatus.UNVERIFIED


def build_comparison(summaries: list[DocumentSummary], rules: Optional[VerdictRules] = None) -> Comparison:
    labels = _labels(summaries)
    docs = [
        ComparedDocument(
            label=label, region=s.metadata.region, doc_type=s.metadata.doc_type,
            review_year=s.metadata.review_year, plan_year=s.metadata.plan_year, path=s.source.path,
        )
        for s, label in zip(summaries, labels)
    ]
    metric_rows: dict[str, MetricRow] = {}
    target_rows: dict[str, MetricRow] = {}
    for s, label in zip(summaries, labels):
        candidates = list(s.headline_metrics) + [m for a in s.achievements for m in a.metrics]
        for m in candidates:
            if not m.canonical or not _verified(m.status):
                continue
            row = metric_rows.setdefault(m.canonical, MetricRow(indicator=m.canonical))
            row.cells.setdefault(label, _metric_cell(m))
        for t in s.targets:
            key = t.canonical or t.indicator
            row = target_rows.setdefault(key, MetricRow(indicator=key))
            row.cells.setdefault(label, _target_cell(t))
    themes = [ThemeRow(theme=name) for name, _ in lx.PROBLEM_THEMES]
    problems_listed: dict[str, int] = {}
    for s, label in zip(summaries, labels):
        problems_listed[label] = len(s.problems)
        for p in s.problems:
            text = p.summary + p.detail
            for row, (_, words) in zip(themes, lx.PROBLEM_THEMES):
                if any(w in text for w in words):
                    row.regions.setdefault(label, []).append(p.summary)
    task_areas = {label: list(dict.fromkeys(_short(t.area) for t in s.tasks)) for s, label in zip(summaries, labels)}
    comparison = Comparison(
        documents=docs,
        metrics=[metric_rows[k] for k in _ordered(metric_rows)],
        targets=[target_rows[k] for k in _ordered(target_rows)],
        problem_themes=[t for t in themes if t.regions],
        problems_listed=problems_listed,
        task_areas=task_areas,
    )
    comparison.contrasts = contrasts(comparison)
    comparison.notes = notes(comparison)
    comparison.kept = track(summaries, rules).pairs
    return comparison


def _short(title: str) -> str:
    return re.split(r"[,，;；]", title)[0]


def ranked(row: MetricRow) -> list[tuple[str, Cell]]:
    """The cells of a row that are ranked and charted together: those with a number, of one kind
    (rates, or where more cells are levels, levels: 城镇调查失业率5.5%左右), never the two mixed."""
    cells = [(label, cell) for label, cell in row.cells.items() if cell.number is not None]
    kinds = [cell.kind for _, cell in cells]
    main = max(dict.fromkeys(kinds), key=lambda k: (kinds.count(k), k == "rate"), default=None)
    return [(label, cell) for label, cell in cells if cell.kind == main]


def _named(cells: list[tuple[str, Cell]]) -> tuple[str, str]:
    """Tied reports named together, their figures once each: 云南省、辽宁省最低(增长4.5%左右)."""
    figures = "、".join(dict.fromkeys(cell.figure or cell.text for _, cell in cells))
    return "、".join(label for label, _ in cells), figures


def contrasts(c: Comparison) -> list[str]:
    """Highest and lowest growth per indicator, and the spread of growth targets, naming every
    report that shares the highest or lowest figure and citing only the figure ranked (a rate
    without the level printed beside it). A sentence is kept only if every number in it is found
    in the original text the cited figures were read from (their source quotes), so a figure
    without a quote yields no sentence."""
    out = []
    for rows, what in ((c.metrics, lx.GROWTH), (c.targets, lx.TARGETS)):
        for row in rows:
            cells = ranked(row)
            if len(cells) < 2:
                continue
            top, bottom = max(cell.number for _, cell in cells), min(cell.number for _, cell in cells)
            if top == bottom:
                continue
            hi = [(label, cell) for label, cell in cells if cell.number == top]
            lo = [(label, cell) for label, cell in cells if cell.number == bottom]
            cited = hi + lo
            caveat = "".join(lx.PARTIAL_YEAR_CAVEAT.format(label=lbl, period=cell.period) for lbl, cell in cited if cell.partial_year)
            claims = " ".join(f"{cell.figure or cell.text} {cell.period or ''}" for _, cell in cited)
            # quotes are as printed: a report in traditional script is checked in simplified
            quotes = to_simplified(" ".join(cell.quote for _, cell in cited if cell.quote))
            if not quotes or Source(quotes).missing_numbers(claims):
                continue
            (hi_names, hi_figures), (lo_names, lo_figures) = _named(hi), _named(lo)
            out.append(
                lx.CONTRAST.format(
                    indicator=row.indicator, what=what, hi_names=hi_names, hi_figures=hi_figures,
                    lo_names=lo_names, lo_figures=lo_figures, caveat=caveat,
                )
            )
    return out


def notes(c: Comparison) -> list[str]:
    out = []
    for row in c.metrics:
        for label, cell in row.cells.items():
            if cell.partial_year and cell.period == lx.MULTI_YEAR_PERIOD:
                out.append(f"{label} {row.indicator}: a figure of the five years, not the review year's")
            elif cell.partial_year:
                out.append(f"{label} {row.indicator}: {cell.period} figure, not a full year")
    for label, n in c.problems_listed.items():
        if n == 0:
            out.append(f"{label}: no problems passage found")
    return out
