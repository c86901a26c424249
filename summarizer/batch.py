"""batch: every report in a folder → one JSON and one Markdown summary each, and an index.

Resumable: a document whose JSON output is current (same input SHA-256 and same run
fingerprint: prompt versions and model) is skipped, and the answer cache serves the rest, so a
re-run after Ctrl-C or a crash redoes nothing that finished. Every output is written atomically
(temporary file + rename): an interrupted run never leaves a half-written file. A bad file
(empty, binary, undecodable, a scanned PDF) or a document whose model call fails after retries
becomes a failed row and the batch goes on; a dead or unreachable server stops it, since every
following document would fail the same way. Files in formats we do not read (.doc, .wps,
images, archives, anything else) are listed as "unsupported" rows with the reason and how to
convert them, and do not count as failures.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Sequence

from pydantic import BaseModel

from schemas.summary import DocumentSummary

from summarizer.errors import AuthenticationFailed, EndpointUnreachable, InputError, LocalServerError, SummarizerError
from summarizer.read.formats import unsupported_reason
from summarizer.read.reader import link_problem
from summarizer.pipeline import Runtime, run_fingerprint, summarize_file
from summarizer.render.batch import index_markdown
from summarizer.render.common import years
from summarizer.render.summary import markdown
from summarizer.write import write_atomic

INDEX_JSON = "index.json"
INDEX_MD = "index.md"
#: A JSON file larger than this is no summary of ours (they are tens of kB).
MAX_SUMMARY_BYTES = 16 * 1024 * 1024
#: Errors after which no further document can succeed.
FATAL = (EndpointUnreachable, AuthenticationFailed, LocalServerError)


def find_reports(root: Path, *, recursive: bool = False) -> list[Path]:
    """The files under `root` in a format we read (`root` itself if it is a file)."""
    return find_inputs(root, recursive=recursive)[0]


def find_inputs(root: Path, *, recursive: bool = False, exclude: Optional[Path] = None) -> tuple[list[Path], list[tuple[Path, str]]]:
    """(reports, [(file, why it is skipped)]) under `root`: every file that is not hidden, split
    by whether its format is one we read. `exclude` is the output folder: nothing under it is
    an input where it is another folder, and nothing a batch wrote there (`own_outputs`) where
    it is `root` itself or holds it. A link to nothing or to itself is listed as skipped."""
    if not root.exists():
        raise InputError(root, link_problem(root) or "no such folder")
    if root.is_file():
        return [root], []
    pattern = "**/*" if recursive else "*"
    outdir = exclude.resolve() if exclude is not None else None
    skip_under = outdir if outdir is not None and outdir != root.resolve() else None
    own = own_outputs(exclude) if exclude is not None and exclude.is_dir() else set()
    reports: list[Path] = []
    others: list[tuple[Path, str]] = []
    for p in sorted(root.glob(pattern)):
        if p.name.startswith(".") or any(part.startswith(".") for part in p.relative_to(root).parts[:-1]):
            continue
        problem = link_problem(p)
        if problem is not None:
            others.append((p, problem))
            continue
        if not p.is_file():
            continue
        resolved = p.resolve()
        if (skip_under is not None and resolved.is_relative_to(skip_under)) or resolved in own:
            continue
        reason = unsupported_reason(p)
        if reason is None:
            reports.append(p)
        else:
            others.append((p, reason))
    return reports, others


def own_outputs(outdir: Path) -> set[Path]:
    """The files (resolved) a batch wrote into `outdir`: its index, the summaries the index
    names, and — should the index be gone — every summary JSON this tool wrote, with its
    Markdown twin (unless that is the report it summarizes)."""
    own = {(outdir / INDEX_JSON).resolve(), (outdir / INDEX_MD).resolve()}
    index = load_index(outdir)
    for row in index.documents if index else ():
        own |= {Path(p).resolve() for p in (row.json_path, row.markdown_path) if p}
    for j in outdir.rglob("*.json"):
        source = _summary_source(j)
        if source is not None:
            own.add(j.resolve())
            twin = j.with_suffix(".md")
            if twin.name != Path(source).name:
                own.add(twin.resolve())
    return own


def _summary_source(path: Path) -> Optional[str]:
    """The source path of a summary JSON this tool wrote, or None for any other file."""
    try:
        if path.stat().st_size > MAX_SUMMARY_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(data, dict) and {"source", "metadata", "fingerprint"} <= data.keys() and isinstance(data["source"], dict):
        return str(data["source"].get("path", ""))
    return None


def plan_outputs(inputs: Sequence[Path], root: Path, outdir: Path, own: Optional[set[Path]] = None) -> dict[Path, tuple[Path, Path]]:
    """Where each input's summary goes: (JSON, Markdown), named after the input without its
    suffix (上海市.txt → 上海市.json, 上海市.md) — or with it, where two inputs of one folder share
    that name (上海市.txt and 上海市.docx → 上海市.txt.json and 上海市.docx.json) or the name is
    taken by a file the batch did not write (an input, the user's own notes.json). Every input
    gets its own pair, and the same inputs get the same names on every run."""
    own = own_outputs(outdir) if own is None and outdir.is_dir() else (own or set())
    rels = {p: (p.relative_to(root) if root.is_dir() else Path(p.name)) for p in inputs}
    stems = Counter((rel.parent, rel.stem.casefold()) for rel in rels.values())
    used: set[str] = set()
    planned: dict[Path, tuple[Path, Path]] = {}
    for p, rel in rels.items():
        folder = outdir / rel.parent
        names = ([rel.stem] if stems[(rel.parent, rel.stem.casefold())] == 1 else []) + [rel.name] + [f"{rel.name}~{k}" for k in range(2, len(inputs) + 2)]
        for name in names:
            pair = (folder / f"{name}.json", folder / f"{name}.md")
            if str(folder / name).casefold() in used or any(_foreign(f, own) for f in pair):
                continue
            used.add(str(folder / name).casefold())
            planned[p] = pair
            break
        else:  # every name taken by files the batch did not write
            raise InputError(p, f"has no free name for its summary in {folder}", hint="move the files named after it out of the output folder")
    return planned


def _foreign(path: Path, own: set[Path]) -> bool:
    """A file (or link) is there that the batch did not write."""
    return (path.exists() or path.is_symlink()) and path.resolve() not in own


class Row(BaseModel):
    input: str
    #: done | skipped (output current) | failed | interrupted | not run | unsupported (format not
    #: read) | unreadable (a link to nothing or to itself)
    status: str
    message: str = ""
    json_path: Optional[str] = None
    markdown_path: Optional[str] = None
    region: Optional[str] = None
    review_year: Optional[int] = None
    plan_year: Optional[int] = None
    seconds: float = 0.0
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def years(self) -> str:
        return years(self) if self.region or self.review_year else ""


class BatchIndex(BaseModel):
    fingerprint: str
    documents: list[Row]


@dataclass
class BatchResult:
    rows: list[Row]
    interrupted: bool = False
    fatal: Optional[str] = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.interrupted and self.fatal is None and all(r.status in ("done", "skipped", "unsupported", "unreadable") for r in self.rows)


def sha256_file(path: Path) -> Optional[str]:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def is_current(json_path: Path, input_sha: Optional[str], fingerprint: str) -> Optional[DocumentSummary]:
    """The existing summary if it was made from these bytes by this run configuration."""
    if input_sha is None or not json_path.is_file():
        return None
    try:
        summary = DocumentSummary.model_validate_json(json_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if summary.source.sha256 != input_sha or summary.fingerprint != fingerprint:
        return None
    return summary


@dataclass
class BatchHooks:
    """Callbacks for the display (all optional)."""

    doc_start: Callable[[Path], Optional[Callable[..., None]]] = lambda p: None  # returns a section-progress callback
    doc_done: Callable[[Row], None] = lambda r: None


def run_batch(
    inputs: list[Path],
    root: Path,
    outdir: Path,
    runtime: Runtime,
    *,
    workers: int = 1,
    hooks: Optional[BatchHooks] = None,
    unsupported: Sequence[tuple[Path, str]] = (),
) -> BatchResult:
    """Summarize `inputs` into `outdir`; `unsupported` (file, reason) are listed as such."""
    hooks = hooks or BatchHooks()
    t0 = time.monotonic()
    rows: dict[Path, Row] = {p: Row(input=str(p), status="not run") for p in inputs}
    others = [Row(input=str(p), status="unreadable" if link_problem(p) else "unsupported", message=reason) for p, reason in unsupported]
    outputs = plan_outputs(inputs, root, outdir)
    try:
        fingerprint = run_fingerprint(runtime.model_id)  # may ask the server which model it serves
    except FATAL as exc:
        rows = {p: Row(input=str(p), status="not run", message="batch stopped: " + exc.message) for p in inputs}
        return BatchResult(rows=list(rows.values()) + others, fatal=exc.message, seconds=round(time.monotonic() - t0, 2))
    lock = threading.Lock()
    stop = threading.Event()
    result = BatchResult(rows=[])

    def one(path: Path) -> Row:
        return _summarize_one(path, outputs[path], fingerprint, runtime, hooks, stop)

    def finish(path: Path, row: Row) -> None:
        with lock:
            rows[path] = row
            _write_index(outdir, fingerprint, [rows[p] for p in inputs] + others)
        hooks.doc_done(row)

    try:
        _run_all(inputs, workers, one, finish, stop)
    except KeyboardInterrupt:
        result.interrupted = True
        _mark_not_run(rows, inputs, "interrupted", "stopped by Ctrl-C before it finished")
    except FATAL as exc:
        result.fatal = exc.message
        _mark_not_run(rows, inputs, "not run", "batch stopped: " + exc.message)
    result.rows = [rows[p] for p in inputs] + others
    result.seconds = round(time.monotonic() - t0, 2)
    _write_index(outdir, fingerprint, result.rows)
    return result


def _summarize_one(path: Path, outputs: tuple[Path, Path], fingerprint: str, runtime: Runtime, hooks: BatchHooks, stop: threading.Event) -> Row:
    """One document's row: skipped where its outputs are current, not run once the batch stops,
    else summarized and written; a document that fails is a failed row (a fatal error raises)."""
    json_path, md_path = outputs
    input_sha = sha256_file(path)
    existing = is_current(json_path, input_sha, fingerprint)
    if existing is not None:
        return _row(path, "skipped", "output is current", json_path, md_path, existing)
    if stop.is_set():
        return Row(input=str(path), status="not run")
    t = time.monotonic()
    try:
        summary = summarize_file(path, runtime, progress=hooks.doc_start(path))
    except FATAL:
        raise
    except SummarizerError as exc:
        reason = exc.reason if isinstance(exc, InputError) else exc.message  # the row names the file already
        return Row(input=str(path), status="failed", message=reason, seconds=round(time.monotonic() - t, 2))
    try:
        write_atomic(json_path, summary.model_dump_json(indent=2))
        write_atomic(md_path, markdown(summary))
    except OSError as exc:
        return Row(input=str(path), status="failed", message=f"its summary cannot be written to {json_path.parent} ({exc.strerror or exc})")
    return _row(path, "done", "", json_path, md_path, summary, time.monotonic() - t)


def _run_all(inputs: list[Path], workers: int, one: Callable[[Path], Row], finish: Callable[[Path, Row], None], stop: threading.Event) -> None:
    """`one` for every input, in order or on `workers` threads, and `finish` as each ends. On any
    exception (Ctrl-C too) the documents not yet started are cancelled and it propagates."""
    if workers <= 1:
        for path in inputs:
            finish(path, one(path))
        return
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending: dict[Future, Path] = {pool.submit(one, p): p for p in inputs}
        try:
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    path = pending.pop(fut)
                    finish(path, fut.result())
        except BaseException:
            stop.set()
            for fut in pending:
                fut.cancel()
            raise


def _mark_not_run(rows: dict[Path, Row], inputs: list[Path], status: str, message: str) -> None:
    """The rows of the documents that never ran, once the batch stopped early."""
    for p in inputs:
        if rows[p].status == "not run":
            rows[p] = Row(input=str(p), status=status, message=message)


def _row(path: Path, status: str, message: str, json_path: Path, md_path: Path, s: DocumentSummary, seconds: float = 0.0) -> Row:
    u = s.usage
    return Row(
        input=str(path),
        status=status,
        message=message,
        json_path=str(json_path),
        markdown_path=str(md_path),
        region=s.metadata.region,
        review_year=s.metadata.review_year,
        plan_year=s.metadata.plan_year,
        seconds=round(seconds, 2),
        calls=u.calls if status == "done" else 0,
        prompt_tokens=u.prompt_tokens if status == "done" else 0,
        completion_tokens=u.completion_tokens if status == "done" else 0,
    )


def _write_index(outdir: Path, fingerprint: str, rows: list[Row]) -> None:
    index = BatchIndex(fingerprint=fingerprint, documents=rows)
    write_atomic(outdir / INDEX_JSON, index.model_dump_json(indent=2))
    write_atomic(outdir / INDEX_MD, index_markdown(rows))


def load_index(outdir: Path) -> Optional[BatchIndex]:
    path = outdir / INDEX_JSON
    if not path.is_file():
        return None
    try:
        return BatchIndex.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None
