"""`summarize`: one report → a brief (rich), JSON or Markdown."""

from __future__ import annotations

from pathlib import Path

import typer

from summarizer.pipeline import Runtime, summarize_file
from summarizer.render.summary import markdown, print_brief
from summarizer.cli.options import (
    FileArg,
    JsonOpt,
    KeepUnverifiedOpt,
    MarkdownOpt,
    MaxBytesOpt,
    NoModelOpt,
    OutputOpt,
    QuietOpt,
    WidthOpt,
    model_options,
    settings_from,
    stdout_console,
)
from summarizer.cli.progress import SectionProgress, progress_display


def write_output(path: Path, text: str) -> None:
    from summarizer.batch import write_atomic

    write_atomic(path, text)


@model_options()
def summarize_cmd(
    file: FileArg,
    as_json: JsonOpt = False,
    as_markdown: MarkdownOpt = False,
    output: OutputOpt = None,
    keep_unverified: KeepUnverifiedOpt = False,
    max_bytes: MaxBytesOpt = None,
    width: WidthOpt = None,
    quiet: QuietOpt = False,
    no_model: NoModelOpt = False,
    usage: bool = typer.Option(False, "--usage", help="Also show token usage per section"),
    flags: dict = None,  # type: ignore[assignment]  (the model options, see model_options)
) -> None:
    """Summarize one report: achievements, problems, targets and tasks, checked against the source."""
    settings = settings_from(**flags, max_bytes=max_bytes)
    with Runtime.open(settings, keep_unverified=keep_unverified, rules_only=no_model) as runtime, progress_display(enabled=not quiet and not no_model) as bar:
        summary = summarize_file(file, runtime, progress=SectionProgress(bar))
    if output is not None:  # Markdown for --markdown or a .md name, else JSON
        fmt_md = as_markdown or (not as_json and output.suffix.lower() in (".md", ".markdown"))
        write_output(output, markdown(summary) if fmt_md else summary.model_dump_json(indent=2))
        typer.echo(f"wrote {output}", err=True)
    elif as_json:
        typer.echo(summary.model_dump_json(indent=2))
    elif as_markdown:
        typer.echo(markdown(summary), nl=False)
    else:
        print_brief(summary, stdout_console(width), usage=usage)
