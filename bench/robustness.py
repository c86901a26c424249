"""The robustness suite as a table: every corpus report and seed under every meaning-preserving
transform (tests/transforms.py), how many give the same facts as the report itself, and what
differs where they do not.

    python -m bench.robustness [--json OUT] [--transform NAME ...]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.robustness import format_table, report_paths, run, table  # noqa: E402
from tests.transforms import TRANSFORMS  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", type=Path)
    ap.add_argument("--transform", nargs="*", default=[])
    args = ap.parse_args(argv)
    transforms = [t for t in TRANSFORMS if not args.transform or t.name in args.transform]
    started = time.perf_counter()
    outcomes = run(report_paths(), transforms)
    print(format_table(table(outcomes)))
    print(f"\n{time.perf_counter() - started:.0f} s")
    for o in outcomes:
        if not o.same:
            print(f"- {o.transform} · {o.report}: " + "; ".join(d[:300] for d in o.differences))
    if args.json:
        args.json.write_text(json.dumps([o.__dict__ for o in outcomes], ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
