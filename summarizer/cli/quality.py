"""`quality`: the model's half without gold, on any reports or summaries."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.table import Table
from rich.text import Text

from summarizer.cli.common import summaries_of
from summarizer.cli.options import JsonOutOpt, QuietOpt, WidthOpt, model_options, settings_from, stdout_console


@model_options()
def quality_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Reports, summary JSONs or batch output folders", metavar="PATHS...")],
    as_json: JsonOutOpt = False,
    width: WidthOpt = None,
    quiet: QuietOpt = False,
    flags: dict = None,  # type: ignore[assignment]  (the model options, see model_options)
) -> None:
    """The model's half without gold: heading echoes, answers about another area, metric coverage, cost."""
    from summarizer.parse.document import parse_document
    from summarizer.score.quality import aggregate_quality, quality_of

    summaries = summaries_of(paths, settings_from(**flags), quiet=quiet)
    report = aggregate_quality([quality_of(s, parse_document(s.source.path)) for s in summaries])
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
        return
    console = stdout_console(width)
    table = Table(box=box.ASCII2, show_edge=False, title="quality", title_justify="left")
    for col in ("file", "summaries", "echoes", "foreign", "areas with a metric", "gen tokens", "s"):
        table.add_column(col, overflow="fold")
    for d in report.documents:
        table.add_row(
            Text(d.file), str(d.summaries), str(d.heading_echoes), str(d.foreign),
            f"{d.number_areas_with_metric}/{d.number_areas}", str(d.completion_tokens), f"{d.seconds:.0f}",
        )
    console.print(table)
    console.print(
        f"heading echoes {report.heading_echo_rate:.0%} · foreign {report.foreign_rate:.0%} · "
        f"number-bearing review areas with a metric {report.metric_coverage:.0%} · "
        f"{report.completion_tokens_per_report:.0f} generated tokens and {report.seconds_per_report:.0f} s per report"
    )
