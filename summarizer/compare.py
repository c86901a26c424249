"""compare: several summaries → a comparative brief (terminal, Markdown, static HTML).

Side-by-side headline metrics of the review year and next-year targets by region, as printed
(a 前三季度 or 1-11月 figure is marked as not a full year), terminal bar charts of growth rates,
a matrix of problem themes by region, the task areas of each region, and sentences of contrast
built from the verified figures — each sentence is kept only if every number in it is found
in the figures it cites.
"""

from __future__ import annotations

import html
import re
from typing import Iterable, Optional

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from schemas.comparison import Cell, ComparedDocument, Comparison, MetricRow, ThemeRow
from schemas.summary import DocumentSummary, Metric, Target, VerificationStatus

from . import lexicon as lx
from .render import years
from .script import to_simplified
from .verify import Source

INDICATOR_ORDER = [c for c, _ in lx.HEADLINE_INDICATORS]
FULL_YEAR = {None, "全年"}
TABLE_BOX = box.ASCII2
BAR_WIDTH = 30


def _labels(summaries: list[DocumentSummary]) -> list[str]:
    base = [s.metadata.region or _stem(s.source.path) for s in summaries]
    out = []
    for s, b in zip(summaries, base):
        if base.count(b) > 1:
            b = f"{b} {s.metadata.review_year or _stem(s.source.path)}"
        while b in out:
            b += "'"
        out.append(b)
    return out


def _stem(path: str) -> str:
    return re.split(r"[\\/]", path)[-1].rsplit(".", 1)[0]


def _metric_cell(m: Metric) -> Cell:
    text = " ".join(x for x in (m.value, m.change) if x)
    partial = m.period not in FULL_YEAR
    return Cell(
        text=text,
        number=m.change_number if m.change_unit == "%" else None,
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


def build_comparison(summaries: list[DocumentSummary]) -> Comparison:
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
            if cell.partial_year:
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


def renderable(c: Comparison) -> RenderableType:
    labels = [d.label for d in c.documents]
    parts: list[RenderableType] = [Text(f"Comparative brief · {len(c.documents)} report(s)", style="bold")]
    docs = Table(box=TABLE_BOX, show_edge=False)
    for col in DOCUMENT_COLUMNS:
        docs.add_column(col, overflow="fold")
    for row in _document_rows(c):
        docs.add_row(*map(Text, row))
    parts += [docs, Text("")]
    if c.metrics:
        t = _grid("Headline metrics of the review year (as printed)", "指标", labels)
        for row in c.metrics:
            t.add_row(Text(row.indicator), *[Text(_cell_text(row.cells.get(lbl))) for lbl in labels])
        parts += [t, Text("")]
        parts += bars(c, c.metrics, "growth")
    if c.targets:
        t = _grid("Next-year targets", "指标", labels)
        for row in c.targets:
            t.add_row(Text(row.indicator), *[Text(_cell_text(row.cells.get(lbl))) for lbl in labels])
        parts += [Text(""), t, Text("")]
        parts += bars(c, c.targets, "target")
    t = _grid("Problems by theme (number of problems)", "theme", labels)
    for row in c.problem_themes:
        t.add_row(Text(row.theme), *[str(len(row.regions.get(lbl, []))) if row.regions.get(lbl) else "." for lbl in labels])
    t.add_row("(listed)", *[str(c.problems_listed.get(lbl, 0)) for lbl in labels])
    parts += [Text(""), t, Text("")]
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
    console.print(renderable(c))


# ---------------------------------------------------------------------------------------------
# Markdown and HTML
# ---------------------------------------------------------------------------------------------


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    esc = lambda s: s.replace("|", "\\|")  # noqa: E731
    out = ["| " + " | ".join(map(esc, header)) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(map(esc, r)) + " |" for r in rows]
    return out


def markdown(c: Comparison) -> str:
    labels = [d.label for d in c.documents]
    out = [f"# Comparative brief · {len(c.documents)} report(s)", ""]
    out += _md_table(DOCUMENT_COLUMNS, _document_rows(c))
    if c.metrics:
        out += ["", "## Headline metrics of the review year", ""]
        out += _md_table(["指标", *labels], [[r.indicator, *[_cell_text(r.cells.get(lbl)) for lbl in labels]] for r in c.metrics])
    if c.targets:
        out += ["", "## Next-year targets", ""]
        out += _md_table(["指标", *labels], [[r.indicator, *[_cell_text(r.cells.get(lbl)) for lbl in labels]] for r in c.targets])
    out += ["", "## Problems by theme", ""]
    rows = [[r.theme, *[str(len(r.regions.get(lbl, []))) if r.regions.get(lbl) else "" for lbl in labels]] for r in c.problem_themes]
    rows.append(["(listed)", *[str(c.problems_listed.get(lbl, 0)) for lbl in labels]])
    out += _md_table(["theme", *labels], rows)
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

    parts = [f"<h1>Comparative brief · {len(c.documents)} report(s)</h1>"]
    parts.append(table(DOCUMENT_COLUMNS, _document_rows(c)))
    if c.metrics:
        parts.append("<h2>Headline metrics of the review year</h2>")
        parts.append(table(["指标", *labels], [[r.indicator, *[_cell_text(r.cells.get(lbl)) for lbl in labels]] for r in c.metrics]))
        parts.append(bar_rows(c.metrics, "growth"))
    if c.targets:
        parts.append("<h2>Next-year targets</h2>")
        parts.append(table(["指标", *labels], [[r.indicator, *[_cell_text(r.cells.get(lbl)) for lbl in labels]] for r in c.targets]))
        parts.append(bar_rows(c.targets, "target"))
    parts.append("<h2>Problems by theme</h2>")
    rows = [[r.theme, *[str(len(r.regions.get(lbl, []))) if r.regions.get(lbl) else "" for lbl in labels]] for r in c.problem_themes]
    rows.append(["(listed)", *[str(c.problems_listed.get(lbl, 0)) for lbl in labels]])
    parts.append(table(["theme", *labels], rows))
    parts.append("<h2>Task areas</h2><ul>" + "".join(f"<li><b>{e(lbl)}</b>: {e(' / '.join(c.task_areas.get(lbl) or []) or '-')}</li>" for lbl in labels) + "</ul>")
    if c.contrasts:
        parts.append("<h2>Contrasts</h2><ul>" + "".join(f"<li>{e(s)}</li>" for s in c.contrasts) + "</ul>")
    if c.notes:
        parts.append("<h2>Notes</h2><ul class='dim'>" + "".join(f"<li>{e(n)}</li>" for n in c.notes) + "</ul>")
    return (
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>Comparative brief</title>"
        f"<style>{_CSS}</style></head><body>{''.join(parts)}</body></html>\n"
    )
