"""What `compare`, `track`, `export`, `eval` and `quality` are made of: summaries, from the paths
a user gives.

A path is a summary JSON this tool wrote, a batch output folder (its index names its summaries;
without one, every summary JSON in it), a folder of reports, or a report (`-`: on standard input). Summaries are read as
they are; reports are handed to `summarize_reports`, which the caller supplies (with a model,
or the rules alone), and come after the stored summaries.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional, Sequence

from pydantic import ValidationError

from schemas.summary import DocumentSummary

from summarizer.batch import INDEX_JSON, find_reports, load_index
from summarizer.errors import InputError
from summarizer.read.formats import SUPPORTED_TEXT
from summarizer.read.reader import STDIN, link_problem

#: Turns reports into summaries (the caller decides how: a model, or the rules alone).
SummarizeReports = Callable[[list[Path]], list[DocumentSummary]]


def load_summaries(paths: Sequence[Path], summarize_reports: Optional[SummarizeReports] = None) -> list[DocumentSummary]:
    """Summaries from summary JSONs and batch output folders, then those of the reports among
    `paths` (made by `summarize_reports`; without it a report is an `InputError`)."""
    summaries: list[DocumentSummary] = []
    reports: list[Path] = []
    for p in paths:
        if str(p) == STDIN:  # a report on standard input
            reports.append(p)
            continue
        if not p.exists():
            raise InputError(p, link_problem(p) or "no such file or folder")
        if p.is_dir():
            stored = summary_files(p)
            if stored:
                summaries += [read_summary(j) for j in stored]
                continue
            found = find_reports(p)
            if not found:
                raise InputError(p, f"holds neither summaries (.json) nor reports ({SUPPORTED_TEXT})")
            reports += found
        elif p.suffix.lower() == ".json":
            summaries.append(read_summary(p))
        else:
            reports.append(p)
    if reports:
        if summarize_reports is None:
            raise InputError(reports[0], "is a report, not a stored summary")
        summaries += summarize_reports(reports)
    return summaries


def summary_files(folder: Path) -> list[Path]:
    """The summary JSONs of a batch output folder: those its index names, else every .json."""
    index = load_index(folder)
    jsons = [Path(r.json_path) for r in index.documents if r.json_path] if index else sorted(folder.glob("*.json"))
    return [j for j in jsons if j.name != INDEX_JSON]


def read_summary(path: Path) -> DocumentSummary:
    if not path.is_file():
        raise InputError(path, "no such file")
    try:
        return DocumentSummary.model_validate_json(path.read_text(encoding="utf-8"))
    except (ValidationError, ValueError, OSError):
        raise InputError(path, "is not a summary JSON written by this tool") from None
