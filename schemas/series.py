"""A government's record over the years: what `summarizer series` shows and exports.

`track` judges pairs of consecutive reports; a series lays those pairs out per indicator and
year. Every year from a government's first report to its last is a `SeriesYear`, also the years
without a target or without a report, so that a gap is shown as one and never dropped. Where a
year has a target and a later report reviews it, the year is the `KeptPair` that `track` gives for
it, verdict and reason unchanged (summarizer/aggregate/track.py applies the rules, once).
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, Field

from .summary import Metric, Target
from .track import TargetChangeKind, TrackedReport, Verdict, VerdictRules

#: A year's state: a verdict of `track` where a target meets a later report, else why there is none.
SeriesStatus = Literal[
    "met", "within_band", "missed", "no_result", "not_comparable", "undecided",  # the pair's verdict (Verdict values)
    "no_target",  # the year's report sets no target for the indicator
    "no_report",  # no report plans for the year
    "no_next_report",  # a target, but no report reviews the year
]

SERIES_STATUS_LABELS: dict[str, str] = {
    "met": "met",
    "within_band": "within band",
    "missed": "missed",
    "no_result": "no result printed",
    "not_comparable": "not comparable",
    "undecided": "could not decide",
    "no_target": "no target",
    "no_report": "no report",
    "no_next_report": "no next report",
}

Measure = Literal["rate", "level"]


class SeriesYear(BaseModel):
    year: int = Field(description="N: the year the target is for and the result is of")
    status: SeriesStatus
    verdict: Optional[Verdict] = Field(default=None, description="track's verdict on the pair of the year-N and year-N+1 reports; None where there is no pair")
    reason: str = Field(description="Why, in a few words: track's reason for a pair, else what is missing")
    target: Optional[Target] = Field(default=None, description="The year's target as the year-N report prints it (comparator, stretch goal as its note), with its span")
    target_report: Optional[str] = None
    other_targets: list[Target] = Field(default_factory=list, description="Further targets of the indicator for the year (another report of the year, a second wording); judged by track, not charted")
    result: Optional[Metric] = Field(default=None, description="The figure for year N that the year-N+1 report prints, with its span; for a year without a target, the year's figure where one is printed")
    result_report: Optional[str] = None
    measure: Optional[Measure] = Field(default=None, description="What the numbers below are: a rate of change or a level")
    unit: Optional[str] = Field(default=None, description="Unit of every number below: % or 个百分点 for a rate, the target's unit for a level")
    comparator: Optional[str] = Field(default=None, description="The target as a comparison: at_least, above, at_most, below, about (左右), exact, range, positive")
    target_low: Optional[float] = Field(default=None, description="The target's number (the lower end of a range); signed: a fall is negative")
    target_high: Optional[float] = Field(default=None, description="The upper end of a range, else the number")
    band: Optional[float] = Field(default=None, description="Half-width of the band of a 左右 target, in `unit`")
    result_number: Optional[float] = Field(default=None, description="The result in `unit` (signed for a rate), or the number of a result printed as a bound")
    result_bound: Optional[Literal["at_least", "at_most"]] = Field(default=None, description="A result printed as a bound (超过30万亿元: at_least)")
    gap: Optional[float] = Field(default=None, description="result minus target in `unit` (to the nearest end of a range, 0 inside it); only where a point result is judged")
    change: Optional[TargetChangeKind] = Field(default=None, description="How the target moved from the year-N-1 report to this one (track's target change); None where one of the two reports is missing")
    change_note: str = Field(default="", description="The move in words, with the year before's outcome: 'lowered after a miss', 'range introduced'")


class IndicatorSeries(BaseModel):
    canonical: str
    measure: Optional[Measure] = Field(default=None, description="The measure of most of the targets: what the chart plots")
    unit: Optional[str] = None
    years: list[SeriesYear]

    def counts(self) -> dict[str, int]:
        return {s: sum(y.status == s for y in self.years) for s in SERIES_STATUS_LABELS}


class GovernmentSeries(BaseModel):
    government: str = Field(description="The fullest name the reports give (the same identity as track)")
    names: list[str]
    reports: list[TrackedReport]
    first_year: Optional[int] = None
    last_year: Optional[int] = None
    indicators: list[IndicatorSeries] = Field(default_factory=list)


class Series(BaseModel):
    rules: VerdictRules
    governments: list[GovernmentSeries]
    notes: list[str] = Field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in SERIES_STATUS_LABELS}
        for g in self.governments:
            for i in g.indicators:
                for s, n in i.counts().items():
                    out[s] += n
        return out


class SeriesRow(SeriesYear):
    """One row of the data out (`series --json`): a year of one government's indicator."""

    government: str
    canonical: str


class SeriesExport(BaseModel):
    """What `series --json` writes: one row per government, indicator and year, with the
    targets and results as the summaries carry them (spans included)."""

    rules: VerdictRules
    governments: list[GovernmentSeries] = Field(description="The governments and their reports (indicators are in rows)")
    rows: list[SeriesRow]
    notes: list[str] = Field(default_factory=list)


def export_of(series: Series) -> SeriesExport:
    rows = [
        SeriesRow(government=g.government, canonical=s.canonical, **y.model_dump())
        for g in series.governments
        for s in g.indicators
        for y in s.years
    ]
    governments = [g.model_copy(update={"indicators": []}) for g in series.governments]
    return SeriesExport(rules=series.rules, governments=governments, rows=rows, notes=series.notes)
