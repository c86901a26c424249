"""items: what every strategy needs to turn an answer into verified items.

Source spans of an area's text, the decision to keep or drop what failed verification, the
tidying of sentences shown to a reader, and the items built from an area's picked sentences
(the extractive strategies and the rule picks share them: the words shown are the report's own,
metrics are read from the picked sentences clause by clause).
"""

from __future__ import annotations

import re
from typing import Optional

from schemas.document import SectionKind
from schemas.responses import COMMITMENT_MAX, SUMMARY_MAX
from schemas.summary import Achievement, Commitment, Metric, SourceSpan, Task, VerificationStatus

from summarizer import lexicon as lx
from summarizer.model.areas import Area
from summarizer.model.extract import Items
from summarizer.parse.document import ParsedDocument
from summarizer.rules.figures import canonical_indicator, metric_figures
from summarizer.rules.labels import labelled_metrics
from summarizer.rules.picks import is_heading_echo, is_lead
from summarizer.verify import Verdict

#: Metrics read from an area's picked sentences, at most.
PICKED_METRICS_MAX = 4


def area_span(doc: ParsedDocument, area: Area, rel: Optional[tuple[int, int]] = None) -> SourceSpan:
    """The span of the whole area, or of [start, end) inside its text (quoted when short)."""
    if rel is None:
        a, b = area.spans[0][0], area.spans[-1][1]
    else:
        a, b = area.to_clean(*rel)
    start, end = doc.clean.to_original(a, b)
    quote = doc.clean.text[a:b] if rel is not None and b - a <= 300 else None
    return SourceSpan(section_path=area.section.path, start=start, end=end, quote=quote)


def keep(verdict: Verdict, keep_unverified: bool, what: str, dropped: list[str]) -> bool:
    if verdict.status != VerificationStatus.UNVERIFIED:
        return True
    dropped.append(f"{what}: {verdict.reason}")
    return keep_unverified


def grams(text: str, n: int = 3) -> set[str]:
    """Character n-grams of a text without punctuation (to tell which area a summary is about)."""
    text = re.sub(r"[\s，,。；;：:、“”]", "", text)
    return {text[i : i + n] for i in range(max(0, len(text) - n + 1))}


def trim_clauses(text: str, limit: int) -> str:
    """The sentence cut at its last clause boundary within `limit` characters."""
    text = text.strip().rstrip("；;")
    if len(text) <= limit:
        return text
    cut = max(text.rfind(ch, 0, limit) for ch in "，,；;、")
    return (text[:cut] if cut >= 8 else text[:limit]).rstrip("，,、；;") + "……"


def metric_is_named(indicator: str) -> bool:
    """An indicator a reader can use: not a bare verb, not cut off mid-list, quotes balanced."""
    if indicator in lx.BARE_METRIC_VERBS or indicator[-1] in lx.DANGLING_ENDINGS or len(indicator) > 16:
        return False
    return indicator.count("“") == indicator.count("”") and indicator.count("《") == indicator.count("》")


def metrics_of(doc: ParsedDocument, area: Area, sentences: list[tuple[int, int]], origin: str = "model") -> list[Metric]:
    """The metrics printed in these sentences of the area, each labelled by what it measures."""
    out: list[Metric] = []
    for a, b in sentences:
        for found in labelled_metrics(area.text, a, b):
            indicator = found.indicator
            if not metric_is_named(indicator):
                continue
            if len(out) >= PICKED_METRICS_MAX:
                return out
            out.append(
                Metric(
                    indicator=indicator, canonical=canonical_indicator(indicator), value=found.value, change=found.change,
                    qualifier=found.qualifier, **metric_figures(found.value, found.change),
                    source=area_span(doc, area, (found.start, found.end)), origin=origin,  # type: ignore[arg-type]
                )
            )
    return out


def usable(area: Area, k: int) -> bool:
    """May sentence k stand for its area (not the heading, not a sub-heading lead)?"""
    text = area.sentence(k)
    return not (is_heading_echo(text, area.title) or is_lead(text))


def with_numbers(area: Area) -> list[tuple[int, int]]:
    return [s for k, s in enumerate(area.sentences) if re.search(r"\d", area.sentence(k)) and not is_heading_echo(area.sentence(k), area.title)]


def picked_items(doc: ParsedDocument, area: Area, kind: SectionKind, ranked: list[int], out: Items, origin: str = "model") -> None:
    """Items from the area's picked sentences (indexes, best first): an achievement shows the
    first and the metrics of all (else of the area's first sentence that states one); a task
    shows the first as its summary and the others as commitments."""
    chosen = [area.sentences[k] for k in ranked]
    out.picks.setdefault(area.section.path, []).extend(area.text[a:b] for a, b in chosen)
    if kind == SectionKind.REVIEW:
        metrics = metrics_of(doc, area, chosen, origin)
        for sentence in [] if metrics else with_numbers(area):
            metrics = metrics_of(doc, area, [sentence], origin="rule")
            if metrics:
                break
        if not chosen and not metrics:
            return
        summary = trim_clauses(area.text[chosen[0][0] : chosen[0][1]], SUMMARY_MAX) if chosen else ""
        first = chosen[0] if chosen else None
        out.achievements.append(Achievement(area=area.title, summary=summary, metrics=metrics, source=area_span(doc, area, first), origin=origin))  # type: ignore[arg-type]
        return
    if not chosen:
        return
    summary = trim_clauses(area.text[chosen[0][0] : chosen[0][1]], SUMMARY_MAX)
    commitments = [
        Commitment(text=trim_clauses(area.text[a:b], COMMITMENT_MAX).rstrip("。"), source=area_span(doc, area, (a, b)))
        for a, b in chosen[1:]
    ]
    out.tasks.append(Task(area=area.title, summary=summary, commitments=commitments, source=area_span(doc, area, chosen[0]), origin=origin))  # type: ignore[arg-type]
