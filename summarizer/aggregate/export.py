"""export: summaries as rows, the form analysts load into pandas or a spreadsheet.

One row per headline metric (the rules') and per metric of an achievement (the model's), per
target and per problem, each with its government (the fullest name the reports give, so 宁夏
and 宁夏回族自治区 are one), its years, and its span in the report. CSV (UTF-8, a header row;
with a byte-order mark when written to a file, so that spreadsheets read the characters right)
or JSON Lines; `read_csv` and `read_jsonl` give the same rows back. A report given twice is
exported once (`aggregate.reports.unique_reports`).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, Literal, Optional, Sequence

from pydantic import BaseModel, model_validator

from schemas.summary import DocumentSummary, Metric, Problem, Target

from summarizer.aggregate.reports import Repeat, unique_reports  # noqa: F401  (offered here too)
from summarizer.aggregate.track import government_labels, review_year

Kind = Literal["metric", "target", "problem"]


class ExportRow(BaseModel):
    government: str
    region: Optional[str] = None
    doc_type: Optional[str] = None
    review_year: Optional[int] = None
    plan_year: Optional[int] = None
    file: str
    kind: Kind
    indicator: Optional[str] = None
    canonical: Optional[str] = None
    value: Optional[str] = None  # a metric's level, or a target as printed
    number: Optional[float] = None
    upper: Optional[float] = None
    unit: Optional[str] = None
    change: Optional[str] = None
    change_number: Optional[float] = None
    change_unit: Optional[str] = None
    comparator: Optional[str] = None
    period: Optional[str] = None
    qualifier: Optional[str] = None
    binding: Optional[bool] = None
    note: Optional[str] = None
    text: Optional[str] = None  # a problem's summary
    detail: Optional[str] = None  # the rest of a problem
    section_path: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None
    quote: Optional[str] = None
    status: Optional[str] = None
    origin: Optional[str] = None

    @model_validator(mode="before")
    @classmethod
    def _empty_is_none(cls, data: Any) -> Any:
        """An empty cell is no value, in whichever direction the row travels."""
        if isinstance(data, dict):
            return {k: (None if v == "" else v) for k, v in data.items()}
        return data


COLUMNS = list(ExportRow.model_fields)


def _base(s: DocumentSummary, government: str) -> dict[str, Any]:
    md = s.metadata
    return {
        "government": government, "region": md.region, "doc_type": md.doc_type, "review_year": review_year(s),
        "plan_year": md.plan_year, "file": s.source.path,
    }


def _span(item: Metric | Target | Problem) -> dict[str, Any]:
    src = item.source
    return {"section_path": src.section_path, "start": src.start, "end": src.end, "quote": src.quote, "status": item.status.value, "origin": item.origin}


def _metric_row(base: dict[str, Any], m: Metric) -> ExportRow:
    return ExportRow(
        **base, **_span(m), kind="metric", indicator=m.indicator, canonical=m.canonical, value=m.value, number=m.number,
        unit=m.unit, change=m.change, change_number=m.change_number, change_unit=m.change_unit, period=m.period, qualifier=m.qualifier,
    )


def _target_row(base: dict[str, Any], t: Target) -> ExportRow:
    return ExportRow(
        **base, **_span(t), kind="target", indicator=t.indicator, canonical=t.canonical, value=t.target, number=t.number,
        upper=t.upper, unit=t.unit, comparator=t.comparator, binding=t.binding, note=t.note,
    )


def _problem_row(base: dict[str, Any], p: Problem) -> ExportRow:
    return ExportRow(**base, **_span(p), kind="problem", text=p.summary, detail=p.detail)


def export_rows(summaries: Sequence[DocumentSummary]) -> list[ExportRow]:
    """Every metric, target and problem of the summaries, in report order."""
    rows: list[ExportRow] = []
    for s, government in zip(summaries, government_labels(summaries)):
        base = _base(s, government)
        rows += [_metric_row(base, m) for m in s.headline_metrics]
        rows += [_metric_row(base, m) for a in s.achievements for m in a.metrics]
        rows += [_target_row(base, t) for t in s.targets]
        rows += [_problem_row(base, p) for p in s.problems]
    return rows


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def csv_text(rows: Iterable[ExportRow]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow([_cell(getattr(r, c)) for c in COLUMNS])
    return buf.getvalue()


def jsonl_text(rows: Iterable[ExportRow]) -> str:
    return "".join(json.dumps(r.model_dump(), ensure_ascii=False) + "\n" for r in rows)


def read_csv(text: str) -> list[ExportRow]:
    return [ExportRow.model_validate(row) for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))]


def read_jsonl(text: str) -> list[ExportRow]:
    return [ExportRow.model_validate_json(line) for line in text.splitlines() if line.strip()]
