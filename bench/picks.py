"""Pickers compared on the gold of tests/corpus/picks/, in one run against one server.

For each gold report, from an empty answer cache each:
- lead-1: the area's first sentences after its heading (no model);
- rules: the rule ranking of `rules.picks` (no model);
- every model strategy asked for (default: guided, extractive): seconds, calls, prompt and
  generated tokens of the whole report (review and task areas), and the sentences shown.
Precision of the top 1–3 picks per part (`summarizer.score.picks`), seconds and tokens per
report. The model strategies of one report run back to back against the same server, so the
ratios between them hold even where other work shares the machine. The first strategy runs on
every report before the next starts (a run cut short still scores the first in full); seconds
are compared on the reports both completed.

    python -m bench.picks [--strategies guided extractive] [--model-path GGUF --label 0.5B] [--jsonl PATH]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Optional


from summarizer.model.extract import Items
from summarizer.model.client import ModelClient, discover_endpoint
from summarizer.model.server import EmbeddedServer
from summarizer.model.strategies import get_strategy
from summarizer.parse.document import ParsedDocument, parse_document
from summarizer.pipeline import MODEL_KINDS, Runtime, run_strategy
from summarizer.score.picks import KS, Picks, Tally, load_gold, score_report
from summarizer.settings import resolve_settings

from bench.run import append_results

MODEL_STRATEGIES = ("guided", "extractive")


def lead_picks(doc: ParsedDocument) -> Picks:
    """lead-1: the `lead` strategy's picks (each area's first sentences after its heading)."""
    items = Items()
    lead = get_strategy("lead")
    for kind in MODEL_KINDS:
        lead.direct(doc, kind, items)
    return items.picks


def run(strategies: list[str], model_path: Optional[str], jsonl: Optional[Path], per_report: bool = False, reports: Optional[list[str]] = None) -> dict:
    base = resolve_settings({})[0]
    settings = replace(base, base_url=None, model_path=model_path)
    server = EmbeddedServer(settings) if strategies else None
    client = None
    if server is not None:
        server.start()
        remote = resolve_settings({"base_url": server.base_url})[0]
        client = ModelClient(discover_endpoint(server.base_url, remote, embedded=True), remote)
    pickers = ["lead-1", "rules", *strategies]
    tallies: dict[str, dict[str, Tally]] = {p: {} for p in pickers}
    cost: dict[str, list[dict]] = {p: [] for p in pickers}
    out = jsonl.open("w", encoding="utf-8") if jsonl else None
    try:
        gold = [r for r in load_gold() if not reports or any(r.file.startswith(x) for x in reports)]
        docs = {r.file: parse_document(r.path) for r in gold}
        # phase by phase over all reports: the quick pickers and the first strategy everywhere
        # before the next (slower) one starts, so a run cut short still scores the first fully
        phases = [["lead-1", "rules", *strategies[:1]], *[[s] for s in strategies[1:]]]
        if per_report:  # every picker on a report before the next report: the same minutes for all
            phases = [pickers]
        for phase, report in [(p, r) for p in phases for r in gold]:
            doc = docs[report.file]
            for picker in phase:
                t = time.monotonic()
                if picker == "lead-1":
                    picks, usage = lead_picks(doc), None
                else:
                    with tempfile.TemporaryDirectory() as cache:
                        s = replace(resolve_settings({"base_url": server.base_url if server else "http://127.0.0.1:9/v1"})[0], cache_dir=cache, style=picker)
                        with Runtime.open(s, client_factory=lambda ep: client) as rt:
                            done = run_strategy(doc, rt)
                    picks, usage = done.items.picks, done.usage
                seconds = time.monotonic() - t
                how = score_report(doc, report, picks, tallies[picker])
                row = {
                    "report": report.file, "picker": picker, "s": round(seconds, 2),
                    "calls": usage.calls if usage else 0, "prompt": usage.prompt_tokens if usage else 0,
                    "gen": usage.completion_tokens if usage else 0, "areas": how,
                }
                cost[picker].append(row)
                print(json.dumps(row, ensure_ascii=False), flush=True)
                if out:
                    out.write(json.dumps({**row, "picks": picks}, ensure_ascii=False) + "\n")
                    out.flush()
    finally:
        if out:
            out.close()
        if server is not None:
            server.stop()
    return {"tallies": {p: {part: t.as_dict() for part, t in v.items()} for p, v in tallies.items()}, "cost": cost}


def rescore(jsonl: Path, pickers: Optional[list[str]] = None) -> dict:
    """The result of a run (finished or cut short) from its JSON lines, scored again; with
    `pickers`, only those, on the reports that all of them completed."""
    gold = {r.file: r for r in load_gold()}
    rows = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    if pickers:
        done = [{r["report"] for r in rows if r["picker"] == p} for p in pickers]
        common = set.intersection(*done) if done else set()
        rows = [r for r in rows if r["picker"] in pickers and r["report"] in common]
    docs: dict[str, ParsedDocument] = {}
    tallies: dict[str, dict[str, Tally]] = {}
    cost: dict[str, list[dict]] = {}
    for row in rows:
        report = gold[row["report"]]
        doc = docs.setdefault(report.file, parse_document(report.path))
        score_report(doc, report, row.pop("picks"), tallies.setdefault(row["picker"], {}))
        cost.setdefault(row["picker"], []).append(row)
    return {"tallies": {p: {part: t.as_dict() for part, t in v.items()} for p, v in tallies.items()}, "cost": cost}


def paired_seconds(result: dict, a: str, b: str) -> str:
    """Mean seconds per report of a and b over the reports both completed, and a ÷ b."""
    sa = {r["report"]: r["s"] for r in result["cost"].get(a, [])}
    sb = {r["report"]: r["s"] for r in result["cost"].get(b, [])}
    both = sorted(set(sa) & set(sb))
    if not both:
        return ""
    ma, mb = sum(sa[r] for r in both) / len(both), sum(sb[r] for r in both) / len(both)
    per = ", ".join(f"{r.split('.')[0][:6]} {sa[r] / sb[r]:.4f}" for r in both)
    return f"- seconds per report on the {len(both)} report(s) both ran: {a} {ma:.2f}, {b} {mb:.1f}; {a} ÷ {b} = {ma / mb:.4f} (per report: {per})"


def render(result: dict, label: str = "") -> str:
    cols = ["picker", "review p@1", "p@2", "p@3", "fine@1", "fine@3", "tasks p@1", "p@2", "p@3", "fine@1", "fine@3", "s/report", "calls", "prompt tok", "gen tok"]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for picker, parts in result["tallies"].items():
        rows = result["cost"][picker]
        n = max(1, len(rows))
        r, t = parts.get("review", {}), parts.get("tasks", {})
        cells = [picker + (f" ({label})" if label and picker not in ("lead-1", "rules") else "")]
        cells += [f"{r.get(f'p@{k}', 0):.2f}" for k in KS] + [f"{r.get('fine@1', 0):.2f}", f"{r.get('fine@3', 0):.2f}"]
        cells += [f"{t.get(f'p@{k}', 0):.2f}" for k in KS] + [f"{t.get('fine@1', 0):.2f}", f"{t.get('fine@3', 0):.2f}"]
        cells += [f"{sum(x['s'] for x in rows) / n:.1f}", f"{sum(x['calls'] for x in rows) / n:.1f}",
                  f"{sum(x['prompt'] for x in rows) / n:.0f}", f"{sum(x['gen'] for x in rows) / n:.0f}"]
        lines.append("| " + " | ".join(cells) + " |")
    areas_r = next(iter(result["tallies"].values())).get("review", {}).get("areas", 0)
    areas_t = next(iter(result["tallies"].values())).get("tasks", {}).get("areas", 0)
    reports = {p: len(rows) for p, rows in result["cost"].items()}
    lines.append(f"\n{areas_r} review and {areas_t} task areas of the gold; reports scored per picker: " + ", ".join(f"{p} {n}" for p, n in reports.items()) + ". Seconds and tokens are per report.")
    models = [p for p in result["cost"] if p != "lead-1"]
    baseline = "extractive" if "extractive" in models else (models[-1] if models else "")
    for other in models:
        if other != baseline:
            lines.append(paired_seconds(result, other, baseline))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.picks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--strategies", nargs="*", default=list(MODEL_STRATEGIES), help="model strategies to run (none: only the pickers without a model)")
    parser.add_argument("--model-path", help="another GGUF for the embedded server")
    parser.add_argument("--label", default="", help="name of that model in the table")
    parser.add_argument("--jsonl", type=Path, help="write every report's picks and costs here")
    parser.add_argument("--no-write", action="store_true", help="Do not append to bench/results.md")
    parser.add_argument("--per-report", action="store_true", help="run every picker on a report before the next report (fairer seconds where the machine is shared; a run cut short scores fewer reports)")
    parser.add_argument("--reports", nargs="*", help="only the gold reports whose file names start so (to finish a run cut short; --rescore the JSON lines of both runs together)")
    parser.add_argument("--rescore", type=Path, help="score the JSON lines of an earlier run (finished or not) instead of running")
    parser.add_argument("--common", nargs="*", help="with --rescore: only these pickers, on the reports all of them completed")
    args = parser.parse_args()
    result = rescore(args.rescore, args.common) if args.rescore else run(args.strategies, args.model_path, args.jsonl, args.per_report, args.reports)
    table = render(result, args.label)
    print(table)
    if not args.no_write:
        append_results("pickers on the picks gold" + (f" ({args.label})" if args.label else ""), table, f"embedded model{' ' + args.label if args.label else ''}, {resolve_settings({})[0].threads} threads")


if __name__ == "__main__":
    main()
