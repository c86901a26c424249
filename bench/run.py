"""Cost and speed of our pipeline against the naive baseline, on the real embedded model.

One run, one machine, one model server (started here, or --base-url): for each document
- ours: wall seconds, model calls, prompt and generated tokens, and the overhead ratio =
  prompt tokens / tokens of the cleaned text (counted by the server's own tokenizer);
- the naive baseline (bench/baseline.py): the same figures;
- a cached re-run of ours (seconds, model calls);
- eval scores of both against the gold annotations, where a document has them;
then the pure stages over all seeds (ms), and peak RSS of a summarizer process
(`summarizer summarize` run as a child) and of the server. The table is printed and appended
to bench/results.md with date, machine, model and commit.

    python -m bench [--docs 000 001] [--skip-baseline] [--base-url URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Optional

from summarizer.parse.document import parse_document
from summarizer.score.evaluate import aggregate, score_document
from summarizer.model.client import ModelClient, discover_endpoint
from summarizer.pipeline import Runtime, summarize_parsed
from summarizer.model.server import EmbeddedServer
from summarizer.settings import resolve_settings

from bench.baseline import summarize_naive
from bench.pure import SEEDS, time_pure_stages

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "seeds" / "expected"
RESULTS = Path(__file__).resolve().parent / "results.md"


def count_tokens(base_url: str, text: str) -> int:
    """Tokens of `text` by the server's own tokenizer (llama-cpp-python's /extras/tokenize)."""
    root = base_url.rsplit("/v1", 1)[0]
    req = urllib.request.Request(
        root + "/extras/tokenize", data=json.dumps({"input": text}).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(req, timeout=60) as r:
        return len(json.loads(r.read())["tokens"])


def vm_hwm_kb(pid: int) -> Optional[int]:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def commit() -> str:
    try:
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        return sha + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def summarizer_peak_rss_kb(doc: Path, base_url: str) -> int:
    """Peak RSS of one `summarizer summarize` process (a child; fresh cache)."""
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "SUMMARIZER_CACHE_DIR": cache}
        subprocess.run(
            [sys.executable, "-m", "summarizer", "summarize", str(doc), "--json", "-q", "--base-url", base_url],
            env=env, check=True, capture_output=True,
        )
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def run(docs: list[Path], base_url: Optional[str], skip_baseline: bool, threads: Optional[int]) -> dict:
    flags = {"threads": threads} if threads else {}
    server: Optional[EmbeddedServer] = None
    if base_url is None:
        settings, _ = resolve_settings({**flags, "base_url": None})
        settings = settings.__class__(**{**settings.__dict__, "base_url": None})
        server = EmbeddedServer(settings)
        t0 = time.monotonic()
        server.start()
        start_s = time.monotonic() - t0
        base_url = server.base_url
    else:
        start_s = None
    try:
        settings, _ = resolve_settings({**flags, "base_url": base_url})
        endpoint = discover_endpoint(base_url, settings, embedded=server is not None)
        client = ModelClient(endpoint, settings)
        rows = []
        ours_summaries, base_summaries = [], []
        for path in docs:
            doc = parse_document(path)
            doc_tokens = count_tokens(base_url, doc.clean.text)
            with tempfile.TemporaryDirectory() as cache:
                s = settings.__class__(**{**settings.__dict__, "cache_dir": cache})
                with Runtime.open(s, client_factory=lambda ep: client) as rt:
                    t = time.monotonic()
                    ours = summarize_parsed(doc, rt)
                    ours_s = time.monotonic() - t
                    t = time.monotonic()
                    again = summarize_parsed(doc, rt)
                    cached_s = time.monotonic() - t
            row = {
                "doc": path.name[:3], "chars": len(doc.clean.text), "doc_tokens": doc_tokens,
                "ours_s": round(ours_s, 1), "ours_calls": ours.usage.calls, "ours_prompt": ours.usage.prompt_tokens,
                "ours_gen": ours.usage.completion_tokens, "ours_ratio": round(ours.usage.prompt_tokens / doc_tokens, 3),
                "cached_s": round(cached_s, 3), "cached_calls": again.usage.calls,
            }
            ours_summaries.append((path, doc, ours))
            if not skip_baseline:
                t = time.monotonic()
                base = summarize_naive(doc, client)
                row.update(
                    base_s=round(time.monotonic() - t, 1), base_calls=base.usage.calls, base_prompt=base.usage.prompt_tokens,
                    base_gen=base.usage.completion_tokens, base_ratio=round(base.usage.prompt_tokens / doc_tokens, 3),
                )
                base_summaries.append((path, doc, base))
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
        pure = time_pure_stages()
        rss = summarizer_peak_rss_kb(docs[0], base_url)
        server_rss = vm_hwm_kb(server.proc.pid) if server and server.proc else None
    finally:
        if server:
            server.stop()

    def scores(items):
        graded = [score_document(json.loads((GOLD / (p.stem + ".json")).read_text(encoding="utf-8")), s, d) for p, d, s in items if (GOLD / (p.stem + ".json")).exists()]
        return aggregate(graded).model_dump(exclude={"documents"}) if graded else None

    return {
        "rows": rows, "pure": pure, "summarizer_rss_kb": rss, "server_rss_kb": server_rss, "server_start_s": start_s,
        "model": endpoint.model, "ours_eval": scores(ours_summaries), "base_eval": scores(base_summaries) if base_summaries else None,
    }


def render(result: dict) -> str:
    rows = result["rows"]
    has_base = "base_s" in rows[0]
    head = ["doc", "chars", "doc tok", "ours s", "calls", "prompt", "gen", "ratio", "cached s", "cached calls"]
    if has_base:
        head += ["naive s", "calls", "prompt", "gen", "ratio", "ours/naive s"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [r["doc"], r["chars"], r["doc_tokens"], r["ours_s"], r["ours_calls"], r["ours_prompt"], r["ours_gen"], r["ours_ratio"], r["cached_s"], r["cached_calls"]]
        if has_base:
            cells += [r["base_s"], r["base_calls"], r["base_prompt"], r["base_gen"], r["base_ratio"], round(r["ours_s"] / r["base_s"], 2)]
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    n = len(rows)
    tot = lambda k: sum(r[k] for r in rows)  # noqa: E731
    summary = [
        f"- ours: {tot('ours_s') / n / 60:.2f} min per document on average; overhead ratio (prompt tokens / document tokens) "
        f"{tot('ours_prompt') / tot('doc_tokens'):.2f} over all documents",
        f"- cached re-run: {max(r['cached_s'] for r in rows):.3f} s per document at most, {tot('cached_calls')} model calls",
    ]
    if has_base:
        summary.append(
            f"- naive baseline: {tot('base_s') / n / 60:.2f} min per document; ratio {tot('base_prompt') / tot('doc_tokens'):.2f}; "
            f"**ours / naive wall time = {tot('ours_s') / tot('base_s'):.2f}**, prompt tokens {tot('ours_prompt') / tot('base_prompt'):.2f}, "
            f"generated tokens {tot('ours_gen') / tot('base_gen'):.2f}"
        )
    for name in ("ours_eval", "base_eval"):
        e = result.get(name)
        if e:
            who = "ours" if name == "ours_eval" else "naive"
            summary.append(
                f"- eval ({who}): metric recall {e['metric_recall']:.0%}, target recall {e['target_recall']:.0%}, "
                f"problems exact {e['problems_exact']:.0%}, unverified numbers {e['unverified_numbers']}"
            )
    p = result["pure"]
    summary.append(f"- pure stages (read+clean+split+classify), {p['docs']} seeds: median {p['median_ms']:.1f} ms")
    summary.append(f"- peak RSS: summarizer process {result['summarizer_rss_kb'] / 1024:.0f} MB" + (
        f", server {result['server_rss_kb'] / 1024:.0f} MB" if result["server_rss_kb"] else ""))
    if result.get("server_start_s") is not None:
        summary.append(f"- embedded server start-up: {result['server_start_s']:.1f} s")
    return "\n".join(lines + [""] + summary)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", nargs="*", help="Seed ids (000 …) or paths; default: all seeds")
    parser.add_argument("--base-url", help="Use this server instead of starting the embedded one")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--threads", type=int)
    parser.add_argument("--no-write", action="store_true", help="Do not append to bench/results.md")
    args = parser.parse_args()
    docs = SEEDS
    if args.docs:
        docs = [Path(d) if Path(d).exists() else next(p for p in SEEDS if p.name.startswith(d)) for d in args.docs]
    result = run(docs, args.base_url, args.skip_baseline, args.threads)
    table = render(result)
    print(table)
    if not args.no_write:
        model = f"model {result['model']} (llama-cpp-python server, {resolve_settings({})[0].threads} threads)"
        append_results("pipeline vs naive baseline", table, model)


def append_results(title: str, body: str, model: str = "") -> None:
    """Append a dated, attributed section to bench/results.md."""
    header = (
        f"\n## {title} · {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} · commit {commit()}\n\n"
        f"Machine: {os.cpu_count()} cores, {cpu_model()}, Python {platform.python_version()}"
        + (f" · {model}" if model else "") + "\n\n"
    )
    new = not RESULTS.exists() or RESULTS.stat().st_size == 0
    with RESULTS.open("a", encoding="utf-8") as f:
        if new:
            f.write("# Benchmark results\n\nAppended by `python -m bench` and `python -m bench.throughput`. "
                    "Ratios (ours ÷ naive) are the headline; seconds describe the machine.\n")
        f.write(header + body + "\n")
    print(f"appended to {RESULTS}")


if __name__ == "__main__":
    main()
