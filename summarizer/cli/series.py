"""`series`: a government's record over the years, per indicator and year.

A command of its own rather than `track --series`: it answers a longer question with other
outputs (a row per year also where nothing was judged, charts, `--png`), while `track` keeps its
pairs. It reads what `track` reads, the same way (reports with the rules alone; summary JSONs or
batch folders for full summaries), and takes the same band settings.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Annotated, Optional

import typer

from summarizer.cli.app import app
from summarizer.cli.boundary import command
from summarizer.cli.options import QuietOpt, WidthOpt, settings_from, stdout_console
from summarizer.cli.track import BandOpt, LevelBandOpt, OutputOpt, PathsArg, summaries_of, write_output
from summarizer.errors import ConfigError

IndicatorOpt = Annotated[
    Optional[list[str]],
    typer.Option("--indicator", "-i", help="Only this headline indicator (GDP, 居民消费价格, 城镇新增就业 ...; repeat for more), also where no report sets a target for it"),
]


def _write_bytes(path: Path, data: bytes) -> None:
    """All or nothing, with the permissions the umask gives (as batch.write_atomic for text)."""
    from summarizer.batch import _mode_for

    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@command(app, "series")
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
    from schemas.track import VerdictRules

    from summarizer.aggregate.series import build_series, resolve_indicators
    from summarizer.render import series_charts as charts
    from summarizer.render.series import csv_text, html_page, markdown, print_series, series_json

    suffix = output.suffix.lower() if output else ""
    html_out = as_html or suffix in (".html", ".htm")
    if (html_out and not no_charts) or png is not None:
        charts.require()  # before reading any report: say at once what is missing
    try:
        wanted = resolve_indicators(indicators or [])
    except ValueError as exc:
        raise ConfigError(f"--indicator {exc}: not a headline indicator (地区生产总值/GDP, 居民消费价格, 城镇调查失业率, 城镇新增就业 ...)") from None
    settings = settings_from(target_band=band, target_level_band=level_band)
    rules = VerdictRules(band_points=settings.target_band, band_ratio=settings.target_level_band)
    series = build_series(summaries_of(paths, settings, quiet), rules, wanted)
    if png is not None:
        font = charts.cjk_font()
        written = 0
        for g in series.governments:
            for s in g.indicators:
                _write_bytes(png / f"{charts.file_stem(g, s)}.png", charts.png(g, s, font))
                written += 1
        typer.echo(f"wrote {written} chart(s) to {png}", err=True)
        if font is None and written:
            typer.echo("warning: no font with Chinese glyphs found: the PNGs carry no title (their file names say what they show); install one, e.g. fonts-noto-cjk", err=True)
    if html_out:
        chart = None
        if not no_charts:
            ids = iter(range(1, 10**6))

            def chart(g, s):
                return charts.svg(s, f"c{next(ids)}", description=f"{g.government} {s.canonical}: targets and results, {g.first_year}-{g.last_year}")

        text = html_page(series, chart)
    elif as_csv or suffix == ".csv":
        text = csv_text(series)
    elif as_json or suffix == ".json":
        text = series_json(series)
    elif as_markdown or suffix in (".md", ".markdown") or output is not None:
        text = markdown(series)
    else:
        print_series(series, stdout_console(width), quotes=quotes, charts=not no_charts)
        return
    if output is not None:
        write_output(output, "\ufeff" + text if suffix == ".csv" else text)
    else:
        typer.echo(text, nl=False)
