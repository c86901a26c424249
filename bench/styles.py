"""Extractive against abstractive, on the real embedded model, in one run against one server.

For each document, both styles from an empty answer cache: generated and prompt tokens, calls,
seconds; the gold-free quality measure (heading echoes, answers about another area,
number-bearing review areas with a metric); and, where gold exists, metric and target recall,
problem counts and unverified numbers. Ratios extractive ÷ abstractive are the headline.

    python -m bench.styles [--docs 000 001 /path/to/report.docx …] [--base-url URL]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Optional

from summarizer.parse.document import parse_document
from summarizer.score.evaluate import score_document, unverified_numbers
from summarizer.model.client import ModelClient, discover_endpoint
from summarizer.pipeline import Runtime, summarize_parsed
from summarizer.score.quality import aggregate_quality, quality_of
from summarizer.model.server import EmbeddedServer
from summarizer.settings import resolve_settings

from bench.pure import SEEDS
from bench.run import append_results

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIRS = [ROOT / "seeds" / "expected", ROOT / "tests" / "corpus" / "gold", ROOT.parent / "shared" / "corpus" / "provincial-2025" / "gold"]
STYLES = ("abstractive", "extractive")


def gold_for(path: Path) -> Optional[dict]:
    for d in GOLD_DIRS:
        g = d / (path.stem + ".json")
        if g.exists():
            return json.loads(g.read_text(encoding="utf-8"))
    return None


def run(docs: list[Path], base_url: Optional[str]) -> dict:
    server = None
    if base_url is None:
        settings = replace(resolve_settings({})[0], base_url=None)
        server = EmbeddedServer(settings)
        server.start()
        base_url = server.base_url
    try:
        settings = resolve_settings({"base_url": base_url})[0]
        client = ModelClient(discover_endpoint(base_url, settings, embedded=server is not None), settings)
        rows = []
        quality = {s: [] for s in STYLES}
        for path in docs:
            doc = parse_document(path)
            gold = gold_for(path)
            for style in STYLES:
                with tempfile.TemporaryDirectory() as cache:
                    s = replace(settings, cache_dir=cache, style=style)
                    with Runtime.open(s, client_factory=lambda ep: client) as rt:
                        t = time.monotonic()
                        summary = summarize_parsed(doc, rt)
                        seconds = time.monotonic() - t
                q = quality_of(summary, doc)
                quality[style].append(q)
                row = {
                    "doc": path.stem[:8], "style": style, "s": round(seconds, 1), "calls": summary.usage.calls,
                    "prompt": summary.usage.prompt_tokens, "gen": summary.usage.completion_tokens,
                    "summaries": q.summaries, "echoes": q.heading_echoes, "foreign": q.foreign,
                    "metric_areas": f"{q.number_areas_with_metric}/{q.number_areas}",
                    "unverified": len(unverified_numbers(summary, doc)),
                }
                if gold:
                    sc = score_document(gold, summary, doc)
                    row.update(metrics=f"{sc.metrics_found}/{sc.metrics_gold}", targets=f"{sc.targets_found}/{sc.targets_gold}")
                rows.append(row)
                print(json.dumps(row, ensure_ascii=False), flush=True)
        return {"rows": rows, "quality": {s: aggregate_quality(q).model_dump(exclude={"documents"}) for s, q in quality.items()}}
    finally:
        if server is not None:
            server.stop()


def render(result: dict) -> str:
    cols = ["doc", "style", "s", "calls", "prompt", "gen", "summaries", "echoes", "foreign", "metric_areas", "unverified", "metrics", "targets"]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in result["rows"]:
        lines.append("| " + " | ".join(str(r.get(c, "")) for c in cols) + " |")
    a, e = result["quality"]["abstractive"], result["quality"]["extractive"]
    ratio = lambda k: e[k] / a[k] if a[k] else float("nan")  # noqa: E731
    lines += [
        "",
        f"- heading echoes: abstractive {a['heading_echo_rate']:.1%}, extractive {e['heading_echo_rate']:.1%}",
        f"- answers about another area: abstractive {a['foreign_rate']:.1%}, extractive {e['foreign_rate']:.1%}",
        f"- number-bearing review areas with a metric: abstractive {a['metric_coverage']:.1%}, extractive {e['metric_coverage']:.1%}",
        f"- generated tokens per report: abstractive {a['completion_tokens_per_report']:.0f}, extractive {e['completion_tokens_per_report']:.0f} (ratio {ratio('completion_tokens_per_report'):.2f})",
        f"- seconds per report: abstractive {a['seconds_per_report']:.0f}, extractive {e['seconds_per_report']:.0f} (ratio {ratio('seconds_per_report'):.2f})",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.styles", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", nargs="*", help="Seed ids (000 …) or paths; default: all seeds")
    parser.add_argument("--base-url", help="Use this server instead of starting the embedded one")
    parser.add_argument("--no-write", action="store_true", help="Do not append to bench/results.md")
    args = parser.parse_args()
    docs = SEEDS
    if args.docs:
        docs = [Path(d) if Path(d).exists() else next(p for p in SEEDS if p.name.startswith(d)) for d in args.docs]
    result = run(docs, args.base_url)
    table = render(result)
    print(table)
    if not args.no_write:
        append_results("extractive vs abstractive", table, f"embedded model, {resolve_settings({})[0].threads} threads")


if __name__ == "__main__":
    main()
