"""The rules on real reports beyond the seeds: the 31 provincial reports of 2025 (Word, as
published) and 21 of 2026 (scraped text) in ../shared/corpus/, with gold annotations for all 31
(8 in the corpus, 23 in tests/corpus/gold/). No model.

Where ../shared/corpus/ is absent (a user's own clone) these tests skip and say why; under CI
(the CI or SUMMARIZER_REQUIRE_CORPUS variable set) its absence is a failure, so a wrong path
cannot turn them into silent skips.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import pytest

from schemas.document import SectionKind
from summarizer.parse.clean import normalised
from summarizer.parse.document import parse_document
from summarizer.score.evaluate import metric_found, target_found
from summarizer.rules.headline import extract_headline_metrics
from summarizer.rules.problems import extract_problems, problems_section
from summarizer.rules.targets import extract_targets
from schemas.summary import DocumentSource, DocumentSummary

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("SUMMARIZER_CORPUS", ROOT.parent / "shared" / "corpus"))
Y2025 = CORPUS / "provincial-2025"
Y2026 = CORPUS / "provincial-2026"
GOLD_DIRS = (Y2025 / "gold", ROOT / "tests" / "corpus" / "gold")


def _require_corpus() -> None:
    if Y2025.is_dir():
        return
    if os.environ.get("CI") or os.environ.get("SUMMARIZER_REQUIRE_CORPUS"):
        pytest.fail(f"the corpus is required here but {CORPUS} does not exist")
    pytest.skip(f"no corpus at {CORPUS} (it sits beside the project in the development checkout)")


@pytest.fixture(scope="module", autouse=True)
def corpus_present():
    _require_corpus()


@lru_cache(maxsize=None)
def golds() -> dict[str, dict]:
    out = {}
    for d in GOLD_DIRS:
        for f in sorted(d.glob("*.json")):
            g = json.loads(f.read_text(encoding="utf-8"))
            out[g["file"]] = g
    return out


@lru_cache(maxsize=None)
def parsed(name: str):
    return parse_document(Y2025 / name)


def reports_2025() -> list[Path]:
    return sorted(Y2025.glob("*.docx"))


def _summary(doc) -> DocumentSummary:
    return DocumentSummary(
        source=DocumentSource(path=doc.raw.path, sha256=doc.raw.sha256, chars=len(doc.raw.text), encoding=doc.raw.encoding),
        metadata=doc.tree.metadata,
        headline_metrics=extract_headline_metrics(doc),
        problems=extract_problems(doc),
        targets=extract_targets(doc),
    )


def test_every_report_has_gold_and_every_gold_string_is_verbatim():
    reports = reports_2025()
    assert len(reports) == 31
    assert {p.name for p in reports} == set(golds())
    for name, g in golds().items():
        text = parsed(name).raw.text
        strings = [g["problems_passage_start"], *g["problems"], *g.get("qualitative_targets", [])]
        for m in g["review_metrics"]:
            # an indicator's name may be a label the annotator supplied where the report prints
            # none ("全年增长4.8%、总量达5.3万亿元" is GDP's); its figures are always printed
            strings += [m["printed"]] if "printed" in m else [m.get("value", ""), m.get("change", "")]
        for t in g["targets"]:
            strings += [t["printed"]] if "printed" in t else [t["target"]]
        missing = [s for s in strings if s and s not in text]
        assert not missing, (name, missing)


def test_every_2025_report_has_a_review_and_a_tasks_part():
    for path in reports_2025():
        kinds = {s.kind for s in parse_document(path).tree.sections}
        assert {SectionKind.REVIEW, SectionKind.TASKS} <= kinds, path.name


def test_the_2026_reports_have_region_years_parts_and_problems():
    reports = sorted(Y2026.glob("*.txt"))
    assert len(reports) == 21
    for path in reports:
        doc = parse_document(path)
        md = doc.tree.metadata
        assert (md.review_year, md.plan_year) == (2025, 2026), path.name
        assert {SectionKind.REVIEW, SectionKind.TASKS} <= {s.kind for s in doc.tree.sections}, path.name
        assert problems_section(doc) is not None and extract_problems(doc), path.name
        assert md.region and path.name.startswith(md.region[:2]), (path.name, md.region)


def test_region_is_right_or_unknown():
    unknown = 0
    for name, g in golds().items():
        region = parsed(name).tree.metadata.region
        assert region in (g["region"], None), (name, region)
        unknown += region is None
    assert unknown <= 2


def test_years_and_doc_type_match_gold():
    for name, g in golds().items():
        md = parsed(name).tree.metadata
        assert (md.doc_type, md.review_year, md.plan_year) == (g["doc_type"], g["review_year"], g["plan_year"]), name


def test_problems_passage_found_items_cover_gold_and_stay_inside():
    found = covered = total = 0
    for name, g in golds().items():
        doc = parsed(name)
        section = problems_section(doc)
        if section is None:
            continue
        found += 1
        items = extract_problems(doc)
        texts = [doc.raw.text[p.source.start : p.source.end] for p in items]
        for p in items:
            assert section.start <= p.source.start <= p.source.end <= section.end, (name, p.summary)
        total += len(g["problems"])
        covered += sum(any(x in t for t in texts) for x in g["problems"])
    assert found >= 30
    assert covered / total >= 0.9, (covered, total)


def test_target_recall():
    found = total = 0
    for name, g in golds().items():
        s = _summary(parsed(name))
        total += len(g["targets"])
        found += sum(target_found(t, s) for t in g["targets"])
    assert found / total >= 0.95, (found, total)


def test_headline_metric_recall_and_no_value_paired_with_another_indicators_change():
    found = total = 0
    for name, g in golds().items():
        doc = parsed(name)
        metrics = extract_headline_metrics(doc)
        total += len(g["review_metrics"])
        found += sum(metric_found(m, metrics) for m in g["review_metrics"])
        for m in metrics:
            if m.value and m.change:
                quote = normalised(doc.raw.text[m.source.start : m.source.end])  # values are read as ASCII (８％ is 8%)
                between = quote[quote.index(m.value) + len(m.value) : quote.rindex(m.change)]
                assert not any(ch in between for ch in "；;。") and "其中" not in between, (name, quote)
    assert found / total >= 0.9, (found, total)
