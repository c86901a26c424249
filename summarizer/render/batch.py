"""A batch run drawn: the table and the closing line in the terminal, and the folder's index.md.

It takes the rows `summarizer.batch` keeps (anything with their fields) and imports nothing
from it, so that batch can call it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from rich.table import Table

from summarizer.render.common import md_table, table_of, text
from summarizer.render.prose import Prose, parts

STATUS_STYLES = {
    "done": "green", "skipped": "dim", "unsupported": "dim", "unreadable": "yellow", "failed": "red", "interrupted": "yellow", "not run": "yellow",
}
TABLE_COLUMNS = ["input", "status", "region", "years", "s", "calls", "tokens", "note"]
INDEX_COLUMNS = ["input", "status", "region", "years", "output", "note"]


def batch_table(rows: Sequence) -> Table:
    """One line per input; columns no row fills (calls, tokens and seconds of a run without the
    model) are left out, and file names, status and years stay on one line where the width allows."""
    cells = [
        (
            Path(r.input).name, text(r.status, style=STATUS_STYLES.get(r.status, "")), r.region or "", r.years,
            f"{r.seconds:.0f}" if r.seconds >= 0.5 else "", str(r.calls or ""), f"{r.prompt_tokens}+{r.completion_tokens}" if r.calls else "", r.message,
        )
        for r in rows
    ]
    return table_of("batch", TABLE_COLUMNS, cells, keep=2, whole=[0, 1, 3, 4, 5, 6])


def batch_footer(rows: Sequence, seconds: float, index: Path) -> Prose:
    """The closing line: how many were summarized, current, failed and skipped, the time and the
    index; it breaks only between these fields."""
    count = {s: sum(r.status == s for r in rows) for s in ("done", "skipped", "failed", "unsupported", "unreadable")}
    not_read = f", {count['unsupported']} skipped (format not read)" if count["unsupported"] else ""
    not_read += f", {count['unreadable']} skipped (link to nothing or to itself)" if count["unreadable"] else ""
    return parts([
        f"{count['done']} summarized, {count['skipped']} already current, {count['failed']} failed{not_read}",
        f"{seconds:.0f} s",
        f"index: {index}",
    ])


def index_markdown(rows: Sequence) -> str:
    """index.md: one line per input, its status and output."""
    cells = [
        [Path(r.input).name, r.status, r.region or "", r.years, Path(r.markdown_path).name if r.markdown_path else "", r.message]
        for r in rows
    ]
    return "\n".join(["# Batch index", "", *md_table(INDEX_COLUMNS, cells)]) + "\n"
