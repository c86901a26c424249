"""`compare`: reports side by side.

Reports not yet summarized are read with the rules alone (as `track` and `export` read them)
under --no-model, or when no model is configured (no --base-url or --model-path, by flag,
environment or config file); with one, they are summarized with it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summarizer.cli.common import summaries_of
from summarizer.cli.output import emit, output_format
from summarizer.cli.options import NoModelOpt, QuietOpt, WidthOpt, model_options, output_option, settings_from, stdout_console, verdict_rules

#: The formats `compare` writes, by the suffix of -o.
SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".json": "json"}
OutputOpt = output_option(SUFFIXES)


@model_options("base_url", "api_key", "model", "mode", "style", "model_path", "threads", "n_ctx", "timeout", "no_cache")
def compare_cmd(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Reports (with the rules alone unless a model is configured), summary JSONs, or batch output folders", metavar="PATHS..."),
    ],
    as_markdown: Annotated[bool, typer.Option("--markdown", help="Print Markdown")] = False,
    as_html: Annotated[bool, typer.Option("--html", help="Print a static HTML page")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as JSON")] = False,
    output: OutputOpt = None,
    no_model: NoModelOpt = False,
    width: WidthOpt = None,
    quiet: QuietOpt = False,
    flags: dict = None,  # type: ignore[assignment]  (the model options, for reports not yet summarized)
) -> None:
    """Compare reports side by side: headline metrics, targets, growth bars, problem themes, task
    areas, and the targets kept where two reports of one government are of consecutive years."""
    from summarizer.aggregate.compare import build_comparison
    from summarizer.render.comparison import html_page, markdown, print_comparison

    fmt = output_format("compare", {"markdown": as_markdown, "html": as_html, "json": as_json}, output, SUFFIXES, written="markdown", inputs=paths)
    settings = settings_from(**flags)
    configured = settings.base_url is not None or settings.model_path is not None
    note = None if no_model or configured else "reports read with the rules alone (no model configured: give --base-url or --model-path to summarize them with one)"
    summaries = summaries_of(paths, settings, quiet=quiet, rules_only=no_model or not configured, note=note, once="compared once")
    comparison = build_comparison(summaries, verdict_rules(settings))
    if fmt is None:
        print_comparison(comparison, stdout_console(width))
        return
    text = {"html": html_page, "markdown": markdown, "json": lambda c: c.model_dump_json(indent=2)}[fmt](comparison)
    emit(text, output)
