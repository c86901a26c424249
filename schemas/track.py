"""Promise tracking: what `summarizer track` shows and exports, and what `compare` shows as
"targets kept".

A `KeptPair` sets one plan-year target of a government's year-N report against the result for
year N printed in its year-N+1 report, with both quotes and their spans, and a `Verdict` given
by `VerdictRules` (summarizer/track.py says how, once).
"""

from __future__ import annotations

from enum import Enum
from typing import Literal, Optional

from pydantic import BaseModel, Field

from .summary import Metric, SourceSpan, Target


class Verdict(str, Enum):
    MET = "met"  # the result reaches the target
    WITHIN_BAND = "within_band"  # a 左右 target: short of the number, within the band around it
    MISSED = "missed"
    NO_RESULT = "no_result"  # the later report prints no figure of the year for the indicator
    NOT_COMPARABLE = "not_comparable"  # a figure is printed but cannot be set against the target
    UNDECIDED = "undecided"  # the later report names the indicator with a figure, but no result of the year was read


VERDICT_LABELS = {
    Verdict.MET: "met",
    Verdict.WITHIN_BAND: "within band",
    Verdict.MISSED: "missed",
    Verdict.NO_RESULT: "no result printed",
    Verdict.NOT_COMPARABLE: "not comparable",
    Verdict.UNDECIDED: "could not decide",
}


class VerdictRules(BaseModel):
    """How far 左右 reaches. The rest of the rules has no parameter (summarizer/track.py)."""

    band_points: float = Field(default=0.5, ge=0, description="± percentage points around a 左右 rate target or a 左右 level in %: 5%左右 is 4.5–5.5%")
    band_ratio: float = Field(default=0.02, ge=0, description="± share of the number around a 左右 level target in other units: 616亿斤左右 is 603.7–628.3亿斤")


class TrackedReport(BaseModel):
    path: str
    region: Optional[str]
    doc_type: str
    review_year: Optional[int]
    plan_year: Optional[int]


class KeptPair(BaseModel):
    government: str
    year: int = Field(description="N: the year the target is for and the result is of")
    canonical: str
    target: Target = Field(description="The target as the year-N report prints it, with its span there")
    target_report: str = Field(description="Path of the year-N report")
    result: Optional[Metric] = Field(default=None, description="The figure the year-N+1 report prints for year N (None: none printed), with its span there")
    result_report: str = Field(description="Path of the year-N+1 report")
    verdict: Verdict
    reason: str = Field(description="Why, in a few words, with the numbers compared")
    candidates: list[SourceSpan] = Field(default_factory=list, description="Undecided: the later report's sentences that name the indicator with a figure")


TargetChangeKind = Literal["raised", "lowered", "unchanged", "reworded", "added", "dropped"]


class TargetChange(BaseModel):
    """How one target changed from the year-N report to the year-N+1 report."""

    government: str
    indicator: str = Field(description="The canonical indicator, or the target's printed name where it has none")
    year_before: int
    year_after: int
    before: Optional[Target] = None
    after: Optional[Target] = None
    change: TargetChangeKind = Field(description="raised / lowered: the number; reworded: the same number with another comparator, or a target without a number worded otherwise")


class GovernmentTrack(BaseModel):
    government: str = Field(description="The fullest name the reports give")
    names: list[str] = Field(description="Every name the reports give for this government")
    reports: list[TrackedReport]
    pairs: list[KeptPair] = Field(default_factory=list)
    target_changes: list[TargetChange] = Field(default_factory=list)


class Tracking(BaseModel):
    rules: VerdictRules
    governments: list[GovernmentTrack]
    notes: list[str] = Field(default_factory=list)

    @property
    def pairs(self) -> list[KeptPair]:
        return [p for g in self.governments for p in g.pairs]

    def counts(self) -> dict[Verdict, int]:
        return {v: sum(p.verdict == v for p in self.pairs) for v in Verdict}
