"""`export`: metrics, targets and problems as rows for pandas or a spreadsheet.

Takes reports (read with the rules alone, no model), summary JSONs or batch output folders.
"""

from __future__ import annotations

from typing import Annotated

import typer

from summarizer.cli.common import summaries_of
from summarizer.cli.options import QuietOpt, output_option, settings_from
from summarizer.cli.output import emit, output_format
from summarizer.cli.track import PathsArg

#: The formats `export` writes, by the suffix of -o.
SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
OutputOpt = output_option(SUFFIXES)


def export_cmd(
    paths: PathsArg,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV with a header row [default]")] = False,
    as_jsonl: Annotated[bool, typer.Option("--jsonl", help="JSON Lines: one object per row")] = False,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Metrics, targets and problems as rows: one per item, with government, years, indicator,
    canonical name, value, number, unit, change, comparator, span and status."""
    from summarizer.aggregate.export import csv_text, export_rows, jsonl_text

    fmt = output_format("export", {"csv": as_csv, "jsonl": as_jsonl}, output, SUFFIXES, printed="csv", written="csv", inputs=paths)
    summaries = summaries_of(paths, settings_from(), quiet=quiet, rules_only=True, once="exported once")
    rows = export_rows(summaries)
    text = jsonl_text(rows) if fmt == "jsonl" else csv_text(rows)
    emit(text, output, fmt)
