"""`quality`: the model's half without gold, on any reports or summaries."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

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
    from summarizer.render.common import print_view
    from summarizer.render.scores import quality_view
    from summarizer.score.quality import aggregate_quality, quality_of

    summaries = summaries_of(paths, settings_from(**flags), quiet=quiet, once="checked once")
    report = aggregate_quality([quality_of(s, parse_document(s.source.path)) for s in summaries])
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
        return
    print_view(stdout_console(width), quality_view(report))
