"""The rules' scores on every gold set we have, through the command line only (so that the same
script scores any version of the tool): metric and target recall and problems of the seeds, the
31 provincial reports of 2025 and the national reports; and the verdicts of `track` against the
pair gold (21 provincial pairs, 13 national ones).

    python -m bench.scores [--corpus ../shared/corpus] [--json OUT]

A pair agrees where the gold judges it (met, within band, missed) and the tool gives the same
verdict; where the gold says no result or not comparable, the tool must say one of the two.
"no result printed" said of a printed result (the gold quotes one) is counted apart: it is a
wrong fact about the report.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

from typer.testing import CliRunner

from summarizer.cli import app

ROOT = Path(__file__).resolve().parents[1]
JUDGED = {"met", "within_band", "missed"}
ABSTAIN = {"no_result", "not_comparable", "undecided"}


def _cli(args: list[str]) -> dict:
    res = CliRunner().invoke(app, args)
    if res.exit_code != 0:
        raise RuntimeError(f"summarizer {' '.join(args)}: exit {res.exit_code}: {res.output[-500:]}")
    return json.loads(res.stdout)


def eval_set(gold_dirs: list[Path], reports: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        for d in gold_dirs:
            for f in d.glob("*.json"):
                shutil.copy(f, tmp)
        out = _cli(["eval", "--gold", tmp, "--seeds", str(reports), "--no-model", "--json", "-q"])
    return out.get("report", out)


def pair_scores(pair_dir: Path, corpus: Path) -> dict:
    judged = agree = abstain_ok = abstain = no_result_of_printed = missing = 0
    wrong = []
    for f in sorted(pair_dir.glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        t = _cli(["track", str(corpus / g["target_report"]), str(corpus / g["result_report"]), "--json"])
        tool = {p["canonical"]: p for gov in t["governments"] for p in gov["pairs"]}
        for p in g["pairs"]:
            got = tool.get(p["canonical"])
            verdict = got["verdict"] if got else None
            if got is None:
                missing += 1
            if p["verdict"] in JUDGED:
                judged += 1
                agree += verdict == p["verdict"]
            else:
                abstain += 1
                abstain_ok += verdict in ABSTAIN
            if p["result"] and verdict == "no_result":
                no_result_of_printed += 1
            if verdict != p["verdict"] and not (p["verdict"] in ABSTAIN and verdict in ABSTAIN):
                wrong.append(f"{g['government']} {g['year']} {p['canonical']}: gold {p['verdict']}, tool {verdict}")
    return {
        "judged": judged, "agree": agree, "abstain": abstain, "abstain_ok": abstain_ok,
        "no_result_of_printed": no_result_of_printed, "target_not_found": missing, "wrong": wrong,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    c = args.corpus
    tests = ROOT / "tests" / "corpus"
    result = {
        "seeds": eval_set([ROOT / "seeds" / "expected"], ROOT / "seeds"),
        "provincial-2025": eval_set([c / "provincial-2025" / "gold", tests / "gold"], c / "provincial-2025"),
        "national": eval_set([tests / "national" / "gold"], c / "national"),
        "pairs-provincial": pair_scores(tests / "pairs", c),
        "pairs-national": pair_scores(tests / "national" / "pairs", c),
    }
    for name in ("seeds", "provincial-2025", "national"):
        r = result[name]
        print(f"{name}: metric recall {r.get('metric_recall')}, target recall {r.get('target_recall')}, "
              f"problems covered {r.get('problems_coverage')}, passages {r.get('passages_found')}, metadata {r.get('metadata_accuracy')}")
    for name in ("pairs-provincial", "pairs-national"):
        r = result[name]
        print(f"{name}: judged {r['agree']}/{r['judged']} agree, abstentions {r['abstain_ok']}/{r['abstain']}, "
              f"'no result' of a printed result {r['no_result_of_printed']}, targets not found {r['target_not_found']}")
        for w in r["wrong"]:
            print("   ", w)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
