"""Promise tracking on the corpus: the 21 governments with reports of 2025 and 2026 in
../shared/corpus/, against the pair gold in tests/corpus/pairs/ (written from the texts).

Where both sides are printed the tool's verdict must be the gold's; where the gold says no
result or not comparable, the tool must say one of the two, never a verdict on a guess. Skips
where the corpus is absent, fails so under CI (see test_corpus.py).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from schemas.summary import DocumentSource, DocumentSummary
from schemas.track import Verdict
from summarizer.parse.document import parse_document, quotes_as_printed
from summarizer.rules.headline import extract_headline_metrics
from summarizer.rules.targets import extract_targets
from summarizer.aggregate.track import track

from tests.test_corpus import CORPUS, _require_corpus

PAIRS = Path(__file__).resolve().parent / "corpus" / "pairs"
JUDGED = {Verdict.MET.value, Verdict.WITHIN_BAND.value, Verdict.MISSED.value}
ABSTAIN = {Verdict.NO_RESULT.value, Verdict.NOT_COMPARABLE.value, Verdict.UNDECIDED.value}


@pytest.fixture(scope="module", autouse=True)
def corpus_present():
    _require_corpus()


def golds() -> list[dict]:
    return [json.loads(f.read_text(encoding="utf-8")) for f in sorted(PAIRS.glob("*.json"))]


@lru_cache(maxsize=None)
def summary(rel: str) -> DocumentSummary:
    doc = parse_document(CORPUS / rel)
    return quotes_as_printed(doc, DocumentSummary(  # as the pipeline gives it: quotes as printed
        source=DocumentSource(path=doc.raw.path, sha256=doc.raw.sha256, chars=len(doc.raw.text), encoding=doc.raw.encoding),
        metadata=doc.tree.metadata,
        headline_metrics=extract_headline_metrics(doc),
        targets=extract_targets(doc),
    ))


@lru_cache(maxsize=None)
def text(rel: str) -> str:
    return parse_document(CORPUS / rel).raw.text


def test_the_gold_covers_every_pair_and_quotes_the_texts():
    gs = golds()
    assert len(gs) == 21 and len({g["government"] for g in gs}) == 21
    for g in gs:
        for p in g["pairs"]:
            assert p["verdict"] in JUDGED | ABSTAIN, (g["government"], p)
            assert p["target_printed"] in text(g["target_report"]), (g["government"], p["target_printed"])
            if p["result_printed"]:
                assert p["result_printed"] in text(g["result_report"]), (g["government"], p["result_printed"])
            if p["result"]:
                assert p["result"] in p["result_printed"], (g["government"], p["result"])
            assert (p["verdict"] in JUDGED) == (p["result"] is not None), (g["government"], p)


def _tool_pairs(g: dict):
    tracking = track([summary(g["target_report"]), summary(g["result_report"])])
    assert len(tracking.governments) == 1, [t.government for t in tracking.governments]
    assert tracking.governments[0].government == g["government"]
    return {p.canonical: p for p in tracking.pairs}


def test_verdicts_match_the_gold_where_both_sides_are_printed_and_never_guess_elsewhere():
    judged = agree = abstained = 0
    for g in golds():
        tool = _tool_pairs(g)
        for p in g["pairs"]:
            got = tool.get(p["canonical"])
            assert got is not None, (g["government"], p["canonical"], "target not found")
            assert got.year == g["year"]
            if p["verdict"] in JUDGED:
                judged += 1
                assert got.verdict.value == p["verdict"], (g["government"], p["canonical"], got.verdict, got.reason)
                agree += 1
            else:
                abstained += 1
                assert got.verdict.value in ABSTAIN, (g["government"], p["canonical"], got.verdict, got.reason)
        for canonical in g["no_target"]:
            assert canonical not in tool, (g["government"], canonical)
    assert judged >= 40 and agree == judged and abstained >= 30


def test_the_quotes_of_a_judged_pair_are_the_golds():
    for g in golds():
        tool = _tool_pairs(g)
        for p in g["pairs"]:
            got = tool[p["canonical"]]
            assert got.target.source.quote and p["target"].replace("控制在", "")[-4:] in got.target.source.quote + got.target.target
            if p["verdict"] in JUDGED:
                assert got.result is not None and p["result"] in (got.result.source.quote or ""), (g["government"], p["canonical"], got.result)
            for item, rel in ((got.target, g["target_report"]), (got.result, g["result_report"])):
                if item is not None and item.source.quote:  # the span indexes the text as read
                    assert text(rel)[item.source.start : item.source.end] == item.source.quote, (g["government"], item.source)
