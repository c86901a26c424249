"""Commands about one document: `text`, `sections` and `summarize`."""

from __future__ import annotations

from pathlib import Path

import typer

from summarizer.parse.document import parse_document
from summarizer.pipeline import Runtime, summarize_file
from summarizer.read.reader import DEFAULT_MAX_BYTES, read_document
from summarizer.render.summary import markdown, print_brief
from summarizer.render.tree import print_tree
from summarizer.cli.app import app
from summarizer.cli.boundary import command
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
from summarizer.cli.live import LiveBrief
from summarizer.cli.progress import SectionProgress, progress_display


@command(app, "text")
def text_cmd(
    file: FileArg,
    max_bytes: MaxBytesOpt = None,
    info: bool = typer.Option(False, "--info", help="Also say on stderr how the text was obtained (format, extractor, encoding, script)"),
) -> None:
    """Print the text of a report as read: for a web page, PDF or Word file, the extracted text.
    Every offset in a summary or a section tree indexes this text."""
    raw = read_document(file, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    if info:
        typer.echo(
            f"{raw.path}: format {raw.format} · extractor {raw.extractor} · encoding {raw.encoding} · script {raw.script} · {len(raw.text):,} characters",
            err=True,
        )
    typer.echo(raw.text, nl=not raw.text.endswith("\n"))


@command(app, "sections")
def sections_cmd(
    file: FileArg,
    as_json: JsonOpt = False,
    max_bytes: MaxBytesOpt = None,
    depth: int = typer.Option(9, "--depth", help="Show sections down to this level"),
    width: WidthOpt = None,
) -> None:
    """Show how a report is cleaned and split: the section tree with kinds, sizes and warnings."""
    doc = parse_document(file, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    if as_json:
        typer.echo(doc.tree.model_dump_json(indent=2))
        return
    print_tree(doc.tree, stdout_console(width), max_level=depth)


def write_output(path: Path, text: str) -> None:
    from summarizer.batch import write_atomic

    write_atomic(path, text)


def _summarize_live(file: Path, settings, keep_unverified: bool, no_model: bool, console, usage: bool) -> None:
    """The brief on stdout as it fills in: the rules' half at once, the model's areas as they arrive."""
    view = LiveBrief(console)
    try:
        with Runtime.open(settings, keep_unverified=keep_unverified, rules_only=no_model) as runtime:
            summary = summarize_file(file, runtime, progress=view)
    finally:
        view.abort()
    view.finish(summary, usage=usage)


@command(app, "summarize")
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
    if output is None and not as_json and not as_markdown and not quiet:
        _summarize_live(file, settings, keep_unverified, no_model, stdout_console(width), usage)
        return
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
