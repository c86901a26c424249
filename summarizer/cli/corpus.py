"""Commands over many documents: `batch`, `compare`, `eval`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich import box
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from summarizer.batch import BatchHooks, BatchResult, find_inputs, find_reports, run_batch
from summarizer.errors import InputError
from summarizer.read.formats import SUPPORTED_TEXT
from summarizer.pipeline import Runtime
from summarizer.cli.app import app
from summarizer.cli.boundary import command, err_console
from summarizer.cli.options import KeepUnverifiedOpt, NoModelOpt, QuietOpt, WidthOpt, model_options, settings_from, stdout_console
from summarizer.cli.progress import SectionProgress, progress_display

JsonOutOpt = Annotated[bool, typer.Option("--json", help="Print JSON")]
WorkersOpt = Annotated[
    Optional[int],
    typer.Option("--workers", "-w", help="Documents in flight at once; >1 only pays off on servers that batch (vLLM, llama-server -np N, hosted APIs) [default: 1]"),
]


def batch_table(result: BatchResult) -> Table:
    table = Table(box=box.ASCII2, show_edge=False, title="batch", title_justify="left")
    for col in ("input", "status", "region", "years", "s", "calls", "tokens", "note"):
        table.add_column(col, overflow="fold")
    style = {"done": "green", "skipped": "dim", "unsupported": "dim", "failed": "red", "interrupted": "yellow", "not run": "yellow"}
    for r in result.rows:
        tokens = f"{r.prompt_tokens}+{r.completion_tokens}" if r.calls else ""
        table.add_row(
            Text(Path(r.input).name), Text(r.status, style=style.get(r.status, "")), Text(r.region or ""), r.years,
            f"{r.seconds:.0f}" if r.seconds else "", str(r.calls or ""), tokens, Text(r.message),
        )
    return table


@command(app, "batch")
@model_options()
def batch_cmd(
    folder: Annotated[Path, typer.Argument(help="Folder of reports (.txt, .md, .html, .htm, .mht, .pdf, .docx); other files are listed as unsupported")],
    outdir: Annotated[Path, typer.Option("-o", "--output", help="Folder for the summaries and index")],
    recursive: Annotated[bool, typer.Option("--recursive", "-r", help="Include subfolders")] = False,
    workers: WorkersOpt = None,
    keep_unverified: KeepUnverifiedOpt = False,
    no_model: NoModelOpt = False,
    width: WidthOpt = None,
    quiet: QuietOpt = False,
    flags: dict = None,  # type: ignore[assignment]  (the model options, see model_options)
) -> None:
    """Summarize every report in a folder: JSON + Markdown each, an index; resumable, Ctrl-C keeps what is done."""
    if folder.is_file():
        raise InputError(folder, "is a file; batch takes a folder", hint="use `summarizer summarize FILE` for one report")
    settings = settings_from(**flags, workers=workers)
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
    console = stdout_console(width)
    console.print(batch_table(result))
    done = sum(r.status == "done" for r in result.rows)
    skipped = sum(r.status == "skipped" for r in result.rows)
    failed = sum(r.status == "failed" for r in result.rows)
    unsupported_n = sum(r.status == "unsupported" for r in result.rows)
    not_read = f", {unsupported_n} skipped (format not read)" if unsupported_n else ""
    console.print(f"{done} summarized, {skipped} already current, {failed} failed{not_read} · {result.seconds:.0f} s · index: {escape(str(outdir / 'index.md'))}")
    if result.fatal:
        err_console().print(f"[bold red]error:[/] batch stopped: {escape(result.fatal)}")
        raise typer.Exit(3)
    if result.interrupted:
        err_console().print("[yellow]interrupted[/]: finished documents are saved; run the same command again to resume")
        raise typer.Exit(130)
    if not result.ok:
        raise typer.Exit(1)


def _load_summaries(paths: list[Path], runtime_factory, quiet: bool) -> list:
    """Summaries from summary JSONs, batch output folders, or reports (summarized now)."""
    from schemas.summary import DocumentSummary

    from summarizer.batch import load_index
    from summarizer.pipeline import summarize_file

    summaries: list[DocumentSummary] = []
    reports: list[Path] = []
    for p in paths:
        if not p.exists():
            raise InputError(p, "no such file or folder")
        if p.is_dir():
            index = load_index(p)
            jsons = [Path(r.json_path) for r in index.documents if r.json_path] if index else sorted(p.glob("*.json"))
            jsons = [j for j in jsons if j.name != "index.json"]
            if jsons:
                for j in jsons:
                    summaries.append(_read_summary(j))
                continue
            found = find_reports(p)
            if not found:
                raise InputError(p, f"holds neither summaries (.json) nor reports ({SUPPORTED_TEXT})")
            reports += found
        elif p.suffix.lower() == ".json":
            summaries.append(_read_summary(p))
        else:
            reports.append(p)
    if reports:
        if runtime_factory is None:
            raise InputError(reports[0], "is a report, not a stored summary")
        runtime = runtime_factory()
        with runtime, progress_display(enabled=not quiet) as bar:
            for r in reports:
                summaries.append(summarize_file(r, runtime, progress=SectionProgress(bar)))
    return summaries


def _read_summary(path: Path):
    from pydantic import ValidationError

    from schemas.summary import DocumentSummary

    if not path.is_file():
        raise InputError(path, "no such file")
    try:
        return DocumentSummary.model_validate_json(path.read_text(encoding="utf-8"))
    except (ValidationError, ValueError):
        raise InputError(path, "is not a summary JSON written by this tool") from None


@command(app, "compare")
@model_options("base_url", "api_key", "model", "mode", "style", "model_path", "threads", "n_ctx", "timeout", "no_cache")
def compare_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Reports, summary JSONs, or batch output folders")],
    as_markdown: Annotated[bool, typer.Option("--markdown", help="Print Markdown")] = False,
    as_html: Annotated[bool, typer.Option("--html", help="Print a static HTML page")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as JSON")] = False,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file (.md, .html or .json)")] = None,
    width: WidthOpt = None,
    quiet: QuietOpt = False,
    flags: dict = None,  # type: ignore[assignment]  (the model options, for reports not yet summarized)
) -> None:
    """Compare reports side by side: headline metrics, targets, growth bars, problem themes, task
    areas, and the targets kept where two reports of one government are of consecutive years."""
    from summarizer.batch import write_atomic
    from summarizer.aggregate.compare import build_comparison, html_page, markdown, print_comparison

    from schemas.track import VerdictRules

    settings = settings_from(**flags)
    summaries = _load_summaries(paths, lambda: Runtime.open(settings), quiet)
    comparison = build_comparison(summaries, VerdictRules(band_points=settings.target_band, band_ratio=settings.target_level_band))
    suffix = output.suffix.lower() if output else ""
    if as_html or suffix in (".html", ".htm"):
        text = html_page(comparison)
    elif as_markdown or suffix in (".md", ".markdown"):
        text = markdown(comparison)
    elif as_json or suffix == ".json":
        text = comparison.model_dump_json(indent=2)
    else:
        text = None
    if output is not None:
        write_atomic(output, text if text is not None else markdown(comparison))
        typer.echo(f"wrote {output}", err=True)
    elif text is not None:
        typer.echo(text, nl=False)
    else:
        print_comparison(comparison, stdout_console(width))


@command(app, "eval")
@model_options("base_url", "api_key", "model", "mode", "style", "model_path", "threads", "n_ctx", "timeout", "no_cache")
def eval_cmd(
    gold: Annotated[Path, typer.Option("--gold", help="Folder of gold annotations (*.json)")] = Path("seeds/expected"),
    seeds: Annotated[Path, typer.Option("--seeds", help="Folder of the reports the gold files name")] = Path("seeds"),
    summaries: Annotated[Optional[Path], typer.Option("--summaries", help="Score stored summaries (a batch output folder) instead of running the pipeline")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the scores as JSON here")] = None,
    as_json: JsonOutOpt = False,
    no_model: NoModelOpt = False,
    width: WidthOpt = None,
    quiet: QuietOpt = False,
    flags: dict = None,  # type: ignore[assignment]  (the model options, see model_options)
) -> None:
    """Score summaries against gold annotations: metric/target recall, problems, unverified numbers, cost."""
    from summarizer.batch import write_atomic
    from summarizer.score.evaluate import evaluate, gold_cases
    from summarizer.pipeline import summarize_file

    cases = gold_cases(gold, seeds)
    if summaries is not None:
        stored = {Path(s.source.path).name: s for s in _load_summaries([summaries], None, True)}

        def summarize(path: Path):
            if path.name not in stored:
                raise InputError(summaries, f"has no summary of {path.name}")
            return stored[path.name]

        result = evaluate(cases, summarize)
    else:
        with Runtime.open(settings_from(**flags), rules_only=no_model) as runtime, progress_display(enabled=not quiet and not no_model) as bar:
            result = evaluate(cases, lambda p: summarize_file(p, runtime, progress=SectionProgress(bar)))
    report = result.report
    if output is not None:
        write_atomic(output, report.model_dump_json(indent=2))
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
        return
    console = stdout_console(width)
    table = Table(box=box.ASCII2, show_edge=False, title="eval", title_justify="left")
    for col in ("file", "metrics", "targets", "problems", "unverified", "meta", "areas", "calls", "tokens", "s"):
        table.add_column(col, overflow="fold")
    for d in report.documents:
        table.add_row(
            d.file[:6], f"{d.metrics_found}/{d.metrics_gold}", f"{d.targets_found}/{d.targets_gold}",
            f"{d.problems[0]}/{d.problems[1]}", str(d.unverified_numbers),
            "ok" if d.region_ok and d.doc_type_ok and d.years_ok else "x",
            f"{d.review_areas[0]}/{d.review_areas[1]} {d.task_areas[0]}/{d.task_areas[1]}",
            f"{d.calls}+{d.cached_units}c", f"{d.prompt_tokens}+{d.completion_tokens}", f"{d.seconds:.0f}",
        )
    console.print(table)
    console.print(
        f"metric recall {report.metric_recall:.0%} · target recall {report.target_recall:.0%} · "
        f"problems exact {report.problems_exact:.0%} · problems covered {report.problems_coverage:.0%} · "
        f"passages found {report.passages_found}/{len(report.documents)} · review+tasks parts {report.parts_ok}/{len(report.documents)} · "
        f"region unknown {report.region_unknown} · unverified numbers {report.unverified_numbers} · "
        f"metadata {report.metadata_accuracy:.0%} · structure {report.structure_accuracy:.0%} · "
        f"{report.calls} calls · {report.prompt_tokens:,}+{report.completion_tokens:,} tokens · {report.seconds:.0f} s"
    )
    for d in report.documents:
        for m in d.missing_metrics:
            console.print(f"[yellow]{d.file[:3]} missing metric:[/] {escape(m)}")
        for t in d.missing_targets:
            console.print(f"[yellow]{d.file[:3]} missing target:[/] {escape(t)}")
        for u in d.unverified_examples:
            console.print(f"[red]{d.file[:3]} unverified:[/] {escape(u)}")


@command(app, "quality")
@model_options()
def quality_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Reports, summary JSONs or batch output folders")],
    as_json: JsonOutOpt = False,
    width: WidthOpt = None,
    quiet: QuietOpt = False,
    flags: dict = None,  # type: ignore[assignment]  (the model options, see model_options)
) -> None:
    """The model's half without gold: heading echoes, answers about another area, metric coverage, cost."""
    from summarizer.parse.document import parse_document
    from summarizer.score.quality import aggregate_quality, quality_of

    summaries = _load_summaries(paths, lambda: Runtime.open(settings_from(**flags)), quiet)
    report = aggregate_quality([quality_of(s, parse_document(s.source.path)) for s in summaries])
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
        return
    console = stdout_console(width)
    table = Table(box=box.ASCII2, show_edge=False, title="quality", title_justify="left")
    for col in ("file", "summaries", "echoes", "foreign", "areas with a metric", "gen tokens", "s"):
        table.add_column(col, overflow="fold")
    for d in report.documents:
        table.add_row(
            Text(d.file), str(d.summaries), str(d.heading_echoes), str(d.foreign),
            f"{d.number_areas_with_metric}/{d.number_areas}", str(d.completion_tokens), f"{d.seconds:.0f}",
        )
    console.print(table)
    console.print(
        f"heading echoes {report.heading_echo_rate:.0%} · foreign {report.foreign_rate:.0%} · "
        f"number-bearing review areas with a metric {report.metric_coverage:.0%} · "
        f"{report.completion_tokens_per_report:.0f} generated tokens and {report.seconds_per_report:.0f} s per report"
    )
