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
from summarizer.cli.live import LiveBrief
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
    if fmt is None and not quiet:
        _summarize_live(file, settings, keep_unverified, no_model, stdout_console(width), usage)
        return
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


def _summarize_live(file, settings, keep_unverified: bool, no_model: bool, console, usage: bool) -> None:
    """The brief on stdout as it fills in: the rules' half at once, the model's areas as they arrive."""
    view = LiveBrief(console)
    try:
        with Runtime.open(settings, keep_unverified=keep_unverified, rules_only=no_model) as runtime:
            summary = summarize_file(file, runtime, progress=view)
    finally:
        view.abort()
    view.finish(summary, usage=usage)
