"""What every view shares: the table style of the terminal, Markdown tables, HTML tables and the
page around them.

Terminal tables use ASCII rules and fold long cells instead of cutting them with an ellipsis: box
characters and "…" are ambiguous-width in CJK terminals and would push columns out of line
(rich itself counts CJK characters as two cells).
"""

from __future__ import annotations

import html
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


def table(title: Optional[str], columns: Sequence[Cell], **kwargs) -> Table:
    """A table in the house style: ASCII rules, no outer edge, title on the left, cells that fold."""
    t = Table(title=title, title_justify="left", box=TABLE_BOX, show_edge=False, **kwargs)
    for col in columns:
        t.add_column(col, overflow="fold")
    return t


# ---------------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------------


def md_cell(text: Optional[str]) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def md_table(header: Sequence[str], rows: Iterable[Sequence[Optional[str]]]) -> list[str]:
    """A GitHub table."""
    out = ["| " + " | ".join(md_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(md_cell(x) for x in r) + " |" for r in rows]
    return out


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------


def html_text(text: Optional[str]) -> str:
    return html.escape(text or "")


def html_table(header: Sequence[str], rows: Iterable[Sequence[Optional[str]]]) -> str:
    head = "".join(f"<th>{html_text(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html_text(x)}</td>" for x in r) + "</tr>" for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


CSS = """
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:2rem;color:#222;max-width:1200px}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.bar{background:#4a7;height:.9rem;display:inline-block}.neg{background:#c55}.dim{color:#777}
"""


def html_page(title: str, body: str) -> str:
    """A self-contained page: its own stylesheet, no external resource."""
    return (
        f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>{html_text(title)}</title>"
        f"<style>{CSS}</style></head><body>{body}</body></html>\n"
    )
