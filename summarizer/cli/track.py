"""`track`: last year's targets against this year's results, per government.

It takes reports, summary JSONs or batch output folders, as `compare` does. Reports are read
with the rules alone (as `summarize --no-model`): targets and headline metrics need no model.
To track full summaries, give their JSONs or the batch folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from summarizer.cli.common import summaries_of
from summarizer.cli.options import QuietOpt, WidthOpt, output_option, settings_from, stdout_console, verdict_rules
from summarizer.cli.output import emit, output_format

#: The formats `track` writes, by the suffix of -o.
SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".json": "json", ".csv": "csv"}

PathsArg = Annotated[list[Path], typer.Argument(help="Reports (read with the rules, no model), summary JSONs, or batch output folders", metavar="PATHS...")]
OutputOpt = output_option(SUFFIXES)
BandOpt = Annotated[
    Optional[float],
    typer.Option("--band", help="± percentage points of a 左右 rate target: 0.5 reads 5%左右 as 4.5%-5.5% [env: SUMMARIZER_TARGET_BAND; config: target_band; default: 0.5]"),
]
LevelBandOpt = Annotated[
    Optional[float],
    typer.Option("--level-band", help="± share of a 左右 level target in other units (亿元, 万吨) [env: SUMMARIZER_TARGET_LEVEL_BAND; config: target_level_band; default: 0.02]"),
]


def track_cmd(
    paths: PathsArg,
    as_markdown: Annotated[bool, typer.Option("--markdown", help="Print Markdown (with the quotes and their spans)")] = False,
    as_html: Annotated[bool, typer.Option("--html", help="Print a static HTML page")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the tracking as JSON (targets and results with their spans)")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV: one row per target judged")] = False,
    output: OutputOpt = None,
    quotes: Annotated[bool, typer.Option("--quotes", help="Show the quotes and their spans in the terminal view too")] = False,
    band: BandOpt = None,
    level_band: LevelBandOpt = None,
    width: WidthOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Did they keep their word? Each target of a year-N report against the result for year N
    in the same government's year-N+1 report: met, within the band of 左右, missed, no result
    printed, or not comparable; and how the targets changed from one year to the next."""
    from summarizer.render.tracking import csv_text, html_page, markdown, print_tracking
    from summarizer.aggregate.track import track

    fmt = output_format(
        "track", {"markdown": as_markdown, "html": as_html, "json": as_json, "csv": as_csv}, output, SUFFIXES, written="markdown", inputs=paths
    )
    settings = settings_from(target_band=band, target_level_band=level_band)
    tracking = track(summaries_of(paths, settings, quiet=quiet, rules_only=True, once="tracked once"), verdict_rules(settings))
    if fmt is None:
        print_tracking(tracking, stdout_console(width), quotes=quotes)
        return
    text = {"html": html_page, "csv": csv_text, "markdown": markdown, "json": lambda t: t.model_dump_json(indent=2)}[fmt](tracking)
    emit(text, output, fmt)
