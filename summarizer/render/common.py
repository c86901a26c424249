"""What every view shares: terminal tables, Markdown and HTML, and the one way each escapes.

Report text is data, never markup. Whatever a report carries — scraped `<script>` tags, `|` in a
table cell, `*`, `_`, `[x](…)`, line breaks — is shown as the report printed it:
- Markdown: `md_text` escapes inline HTML, emphasis, links, code, table pipes and block markers,
  and puts the text on one line;
- HTML: `html_text` escapes `< > & " '`, and every page is `html_page`: a Content-Security-Policy
  that lets nothing load or run, and allows only the page's own stylesheet, by its hash;
- terminal: report text goes into rich `Text` objects, never through rich markup.
JSON, CSV and JSON Lines carry the text byte for byte; escaping is a rendering concern only.

Terminal tables use ASCII rules and fold long cells instead of cutting them with an ellipsis: box
characters and "…" are ambiguous-width in CJK terminals and would push columns out of line
(rich itself counts CJK characters as two cells).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from typing import Iterable, Optional, Sequence, Union

from rich import box
from rich.table import Table
from rich.text import Text

TABLE_BOX = box.ASCII2
Cell = Union[str, Text]


def years(m) -> str:
    """review → plan year of anything that has them (metadata, a batch row, a compared document)."""
    return f"{m.review_year or '?'} → {m.plan_year or '?'}"


# ---------------------------------------------------------------------------------------------
# Terminal
# ---------------------------------------------------------------------------------------------


def text(value: Cell, style: str = "") -> Text:
    """Text for the terminal that is never read as rich markup (a title of a table is, as a str)."""
    return value if isinstance(value, Text) else Text(value or "", style=style)


def table(title: Optional[Cell], columns: Sequence[Cell], **kwargs) -> Table:
    """A table in the house style: ASCII rules, no outer edge, title on the left, cells that fold."""
    t = Table(title=text(title) if title is not None else None, title_justify="left", box=TABLE_BOX, show_edge=False, **kwargs)
    for col in columns:
        t.add_column(text(col), overflow="fold")
    return t


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


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------


def html_text(value: Optional[str]) -> str:
    """Text as HTML that shows exactly this text: the one escaping function of every HTML renderer."""
    return html.escape(value or "", quote=True)


def html_table(header: Sequence[str], rows: Iterable[Sequence[Optional[str]]]) -> str:
    head = "".join(f"<th>{html_text(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html_text(x)}</td>" for x in r) + "</tr>" for r in rows)
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
STYLE_HASH = "sha256-" + base64.b64encode(hashlib.sha256(CSS.encode("utf-8")).digest()).decode("ascii")
#: Nothing may load or run — no script, image, font, frame, connection, form target or base URL —
#: and the one inline stylesheet only by its hash.
CSP = f"default-src 'none'; style-src '{STYLE_HASH}'; base-uri 'none'; form-action 'none'"


def html_bar(number: float, top: float) -> str:
    """A bar of |number| against the largest |number| `top`, red when negative."""
    step = round(abs(number) / (top or 1.0) * BAR_STEPS)
    return f"<span class='bar w{step}{' neg' if number < 0 else ''}'></span>"


def html_page(title: str, body: str) -> str:
    """A self-contained page: no external resource, no script, the Content-Security-Policy above."""
    return (
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f"<title>{html_text(title)}</title><style>{CSS}</style></head><body>{body}</body></html>\n"
    )
