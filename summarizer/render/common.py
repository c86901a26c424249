"""What every view shares: terminal tables, Markdown and HTML, and the one way each escapes.

Report text is data, never markup. Whatever a report carries — scraped `<script>` tags, `|` in a
table cell, `*`, `_`, `[x](…)`, line breaks — is shown as the report printed it:
- Markdown: `md_text` escapes inline HTML, emphasis, links, code, table pipes and block markers,
  and puts the text on one line;
- HTML: `html_text` escapes `< > & " '`, and every page is `html_page`: a Content-Security-Policy
  that lets nothing load or run, and allows only the page's own stylesheet, by its hash;
- terminal: report text goes into `Prose` (rich `Text`, never rich markup), which breaks lines as
  Chinese text is broken and never inside a figure (render/prose.py).
JSON, CSV and JSON Lines carry the text byte for byte; escaping is a rendering concern only.

Terminal tables use ASCII rules and fold long cells instead of cutting them with an ellipsis: box
characters and "…" are ambiguous-width in CJK terminals and would push columns out of line
(rich itself counts CJK characters as two cells).
"""

from __future__ import annotations

import base64
import csv
import hashlib
import html
import io
import re
from typing import Callable, Iterable, Optional, Sequence, Union

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from summarizer.render.prose import Prose, as_prose

TABLE_BOX = box.ASCII2
Cell = Union[str, Text]


def years(m) -> str:
    """review → plan year of anything that has them (metadata, a batch row, a compared document)."""
    return f"{m.review_year or '?'} → {m.plan_year or '?'}"


# ---------------------------------------------------------------------------------------------
# Terminal
# ---------------------------------------------------------------------------------------------


def text(value: Cell, style: str = "", *, whole: Iterable[str] = ()) -> Prose:
    """Text for the terminal: never read as rich markup (a table's title is, as a str), broken
    into lines as Chinese text is; never inside any of `whole` (file names: 全国_2005.txt)."""
    keep = tuple(w for w in whole if w)
    if keep:
        kept = KeptWhole(keep, style=style)
        if isinstance(value, Text):
            kept.append_text(value)
        else:
            kept.append(value or "")
        return kept
    if isinstance(value, Text):
        return as_prose(value)
    return Prose(value or "", style=style)


class KeptWhole(Prose):
    """Prose that breaks nowhere inside the strings it keeps whole (where they fit a line)."""

    def __init__(self, keep: Sequence[str], *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.keep = tuple(keep)

    def spans_of(self, line: str) -> list[tuple[int, int]]:
        inside = [(m.start(), m.end()) for k in self.keep for m in re.finditer(re.escape(k), line)]
        out: list[tuple[int, int]] = []
        for a, b in super().spans_of(line):
            if out and any(start < a < end for start, end in inside):
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
        return out


class Grid(Table):
    """A rich table whose columns share a narrow width as their text needs.

    rich narrows the widest columns first, below the narrowest their text can take, and then
    folds a figure or a word in two. A Grid gives every column at least its narrowest (its
    longest piece that does not break: a figure, a word), then the columns in `whole`, in order,
    their full width as far as the rest still fits (a file name on one line), then shares what is
    left in proportion to how much more each column would take. Where even the narrowest widths
    do not fit, rich lays it out as it would."""

    def __init__(self, *args, whole: Sequence[int] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.whole = set(whole)

    def _fitted_widths(self, console: Console, options: ConsoleOptions) -> Optional[list[int]]:
        """Column widths (without padding) for `options.max_width`, or None to leave it to rich.
        (rich's column measure and padding are private; this subclass relies on them, rich <15.)"""
        available = options.max_width - self._extra_width
        unbounded = options.update_width(10**6)
        ranges = [self._measure_column(console, unbounded, c) for c in self.columns]
        low, high = [r.minimum for r in ranges], [r.maximum for r in ranges]
        if sum(high) <= available or sum(low) > available:
            return None
        widths = list(low)
        spare = available - sum(low)
        for i in sorted(self.whole):  # in order: the first of them whole before the next
            more = min(spare, high[i] - widths[i])
            widths[i] += more
            spare -= more
        wanted = {i: high[i] - widths[i] for i in range(len(widths)) if high[i] > widths[i]}
        total = sum(wanted.values())
        if total and spare:
            given = {i: min(w, spare * w // total) for i, w in wanted.items()}
            leftover = min(spare, total) - sum(given.values())
            for i in sorted(wanted, key=lambda i: wanted[i] - given[i], reverse=True)[:leftover]:
                given[i] += 1
            for i, g in given.items():
                widths[i] += g
        return [w - self._get_padding_width(i) for i, w in enumerate(widths)]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for column in self.columns:
            column.width = None
        widths = self._fitted_widths(console, options.update_width(self.width or options.max_width))
        try:
            if widths is not None:
                for column, width in zip(self.columns, widths):
                    column.width = width
            yield from super().__rich_console__(console, options)
        finally:
            for column in self.columns:
                column.width = None


def table(title: Optional[Cell], columns: Sequence[Cell], **kwargs) -> Grid:
    """A table in the house style: ASCII rules, no outer edge, title on the left, cells that fold."""
    t = Grid(title=text(title) if title is not None else None, title_justify="left", box=TABLE_BOX, show_edge=False, **kwargs)
    for col in columns:
        t.add_column(text(col), overflow="fold")
    return t


def table_of(title: Optional[Cell], columns: Sequence[Cell], rows: Iterable[Sequence[Cell]], *, keep: int = 1, whole: Sequence[int] = ()) -> Grid:
    """A table of these rows without the columns that are empty in every row (the first `keep`
    stay); the columns in `whole` (by index) keep their cells on one line where the rest fits."""
    rows = [list(r) for r in rows]
    shown = [i for i in range(len(columns)) if i < keep or any(_plain(r[i]).strip() for r in rows)]
    t = table(title, [columns[i] for i in shown], whole=[n for n, i in enumerate(shown) if i in whole])
    for r in rows:
        t.add_row(*[text(r[i]) for i in shown])
    return t


def _plain(cell: Cell) -> str:
    return cell.plain if isinstance(cell, Text) else (cell or "")


class FirstThatFits:
    """The first of several layouts that fits the width it is given (else the last): a wide table
    where there is room, the same facts as a list where there is not. A layout fits where its
    narrowest form does and its natural width is at most `lines` times the width (its cells
    wrap onto about that many lines, not a word a line)."""

    def __init__(self, *layouts: RenderableType, lines: int = 2) -> None:
        self.layouts = layouts
        self.lines = lines

    def _choice(self, console: Console, options: ConsoleOptions) -> RenderableType:
        unbounded = options.update_width(10**6)  # Measurement.get caps the minimum at the width it is given
        for layout in self.layouts[:-1]:
            m = Measurement.get(console, unbounded, layout)
            if m.minimum <= options.max_width and m.maximum <= self.lines * options.max_width:
                return layout
        return self.layouts[-1]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self._choice(console, options)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self._choice(console, options))


def print_view(console: Console, *renderables: RenderableType) -> None:
    """Print through a Group: `console.print` would merge Text objects into plain Text and lose
    the line breaking of `Prose`."""
    console.print(Group(*renderables))


# ---------------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------------


#: Characters that mean something inline wherever they are: escapes, code, emphasis with *,
#: links and images ([ opens them), HTML, autolinks and entities (<, &), table cells,
#: strikethrough, heading markers (# closes a heading too). An underscore only where it can
#: open or close emphasis, not between two letters or digits (上海市_2026.txt).
_MD_INLINE = re.compile(r"[\\`*\[<&|~#]|(?<![^\W_])_|_(?![^\W_])")
#: What opens a block at the start of a line: a list item or thematic break (-, +), an ordered
#: list item (1. 2)), a block quote (>).
_MD_BLOCK_START = re.compile(r"^(?:[-+](?=\s|$|-)|>|\d{1,9}(?=[.)](?:\s|$)))")


def md_text(value: Optional[str], *, cell: bool = False) -> str:
    """Text as Markdown that shows exactly this text, on one line: the one escaping function of
    every Markdown renderer (list items, headings, emphasis, and with `cell` table cells, where
    no line starts a block and a lone "-" needs no escape). Line breaks become spaces."""
    s = " ".join((value or "").replace("\r", "\n").split("\n")).strip()
    s = _MD_INLINE.sub(lambda m: "\\" + m.group(0), s)
    m = None if cell else _MD_BLOCK_START.match(s)
    if m:
        s = s[: m.end()] + "\\" + s[m.end() :] if s[0].isdigit() else "\\" + s
    return s


def md_table(header: Sequence[str], rows: Iterable[Sequence[Optional[str]]]) -> list[str]:
    """A GitHub table, every cell through `md_text`."""
    out = ["| " + " | ".join(md_text(h, cell=True) for h in header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(md_text(x, cell=True) for x in r) + " |" for r in rows]
    return out


def csv_table(columns: Sequence[str], rows: Iterable[dict]) -> str:
    """Rows as CSV with a header row; a None is an empty cell."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------


def html_text(value: Optional[str]) -> str:
    """Text as HTML that shows exactly this text: the one escaping function of every HTML renderer."""
    return html.escape(value or "", quote=True)


def html_table(
    header: Sequence[str], rows: Iterable[Sequence[Optional[str]]], *, cell_class: Optional[Callable[[int, str], Optional[str]]] = None
) -> str:
    """An HTML table, every cell through `html_text`; `cell_class(column, text)` names a cell's
    class where a view's own stylesheet sets it apart (a verdict's colour, a quote's size)."""

    def td(i: int, x: Optional[str]) -> str:
        cls = cell_class(i, x or "") if cell_class is not None else None
        return f"<td class='{html_text(cls)}'>{html_text(x)}</td>" if cls else f"<td>{html_text(x)}</td>"

    head = "".join(f"<th>{html_text(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(td(i, x) for i, x in enumerate(r)) + "</tr>" for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


#: Bars are drawn in this many steps of 10 px (classes w0 … w30): the page needs no style
#: attribute, so its one stylesheet can be allowed by its hash.
BAR_STEPS = 30
CSS = (
    '\nbody{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:2rem;color:#222;max-width:1200px}\n'
    "table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}\n"
    "th{background:#f3f3f3}.bar{background:#4a7;height:.9rem;display:inline-block}.neg{background:#c55}.dim{color:#777}\n"
    + "".join(f".w{i}{{width:{i * 10}px}}" for i in range(BAR_STEPS + 1))
    + "\n"
)
def content_security_policy(css: str) -> str:
    """Nothing may load or run — no script, image, font, frame, connection, form target or base
    URL — and the page's one inline stylesheet, `css`, only by its hash."""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"


CSP = content_security_policy(CSS)


def html_bar(number: float, top: float) -> str:
    """A bar of |number| against the largest |number| `top`, red when negative."""
    step = round(abs(number) / (top or 1.0) * BAR_STEPS)
    return f"<span class='bar w{step}{' neg' if number < 0 else ''}'></span>"


def html_page(title: str, body: str, *, css: str = CSS) -> str:
    """A self-contained page: no external resource, no script, its stylesheet (the house one, or
    a view's own) allowed by the Content-Security-Policy, by its hash."""
    return (
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>"
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(css)}">'
        f"<title>{html_text(title)}</title><style>{css}</style></head><body>{body}</body></html>\n"
    )
