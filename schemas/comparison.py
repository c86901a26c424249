"""A comparative brief across reports: what `summarizer compare` shows and exports."""

from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, Field

from .track import KeptPair


class ComparedDocument(BaseModel):
    label: str = Field(description="The government (its fullest name among the reports), with the report's year when a government appears twice")
    region: Optional[str]
    doc_type: str
    review_year: Optional[int]
    plan_year: Optional[int]
    path: str


class Cell(BaseModel):
    text: str = Field(description="As printed: value and change, or the target")
    number: Optional[float] = Field(default=None, description="Growth rate (%) or target in %, for charts and contrasts")
    kind: Optional[str] = Field(default=None, description="What `number` is: rate (a change) or level (城镇调查失业率5.5%); rows rank one kind only")
    figure: Optional[str] = Field(default=None, description="The figure `number` is read from, as printed: a metric's change (增长4.1%, not 9.2万元 增长4.1%), a target")
    period: Optional[str] = Field(default=None, description="Set when the figure is not for the full year")
    partial_year: bool = False
    source_path: Optional[str] = None
    source_start: Optional[int] = None
    source_end: Optional[int] = None
    quote: Optional[str] = Field(default=None, description="The original text the figure was read from")


class MetricRow(BaseModel):
    indicator: str
    cells: dict[str, Cell] = Field(default_factory=dict, description="Document label → cell")


class ThemeRow(BaseModel):
    theme: str
    regions: dict[str, list[str]] = Field(default_factory=dict, description="Document label → the problems of that theme")


class Comparison(BaseModel):
    documents: list[ComparedDocument]
    metrics: list[MetricRow] = Field(description="Headline metrics of the review year")
    targets: list[MetricRow] = Field(description="Next-year targets")
    problem_themes: list[ThemeRow]
    problems_listed: dict[str, int] = Field(default_factory=dict, description="Document label → number of problems")
    task_areas: dict[str, list[str]] = Field(default_factory=dict)
    contrasts: list[str] = Field(default_factory=list, description="Sentences of contrast; every number in them is verified")
    kept: list[KeptPair] = Field(default_factory=list, description="Targets kept: each target of a year-N report against the year-N result in the same government's year-N+1 report (summarizer track)")
    notes: list[str] = Field(default_factory=list)
