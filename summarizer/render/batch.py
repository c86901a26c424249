"""A batch run drawn: the table and the closing line in the terminal, and the folder's index.md.

It takes the rows `summarizer.batch` keeps (anything with their fields) and imports nothing
from it, so that batch can call it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from rich.table import Table
from rich.text import Text

from summarizer.render.common import md_table, table

STATUS_STYLES = {
    "done": "green", "skipped": "dim", "unsupported": "dim", "unreadable": "yellow", "failed": "red", "interrupted": "yellow", "not run": "yellow",
}
INDEX_COLUMNS = ["input", "status", "region", "years", "output", "note"]


def batch_table(rows: Sequence) -> Table:
    grid = table("batch", ["input", "status", "region", "years", "s", "calls", "tokens", "note"])
    for r in rows:
        tokens = f"{r.prompt_tokens}+{r.completion_tokens}" if r.calls else ""
        grid.add_row(
            Text(Path(r.input).name), Text(r.status, style=STATUS_STYLES.get(r.status, "")), Text(r.region or ""), Text(r.years),
            Text(f"{r.seconds:.0f}" if r.seconds else ""), Text(str(r.calls or "")), Text(tokens), Text(r.message),
        )
    return grid


def index_markdown(rows: Sequence) -> str:
    """index.md: one line per input, its status and output."""
    cells = [
        [Path(r.input).name, r.status, r.region or "", r.years, Path(r.markdown_path).name if r.markdown_path else "", r.message]
        for r in rows
    ]
    return "\n".join(["# Batch index", "", *md_table(INDEX_COLUMNS, cells)]) + "\n"
