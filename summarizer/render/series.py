"""A government's record over the years rendered: a terminal chart and table per indicator,
Markdown, a static HTML page with a chart per indicator, and CSV.

The terminal chart draws one line per year in ASCII (one display width in a CJK terminal): the
target's band (=), its number (|), an open side (---> for 以上, <--- for 以内) and the result
(* met, o within band, X missed, . a figure without a verdict), scaled to the width it is given.
The HTML charts are drawn by matplotlib (render/series_charts.py), inline SVG: the page loads and
runs nothing.

Report text is data: Markdown and HTML escape every string a report carries (`md_text`,
`html_text`); terminal cells are rich `Text`, never markup. CSV and JSON carry it as printed.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import html
import io
import math
import re
from pathlib import Path
from typing import Callable, Optional, Sequence

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from schemas.series import SERIES_STATUS_LABELS, GovernmentSeries, IndicatorSeries, Series, SeriesYear
from schemas.summary import Metric, SourceSpan, Target
from schemas.track import VerdictRules

TABLE_BOX = box.ASCII2
STATUS_STYLES = {
    "met": "green", "within_band": "yellow", "missed": "red", "no_result": "dim", "not_comparable": "dim", "undecided": "dim",
    "no_target": "dim", "no_report": "dim", "no_next_report": "dim",
}
#: The result's mark in the terminal chart, by the year's status; a figure without a verdict is "."
RESULT_MARKS = {"met": "*", "within_band": "o", "missed": "X"}
LEGEND = (
    "target: = the band of 左右   | its number   |---> 以上   <---| 以内",
    "result: * met   o within band   X missed   . a figure without a verdict",
)


def _name(path: Optional[str]) -> str:
    return Path(path).name if path else ""


def _fmt(x: Optional[float]) -> str:
    return "" if x is None else f"{x:g}"


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
    text = " ".join(x for x in (m.value, m.change) if x)
    return text + (f" ({m.period})" if m.period and m.period != "全年" else "")


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
# Chart geometry, shared by the terminal and the matplotlib charts
# ---------------------------------------------------------------------------------------------


def charted(s: IndicatorSeries, y: SeriesYear) -> bool:
    """Whether the year's numbers are in the series' measure and unit (else not drawn)."""
    return y.measure == s.measure and y.unit == s.unit and (y.target_low is not None or y.result_number is not None)


def value_range(s: IndicatorSeries) -> Optional[tuple[float, float]]:
    """The values a chart of the series must show: every target's number and band, every result."""
    values: list[float] = []
    for y in s.years:
        if not charted(s, y):
            continue
        for v in (y.target_low, y.target_high, y.result_number):
            if v is not None:
                values.append(v)
        if y.band is not None and y.target_low is not None and y.target_high is not None:
            values += [y.target_low - y.band, y.target_high + y.band]
        if y.comparator == "positive":
            values.append(0.0)
    if not values:
        return None
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.06 or max(abs(hi) * 0.1, 1.0)
    return lo - pad, hi + pad


def nice_ticks(lo: float, hi: float, most: int = 5) -> list[float]:
    """Round values (1, 2, 2.5, 5 x 10^k steps) between lo and hi, at most `most` of them."""
    span = hi - lo
    if span <= 0:
        return [lo]
    for step_mult in (1, 2, 2.5, 5, 10, 20, 25, 50, 100):
        step = 10 ** math.floor(math.log10(span / most)) * step_mult
        first = math.ceil(lo / step) * step
        ticks = [round(first + i * step, 10) for i in range(int((hi - first) / step) + 1)]
        if len(ticks) <= most:
            return ticks
    return [lo, hi]


# ---------------------------------------------------------------------------------------------
# Terminal
# ---------------------------------------------------------------------------------------------


class StripChart:
    """One line per year: the year, the target and result on a scale as wide as the console
    allows, the result's figure and the year's status. ASCII only (one cell per character)."""

    LABEL = 17  # the widest status label: "no result printed"

    def __init__(self, s: IndicatorSeries) -> None:
        self.s = s

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(40, options.max_width)

    def _right(self, y: SeriesYear) -> Text:
        num = _fmt(y.result_number) if y.result_number is not None and charted(self.s, y) else ("?" if y.result is not None else "-")
        if y.result_bound == "at_least":
            num = ">" + num
        elif y.result_bound == "at_most":
            num = "<" + num
        return Text.assemble(f" {num:>7} ", (SERIES_STATUS_LABELS[y.status], STATUS_STYLES[y.status]))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width, 40)
        w = max(width - 5 - 2 - 9 - self.LABEL, 10)  # year + space, the two edges, the figure, the label
        rng = value_range(self.s)
        if rng is None:
            for y in self.s.years:
                yield Text.assemble(f"{y.year} ", "|" + " " * w + "|", self._right(y))
            return
        lo, hi = rng

        def pos(v: float) -> int:
            return max(0, min(w - 1, round((v - lo) / (hi - lo) * (w - 1))))

        ticks = [t for t in nice_ticks(lo, hi) if lo <= t <= hi]
        axis, labels = [" "] * w, [" "] * w
        for t in ticks:
            p = pos(t)
            axis[p] = "+"
            label = _fmt(t)
            start = min(max(0, p - len(label) // 2), w - len(label))
            if all(c == " " for c in labels[max(0, start - 1) : start + len(label) + 1]):
                labels[start : start + len(label)] = list(label)
        unit = "pt" if self.s.measure == "rate" and self.s.unit == "个百分点" else (self.s.unit or "")
        yield Text(" " * 6 + "".join(labels) + f"  {unit}", style="dim")
        yield Text(" " * 5 + "+" + "".join("-" if c == " " else c for c in axis) + "+", style="dim")
        for y in self.s.years:
            cells = [" "] * w
            styles = [""] * w
            if charted(self.s, y) and y.target_low is not None and y.target_high is not None:
                self._draw_target(y, cells, styles, pos, w)
            if charted(self.s, y) and y.result_number is not None:
                p = pos(y.result_number)
                cells[p] = RESULT_MARKS.get(y.status, ".")
                styles[p] = "bold " + STATUS_STYLES[y.status] if y.status in RESULT_MARKS else ""
            line = Text(f"{y.year} |")
            for c, st in zip(cells, styles):
                line.append(c, style=st)
            line.append("|")
            line.append_text(self._right(y))
            yield line

    @staticmethod
    def _draw_target(y: SeriesYear, cells: list[str], styles: list[str], pos: Callable[[float], int], w: int) -> None:
        low, high, c = y.target_low, y.target_high, y.comparator
        band_style, mark_style = "cyan", "bold cyan"

        def fill(a: int, b: int, ch: str) -> None:
            for i in range(min(a, b), max(a, b) + 1):
                cells[i], styles[i] = ch, band_style

        if c == "about" and y.band is not None:
            fill(pos(low - y.band), pos(high + y.band), "=")
        elif c == "range":
            fill(pos(low), pos(high), "=")
        elif c in ("at_least", "above", "positive"):
            start = pos(0.0 if c == "positive" else low)
            fill(start, w - 1, "-")
            cells[w - 1] = ">"
        elif c in ("at_most", "below"):
            end = pos(high)
            fill(0, end, "-")
            cells[0] = "<"
        if c != "range":
            p = pos(0.0 if c == "positive" else low)
            cells[p], styles[p] = "|", mark_style


def series_table(s: IndicatorSeries) -> Table:
    table = Table(box=TABLE_BOX, show_edge=False)
    stretch = any(stretch_text(y) for y in s.years)
    for col in ["year", "target", "stretch", "result", "verdict", "gap", "change"]:
        if col == "stretch" and not stretch:
            continue
        table.add_column(col, overflow="fold", no_wrap=col in ("year", "verdict", "gap"))
    for y in s.years:
        row = [Text(str(y.year)), Text(target_text(y.target) + (f" (+{len(y.other_targets)})" if y.other_targets else ""))]
        if stretch:
            row.append(Text(stretch_text(y)))
        row += [
            Text(result_text(y)), Text(SERIES_STATUS_LABELS[y.status], style=STATUS_STYLES[y.status]), Text(gap_text(y)), Text(y.change_note, style="dim" if y.change == "unchanged" else ""),
        ]
        table.add_row(*row)
    return table


def quote_lines(s: IndicatorSeries) -> list[Text]:
    """The quotes and spans of each year, one per line (they do not fit a table at 80 columns)."""
    out = []
    for y in s.years:
        for what, item, report in (("target", y.target, y.target_report), ("result", y.result, y.result_report)):
            if item is not None:
                out.append(Text.assemble((f"{y.year} {what}: ", "dim"), quoted(item, report)))
    return out


def renderable(series: Series, *, quotes: bool = False, charts: bool = True) -> RenderableType:
    shown = [g for g in series.governments if g.indicators]
    parts: list[RenderableType] = [
        Text(f"A government's record · {len(shown)} government(s) · {sum(len(g.indicators) for g in shown)} indicator series", style="bold"),
        Text(rules_line(series.rules), style="dim"),
        Text(counts_line(series.counts())),
    ]
    if charts and shown:
        parts += [Text(line, style="dim") for line in LEGEND]
    for g in shown:
        reports = ", ".join(_name(r.path) for r in g.reports)
        parts += [Text(""), Text(f"{g.government}: {g.first_year}-{g.last_year}, {len(g.reports)} report(s)", style="bold"), Text(reports, style="dim")]
        for s in g.indicators:
            parts += [Text(""), Text(indicator_title(g, s), style="bold")]
            if charts:
                parts.append(StripChart(s))
            parts.append(series_table(s))
            if quotes:
                parts += quote_lines(s)
    if series.notes:
        parts += [Text(""), Text("Notes", style="bold")] + [Text(f"* {n}", style="dim") for n in series.notes]
    if not shown:
        parts.append(Text("No target of a headline indicator in these reports: no series to show.", style="yellow"))
    return Group(*parts)


def print_series(series: Series, console: Console, *, quotes: bool = False, charts: bool = True) -> None:
    console.print(renderable(series, quotes=quotes, charts=charts))


# ---------------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------------

#: Characters that are markup inline: escapes, code, emphasis, links, HTML and entities, table
#: pipes, strikethrough, headings; `_` only where it can open or close emphasis.
_MD_INLINE = re.compile(r"[\\`*\[\]<>&|~#!]|(?<![^\W_])_|_(?![^\W_])")


def md_text(value: Optional[str]) -> str:
    """Report text as Markdown that shows exactly this text, on one line (table cells included)."""
    s = " ".join((value or "").replace("\r", "\n").split("\n")).strip()
    s = _MD_INLINE.sub(lambda m: "\\" + m.group(0), s)
    return re.sub(r"^([-+]|\d+(?=[.)]))", r"\\\1", s)


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(md_text(h) for h in header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(md_text(x) or " " for x in r) + " |" for r in rows]
    return out


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
    out = ["# A government's record over the years", "", md_text(rules_line(series.rules)) + ".", "", md_text(counts_line(series.counts()))]
    for g in series.governments:
        if not g.indicators:
            continue
        out += ["", f"## {md_text(g.government)}", "", md_text(f"{g.first_year}-{g.last_year}: " + ", ".join(_name(r.path) for r in g.reports))]
        if len(g.names) > 1:
            out += ["", "Also printed as: " + ", ".join(md_text(n) for n in g.names if n != g.government)]
        for s in g.indicators:
            out += ["", f"### {md_text(s.canonical)} ({md_text(measure_label(s))})", "", md_text(counts_line(s.counts())), ""]
            out += _md_table(*year_table(s))
    if series.notes:
        out += ["", "## Notes", ""] + [f"- {md_text(n)}" for n in series.notes]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------


def html_text(value: Optional[str]) -> str:
    """Report text as HTML that shows exactly this text."""
    return html.escape(value or "", quote=True)


CSS = (
    '\nbody{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:2rem;color:#222;max-width:1200px}\n'
    "table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}\n"
    "th{background:#f3f3f3}.dim{color:#777}.q{font-size:.8rem;color:#555}\n"
    ".met{color:#1a7f37}.within_band{color:#9a6700}.missed{color:#cf222e;font-weight:bold}\n"
    ".no_result,.not_comparable,.undecided,.no_target,.no_report,.no_next_report{color:#777}\n"
    "svg.chart{width:100%;max-width:960px;height:auto;display:block;margin:.5rem 0}\n"
)
STYLE_HASH = "sha256-" + base64.b64encode(hashlib.sha256(CSS.encode("utf-8")).digest()).decode("ascii")
#: Nothing may load or run: no script, image, font, frame, connection, form target or base URL;
#: the page's one stylesheet by its hash. The charts are inline SVG with presentation attributes.
CSP = f"default-src 'none'; style-src '{STYLE_HASH}'; base-uri 'none'; form-action 'none'"


def _html_table(header: Sequence[str], rows: Sequence[Sequence[str]], status_col: Optional[int] = None) -> str:
    head = "".join(f"<th>{html_text(h)}</th>" for h in header)
    body = []
    for r in rows:
        cells = []
        for i, x in enumerate(r):
            if i == status_col:
                cls = next((k for k, v in SERIES_STATUS_LABELS.items() if v == x), "")
                cells.append(f"<td class='{cls}'>{html_text(x)}</td>")
            elif i >= len(header) - 2:
                cells.append(f"<td class='q'>{html_text(x)}</td>")
            else:
                cells.append(f"<td>{html_text(x)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def html_page(series: Series, chart: Optional[Callable[[GovernmentSeries, IndicatorSeries], str]] = None) -> str:
    """A self-contained page. `chart` gives each indicator's chart as inline SVG markup (drawn by
    render.series_charts, with no script, style attribute or external reference); None: tables alone."""
    e = html_text
    parts = [
        "<h1>A government's record over the years</h1>",
        f"<p>{e(rules_line(series.rules))}.</p>",
        f"<p>{e(counts_line(series.counts()))}</p>",
    ]
    if chart is not None:
        parts.append(
            "<p class='dim'>Charts: the target's band shaded (左右: the band around the number; a range: its ends; "
            "以上 / 以内: the side that meets it, lighter), its number as a line; results as points: met (green circle), "
            "within band (orange circle), missed (red cross); a figure without a verdict as a grey ring.</p>"
        )
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
            parts.append(_html_table(header, rows, status_col=header.index("verdict")))
    if series.notes:
        parts.append("<h2>Notes</h2><ul class='dim'>" + "".join(f"<li>{e(n)}</li>" for n in series.notes) + "</ul>")
    return (
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f"<title>A government's record over the years</title><style>{CSS}</style></head><body>{''.join(parts)}</body></html>\n"
    )


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
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in csv_rows(series):
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return buf.getvalue()


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
