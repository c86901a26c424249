"""eval: score summaries against gold annotations (the format of seeds/expected/*.json).

For every gold file, the summary of the report it names is scored on:
- metric recall: gold review metrics found (indicator, value and change as printed; a change
  printed with a qualifier — 同比增长8.9% — or as 增速 matches the gold 增长8.9%);
- target recall: gold targets found with the same comparator;
- problems: the gold number of items (and zero where gold has none);
- unverified numbers: numbers in any output item that are not in the item's source section —
  re-checked here against the original file, independently of the pipeline's own verification;
- metadata and structure: region, document type, years, numbers of review and task areas;
- cost: model calls, prompt and generated tokens, seconds.
This is how a prompt or model change is judged: run it before and after.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, Field

from schemas.document import SectionKind
from schemas.summary import DocumentSummary, Metric

from summarizer.parse.document import ParsedDocument, areas, parse_document
from summarizer.rules.numbers import quantities, same_quantity
from summarizer.rules.figures import canonical_indicator, comparator_of
from summarizer import lexicon as lx
from summarizer.rules.figures import change_sign
from summarizer.verify import Source



class DocScore(BaseModel):
    file: str
    region_ok: bool
    doc_type_ok: bool
    years_ok: bool
    review_areas: tuple[int, int] = Field(description="(found, gold)")
    task_areas: tuple[int, int]
    metrics_found: int
    metrics_gold: int
    missing_metrics: list[str] = Field(default_factory=list)
    targets_found: int
    targets_gold: int
    missing_targets: list[str] = Field(default_factory=list)
    problems: tuple[int, int] = Field(description="(found, gold)")
    problems_passage: bool = Field(default=True, description="A problems passage was found")
    parts_ok: bool = Field(default=True, description="The report has a review part and a tasks part")
    region_unknown: bool = False
    problems_covered: int = Field(default=0, description="Gold problem items that are verbatim inside one of ours")
    unverified_numbers: int
    unverified_examples: list[str] = Field(default_factory=list)
    calls: int = 0
    cached_units: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0


class EvalReport(BaseModel):
    documents: list[DocScore]
    metric_recall: float
    target_recall: float
    problems_exact: float = Field(description="Share of documents with exactly the gold number of problems")
    problems_coverage: float = Field(default=0.0, description="Share of gold problem items inside one of our items")
    passages_found: int = Field(default=0, description="Documents whose problems passage was found")
    parts_ok: int = Field(default=0, description="Documents with a review part and a tasks part")
    region_unknown: int = Field(default=0, description="Documents whose region is unknown (not counted wrong)")
    unverified_numbers: int
    metadata_accuracy: float
    structure_accuracy: float = Field(description="Share of documents with the gold numbers of review and task areas")
    calls: int
    prompt_tokens: int
    completion_tokens: int
    seconds: float


def _norm_change(text: str) -> str:
    for a, b in lx.CHANGE_SYNONYMS:
        text = text.replace(a, b)
    return text


def _same_printed(gold: str, ours: Optional[str], *, change: bool = False) -> bool:
    if not ours:
        return False
    g, o = (_norm_change(gold), _norm_change(ours)) if change else (gold, ours)
    if g in o:
        return True
    gq, oq = quantities(g), quantities(o)
    if not gq or len(gq) != len(oq) or not all(same_quantity(a, b) for a, b in zip(gq, oq)):
        return False
    if change:  # same number: the direction must agree too
        return change_sign(g) == change_sign(o)
    return True


def _indicator_matches(gold: str, m_indicator: str, m_canonical: Optional[str]) -> bool:
    base = re.sub(r"[(（].*?[)）]", "", gold)
    canon = canonical_indicator(base)
    if canon and m_canonical:
        return canon == m_canonical
    return base in m_indicator or m_indicator in base


def metric_found(gold: dict, metrics: list[Metric]) -> bool:
    """A gold metric is found when one of ours names the indicator with the same value and change.
    A gold entry that keeps two figures together ("城乡居民人均可支配收入 增长4.7%、6.6%") is found
    when our metrics of those indicators state both, each with its own indicator."""
    multi = gold.get("change") and len(quantities(gold["change"])) > 1 and "value" not in gold
    if multi:
        ours = [m.change for m in metrics if m.change and _overlaps(gold["indicator"], m.indicator)]
        return len(ours) > 1 and _all_stated(gold["change"], ours)
    for m in metrics:
        if not _indicator_matches(gold["indicator"], m.indicator, m.canonical):
            continue
        value_ok = "value" not in gold or _same_printed(gold["value"], m.value)
        change_ok = "change" not in gold or _same_printed(gold["change"], m.change, change=True)
        if value_ok and change_ok:
            return True
    return False


def target_found(gold: dict, summary: DocumentSummary) -> bool:
    """A gold target is found when one of ours names the indicator with the same target and
    comparator. A gold entry that keeps several numbers together ("城镇、农村居民人均可支配收入
    增长5%、6.5%左右") is found when our targets of those indicators state every one of them."""
    if len(quantities(gold["target"])) > 1 and not re.search(r"\d\s*%?\s*[-—–~～至]\s*\d", gold["target"]):
        ours = [t.target for t in summary.targets if t.number is not None and _overlaps(gold["indicator"], t.indicator)]
        return _all_stated(gold["target"], ours)
    for t in summary.targets:
        if not _indicator_matches(gold["indicator"], t.indicator, t.canonical):
            continue
        if _same_printed(gold["target"], t.target, change=True) and comparator_of(gold["target"]) == t.comparator:
            if "binding" in gold and bool(gold["binding"]) != bool(t.binding):
                continue
            return True
    return False


def _all_stated(gold: str, ours: list[str]) -> bool:
    """Every number of a gold string is stated by one of our printed strings."""
    got = [q for text in ours for q in quantities(text)]
    return all(any(same_quantity(g, o) for o in got) for g in quantities(gold))


def _overlaps(gold_indicator: str, ours: str) -> bool:
    """Our indicator is one of the indicators a gold entry lists (城镇 in 城镇、农村居民……, and
    城镇居民…… and 农村居民…… in 城乡居民……, as the rules label the two)."""
    base = re.sub(r"[(（].*?[)）]", "", gold_indicator)
    pieces = [p for p in re.split(r"[、和及与]", base) if p]
    if lx.URBAN_AND_RURAL in base:
        pieces += [base.replace(lx.URBAN_AND_RURAL, side, 1) for side in (lx.URBAN, lx.RURAL)]
    return ours in base or any(p in ours for p in pieces) or base in ours


def unverified_numbers(summary: DocumentSummary, doc: ParsedDocument) -> list[str]:
    """Numbers in output items that the item's source section does not state."""
    sources: dict[tuple[str, int, int], Source] = {}

    def source(span) -> Source:
        """The item's section (or, for a span outside the tree, the original text it names)."""
        key = (span.section_path, span.start, span.end)
        if key not in sources:
            section = doc.tree.find(span.section_path)
            sources[key] = Source(doc.text_of(section) if section else doc.raw.text[span.start : span.end])
        return sources[key]

    claims = []
    for m in summary.headline_metrics:
        claims.append((m.source, f"{m.value or ''} {m.change or ''}"))
    for a in summary.achievements:
        claims.append((a.source, a.summary))
        claims += [(m.source, f"{m.value or ''} {m.change or ''}") for m in a.metrics]
    for p in summary.problems:
        claims.append((p.source, p.summary + p.detail))
    for t in summary.targets:
        claims.append((t.source, t.target))
    for t in summary.tasks:
        claims.append((t.source, t.summary))
        claims += [(c.source, c.text) for c in t.commitments]
    out = []
    for span, text in claims:
        for q in source(span).missing_numbers(text):
            out.append(f"{span.section_path}: {q.text} in {text[:40]}")
    return out


def score_document(gold: dict, summary: DocumentSummary, doc: ParsedDocument) -> DocScore:
    metrics = list(summary.headline_metrics) + [m for a in summary.achievements for m in a.metrics]
    missing_m = [f"{g['indicator']} {g.get('value', '')} {g.get('change', '')}".strip() for g in gold["review_metrics"] if not metric_found(g, metrics)]
    missing_t = [f"{g['indicator']} {g['target']}" for g in gold["targets"] if not target_found(g, summary)]
    md = summary.metadata
    unverified = unverified_numbers(summary, doc)
    u = summary.usage
    return DocScore(
        file=gold["file"],
        region_ok=md.region == gold["region"],
        doc_type_ok=md.doc_type == gold["doc_type"],
        years_ok=(md.review_year, md.plan_year) == (gold["review_year"], gold["plan_year"]),
        review_areas=(len(areas(doc.tree, SectionKind.REVIEW)), gold["review_areas"]),
        task_areas=(len(areas(doc.tree, SectionKind.TASKS)), gold["task_areas"]),
        metrics_found=len(gold["review_metrics"]) - len(missing_m),
        metrics_gold=len(gold["review_metrics"]),
        missing_metrics=missing_m,
        targets_found=len(gold["targets"]) - len(missing_t),
        targets_gold=len(gold["targets"]),
        missing_targets=missing_t,
        problems=(len(summary.problems), len(gold["problems"])),
        problems_passage=summary.problems_passage is not None or not gold["problems"],
        parts_ok={SectionKind.REVIEW, SectionKind.TASKS} <= {s.kind for s in doc.tree.sections},
        region_unknown=md.region is None,
        problems_covered=sum(any(x in doc.raw.text[p.source.start : p.source.end] for p in summary.problems) for x in gold["problems"]),
        unverified_numbers=len(unverified),
        unverified_examples=unverified[:5],
        calls=u.calls,
        cached_units=u.cached_units,
        prompt_tokens=u.prompt_tokens,
        completion_tokens=u.completion_tokens,
        seconds=u.seconds,
    )


def aggregate(scores: list[DocScore]) -> EvalReport:
    n = max(1, len(scores))
    mg = sum(s.metrics_gold for s in scores) or 1
    tg = sum(s.targets_gold for s in scores) or 1
    return EvalReport(
        documents=scores,
        metric_recall=round(sum(s.metrics_found for s in scores) / mg, 4),
        target_recall=round(sum(s.targets_found for s in scores) / tg, 4),
        problems_exact=round(sum(s.problems[0] == s.problems[1] for s in scores) / n, 4),
        problems_coverage=round(sum(s.problems_covered for s in scores) / (sum(s.problems[1] for s in scores) or 1), 4),
        passages_found=sum(s.problems_passage for s in scores),
        parts_ok=sum(s.parts_ok for s in scores),
        region_unknown=sum(s.region_unknown for s in scores),
        unverified_numbers=sum(s.unverified_numbers for s in scores),
        metadata_accuracy=round(sum(s.region_ok and s.doc_type_ok and s.years_ok for s in scores) / n, 4),
        structure_accuracy=round(sum(s.review_areas[0] == s.review_areas[1] and s.task_areas[0] == s.task_areas[1] for s in scores) / n, 4),
        calls=sum(s.calls for s in scores),
        prompt_tokens=sum(s.prompt_tokens for s in scores),
        completion_tokens=sum(s.completion_tokens for s in scores),
        seconds=round(sum(s.seconds for s in scores), 2),
    )


@dataclass
class GoldCase:
    gold: dict
    report: Path
    gold_path: Path


def gold_cases(gold_dir: Path, reports_dir: Path) -> list[GoldCase]:
    from summarizer.errors import InputError

    if not gold_dir.is_dir():
        raise InputError(gold_dir, "no such folder of gold annotations")
    cases = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        report = reports_dir / gold["file"]
        if not report.is_file():
            raise InputError(report, f"named by {path.name} but not found", hint="point --seeds at the folder of the reports")
        cases.append(GoldCase(gold, report, path))
    if not cases:
        raise InputError(gold_dir, "holds no gold .json files")
    return cases


@dataclass
class Evaluation:
    report: EvalReport
    summaries: dict[str, DocumentSummary] = field(default_factory=dict)


def evaluate(cases: list[GoldCase], summarize) -> Evaluation:
    """`summarize(path) -> DocumentSummary` is the pipeline (or a reader of stored summaries)."""
    scores = []
    summaries = {}
    for case in cases:
        summary = summarize(case.report)
        summaries[case.gold["file"]] = summary
        scores.append(score_document(case.gold, summary, parse_document(case.report)))
    return Evaluation(aggregate(scores), summaries)
