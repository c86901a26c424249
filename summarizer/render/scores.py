"""Scores drawn for the terminal: `eval` against gold, `quality` without gold."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType

from summarizer.render.common import table_of
from summarizer.render.prose import Prose, parts

if TYPE_CHECKING:  # the scores import the model stage; the views need only their fields
    from summarizer.score.evaluate import EvalReport
    from summarizer.score.quality import QualityReport


def eval_view(report: "EvalReport") -> RenderableType:
    rows = [
        (
            d.file[:6], f"{d.metrics_found}/{d.metrics_gold}", f"{d.targets_found}/{d.targets_gold}",
            f"{d.problems[0]}/{d.problems[1]}", str(d.unverified_numbers),
            "ok" if d.region_ok and d.doc_type_ok and d.years_ok else "x",
            f"{d.review_areas[0]}/{d.review_areas[1]} {d.task_areas[0]}/{d.task_areas[1]}",
            f"{d.calls}+{d.cached_units}c", f"{d.prompt_tokens}+{d.completion_tokens}", f"{d.seconds:.0f}",
        )
        for d in report.documents
    ]
    n = len(report.documents)
    out: list[RenderableType] = [
        table_of("eval", ["file", "metrics", "targets", "problems", "unverified", "meta", "areas", "calls", "tokens", "s"], rows),
        parts([
            f"metric recall {report.metric_recall:.0%}", f"target recall {report.target_recall:.0%}",
            f"problems exact {report.problems_exact:.0%}", f"problems covered {report.problems_coverage:.0%}",
            f"passages found {report.passages_found}/{n}", f"review+tasks parts {report.parts_ok}/{n}",
            f"region unknown {report.region_unknown}", f"unverified numbers {report.unverified_numbers}",
            f"metadata {report.metadata_accuracy:.0%}", f"structure {report.structure_accuracy:.0%}",
            f"{report.calls} calls", f"{report.prompt_tokens:,}+{report.completion_tokens:,} tokens", f"{report.seconds:.0f} s",
        ]),
    ]
    for d in report.documents:
        for what, items, style in (("missing metric", d.missing_metrics, "yellow"), ("missing target", d.missing_targets, "yellow"), ("unverified", d.unverified_examples, "red")):
            for item in items:
                line = Prose()
                line.append(f"{d.file[:3]} {what}:", style=style)
                line.append(f" {item}")
                out.append(line)
    return Group(*out)


def quality_view(report: "QualityReport") -> RenderableType:
    rows = [
        (d.file, str(d.summaries), str(d.heading_echoes), str(d.foreign), f"{d.number_areas_with_metric}/{d.number_areas}", str(d.completion_tokens), f"{d.seconds:.0f}")
        for d in report.documents
    ]
    return Group(
        table_of("quality", ["file", "summaries", "echoes", "foreign", "areas with a metric", "gen tokens", "s"], rows),
        parts([
            f"heading echoes {report.heading_echo_rate:.0%}", f"foreign {report.foreign_rate:.0%}",
            f"number-bearing review areas with a metric {report.metric_coverage:.0%}",
            f"{report.completion_tokens_per_report:.0f} generated tokens and {report.seconds_per_report:.0f} s per report",
        ]),
    )
