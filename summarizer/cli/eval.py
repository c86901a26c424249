"""`eval`: summaries scored against gold annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

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
    from summarizer.pipeline import summarize_file
    from summarizer.render.common import print_view
    from summarizer.render.scores import eval_view
    from summarizer.score.evaluate import evaluate, gold_cases

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
    print_view(stdout_console(width), eval_view(report))
