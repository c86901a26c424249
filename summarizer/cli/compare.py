"""`compare`: reports side by side."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from summarizer.cli.common import summaries_of
from summarizer.cli.options import QuietOpt, WidthOpt, model_options, settings_from, stdout_console


@model_options("base_url", "api_key", "model", "mode", "style", "model_path", "threads", "n_ctx", "timeout", "no_cache")
def compare_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Reports, summary JSONs, or batch output folders")],
    as_markdown: Annotated[bool, typer.Option("--markdown", help="Print Markdown")] = False,
    as_html: Annotated[bool, typer.Option("--html", help="Print a static HTML page")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as JSON")] = False,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file (.md, .html or .json)")] = None,
    width: WidthOpt = None,
    quiet: QuietOpt = False,
    flags: dict = None,  # type: ignore[assignment]  (the model options, for reports not yet summarized)
) -> None:
    """Compare reports side by side: headline metrics, targets, growth bars, problem themes, task
    areas, and the targets kept where two reports of one government are of consecutive years."""
    from summarizer.batch import write_atomic
    from summarizer.aggregate.compare import build_comparison, html_page, markdown, print_comparison

    from schemas.track import VerdictRules

    settings = settings_from(**flags)
    summaries = summaries_of(paths, settings, quiet=quiet)
    comparison = build_comparison(summaries, VerdictRules(band_points=settings.target_band, band_ratio=settings.target_level_band))
    suffix = output.suffix.lower() if output else ""
    if as_html or suffix in (".html", ".htm"):
        text = html_page(comparison)
    elif as_markdown or suffix in (".md", ".markdown"):
        text = markdown(comparison)
    elif as_json or suffix == ".json":
        text = comparison.model_dump_json(indent=2)
    else:
        text = None
    if output is not None:
        write_atomic(output, text if text is not None else markdown(comparison))
        typer.echo(f"wrote {output}", err=True)
    elif text is not None:
        typer.echo(text, nl=False)
    else:
        print_comparison(comparison, stdout_console(width))
