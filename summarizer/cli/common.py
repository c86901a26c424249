"""What several commands share beyond their options: summaries from the paths a user gives,
with reports summarized under a progress display."""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from rich.markup import escape

from schemas.summary import DocumentSummary

from summarizer.aggregate.inputs import load_summaries
from summarizer.aggregate.reports import unique_reports
from summarizer.pipeline import Runtime, summarize_file
from summarizer.settings import Settings
from summarizer.cli.boundary import err_console
from summarizer.cli.progress import SectionProgress, progress_display


def summaries_of(
    paths: Sequence[Path], settings: Settings, *, quiet: bool, rules_only: bool = False, note: Optional[str] = None, once: str = "read once"
) -> list[DocumentSummary]:
    """Summaries from summary JSONs and batch folders; reports are summarized now (with the
    rules alone when `rules_only`), saying `note` on stderr first where given. Each report
    comes once (`unique_reports`): a warning names each one given again, and says it is `once`."""

    def summarize_reports(reports: list[Path]) -> list[DocumentSummary]:
        if note:
            err_console().print(f"[dim]note:[/] {escape(note)}", soft_wrap=True)
        with Runtime.open(settings, rules_only=rules_only) as runtime, progress_display(enabled=not quiet) as bar:
            return [summarize_file(r, runtime, progress=SectionProgress(bar)) for r in reports]

    summaries, repeats = unique_reports(load_summaries(paths, summarize_reports))
    for r in repeats:
        err_console().print(f"[yellow]warning:[/] {escape(r.left_out.source.path)} is the same report as {escape(r.kept.source.path)} (the same bytes): {once}", soft_wrap=True)
    return summaries
