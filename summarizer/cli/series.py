"""`series`: a government's record over the years, per indicator and year.

A command of its own rather than `track --series`: it answers a longer question with other
outputs (a row per year also where nothing was judged, charts, `--png`), while `track` keeps its
pairs. It reads what `track` reads, the same way (reports with the rules alone; summary JSONs or
batch folders for full summaries), and takes the same band settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from summarizer.cli.common import summaries_of
from summarizer.cli.options import QuietOpt, WidthOpt, output_option, settings_from, stdout_console, verdict_rules
from summarizer.cli.output import emit, output_format
from summarizer.cli.track import BandOpt, LevelBandOpt, PathsArg
from summarizer.errors import ConfigError
from summarizer.write import check_folder_target, write_atomic

#: The formats `series` writes, by the suffix of -o.
SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".json": "json", ".csv": "csv"}
OutputOpt = output_option(SUFFIXES)

IndicatorOpt = Annotated[
    Optional[list[str]],
    typer.Option("--indicator", "-i", help="Only this headline indicator (GDP, 居民消费价格, 城镇新增就业 ...; repeat for more), also where no report sets a target for it"),
]


def series_cmd(
    paths: PathsArg,
    as_markdown: Annotated[bool, typer.Option("--markdown", help="Print Markdown (with the quotes and their spans)")] = False,
    as_html: Annotated[bool, typer.Option("--html", help="Print a static HTML page: a chart per indicator (needs the charts extra) and the tables with quotes and spans")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON: one row per government, indicator and year, targets and results with their spans")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV: one row per government, indicator and year")] = False,
    output: OutputOpt = None,
    png: Annotated[Optional[Path], typer.Option("--png", help="Also write one PNG chart per government and indicator into this folder (needs the charts extra)")] = None,
    no_charts: Annotated[bool, typer.Option("--no-charts", help="Tables alone: no chart in the terminal or the HTML page")] = False,
    indicators: IndicatorOpt = None,
    quotes: Annotated[bool, typer.Option("--quotes", help="Show the quotes and their spans in the terminal view too")] = False,
    band: BandOpt = None,
    level_band: LevelBandOpt = None,
    width: WidthOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """A government's record over the years: per indicator, every year's target (as printed,
    with comparator and stretch goal), the result the next report prints, the verdict (track's
    rules) and the gap; years without a target or a next report shown as such; how the targets
    moved (lowered after a miss, a range introduced, dropped). A chart per indicator."""
    from summarizer.aggregate.series import build_series, resolve_indicators
    from summarizer.render import series_charts as charts
    from summarizer.render.series import csv_text, html_page, markdown, print_series, series_json

    fmt = output_format(
        "series", {"markdown": as_markdown, "html": as_html, "json": as_json, "csv": as_csv}, output, SUFFIXES, written="markdown", inputs=paths
    )
    if png is not None:
        check_folder_target(png)
    html_out = fmt == "html"
    if (html_out and not no_charts) or png is not None:
        charts.require()  # before reading any report: say at once what is missing
    try:
        wanted = resolve_indicators(indicators or [])
    except ValueError as exc:
        raise ConfigError(f"--indicator {exc}: not a headline indicator (地区生产总值/GDP, 居民消费价格, 城镇调查失业率, 城镇新增就业 ...)") from None
    settings = settings_from(target_band=band, target_level_band=level_band)
    series = build_series(summaries_of(paths, settings, quiet=quiet, rules_only=True), verdict_rules(settings), wanted)
    if png is not None:
        font = charts.cjk_font()
        written = 0
        for g in series.governments:
            for s in g.indicators:
                write_atomic(png / f"{charts.file_stem(g, s)}.png", charts.png(g, s, font))
                written += 1
        typer.echo(f"wrote {written} chart(s) to {png}", err=True)
        if font is None and written:
            typer.echo("warning: no font with Chinese glyphs found: the PNGs carry no title (their file names say what they show); install one, e.g. fonts-noto-cjk", err=True)
    if html_out:
        text = html_page(series, None if no_charts else charts.page_charts())
    elif fmt == "csv":
        text = csv_text(series)
    elif fmt == "json":
        text = series_json(series)
    elif fmt == "markdown":
        text = markdown(series)
    else:
        print_series(series, stdout_console(width), quotes=quotes, charts=not no_charts)
        return
    emit(text, output, fmt)
