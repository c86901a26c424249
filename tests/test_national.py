"""The rules on the State Council's reports of 2000–2013 as reposts print them (no title line,
full-width figures, older layouts, five-year reviews): ../shared/corpus/national/, against the
gold in tests/corpus/national/ (written from the texts before the tool ran on them).

Who reports and for which years comes from the body ("我代表国务院", the years it names); the
year's results from the sentences that state them, wherever they stand; the targets from their
trigger, wherever the list starts. Skips where the corpus is absent, fails so under CI (see
test_corpus.py).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from schemas.summary import DocumentSource, DocumentSummary
from schemas.track import Verdict
from summarizer.aggregate.track import track
from summarizer.parse.document import parse_document, quotes_as_printed
from summarizer.rules.headline import extract_headline_metrics
from summarizer.rules.targets import extract_targets
from summarizer.score.evaluate import metric_found, target_found

from .test_corpus import CORPUS, _require_corpus

NATIONAL = CORPUS / "national"
GOLD = Path(__file__).resolve().parent / "corpus" / "national"
JUDGED = {Verdict.MET.value, Verdict.WITHIN_BAND.value, Verdict.MISSED.value}
ABSTAIN = {Verdict.NO_RESULT.value, Verdict.NOT_COMPARABLE.value, Verdict.UNDECIDED.value}


@pytest.fixture(scope="module", autouse=True)
def corpus_present():
    _require_corpus()


@lru_cache(maxsize=None)
def golds() -> dict[str, dict]:
    return {g["file"]: g for g in (json.loads(f.read_text(encoding="utf-8")) for f in sorted((GOLD / "gold").glob("*.json")))}


@lru_cache(maxsize=None)
def summary(name: str) -> DocumentSummary:
    doc = parse_document(NATIONAL / name)
    return quotes_as_printed(doc, DocumentSummary(
        source=DocumentSource(path=doc.raw.path, sha256=doc.raw.sha256, chars=len(doc.raw.text), encoding=doc.raw.encoding),
        metadata=doc.tree.metadata,
        headline_metrics=extract_headline_metrics(doc),
        targets=extract_targets(doc),
    ))


def test_there_is_gold_for_every_report_and_every_gold_string_is_printed():
    assert sorted(golds()) == sorted(p.name for p in NATIONAL.glob("*.txt")) and len(golds()) == 14
    for name, g in golds().items():
        text = (NATIONAL / name).read_text(encoding="utf-8")
        strings = [g["problems_passage_start"], *g["problems"]]
        for m in g["review_metrics"]:
            strings += [m.get("value", ""), m.get("change", "")]
        strings += [t.get("printed", t["target"]) for t in g["targets"]]
        assert not [s for s in strings if s and s not in text], name


def test_every_report_is_the_state_councils_a_work_report_and_of_its_years():
    for name, g in golds().items():
        md = summary(name).metadata
        assert (md.region, md.doc_type) == ("全国", "政府工作报告"), (name, md)
        assert (md.review_year, md.plan_year) == (g["review_year"], g["plan_year"]), (name, md)


def test_target_recall():
    found = total = 0
    for name, g in golds().items():
        total += len(g["targets"])
        found += sum(target_found(t, summary(name)) for t in g["targets"])
    assert found / total >= 0.95, (found, total)


def test_metric_recall():
    found = total = 0
    for name, g in golds().items():
        total += len(g["review_metrics"])
        found += sum(metric_found(m, summary(name).headline_metrics) for m in g["review_metrics"])
    assert found / total >= 0.90, (found, total)


def test_pairs_agree_where_both_sides_are_printed_and_no_printed_result_is_called_absent():
    judged = agree = 0
    for f in sorted((GOLD / "pairs").glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        earlier, later = (summary(Path(r).name) for r in (g["target_report"], g["result_report"]))
        tracking = track([earlier, later])
        assert [t.government for t in tracking.governments] == ["全国"]
        tool = {p.canonical: p for p in tracking.pairs}
        for p in g["pairs"]:
            got = tool.get(p["canonical"])
            if p["verdict"] in JUDGED:
                judged += 1
                assert got is not None and got.verdict.value == p["verdict"], (g["year"], p["canonical"], got and (got.verdict, got.reason))
                agree += 1
            if p["result"] and got is not None:
                assert got.verdict != Verdict.NO_RESULT, (g["year"], p["canonical"], "a printed result called absent")
            if p["verdict"] in ABSTAIN and got is not None:
                assert got.verdict.value in ABSTAIN, (g["year"], p["canonical"], got.verdict, got.reason)
    assert judged >= 20 and agree == judged


def test_the_fourteen_reports_are_one_series_whatever_the_files_are_called(tmp_path):
    renamed = []
    for k, name in enumerate(sorted(golds())):
        path = tmp_path / f"report-{k:02d}.txt"
        path.write_bytes((NATIONAL / name).read_bytes())
        doc = parse_document(path)
        renamed.append(DocumentSummary(
            source=DocumentSource(path=str(path), sha256=doc.raw.sha256, chars=len(doc.raw.text), encoding=doc.raw.encoding),
            metadata=doc.tree.metadata, headline_metrics=extract_headline_metrics(doc), targets=extract_targets(doc),
        ))
    tracking = track(renamed)
    assert [t.government for t in tracking.governments] == ["全国"]
    assert len({p.year for p in tracking.pairs}) >= 9  # the years with targets that a next report judges
