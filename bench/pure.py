"""The pure stages (read + clean + split + classify) over the seed reports: milliseconds."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from summarizer.parse.document import parse_document

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def time_pure_stages(paths: list[Path] = SEEDS, repeat: int = 20) -> dict:
    """Median and best wall milliseconds to parse all `paths` once (after one warm-up)."""
    for p in paths:
        parse_document(p)
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for p in paths:
            parse_document(p)
        runs.append((time.perf_counter() - t0) * 1000)
    return {"docs": len(paths), "median_ms": statistics.median(runs), "best_ms": min(runs), "repeat": repeat}


if __name__ == "__main__":
    r = time_pure_stages()
    print(f"pure stages, {r['docs']} seeds: median {r['median_ms']:.1f} ms, best {r['best_ms']:.1f} ms ({r['repeat']} runs)")
