"""A government's record over the years rendered: a terminal chart and table per indicator,
Markdown, a static HTML page with a chart per indicator, CSV and JSON.

The terminal chart is render/series_strip.py; the HTML charts are drawn by matplotlib
(render/series_charts.py), inline SVG with presentation attributes only, so that the page is
`html_page`'s like every view's: it loads and runs nothing, its one stylesheet allowed by its hash.

Report text is data, through the package's one escaping function per output language
(render/common.py): `md_text` / `md_table` in Markdown, `html_text` / `html_table` in HTML,
`Prose` in the terminal (never rich markup, broken as Chinese text is, never inside a figure).
CSV and JSON carry it as printed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from schemas.series import SERIES_STATUS_LABELS, GovernmentSeries, IndicatorSeries, Series, SeriesYear
from schemas.summary import Metric, SourceSpan, Target
from schemas.track import VerdictRules

from summarizer.render.common import CSS as HOUSE_CSS
from summarizer.render.common import content_security_policy, csv_table, html_page as page, html_table, html_text, md_table, md_text, print_view, table_of, text
from summarizer.render.prose import Parts, parts as fields
from summarizer.render.series_strip import LEGEND, STATUS_STYLES, StripChart

TITLE = "A government's record over the years"


def _name(path: Optional[str]) -> str:
    return Path(path).name if path else ""


def measure_label(s: IndicatorSeries) -> str:
    if s.measure == "rate":
        return f"change, {s.unit or '%'}"
    if s.measure == "level":
        return f"level, {s.unit}" if s.unit else "level"
    return "no figure"


def target_text(t: Optional[Target]) -> str:
    return t.target if t is not None else "-"


def stretch_text(y: SeriesYear) -> str:
    return y.target.note or "" if y.target is not None else ""


def result_text(y: SeriesYear) -> str:
    m = y.result
    if m is None:
        return "-"
    printed = " ".join(x for x in (m.value, m.change) if x)
    return printed + (f" ({m.period})" if m.period and m.period != "全年" else "")


def gap_text(y: SeriesYear) -> str:
    if y.gap is None:
        return ""
    unit = "pt" if y.measure == "rate" else (y.unit or "")
    return f"{y.gap:+g}{unit}"


def span_text(span: Optional[SourceSpan]) -> str:
    return f"{span.section_path} {span.start}-{span.end}" if span is not None else ""


def quoted(item: Optional[Target | Metric], report: Optional[str]) -> str:
    """The quote with its report and span: 今年经济增长预期目标为7%左右 [全国_2003.txt 二 > (一) 17696-17711]."""
    if item is None:
        return "-"
    return f"{item.source.quote or ''} [{_name(report)} {span_text(item.source)}]"


def counts_line(counts: dict[str, int], *, skip_empty: bool = True) -> str:
    return " · ".join(f"{SERIES_STATUS_LABELS[s]} {n}" for s, n in counts.items() if n or not skip_empty)


def rules_line(rules: VerdictRules) -> str:
    return (
        f"Verdicts by track's rules: 左右 +/-{rules.band_points:g} points for a rate (+/-{rules.band_ratio:.0%} of a level); "
        "以上 at least, 以内 at most; prices (CPI) neither side. Each year N: the year-N report's target against the figure "
        "for N in the year-N+1 report"
    )


def indicator_title(g: GovernmentSeries, s: IndicatorSeries) -> str:
    return f"{g.government} · {s.canonical} ({measure_label(s)}) · {counts_line(s.counts())}"


# ---------------------------------------------------------------------------------------------
# Terminal
# ---------------------------------------------------------------------------------------------

TERMINAL_COLUMNS = ["year", "target", "stretch", "result", "verdict", "gap", "change"]


def series_table(s: IndicatorSeries) -> Table:
    """A row per year; the columns empty in every year (stretch, gap, change) left out."""
    rows = [
        [
            str(y.year), target_text(y.target) + (f" (+{len(y.other_targets)})" if y.other_targets else ""), stretch_text(y), result_text(y),
            Text(SERIES_STATUS_LABELS[y.status], style=STATUS_STYLES[y.status]), gap_text(y),
            Text(y.change_note, style="dim" if y.change == "unchanged" else ""),
        ]
        for y in s.years
    ]
    whole = [TERMINAL_COLUMNS.index(c) for c in ("year", "verdict", "gap")]
    return table_of(None, TERMINAL_COLUMNS, rows, whole=whole)


def quote_lines(s: IndicatorSeries) -> list[RenderableType]:
    """The quotes and spans of each year, one per line (they do not fit a table at 80 columns)."""
    out: list[RenderableType] = []
    for y in s.years:
        for what, item, report in (("target", y.target, y.target_report), ("result", y.result, y.result_report)):
            if item is not None:
                out.append(text(Text.assemble((f"{y.year} {what}: ", "dim"), quoted(item, report)), whole=[_name(report)]))
    return out


def renderable(series: Series, *, quotes: bool = False, charts: bool = True) -> RenderableType:
    shown = [g for g in series.governments if g.indicators]
    parts: list[RenderableType] = [
        fields(["A government's record", f"{len(shown)} government(s)", f"{sum(len(g.indicators) for g in shown)} indicator series"], style="bold"),
        text(rules_line(series.rules), style="dim"),
        Parts(counts_line(series.counts())),
    ]
    if charts and shown:
        parts += [text(line, style="dim") for line in LEGEND]
    for g in shown:
        names = [_name(r.path) for r in g.reports]
        parts += [text(""), text(f"{g.government}: {g.first_year}-{g.last_year}, {len(g.reports)} report(s)", style="bold")]
        parts.append(text(", ".join(names), style="dim", whole=names))  # a file name on one line
        for s in g.indicators:
            parts += [text(""), Parts(indicator_title(g, s), style="bold")]
            if charts:
                parts += [StripChart(s), text("")]
            parts.append(series_table(s))
            if quotes:
                parts += quote_lines(s)
    if series.notes:
        parts += [text(""), text("Notes", style="bold")] + [text(f"* {n}", style="dim") for n in series.notes]
    if not shown:
        parts.append(text("No target of a headline indicator in these reports: no series to show.", style="yellow"))
    return Group(*parts)


def print_series(series: Series, console: Console, *, quotes: bool = False, charts: bool = True) -> None:
    print_view(console, renderable(series, quotes=quotes, charts=charts))


# ---------------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------------

TABLE_COLUMNS = ["year", "target", "stretch", "result", "verdict", "gap", "change", "why", "target as printed [span]", "result as printed [span]"]


def year_table(s: IndicatorSeries) -> tuple[list[str], list[list[str]]]:
    """The header and rows of an indicator's table (Markdown, HTML); "stretch" only where a year has one."""
    rows = [
        [
            str(y.year), target_text(y.target) + "".join(f"; also {t.target}" for t in y.other_targets), stretch_text(y), result_text(y),
            SERIES_STATUS_LABELS[y.status], gap_text(y), y.change_note, y.reason, quoted(y.target, y.target_report), quoted(y.result, y.result_report),
        ]
        for y in s.years
    ]
    if any(r[2] for r in rows):
        return TABLE_COLUMNS, rows
    return [c for c in TABLE_COLUMNS if c != "stretch"], [r[:2] + r[3:] for r in rows]


def markdown(series: Series) -> str:
    out = [f"# {TITLE}", "", md_text(rules_line(series.rules)) + ".", "", md_text(counts_line(series.counts()))]
    for g in series.governments:
        if not g.indicators:
            continue
        out += ["", f"## {md_text(g.government)}", "", md_text(f"{g.first_year}-{g.last_year}: " + ", ".join(_name(r.path) for r in g.reports))]
        if len(g.names) > 1:
            out += ["", "Also printed as: " + ", ".join(md_text(n) for n in g.names if n != g.government)]
        for s in g.indicators:
            out += ["", f"### {md_text(s.canonical)} ({md_text(measure_label(s))})", "", md_text(counts_line(s.counts())), ""]
            out += md_table(*year_table(s))
    if series.notes:
        out += ["", "## Notes", ""] + [f"- {md_text(n)}" for n in series.notes]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------

#: The house stylesheet and what the series page adds: smaller tables, quotes, a colour per
#: verdict (the class of its cell is the status), the charts' size.
CSS = HOUSE_CSS + (
    "table{font-size:.9rem}.q{font-size:.8rem;color:#555}\n"
    ".met{color:#1a7f37}.within_band{color:#9a6700}.missed{color:#cf222e;font-weight:bold}\n"
    ".no_result,.not_comparable,.undecided,.no_target,.no_report,.no_next_report{color:#777}\n"
    "svg.chart{width:100%;max-width:960px;height:auto;display:block;margin:.5rem 0}\n"
)
#: The page's policy (html_page's): nothing loads or runs, the stylesheet above by its hash.
CSP = content_security_policy(CSS)
CHART_LEGEND = (
    "Charts: the target's band shaded (左右: the band around the number; a range: its ends; "
    "以上 / 以内: the side that meets it, lighter), its number as a line; results as points: met (green circle), "
    "within band (orange circle), missed (red cross); a figure without a verdict as a grey ring."
)
_STATUS_OF_LABEL = {label: status for status, label in SERIES_STATUS_LABELS.items()}


def _cell_class(header: list[str]) -> Callable[[int, str], Optional[str]]:
    """The verdict's cell is classed by its status, the quotes' cells as quotes."""
    verdict, quotes = header.index("verdict"), len(header) - 2

    def cls(i: int, x: str) -> Optional[str]:
        return _STATUS_OF_LABEL.get(x) if i == verdict else "q" if i >= quotes else None

    return cls


def html_page(series: Series, chart: Optional[Callable[[GovernmentSeries, IndicatorSeries], str]] = None) -> str:
    """A self-contained page. `chart` gives each indicator's chart as inline SVG markup
    (render.series_charts.page_charts: no script, style attribute or outside reference); None:
    tables alone."""
    e = html_text
    parts = [f"<h1>{e(TITLE)}</h1>", f"<p>{e(rules_line(series.rules))}.</p>", f"<p>{e(counts_line(series.counts()))}</p>"]
    if chart is not None:
        parts.append(f"<p class='dim'>{e(CHART_LEGEND)}</p>")
    for g in series.governments:
        if not g.indicators:
            continue
        parts.append(f"<h2>{e(g.government)}</h2>")
        parts.append(f"<p class='dim'>{e(f'{g.first_year}-{g.last_year}: ' + ', '.join(_name(r.path) for r in g.reports))}</p>")
        if len(g.names) > 1:
            parts.append(f"<p class='dim'>Also printed as: {e(', '.join(n for n in g.names if n != g.government))}</p>")
        for s in g.indicators:
            parts.append(f"<h3>{e(s.canonical)} ({e(measure_label(s))})</h3><p>{e(counts_line(s.counts()))}</p>")
            if chart is not None:
                parts.append(chart(g, s))
            header, rows = year_table(s)
            parts.append(html_table(header, rows, cell_class=_cell_class(header)))
    if series.notes:
        parts.append("<h2>Notes</h2><ul class='dim'>" + "".join(f"<li>{e(n)}</li>" for n in series.notes) + "</ul>")
    return page(TITLE, "".join(parts), css=CSS)


# ---------------------------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------------------------

CSV_COLUMNS = [
    "government", "canonical", "year", "status", "verdict", "reason",
    "target", "target_indicator", "comparator", "stretch", "other_targets",
    "result_value", "result_change", "result_period",
    "measure", "unit", "target_low", "target_high", "band", "result_number", "result_bound", "gap", "change", "change_note",
    "target_report", "target_section", "target_start", "target_end", "target_quote",
    "result_report", "result_section", "result_start", "result_end", "result_quote",
]


def csv_rows(series: Series) -> list[dict[str, object]]:
    """One row per government, indicator and year."""
    rows = []
    for g in series.governments:
        for s in g.indicators:
            for y in s.years:
                t, m = y.target, y.result
                rows.append({
                    "government": g.government, "canonical": s.canonical, "year": y.year, "status": y.status,
                    "verdict": y.verdict.value if y.verdict else None, "reason": y.reason,
                    "target": t.target if t else None, "target_indicator": t.indicator if t else None, "comparator": y.comparator,
                    "stretch": t.note if t else None, "other_targets": "; ".join(o.target for o in y.other_targets) or None,
                    "result_value": m.value if m else None, "result_change": m.change if m else None, "result_period": m.period if m else None,
                    "measure": y.measure, "unit": y.unit, "target_low": y.target_low, "target_high": y.target_high, "band": y.band,
                    "result_number": y.result_number, "result_bound": y.result_bound, "gap": y.gap, "change": y.change, "change_note": y.change_note or None,
                    "target_report": y.target_report, "target_section": t.source.section_path if t else None,
                    "target_start": t.source.start if t else None, "target_end": t.source.end if t else None, "target_quote": t.source.quote if t else None,
                    "result_report": y.result_report, "result_section": m.source.section_path if m else None,
                    "result_start": m.source.start if m else None, "result_end": m.source.end if m else None, "result_quote": m.source.quote if m else None,
                })
    return rows


def csv_text(series: Series) -> str:
    return csv_table(CSV_COLUMNS, csv_rows(series))


# ---------------------------------------------------------------------------------------------
# JSON
# ---------------------------------------------------------------------------------------------


def series_json(series: Series) -> str:
    """One row per government, indicator and year (government and indicator first), with the
    governments' reports, the rules and the notes: schemas.series.SeriesExport."""
    import json

    from schemas.series import export_of

    data = export_of(series).model_dump(mode="json", exclude={"governments": {"__all__": {"indicators"}}})
    data["rows"] = [{"government": r.pop("government"), "canonical": r.pop("canonical"), **r} for r in data["rows"]]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
