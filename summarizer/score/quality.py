"""quality: how good the model's half of a summary is, without gold annotations.

For one summary and its parsed report:
- heading echoes: achievement and task summaries that only restate their area's heading;
- foreign areas: summaries whose words come from another area more than from their own (an
  answer shifted onto its neighbour);
- number-bearing review areas with at least one metric: of the review areas whose text prints
  a quantity with a unit (亿元, %, 万人 …), the share whose achievement carries a metric;
- cost: generated and prompt tokens, model calls, seconds.
These run on any report, so the corpus can be measured as well as the seeds.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from schemas.document import SectionKind
from schemas.summary import DocumentSummary

from summarizer.parse.document import ParsedDocument, areas
from summarizer.model.items import grams
from summarizer.rules.picks import is_heading_echo
from summarizer.rules.numbers import quantities

class Quality(BaseModel):
    file: str
    summaries: int = Field(description="Achievement and task summaries (non-empty)")
    heading_echoes: int
    foreign: int = Field(description="Summaries whose words come from another area more than from their own")
    number_areas: int = Field(description="Review areas whose text prints a number")
    number_areas_with_metric: int
    completion_tokens: int = 0
    prompt_tokens: int = 0
    calls: int = 0
    seconds: float = 0.0


class QualityReport(BaseModel):
    documents: list[Quality]
    heading_echo_rate: float
    foreign_rate: float
    metric_coverage: float = Field(description="Share of number-bearing review areas with at least one metric")
    completion_tokens_per_report: float
    seconds_per_report: float


def quality_of(summary: DocumentSummary, doc: ParsedDocument) -> Quality:
    review = areas(doc.tree, SectionKind.REVIEW)
    tasks = areas(doc.tree, SectionKind.TASKS)
    by_title = {}
    for s in [*review, *tasks]:
        by_title.setdefault(s.title, s)
    area_grams = {s.path: grams(doc.text_of(s)) for s in [*review, *tasks]}
    items = [(a.area, a.summary) for a in summary.achievements] + [(t.area, t.summary) for t in summary.tasks]
    items = [(area, text) for area, text in items if text]
    echoes = sum(is_heading_echo(text, area) for area, text in items)
    foreign = 0
    for area, text in items:
        own = by_title.get(area)
        g = grams(text)
        if own is None or not g:
            continue
        mine = len(g & area_grams[own.path])
        if any(len(g & other) > mine for path, other in area_grams.items() if path != own.path):
            foreign += 1
    with_numbers = [s for s in review if any(q.family for q in quantities(doc.text_of(s)[len(s.title) + len(s.marker) :]))]
    covered = {a.area for a in summary.achievements if a.metrics}
    u = summary.usage
    return Quality(
        file=doc.raw.path.rsplit("/", 1)[-1],
        summaries=len(items),
        heading_echoes=echoes,
        foreign=foreign,
        number_areas=len(with_numbers),
        number_areas_with_metric=sum(s.title in covered for s in with_numbers),
        completion_tokens=u.completion_tokens,
        prompt_tokens=u.prompt_tokens,
        calls=u.calls,
        seconds=u.seconds,
    )


def aggregate_quality(docs: list[Quality]) -> QualityReport:
    n = max(1, len(docs))
    summaries = sum(d.summaries for d in docs) or 1
    return QualityReport(
        documents=docs,
        heading_echo_rate=round(sum(d.heading_echoes for d in docs) / summaries, 4),
        foreign_rate=round(sum(d.foreign for d in docs) / summaries, 4),
        metric_coverage=round(sum(d.number_areas_with_metric for d in docs) / (sum(d.number_areas for d in docs) or 1), 4),
        completion_tokens_per_report=round(sum(d.completion_tokens for d in docs) / n, 1),
        seconds_per_report=round(sum(d.seconds for d in docs) / n, 1),
    )
