"""`batch`: every report in a folder → one JSON and one Markdown summary each, and an index."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape

from summarizer.batch import BatchHooks, find_inputs, run_batch
from summarizer.errors import InputError
from summarizer.read.formats import SUPPORTED_TEXT
from summarizer.pipeline import Runtime
from summarizer.write import check_folder_target
from summarizer.cli.boundary import err_console
from summarizer.cli.options import KeepUnverifiedOpt, MaxBytesOpt, NoModelOpt, QuietOpt, WidthOpt, model_options, settings_from, stdout_console
from summarizer.cli.progress import SectionProgress, progress_display
from summarizer.render.batch import batch_footer, batch_table
from summarizer.render.common import print_view

WorkersOpt = Annotated[
    Optional[int],
    typer.Option("--workers", "-w", help="Documents in flight at once; >1 only pays off on servers that batch (vLLM, llama-server -np N, hosted APIs) [env: SUMMARIZER_WORKERS; default: 1]"),
]


@model_options()
def batch_cmd(
    folder: Annotated[Path, typer.Argument(help=f"Folder of reports: {SUPPORTED_TEXT}; other files are listed as skipped, with the reason", metavar="FOLDER")],
    outdir: Annotated[Path, typer.Option("-o", "--output", help="Folder for the summaries and index")],
    recursive: Annotated[bool, typer.Option("--recursive", "-r", help="Include subfolders")] = False,
    workers: WorkersOpt = None,
    keep_unverified: KeepUnverifiedOpt = False,
    max_bytes: MaxBytesOpt = None,
    no_model: NoModelOpt = False,
    width: WidthOpt = None,
    quiet: QuietOpt = False,
    flags: dict = None,  # type: ignore[assignment]  (the model options, see model_options)
) -> None:
    """Summarize every report in a folder: JSON + Markdown each, an index; resumable, Ctrl-C keeps what is done."""
    if folder.is_file():
        raise InputError(folder, "is a file; batch takes a folder", hint="use `summarizer summarize FILE` for one report")
    check_folder_target(outdir)
    settings = settings_from(**flags, workers=workers, max_bytes=max_bytes)
    inputs, unsupported = find_inputs(folder, recursive=recursive, exclude=outdir)
    if not inputs:
        skipped = "".join(f"; {p.name}: {why}" for p, why in unsupported[:3])
        raise InputError(folder, f"holds no report in a format this tool reads ({SUPPORTED_TEXT})" + ("" if recursive else " (try --recursive)") + skipped)
    with Runtime.open(settings, keep_unverified=keep_unverified, rules_only=no_model) as runtime, progress_display(enabled=not quiet) as bar:
        overall = bar.add_task("documents", total=len(inputs))

        def doc_start(path: Path):
            return SectionProgress(bar)

        def doc_done(row) -> None:
            bar.advance(overall)

        result = run_batch(inputs, folder, outdir, runtime, workers=settings.workers, hooks=BatchHooks(doc_start, doc_done), unsupported=unsupported)
    print_view(stdout_console(width), batch_table(result.rows), batch_footer(result.rows, result.seconds, outdir / "index.md"))
    if result.fatal:
        err_console().print(f"[bold red]error:[/] batch stopped: {escape(result.fatal)}")
        raise typer.Exit(3)
    if result.interrupted:
        err_console().print("[yellow]interrupted[/]: finished documents are saved; run the same command again to resume")
        raise typer.Exit(130)
    if not result.ok:
        raise typer.Exit(1)
