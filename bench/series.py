"""`summarizer series`: agreement with the gold, speed, and the cost of the charts.

    python -m bench.series [--corpus ../shared/corpus] [--runs 3] [--no-write]

- **Gold.** The national series 2000–2013 (tests/corpus/national/series.json) scored cell by cell
  (summarizer/score/series.py: judged cells agree, printed results called "no result printed",
  abstentions, cells without a pair), every disagreement with its cause; track run on each
  consecutive pair alone tells series logic from the rules. The provincial pair gold
  (tests/corpus/pairs/) against the series of all provincial reports, year 2025.
- **Speed.** `summarizer series` on 25 reports (14 national, 11 provincial) rules-only, as a
  user runs it (a fresh process, CSV out), `--runs` times; and `--html` with its charts.
- **Charts.** matplotlib's import time, the render time per chart (SVG for the page, PNG for
  slides), and the disk space the charts extra adds to an environment with the base install.

Appends to bench/results.md unless --no-write.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from schemas.track import VerdictRules

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "corpus" / "national" / "series.json"
PAIRS = ROOT / "tests" / "corpus" / "pairs"
PROVINCES_25 = ("上海市", "云南省", "内蒙古自治区", "吉林省", "四川省")


def reports_25(corpus: Path) -> list[Path]:
    """14 national reports and 11 provincial ones (five governments with both years, one with one)."""
    files = sorted((corpus / "national").glob("*.txt"))
    for g in PROVINCES_25:
        files += [corpus / "provincial-2025" / f"{g}_2025.docx", corpus / "provincial-2026" / f"{g}_2026.txt"]
    return files + [corpus / "provincial-2025" / "天津市_2025.docx"]


def read(paths: list[Path]):
    from summarizer.cli.options import settings_from
    from summarizer.cli.common import summaries_of

    return summaries_of(paths, settings_from(), quiet=True, rules_only=True)


# ---------------------------------------------------------------------------------------------
# Gold
# ---------------------------------------------------------------------------------------------


def national_score(corpus: Path):
    from summarizer.aggregate.series import build_series
    from summarizer.aggregate.track import track
    from summarizer.score.series import score_series

    summaries = read(sorted((corpus / "national").glob("*.txt")))
    series = build_series(summaries, VerdictRules())
    national = [g for g in series.governments if g.government == "全国"]
    by_year = {s.metadata.plan_year: s for s in summaries}
    pair_verdicts = {}
    for n, s in by_year.items():
        if n is not None and n + 1 in by_year:
            for p in track([s, by_year[n + 1]]).pairs:
                pair_verdicts.setdefault((p.canonical, p.year), p.verdict)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    return series, score_series(national[0] if national else None, gold, pair_verdicts)


def provincial_score(corpus: Path) -> dict:
    from summarizer.aggregate.series import build_series

    files = sorted((corpus / "provincial-2025").glob("*.docx")) + sorted((corpus / "provincial-2026").glob("*.txt"))
    series = build_series(read(files), VerdictRules())
    by_name = {g.government: g for g in series.governments}
    judged = agree = abstain = abstain_ok = no_result_of_printed = 0
    wrong = []
    for f in sorted(PAIRS.glob("*.json")):
        gold = json.loads(f.read_text(encoding="utf-8"))
        g = by_name.get(gold["government"])
        years = {s.canonical: {y.year: y for y in s.years} for s in g.indicators} if g else {}
        for p in gold["pairs"]:
            y = years.get(p["canonical"], {}).get(gold["year"])
            status = y.status if y else "no_target"
            if p["verdict"] in ("met", "within_band", "missed"):
                judged += 1
                agree += status == p["verdict"]
            else:
                abstain += 1
                abstain_ok += status in ("no_result", "not_comparable")
            no_result_of_printed += bool(p["result"]) and status == "no_result"
            if status != p["verdict"] and not (p["verdict"] in ("no_result", "not_comparable") and status in ("no_result", "not_comparable")):
                wrong.append(f"{gold['government']} {gold['year']} {p['canonical']}: gold {p['verdict']}, series {status}")
        for canonical in gold["no_target"]:
            y = years.get(canonical, {}).get(gold["year"])
            if y is not None and y.status != "no_target":
                wrong.append(f"{gold['government']} {gold['year']} {canonical}: gold no_target, series {y.status}")
    return {"governments": len(series.governments), "judged": judged, "agree": agree, "abstain": abstain, "abstain_ok": abstain_ok,
            "no_result_of_printed": no_result_of_printed, "wrong": wrong}


# ---------------------------------------------------------------------------------------------
# Speed and the charts
# ---------------------------------------------------------------------------------------------


def cli_seconds(args: list[str], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "summarizer", "series", *args, "-q"], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        out.append(time.perf_counter() - t)
    return out


def chart_seconds(series) -> dict:
    from summarizer.render import series_charts as charts

    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import matplotlib.figure"], check=True)
    import_s = time.perf_counter() - t
    svg, png = [], []
    font = charts.cjk_font()
    for g in series.governments:
        for i, s in enumerate(g.indicators):
            t = time.perf_counter()
            charts.svg(s, f"c{i}")
            svg.append(time.perf_counter() - t)
            t = time.perf_counter()
            charts.png(g, s, font)
            png.append(time.perf_counter() - t)
    return {"import_s": import_s, "charts": len(svg), "svg_median_s": statistics.median(svg), "png_median_s": statistics.median(png), "cjk_font": font}


def _requirement_names(dist: str) -> set[str]:
    try:
        reqs = metadata.requires(dist) or []
    except metadata.PackageNotFoundError:
        return set()
    names = set()
    for r in reqs:
        if "extra ==" in r:
            continue
        names.add(re.split(r"[\s;<>=!~\[(]", r, maxsplit=1)[0].lower().replace("_", "-"))
    return names


def _closure(roots: set[str]) -> set[str]:
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo += _requirement_names(name) - seen
    return seen


def _dist_bytes(name: str) -> int:
    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return 0
    return sum(p.stat().st_size for p in (dist.locate_file(f) for f in dist.files or []) if p.is_file())


def extra_install_bytes() -> tuple[int, list[str]]:
    """Bytes on disk of the charts extra's distributions that the base install does not bring."""
    base = _closure({"summarizer"}) - {"summarizer"}
    extra = _closure({"matplotlib"}) - base
    return sum(_dist_bytes(n) for n in extra), sorted(extra)


# ---------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-write", action="store_true", help="Do not append to bench/results.md")
    args = ap.parse_args(argv)
    c = args.corpus.resolve()
    if not (c / "national").is_dir() or not (c / "provincial-2025").is_dir():
        print(f"no corpus at {c} (national/, provincial-2025/, provincial-2026/): give --corpus", file=sys.stderr)
        return 2

    series, score = national_score(c)
    prov = provincial_score(c)
    files = [str(p) for p in reports_25(c)]
    csv_s = cli_seconds([*files, "--csv"], args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        html_s = cli_seconds([*files, "--html", "-o", str(Path(tmp) / "s.html")], 1)
    from summarizer.aggregate.series import build_series

    t = time.perf_counter()
    summaries = read([Path(f) for f in files])
    read_s = time.perf_counter() - t
    t = time.perf_counter()
    s25 = build_series(summaries, VerdictRules())
    build_s = time.perf_counter() - t
    charts = chart_seconds(s25)
    size, dists = extra_install_bytes()

    lines = [
        "### Gold: national series 2000-2013 (5 indicators x 14 years)",
        "",
        score.summary(),
        "",
        *[f"- {d.line()}" for d in score.disagreements],
        "",
        f"### Gold: provincial pairs (series over all {prov['governments']} provincial governments, year 2025)",
        "",
        f"judged {prov['agree']}/{prov['judged']} agree; abstentions {prov['abstain_ok']}/{prov['abstain']}; "
        f"printed result called 'no result printed' {prov['no_result_of_printed']}",
        *[f"- {w}" for w in prov["wrong"]],
        "",
        "### Speed (rules only)",
        "",
        f"- 25 reports ({len(s25.governments)} governments, {sum(len(g.indicators) for g in s25.governments)} indicator series), "
        f"`summarizer series ... --csv` in a fresh process: {', '.join(f'{x:.2f}' for x in csv_s)} s",
        f"- in process: reading the 25 reports {read_s:.2f} s, the series {build_s * 1000:.0f} ms",
        f"- `--html` with {charts['charts']} charts in a fresh process: {html_s[0]:.2f} s",
        "",
        "### Charts (matplotlib)",
        "",
        f"- import matplotlib.figure in a fresh process: {charts['import_s']:.2f} s (the interpreter's start included)",
        f"- per chart, median of {charts['charts']}: SVG for the page {charts['svg_median_s'] * 1000:.0f} ms, PNG at 200 dpi {charts['png_median_s'] * 1000:.0f} ms"
        f" (CJK font for PNG titles: {charts['cjk_font'] or 'none'})",
        f"- the charts extra adds {size / 2**20:.0f} MiB on disk to the base install: {', '.join(dists)}",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        from bench.run import append_results

        append_results("series: gold, speed, charts", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
