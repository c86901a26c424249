"""A `Comparison` drawn: the terminal brief (rich), Markdown and a static HTML page.

With many reports the matrices turn: reports as rows and indicators as columns, in as many
tables as the width needs, so that no column is squeezed to two characters.
"""

from __future__ import annotations

from typing import Callable, Iterable, Optional

from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table

from schemas.comparison import Cell, Comparison, MetricRow

from summarizer import lexicon as lx
from summarizer.aggregate.compare import INDICATOR_ORDER, file_stem, ranked
from summarizer.render.common import html_bar, html_page as page, html_table, html_text, md_table, md_text, print_view, table, table_of, text, years
from summarizer.render.tracking import QUOTE_COLUMNS, pair_rows, pairs_table

BAR_WIDTH = 30
DOCUMENT_COLUMNS = ["report", "type", "review → plan", "file"]
KEPT_COLUMNS = ["government", "year", "indicator", "target", "result", "verdict", "why", *QUOTE_COLUMNS]
#: A column of a turned matrix takes at most this many cells of the width; longer text folds.
COLUMN_MAX = 24
#: Markdown and HTML turn their matrices beyond this many reports.
ROWS_LAYOUT_FROM = 7


def _document_rows(c: Comparison) -> list[list[str]]:
    return [[d.label, d.doc_type, years(d), file_stem(d.path)] for d in c.documents]


def _cell_text(cell: Optional[Cell]) -> str:
    if cell is None:
        return "-"
    return cell.text + (f" ({cell.period})" if cell.partial_year else "")


# ---------------------------------------------------------------------------------------------
# Terminal
# ---------------------------------------------------------------------------------------------


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
        grid = table(title, [corner, *labels])
        for k in keys:
            grid.add_row(text(k), *[text(cell(k, lbl)) for lbl in labels])
        return [grid]
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
        grid = table(title + part, [], min_width=min(cell_len(title + part), width))
        grid.add_column(text("report"), no_wrap=True)
        for k in chunk:
            grid.add_column(text(k), overflow="fold", max_width=COLUMN_MAX)
        for lbl in labels:
            grid.add_row(text(lbl), *[text(cell(k, lbl)) for k in chunk])
        out.append(grid)
    return out


def bars(c: Comparison, rows: list[MetricRow], title: str) -> list[RenderableType]:
    out: list[RenderableType] = []
    for row in rows:
        cells = ranked(row)
        if len(cells) < 2:
            continue
        top = max(abs(cell.number) for _, cell in cells) or 1.0
        chart = Table(title=text(f"{row.indicator} {title} (%)"), title_justify="left", box=None, show_header=False, padding=(0, 1))
        chart.add_column(no_wrap=True)
        chart.add_column(no_wrap=True)
        chart.add_column(no_wrap=True)
        for label, cell in cells:
            n = round(abs(cell.number) / top * BAR_WIDTH)
            bar = ("#" if cell.number >= 0 else "-") * max(1, n)
            mark = " *" if cell.partial_year else ""
            chart.add_row(text(label), text(bar), text(f"{cell.number:g}{mark}"))
        out.append(chart)
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
    kept_years = sorted({p.year for p in c.kept})
    return f"Targets kept: the {'/'.join(map(str, kept_years))} targets against the results for that year in the next report"


def renderable(c: Comparison, width: Optional[int] = None) -> RenderableType:
    """The brief; with `width` (the console's), matrices that do not fit are turned."""
    labels = [d.label for d in c.documents]
    parts: list[RenderableType] = [text(f"Comparative brief · {len(c.documents)} report(s)", style="bold")]
    parts += [table_of(None, DOCUMENT_COLUMNS, _document_rows(c), whole=[2]), text("")]
    if c.metrics:
        keys = [r.indicator for r in c.metrics]
        for t in matrix_tables("Headline metrics of the review year (as printed)", lx.INDICATOR_COLUMN, keys, labels, _rows_cell(c.metrics), width):
            parts += [t, text("")]
        parts += bars(c, c.metrics, "growth")
    if c.targets:
        cell = _rows_cell(c.targets)
        rows, single = (c.targets, []) if fits(lx.INDICATOR_COLUMN, [r.indicator for r in c.targets], labels, cell, width) else shared_rows(c.targets)
        parts.append(text(""))
        for t in matrix_tables("Next-year targets", lx.INDICATOR_COLUMN, [r.indicator for r in rows], labels, cell, width):
            parts += [t, text("")]
        if single:
            parts += [text("Targets only one report sets", style="bold")] + [text(line) for line in single_lines(single)] + [text("")]
        parts += bars(c, c.targets, "target")
    if c.kept:
        parts += [text(""), pairs_table(c.kept, kept_title(c), government=True), text("")]
    themes = [r.theme for r in c.problem_themes] + ["(listed)"]
    parts.append(text(""))
    for t in matrix_tables("Problems by theme (number of problems)", "theme", themes, labels, _theme_cell(c), width):
        parts += [t, text("")]
    parts.append(text("Task areas", style="bold"))
    for label in labels:
        areas = c.task_areas.get(label) or []
        parts.append(text(f"{label}: " + (" / ".join(areas) if areas else "-")))
    if c.contrasts:
        parts += [text(""), text("Contrasts", style="bold")]
        parts += [text(f"- {s}") for s in c.contrasts]
    if c.notes:
        parts += [text(""), text("Notes", style="bold")]
        parts += [text(f"* {n}", style="dim") for n in c.notes]
    return Group(*parts)


def print_comparison(c: Comparison, console: Console) -> None:
    print_view(console, renderable(c, console.width))


# ---------------------------------------------------------------------------------------------
# Markdown and HTML
# ---------------------------------------------------------------------------------------------


def matrix(corner: str, keys: list[str], labels: list[str], cell: Callable[[str, str], str]) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of a matrix for Markdown and HTML: keys as rows and reports as columns, or
    turned (reports as rows) from ROWS_LAYOUT_FROM reports on."""
    if len(labels) < ROWS_LAYOUT_FROM:
        return [corner, *labels], [[k, *(cell(k, lbl) for lbl in labels)] for k in keys]
    return ["report", *keys], [[lbl, *(cell(k, lbl) for k in keys)] for lbl in labels]


def _theme_text(c: Comparison) -> Callable[[str, str], str]:
    dots = _theme_cell(c)
    return lambda theme, label: "" if dots(theme, label) == "." else dots(theme, label)


def _target_rows(c: Comparison, labels: list[str]) -> tuple[list[MetricRow], list[MetricRow]]:
    return (c.targets, []) if len(labels) < ROWS_LAYOUT_FROM else shared_rows(c.targets)


def markdown(c: Comparison) -> str:
    labels = [d.label for d in c.documents]
    out = [f"# Comparative brief · {len(c.documents)} report(s)", ""]
    out += md_table(DOCUMENT_COLUMNS, _document_rows(c))
    if c.metrics:
        out += ["", "## Headline metrics of the review year", ""]
        out += md_table(*matrix(lx.INDICATOR_COLUMN, [r.indicator for r in c.metrics], labels, _rows_cell(c.metrics)))
    if c.targets:
        rows, single = _target_rows(c, labels)
        out += ["", "## Next-year targets", ""]
        out += md_table(*matrix(lx.INDICATOR_COLUMN, [r.indicator for r in rows], labels, _rows_cell(c.targets)))
        if single:
            out += ["", "Targets only one report sets:", ""] + [f"- {md_text(line)}" for line in single_lines(single)]
    if c.kept:
        out += ["", f"## {kept_title(c)}", ""]
        out += md_table(KEPT_COLUMNS, pair_rows(c.kept, government=True))
    out += ["", "## Problems by theme", ""]
    out += md_table(*matrix("theme", [r.theme for r in c.problem_themes] + ["(listed)"], labels, _theme_text(c)))
    out += ["", "## Task areas", ""]
    out += [f"- **{md_text(lbl)}**: " + md_text(" / ".join(c.task_areas.get(lbl) or []) or "-") for lbl in labels]
    if c.contrasts:
        out += ["", "## Contrasts", ""] + [f"- {md_text(s)}" for s in c.contrasts]
    if c.notes:
        out += ["", "## Notes", ""] + [f"- {md_text(n)}" for n in c.notes]
    return "\n".join(out) + "\n"


def _html_bars(rows: list[MetricRow], title: str) -> str:
    e = html_text
    out = []
    for row in rows:
        cells = ranked(row)
        if len(cells) < 2:
            continue
        top = max(abs(cell.number) for _, cell in cells) or 1.0
        lines = "".join(
            f"<tr><td>{e(lbl)}</td><td>{html_bar(cell.number, top)} {cell.number:g}{' *' if cell.partial_year else ''}</td></tr>"
            for lbl, cell in cells
        )
        out.append(f"<h3>{e(row.indicator)} {e(title)} (%)</h3><table>{lines}</table>")
    return "".join(out)


def html_page(c: Comparison) -> str:
    e = html_text
    labels = [d.label for d in c.documents]
    parts = [f"<h1>Comparative brief · {len(c.documents)} report(s)</h1>"]
    parts.append(html_table(DOCUMENT_COLUMNS, _document_rows(c)))
    if c.metrics:
        parts.append("<h2>Headline metrics of the review year</h2>")
        parts.append(html_table(*matrix(lx.INDICATOR_COLUMN, [r.indicator for r in c.metrics], labels, _rows_cell(c.metrics))))
        parts.append(_html_bars(c.metrics, "growth"))
    if c.targets:
        rows, single = _target_rows(c, labels)
        parts.append("<h2>Next-year targets</h2>")
        parts.append(html_table(*matrix(lx.INDICATOR_COLUMN, [r.indicator for r in rows], labels, _rows_cell(c.targets))))
        if single:
            parts.append("<p>Targets only one report sets:</p><ul>" + "".join(f"<li>{e(line)}</li>" for line in single_lines(single)) + "</ul>")
        parts.append(_html_bars(c.targets, "target"))
    if c.kept:
        parts.append(f"<h2>{e(kept_title(c))}</h2>")
        parts.append(html_table(KEPT_COLUMNS, pair_rows(c.kept, government=True)))
    parts.append("<h2>Problems by theme</h2>")
    parts.append(html_table(*matrix("theme", [r.theme for r in c.problem_themes] + ["(listed)"], labels, _theme_text(c))))
    parts.append("<h2>Task areas</h2><ul>" + "".join(f"<li><b>{e(lbl)}</b>: {e(' / '.join(c.task_areas.get(lbl) or []) or '-')}</li>" for lbl in labels) + "</ul>")
    if c.contrasts:
        parts.append("<h2>Contrasts</h2><ul>" + "".join(f"<li>{e(s)}</li>" for s in c.contrasts) + "</ul>")
    if c.notes:
        parts.append("<h2>Notes</h2><ul class='dim'>" + "".join(f"<li>{e(n)}</li>" for n in c.notes) + "</ul>")
    return page("Comparative brief", "".join(parts))
