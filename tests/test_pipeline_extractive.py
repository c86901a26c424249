"""The extractive style on the five seeds, replayed from cassettes recorded against the embedded
model server (cassettes/test_pipeline_extractive/<seed>.yaml): the words shown are the report's
own, answers never land on another area, headings are not echoed, number-bearing areas carry
metrics, and the rules' scores hold."""

from __future__ import annotations

import pytest

from summarizer.parse.document import parse_document
from summarizer.score.evaluate import aggregate, score_document, unverified_numbers
from summarizer.score.quality import aggregate_quality, quality_of

from tests.conftest import SEED_FILES, SEED_IDS, gold


@pytest.fixture(scope="module")
def quality(extractive_summaries):
    return aggregate_quality([quality_of(extractive_summaries[p.name[:3]], parse_document(p)) for p in SEED_FILES])


def test_the_rules_scores_hold(extractive_summaries):
    report = aggregate([score_document(gold(p), extractive_summaries[p.name[:3]], parse_document(p)) for p in SEED_FILES])
    assert report.metric_recall >= 0.9 and report.target_recall == 1.0 and report.problems_exact == 1.0


@pytest.mark.parametrize("seed", SEED_FILES, ids=SEED_IDS)
def test_every_shown_word_is_the_reports_own(seed, extractive_summaries):
    s = extractive_summaries[seed.name[:3]]
    doc = parse_document(seed)
    assert s.style == "extractive" and unverified_numbers(s, doc) == []
    flat = "".join(doc.raw.text.split())
    for a in s.achievements:
        assert a.summary.rstrip("…") .replace(" ", "") in flat
        for m in a.metrics:
            assert "".join(m.source.quote.split()) in flat
    for t in s.tasks:
        for c in t.commitments:
            assert c.text.rstrip("…").replace(" ", "") in flat


def test_no_answer_about_another_area_and_few_heading_echoes(quality):
    assert quality.foreign_rate == 0
    assert quality.heading_echo_rate <= 0.05


def test_number_bearing_review_areas_carry_a_metric(quality):
    assert quality.metric_coverage >= 0.9


def test_few_generated_tokens(quality, extractive_summaries):
    assert all(s.usage.calls > 0 for s in extractive_summaries.values())
    assert quality.completion_tokens_per_report < 600
