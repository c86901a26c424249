"""`eval`: summaries scored against gold annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich import box
from rich.markup import escape
from rich.table import Table

from summarizer.aggregate.inputs import load_summaries
from summarizer.errors import InputError
from summarizer.pipeline import Runtime
from summarizer.cli.options import JsonOutOpt, NoModelOpt, QuietOpt, WidthOpt, model_options, settings_from, stdout_console
from summarizer.cli.output import output_format, write
from summarizer.cli.progress import SectionProgress, progress_display


@model_options("base_url", "api_key", "model", "mode", "style", "model_path", "threads", "n_ctx", "timeout", "no_cache")
def eval_cmd(
    gold: Annotated[Path, typer.Option("--gold", help="Folder of gold annotations (*.json)")] = Path("seeds/expected"),
    seeds: Annotated[Path, typer.Option("--seeds", help="Folder of the reports the gold files name")] = Path("seeds"),
    summaries: Annotated[Optional[Path], typer.Option("--summaries", help="Score stored summaries (a batch output folder) instead of running the pipeline")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the scores as JSON here")] = None,
    as_json: JsonOutOpt = False,
    no_model: NoModelOpt = False,
    width: WidthOpt = None,
    quiet: QuietOpt = False,
    flags: dict = None,  # type: ignore[assignment]  (the model options, see model_options)
) -> None:
    """Score summaries against gold annotations: metric/target recall, problems, unverified numbers, cost."""
    from summarizer.score.evaluate import evaluate, gold_cases
    from summarizer.pipeline import summarize_file

    output_format("eval", {}, output, {".json": "json"}, written="json")
    cases = gold_cases(gold, seeds)
    if summaries is not None:
        stored = {Path(s.source.path).name: s for s in load_summaries([summaries])}

        def summarize(path: Path):
            if path.name not in stored:
                raise InputError(summaries, f"has no summary of {path.name}")
            return stored[path.name]

        result = evaluate(cases, summarize)
    else:
        with Runtime.open(settings_from(**flags), rules_only=no_model) as runtime, progress_display(enabled=not quiet and not no_model) as bar:
            result = evaluate(cases, lambda p: summarize_file(p, runtime, progress=SectionProgress(bar)))
    report = result.report
    if output is not None:
        write(output, report.model_dump_json(indent=2))
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
        return
    console = stdout_console(width)
    table = Table(box=box.ASCII2, show_edge=False, title="eval", title_justify="left")
    for col in ("file", "metrics", "targets", "problems", "unverified", "meta", "areas", "calls", "tokens", "s"):
        table.add_column(col, overflow="fold")
    for d in report.documents:
        table.add_row(
            d.file[:6], f"{d.metrics_found}/{d.metrics_gold}", f"{d.targets_found}/{d.targets_gold}",
            f"{d.problems[0]}/{d.problems[1]}", str(d.unverified_numbers),
            "ok" if d.region_ok and d.doc_type_ok and d.years_ok else "x",
            f"{d.review_areas[0]}/{d.review_areas[1]} {d.task_areas[0]}/{d.task_areas[1]}",
            f"{d.calls}+{d.cached_units}c", f"{d.prompt_tokens}+{d.completion_tokens}", f"{d.seconds:.0f}",
        )
    console.print(table)
    console.print(
        f"metric recall {report.metric_recall:.0%} · target recall {report.target_recall:.0%} · "
        f"problems exact {report.problems_exact:.0%} · problems covered {report.problems_coverage:.0%} · "
        f"passages found {report.passages_found}/{len(report.documents)} · review+tasks parts {report.parts_ok}/{len(report.documents)} · "
        f"region unknown {report.region_unknown} · unverified numbers {report.unverified_numbers} · "
        f"metadata {report.metadata_accuracy:.0%} · structure {report.structure_accuracy:.0%} · "
        f"{report.calls} calls · {report.prompt_tokens:,}+{report.completion_tokens:,} tokens · {report.seconds:.0f} s"
    )
    for d in report.documents:
        for m in d.missing_metrics:
            console.print(f"[yellow]{d.file[:3]} missing metric:[/] {escape(m)}")
        for t in d.missing_targets:
            console.print(f"[yellow]{d.file[:3]} missing target:[/] {escape(t)}")
        for u in d.unverified_examples:
            console.print(f"[red]{d.file[:3]} unverified:[/] {escape(u)}")
