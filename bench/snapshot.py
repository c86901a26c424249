"""The rules' output on every corpus report and seed, as one JSON file: the section tree and
metadata (`summarizer sections --json`) and the rules-only summary (`summarize --no-model
--json`), with timings and file paths left out. Two snapshots are equal byte for byte exactly
when a change preserved what the rules find.

    python -m bench.snapshot OUT.json [--corpus ../shared/corpus] [--seeds seeds]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from typer.testing import CliRunner

from summarizer.cli import app

ROOT = Path(__file__).resolve().parents[1]
VOLATILE = {"elapsed_s", "seconds", "generated_at", "created", "usage", "timings"}


def _strip(value):
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def reports(corpus: Path, seeds: Path) -> list[Path]:
    found = sorted(seeds.glob("*.txt"))
    for sub in ("provincial-2025", "provincial-2026", "national"):
        found += sorted(p for p in (corpus / sub).glob("*") if p.suffix in (".txt", ".docx"))
    return found


def snapshot(paths: list[Path]) -> dict:
    runner = CliRunner()
    out = {}
    for p in paths:
        tree = runner.invoke(app, ["sections", str(p), "--json"])
        summ = runner.invoke(app, ["summarize", str(p), "--no-model", "--json", "-q"])
        out[p.name] = {
            "sections": _strip(json.loads(tree.stdout)) if tree.exit_code == 0 else f"exit {tree.exit_code}: {tree.output[-300:]}",
            "summary": _strip(json.loads(summ.stdout)) if summ.exit_code == 0 else f"exit {summ.exit_code}: {summ.output[-300:]}",
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    args = ap.parse_args(argv)
    data = snapshot(reports(args.corpus, args.seeds))
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(data)} reports → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
