"""`export`: metrics, targets and problems as rows for pandas or a spreadsheet.

Takes reports (read with the rules alone, no model), summary JSONs or batch output folders.
"""

from __future__ import annotations

from typing import Annotated

import typer

from summarizer.cli.common import summaries_of
from summarizer.cli.options import QuietOpt, settings_from
from summarizer.cli.track import OutputOpt, PathsArg, write_output


def export_cmd(
    paths: PathsArg,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV with a header row [default]")] = False,
    as_jsonl: Annotated[bool, typer.Option("--jsonl", help="JSON Lines: one object per row")] = False,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Metrics, targets and problems as rows: one per item, with government, years, indicator,
    canonical name, value, number, unit, change, comparator, span and status."""
    from summarizer.errors import InputError
    from summarizer.aggregate.export import csv_text, export_rows, jsonl_text

    if as_csv and as_jsonl:
        raise InputError("--csv/--jsonl", "give one format")
    suffix = output.suffix.lower() if output else ""
    rows = export_rows(summaries_of(paths, settings_from(), quiet=quiet, rules_only=True))
    jsonl = as_jsonl or (not as_csv and suffix in (".jsonl", ".ndjson", ".json"))
    text = jsonl_text(rows) if jsonl else csv_text(rows)
    if output is not None:
        write_output(output, text if jsonl else "\ufeff" + text)  # the mark tells spreadsheets the file is UTF-8
    else:
        typer.echo(text, nl=False)
