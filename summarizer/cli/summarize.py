"""`summarize`: one report → a brief (rich), JSON or Markdown."""

from __future__ import annotations

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
    QuietOpt,
    WidthOpt,
    model_options,
    output_option,
    settings_from,
    stdout_console,
)
from summarizer.cli.output import output_format, write
from summarizer.cli.progress import SectionProgress, progress_display


#: The formats `summarize` writes, by the suffix of -o.
SUFFIXES = {".json": "json", ".md": "markdown", ".markdown": "markdown"}
OutputOpt = output_option(SUFFIXES)


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
    fmt = output_format("summarize", {"json": as_json, "markdown": as_markdown}, output, SUFFIXES, written="json", inputs=[file])
    settings = settings_from(**flags, max_bytes=max_bytes)
    with Runtime.open(settings, keep_unverified=keep_unverified, rules_only=no_model) as runtime, progress_display(enabled=not quiet and not no_model) as bar:
        summary = summarize_file(file, runtime, progress=SectionProgress(bar))
    if fmt is None:
        print_brief(summary, stdout_console(width), usage=usage)
        return
    text = summary.model_dump_json(indent=2) if fmt == "json" else markdown(summary)
    if output is not None:
        write(output, text)
    else:
        typer.echo(text, nl=fmt == "json")
