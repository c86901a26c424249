"""compare: several summaries → a comparative brief (terminal, Markdown, static HTML).

Side-by-side headline metrics of the review year and next-year targets by region, as printed
(a 前三季度 or 1-11月 figure is marked as not a full year), terminal bar charts of growth rates,
a matrix of problem themes by region, the task areas of each region, and sentences of contrast
built from the verified figures — each sentence is kept only if every number in it is found
in the figures it cites. Where two reports of one government in consecutive years are compared,
"targets kept" sets the first's targets against the second's results (summarizer/aggregate/track.py).

With many reports the matrices turn: reports as rows and indicators as columns, in as many
tables as the width needs, so that no column is squeezed to two characters.
"""

from __future__ import annotations

import html
import re
from typing import Callable, Iterable, Optional

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from schemas.comparison import Cell, ComparedDocument, Comparison, MetricRow, ThemeRow
from schemas.summary import DocumentSummary, Metric, Target, VerificationStatus
from schemas.track import VerdictRules

from summarizer import lexicon as lx
from summarizer.render.summary import years
from summarizer.read.script import to_simplified
from summarizer.aggregate.track import government_labels, track
from summarizer.verify import Source

INDICATOR_ORDER = [c for c, _ in lx.HEADLINE_INDICATORS]
FULL_YEAR = {None, "全年"}
TABLE_BOX = box.ASCII2
BAR_WIDTH = 30


def _labels(summaries: list[DocumentSummary]) -> list[str]:
    """The government (by its fullest name: 宁夏 and 宁夏回族自治区 are one), with the report's
    year (its plan year, as reports are titled) where a government has several reports."""
    base = government_labels(summaries)
    out = []
    for s, b in zip(summaries, base):
        if base.count(b) > 1:
            md = s.metadata
            b = f"{b} {md.plan_year or md.review_year or _stem(s.source.path)}"
        while b in out:
            b += "'"
        out.append(b)
    return out


def _stem(path: str) -> str:
    return re.split(r"[\\/]", path)[-1].rsplit(".", 1)[0]


def _metric_cell(m: Metric) -> Cell:
    text = " ".join(x for x in (m.value, m.change) if x)
    partial = m.period not in FULL_YEAR
    several_years = m.period == lx.MULTI_YEAR_PERIOD  # not charted, not contrasted: not the review year's
    return Cell(
        text=text,
        number=m.change_number if m.change_unit == "%" and not several_years else None,
        period=m.period if partial else None,
        partial_year=partial,
        source_path=m.source.section_path,
        source_start=m.source.start,
        source_end=m.source.end,
        quote=m.source.quote,
    )


def _target_cell(t: Target) -> Cell:
    number = t.number if t.unit == "%" else None
    return Cell(
        text=t.target, number=number, source_path=t.source.section_path,
        source_start=t.source.start, source_end=t.source.end, quote=t.source.quote,
    )


def _ordered(keys: Iterable[str]) -> list[str]:
    keys = list(dict.fromkeys(keys))
    return sorted(keys, key=lambda k: (INDICATOR_ORDER.index(k) if k in INDICATOR_ORDER else len(INDICATOR_ORDER), keys.index(k)))


def _verified(status: VerificationStatus) -> bool:
    return status != VerificationStatus.UNVERIFIED


def build_comparison(summaries: list[DocumentSummary], rules: Optional[VerdictRules] = None) -> Comparison:
    labels = _labels(summaries)
    docs = [
        ComparedDocument(
            label=label, region=s.metadata.region, doc_type=s.metadata.doc_type,
            review_year=s.metadata.review_year, plan_year=s.metadata.plan_year, path=s.source.path,
        )
        for s, label in zip(summaries, labels)
    ]
    metric_rows: dict[str, MetricRow] = {}
    target_rows: dict[str, MetricRow] = {}
    for s, label in zip(summaries, labels):
        candidates = list(s.headline_metrics) + [m for a in s.achievements for m in a.metrics]
        for m in candidates:
            if not m.canonical or not _verified(m.status):
                continue
            row = metric_rows.setdefault(m.canonical, MetricRow(indicator=m.canonical))
            row.cells.setdefault(label, _metric_cell(m))
        for t in s.targets:
            key = t.canonical or t.indicator
            row = target_rows.setdefault(key, MetricRow(indicator=key))
            row.cells.setdefault(label, _target_cell(t))
    themes = [ThemeRow(theme=name) for name, _ in lx.PROBLEM_THEMES]
    problems_listed: dict[str, int] = {}
    for s, label in zip(summaries, labels):
        problems_listed[label] = len(s.problems)
        for p in s.problems:
            text = p.summary + p.detail
            for row, (_, words) in zip(themes, lx.PROBLEM_THEMES):
                if any(w in text for w in words):
                    row.regions.setdefault(label, []).append(p.summary)
    task_areas = {label: list(dict.fromkeys(_short(t.area) for t in s.tasks)) for s, label in zip(summaries, labels)}
    comparison = Comparison(
        documents=docs,
        metrics=[metric_rows[k] for k in _ordered(metric_rows)],
        targets=[target_rows[k] for k in _ordered(target_rows)],
        problem_themes=[t for t in themes if t.regions],
        problems_listed=problems_listed,
        task_areas=task_areas,
    )
    comparison.contrasts = contrasts(comparison)
    comparison.notes = notes(comparison)
    comparison.kept = track(summaries, rules).pairs
    return comparison


def _short(title: str) -> str:
    return re.split(r"[,，;；]", title)[0]


def contrasts(c: Comparison) -> list[str]:
    """Highest and lowest growth per indicator, and the spread of growth targets. A sentence is
    kept only if every number in it is found in the original text the cited figures were read
    from (their source quotes), so a figure without a quote yields no sentence."""
    out = []
    for rows, what in ((c.metrics, "增速"), (c.targets, "目标")):
        for row in rows:
            cells = [(label, cell) for label, cell in row.cells.items() if cell.number is not None]
            if len(cells) < 2:
                continue
            hi = max(cells, key=lambda lc: lc[1].number)
            lo = min(cells, key=lambda lc: lc[1].number)
            if hi[1].number == lo[1].number:
                continue
            caveat = "".join(f"({lbl}为{cell.period}数据)" for lbl, cell in (hi, lo) if cell.partial_year)
            claims = f"{hi[1].text} {hi[1].period or ''} {lo[1].text} {lo[1].period or ''}"
            # quotes are as printed: a report in traditional script is checked in simplified
            quotes = to_simplified(" ".join(cell.quote for _, cell in (hi, lo) if cell.quote))
            if not quotes or Source(quotes).missing_numbers(claims):
                continue
            out.append(f"{row.indicator}{what}:{hi[0]}最高({hi[1].text}),{lo[0]}最低({lo[1].text}){caveat}。")
    return out


def notes(c: Comparison) -> list[str]:
    out = []
    for row in c.metrics:
        for label, cell in row.cells.items():
            if cell.partial_year and cell.period == lx.MULTI_YEAR_PERIOD:
                out.append(f"{label} {row.indicator}: a figure of the five years, not the review year's")
            elif cell.partial_year:
                out.append(f"{label} {row.indicator}: {cell.period} figure, not a full year")
    for label, n in c.problems_listed.items():
        if n == 0:
            out.append(f"{label}: no problems passage found")
    return out


# ---------------------------------------------------------------------------------------------
# Terminal
# ---------------------------------------------------------------------------------------------


DOCUMENT_COLUMNS = ["report", "type", "review → plan", "file"]


def _document_rows(c: Comparison) -> list[list[str]]:
    return [[d.label, d.doc_type, years(d), _stem(d.path)] for d in c.documents]


def _cell_text(cell: Optional[Cell]) -> str:
    if cell is None:
        return "-"
    return cell.text + (f" ({cell.period})" if cell.partial_year else "")


def _grid(title: str, first: str, labels: list[str]) -> Table:
    table = Table(title=title, title_justify="left", box=TABLE_BOX, show_edge=False)
    table.add_column(first, overflow="fold")
    for label in labels:
        table.add_column(Text(label), overflow="fold")
    return table


#: A column of a turned matrix takes at most this many cells of the width; longer text folds.
COLUMN_MAX = 24
#: Markdown and HTML turn their matrices beyond this many reports.
ROWS_LAYOUT_FROM = 7


def _needed(texts: Iterable[str]) -> int:
    return max((cell_len(t) for t in texts), default=1)


def _width(columns: list[int]) -> int:
    """Display cells a TABLE_BOX table without edges takes: padding of 1 each side, 1 between."""
    return sum(w + 2 for w in columns) + len(columns) - 1


def fits(corner: str, keys: list[str], labels: list[str], cell: Callable[[str, str], str], width: Optional[int]) -> bool:
    """Whether the matrix with reports as columns fits in `width` (None: any width)."""
    columns = [_needed([corner, *keys])] + [_needed([lbl, *(cell(k, lbl) for k in keys)]) for lbl in labels]
    return width is None or _width(columns) <= width


def shared_rows(rows: list[MetricRow]) -> tuple[list[MetricRow], list[MetricRow]]:
    """(rows of a headline indicator or given by several reports, rows of one report only): a
    target only one report sets (农村低保标准提高6%) is listed, not given a column of its own."""
    shared = [r for r in rows if r.indicator in INDICATOR_ORDER or len(r.cells) > 1]
    return shared, [r for r in rows if r not in shared]


def single_lines(rows: list[MetricRow]) -> list[str]:
    return [f"{label}: {r.indicator} {_cell_text(cell)}" if cell.text != r.indicator else f"{label}: {cell.text}" for r in rows for label, cell in r.cells.items()]


def matrix_tables(title: str, corner: str, keys: list[str], labels: list[str], cell: Callable[[str, str], str], width: Optional[int]) -> list[Table]:
    """Rows `keys` (indicators, themes) by columns `labels` (reports) where that fits in
    `width`; else the matrix turned: reports as rows, keys as columns, split into as many
    tables as needed, each within the width."""
    if fits(corner, keys, labels, cell, width):
        table = _grid(title, corner, labels)
        for k in keys:
            table.add_row(Text(k), *[Text(cell(k, lbl)) for lbl in labels])
        return [table]
    first = _needed(["report", *labels])
    chunks: list[list[str]] = [[]]
    used = [first]
    for k in keys:
        w = min(COLUMN_MAX, _needed([k, *(cell(k, lbl) for lbl in labels)]))
        if chunks[-1] and _width(used + [w]) > width:
            chunks.append([])
            used = [first]
        chunks[-1].append(k)
        used.append(w)
    out = []
    for i, chunk in enumerate(chunks):
        part = f" ({i + 1}/{len(chunks)})" if len(chunks) > 1 else ""
        table = Table(title=title + part, title_justify="left", box=TABLE_BOX, show_edge=False, min_width=min(cell_len(title + part), width))
        table.add_column("report", no_wrap=True)
        for k in chunk:
            table.add_column(Text(k), overflow="fold", max_width=COLUMN_MAX)
        for lbl in labels:
            table.add_row(Text(lbl), *[Text(cell(k, lbl)) for k in chunk])
        out.append(table)
    return out


def bars(c: Comparison, rows: list[MetricRow], title: str) -> list[RenderableType]:
    out: list[RenderableType] = []
    for row in rows:
        cells = [(label, cell) for label, cell in row.cells.items() if cell.number is not None]
        if len(cells) < 2:
            continue
        top = max(abs(cell.number) for _, cell in cells) or 1.0
        table = Table(title=f"{row.indicator} {title} (%)", title_justify="left", box=None, show_header=False, padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True)
        for label, cell in cells:
            n = round(abs(cell.number) / top * BAR_WIDTH)
            bar = ("#" if cell.number >= 0 else "-") * max(1, n)
            mark = " *" if cell.partial_year else ""
            table.add_row(Text(label), bar, f"{cell.number:g}{mark}")
        out.append(table)
    return out


def _theme_cell(c: Comparison) -> Callable[[str, str], str]:
    themes = {r.theme: r for r in c.problem_themes}

    def cell(theme: str, label: str) -> str:
        if theme == "(listed)":
            return str(c.problems_listed.get(label, 0))
        found = themes[theme].regions.get(label)
        return str(len(found)) if found else "."

    return cell


def _rows_cell(rows: list[MetricRow]) -> Callable[[str, str], str]:
    by_key = {r.indicator: r for r in rows}
    return lambda key, label: _cell_text(by_key[key].cells.get(label))


def kept_title(c: Comparison) -> str:
    years = sorted({p.year for p in c.kept})
    return f"Targets kept: the {'/'.join(map(str, years))} targets against the results for that year in the next report"


def renderable(c: Comparison, width: Optional[int] = None) -> RenderableType:
    """The brief; with `width` (the console's), matrices that do not fit are turned."""
    from summarizer.render.tracking import pairs_table

    labels = [d.label for d in c.documents]
    parts: list[RenderableType] = [Text(f"Comparative brief · {len(c.documents)} report(s)", style="bold")]
    docs = Table(box=TABLE_BOX, show_edge=False)
    for col in DOCUMENT_COLUMNS:
        docs.add_column(col, overflow="fold")
    for row in _document_rows(c):
        docs.add_row(*map(Text, row))
    parts += [docs, Text("")]
    if c.metrics:
        keys = [r.indicator for r in c.metrics]
        for t in matrix_tables("Headline metrics of the review year (as printed)", "指标", keys, labels, _rows_cell(c.metrics), width):
            parts += [t, Text("")]
        parts += bars(c, c.metrics, "growth")
    if c.targets:
        cell = _rows_cell(c.targets)
        rows, single = (c.targets, []) if fits("指标", [r.indicator for r in c.targets], labels, cell, width) else shared_rows(c.targets)
        parts.append(Text(""))
        for t in matrix_tables("Next-year targets", "指标", [r.indicator for r in rows], labels, cell, width):
            parts += [t, Text("")]
        if single:
            parts += [Text("Targets only one report sets", style="bold")] + [Text(line) for line in single_lines(single)] + [Text("")]
        parts += bars(c, c.targets, "target")
    if c.kept:
        parts += [Text(""), pairs_table(c.kept, kept_title(c), government=True), Text("")]
    themes = [r.theme for r in c.problem_themes] + ["(listed)"]
    parts.append(Text(""))
    for t in matrix_tables("Problems by theme (number of problems)", "theme", themes, labels, _theme_cell(c), width):
        parts += [t, Text("")]
    parts.append(Text("Task areas", style="bold"))
    for label in labels:
        areas = c.task_areas.get(label) or []
        parts.append(Text(f"{label}: " + (" / ".join(areas) if areas else "-")))
    if c.contrasts:
        parts += [Text(""), Text("Contrasts", style="bold")]
        parts += [Text(f"- {s}") for s in c.contrasts]
    if c.notes:
        parts += [Text(""), Text("Notes", style="bold")]
        parts += [Text(f"* {n}", style="dim") for n in c.notes]
    return Group(*parts)


def print_comparison(c: Comparison, console: Console) -> None:
    console.print(renderable(c, console.width))


# ---------------------------------------------------------------------------------------------
# Markdown and HTML
# ---------------------------------------------------------------------------------------------


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    esc = lambda s: s.replace("|", "\\|")  # noqa: E731
    out = ["| " + " | ".join(map(esc, header)) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(map(esc, r)) + " |" for r in rows]
    return out


def matrix(corner: str, keys: list[str], labels: list[str], cell: Callable[[str, str], str]) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of a matrix for Markdown and HTML: keys as rows and reports as columns, or
    turned (reports as rows) from ROWS_LAYOUT_FROM reports on."""
    if len(labels) < ROWS_LAYOUT_FROM:
        return [corner, *labels], [[k, *(cell(k, lbl) for lbl in labels)] for k in keys]
    return ["report", *keys], [[lbl, *(cell(k, lbl) for k in keys)] for lbl in labels]


def _theme_text(c: Comparison) -> Callable[[str, str], str]:
    dots = _theme_cell(c)
    return lambda theme, label: "" if dots(theme, label) == "." else dots(theme, label)


def markdown(c: Comparison) -> str:
    from summarizer.render.tracking import QUOTE_COLUMNS, pair_rows

    labels = [d.label for d in c.documents]
    out = [f"# Comparative brief · {len(c.documents)} report(s)", ""]
    out += _md_table(DOCUMENT_COLUMNS, _document_rows(c))
    if c.metrics:
        out += ["", "## Headline metrics of the review year", ""]
        out += _md_table(*matrix("指标", [r.indicator for r in c.metrics], labels, _rows_cell(c.metrics)))
    if c.targets:
        rows, single = (c.targets, []) if len(labels) < ROWS_LAYOUT_FROM else shared_rows(c.targets)
        out += ["", "## Next-year targets", ""]
        out += _md_table(*matrix("指标", [r.indicator for r in rows], labels, _rows_cell(c.targets)))
        if single:
            out += ["", "Targets only one report sets:", ""] + [f"- {line}" for line in single_lines(single)]
    if c.kept:
        out += ["", f"## {kept_title(c)}", ""]
        out += _md_table(["government", "year", "indicator", "target", "result", "verdict", "why", *QUOTE_COLUMNS], pair_rows(c.kept, government=True))
    out += ["", "## Problems by theme", ""]
    out += _md_table(*matrix("theme", [r.theme for r in c.problem_themes] + ["(listed)"], labels, _theme_text(c)))
    out += ["", "## Task areas", ""]
    out += [f"- **{lbl}**: " + (" / ".join(c.task_areas.get(lbl) or []) or "-") for lbl in labels]
    if c.contrasts:
        out += ["", "## Contrasts", ""] + [f"- {s}" for s in c.contrasts]
    if c.notes:
        out += ["", "## Notes", ""] + [f"- {n}" for n in c.notes]
    return "\n".join(out) + "\n"


_CSS = """
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:2rem;color:#222;max-width:1200px}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.bar{background:#4a7;height:.9rem;display:inline-block}.neg{background:#c55}.dim{color:#777}
"""


def html_page(c: Comparison) -> str:
    e = html.escape
    labels = [d.label for d in c.documents]

    def table(header: list[str], rows: list[list[str]]) -> str:
        head = "".join(f"<th>{e(h)}</th>" for h in header)
        body = "".join("<tr>" + "".join(f"<td>{e(x)}</td>" for x in r) + "</tr>" for r in rows)
        return f"<table><tr>{head}</tr>{body}</table>"

    def bar_rows(rows: list[MetricRow], title: str) -> str:
        out = []
        for row in rows:
            cells = [(lbl, cell) for lbl, cell in row.cells.items() if cell.number is not None]
            if len(cells) < 2:
                continue
            top = max(abs(cell.number) for _, cell in cells) or 1.0
            lines = "".join(
                f"<tr><td>{e(lbl)}</td><td><span class='bar{' neg' if cell.number < 0 else ''}' "
                f"style='width:{abs(cell.number) / top * 300:.0f}px'></span> {cell.number:g}{' *' if cell.partial_year else ''}</td></tr>"
                for lbl, cell in cells
            )
            out.append(f"<h3>{e(row.indicator)} {e(title)} (%)</h3><table>{lines}</table>")
        return "".join(out)

    from summarizer.render.tracking import QUOTE_COLUMNS, pair_rows

    parts = [f"<h1>Comparative brief · {len(c.documents)} report(s)</h1>"]
    parts.append(table(DOCUMENT_COLUMNS, _document_rows(c)))
    if c.metrics:
        parts.append("<h2>Headline metrics of the review year</h2>")
        parts.append(table(*matrix("指标", [r.indicator for r in c.metrics], labels, _rows_cell(c.metrics))))
        parts.append(bar_rows(c.metrics, "growth"))
    if c.targets:
        rows, single = (c.targets, []) if len(labels) < ROWS_LAYOUT_FROM else shared_rows(c.targets)
        parts.append("<h2>Next-year targets</h2>")
        parts.append(table(*matrix("指标", [r.indicator for r in rows], labels, _rows_cell(c.targets))))
        if single:
            parts.append("<p>Targets only one report sets:</p><ul>" + "".join(f"<li>{e(line)}</li>" for line in single_lines(single)) + "</ul>")
        parts.append(bar_rows(c.targets, "target"))
    if c.kept:
        parts.append(f"<h2>{e(kept_title(c))}</h2>")
        parts.append(table(["government", "year", "indicator", "target", "result", "verdict", "why", *QUOTE_COLUMNS], pair_rows(c.kept, government=True)))
    parts.append("<h2>Problems by theme</h2>")
    parts.append(table(*matrix("theme", [r.theme for r in c.problem_themes] + ["(listed)"], labels, _theme_text(c))))
    parts.append("<h2>Task areas</h2><ul>" + "".join(f"<li><b>{e(lbl)}</b>: {e(' / '.join(c.task_areas.get(lbl) or []) or '-')}</li>" for lbl in labels) + "</ul>")
    if c.contrasts:
        parts.append("<h2>Contrasts</h2><ul>" + "".join(f"<li>{e(s)}</li>" for s in c.contrasts) + "</ul>")
    if c.notes:
        parts.append("<h2>Notes</h2><ul class='dim'>" + "".join(f"<li>{e(n)}</li>" for n in c.notes) + "</ul>")
    return (
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>Comparative brief</title>"
        f"<style>{_CSS}</style></head><body>{''.join(parts)}</body></html>\n"
    )
