"""Batch throughput against a fake OpenAI-compatible server with a fixed latency per request
(tests/fakeserver.py: it answers the smallest schema instance after sleeping). Shows how
`batch --workers N` scales when the server can take N requests at once — the situation of vLLM,
`llama-server -np N` or a hosted API, not of the embedded server (which serialises requests).

    python -m bench.throughput [--latency 0.2] [--docs 10] [--workers 1 2 4]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from summarizer.batch import find_reports, run_batch
from summarizer.pipeline import Runtime
from summarizer.settings import resolve_settings
from tests.fakeserver import FakeServer

from bench.pure import SEEDS


def measure(workers: int, latency: float, n_docs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        for i in range(n_docs):
            seed = SEEDS[i % len(SEEDS)]
            (src / f"{i:03d}.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
        with FakeServer(latency=latency) as fake:
            # no answer cache: copies of one seed would answer each other, and how much depends
            # on which copies run at the same time
            settings = resolve_settings(
                {"base_url": fake.base_url, "cache_dir": str(Path(tmp) / "cache"), "workers": workers, "use_cache": False}
            )[0]
            with Runtime.open(settings) as rt:
                t = time.monotonic()
                result = run_batch(find_reports(src), src, Path(tmp) / "out", rt, workers=workers)
                seconds = time.monotonic() - t
        assert all(r.status == "done" for r in result.rows)
        return {"workers": workers, "seconds": seconds, "requests": len(fake.chat_requests), "max_in_flight": fake.max_in_flight}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.throughput")
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--docs", type=int, default=10)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2, 4])
    parser.add_argument("--no-write", action="store_true", help="Do not append to bench/results.md")
    args = parser.parse_args()
    rows = [measure(w, args.latency, args.docs) for w in args.workers]
    base = rows[0]["seconds"]
    lines = [
        f"Batch of {args.docs} documents against a fake server sleeping {args.latency} s per request:",
        "",
        "| workers | seconds | requests | max in flight | docs/s | speed-up |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(f"| {r['workers']} | {r['seconds']:.1f} | {r['requests']} | {r['max_in_flight']} | {args.docs / r['seconds']:.2f} | {base / r['seconds']:.2f} |")
    table = "\n".join(lines)
    print(table)
    if not args.no_write:
        from bench.run import append_results

        append_results("batch throughput by workers", table)


if __name__ == "__main__":
    main()
