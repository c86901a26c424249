"""The whole pipeline on the five seeds, replayed from cassettes recorded against the embedded
model server (cassettes/test_pipeline/<seed>.yaml): scores against seeds/expected, zero
unverified numbers, and a second run that makes no model call."""

from __future__ import annotations

import pytest
import vcr.errors

from schemas.summary import VerificationStatus
from summarizer.parse.document import parse_document
from summarizer.errors import EndpointUnreachable
from summarizer.score.evaluate import aggregate, score_document, unverified_numbers
from summarizer.pipeline import Runtime, summarize_file

from tests.conftest import SEED_FILES, SEED_IDS, gold, recorded, replay_settings


@pytest.fixture(scope="session")
def seed_report(seed_summaries):
    scores = [score_document(gold(p), seed_summaries[p.name[:3]], parse_document(p)) for p in SEED_FILES]
    return aggregate(scores)


def test_gold_review_metrics_recall_at_least_90_percent(seed_report):
    assert seed_report.metric_recall >= 0.9, [d.missing_metrics for d in seed_report.documents]


def test_every_gold_target_with_its_comparator(seed_report):
    assert seed_report.target_recall == 1.0, [d.missing_targets for d in seed_report.documents]


def test_problems_match_gold_counts_and_none_for_003(seed_report, seed_summaries):
    for d in seed_report.documents:
        assert d.problems[0] == d.problems[1], d.file
    assert seed_summaries["003"].problems == []


def test_zero_unverified_numbers_in_any_output(seed_summaries):
    for seed in SEED_FILES:
        s = seed_summaries[seed.name[:3]]
        assert unverified_numbers(s, parse_document(seed)) == []
        for item in [*s.achievements, *s.tasks, *[m for a in s.achievements for m in a.metrics]]:
            assert item.status != VerificationStatus.UNVERIFIED


@pytest.mark.parametrize("seed", SEED_FILES, ids=SEED_IDS)
def test_model_items_are_present_and_sourced(seed, seed_summaries):
    s = seed_summaries[seed.name[:3]]
    g = gold(seed)
    assert len(s.achievements) >= g["review_areas"] - 1  # one area may yield nothing verifiable
    assert len(s.tasks) >= g["task_areas"] - 1
    original = seed.read_text(encoding="utf-8")
    for a in s.achievements:
        assert a.summary or a.metrics
        assert 0 <= a.source.start < a.source.end <= len(original)
    for t in s.tasks:
        for c in t.commitments:
            if c.source.quote:
                assert c.source.quote.replace(" ", "") in "".join(original.split())
    assert s.usage.calls >= 1 and s.usage.prompt_tokens > 0 and s.usage.completion_tokens > 0
    assert s.model and s.prompt_versions == {"review": "4", "tasks": "3", "review_pick": "1", "tasks_pick": "1", "review_retry": "1", "tasks_retry": "1", "review_choose": "2", "tasks_choose": "2", "point": "1"} and s.style == "abstractive"


def test_second_run_makes_zero_model_calls(request, seed_summaries):
    cache = seed_summaries["_cache"]
    seed = SEED_FILES[1]
    # the seed's own recording, replay only: the cache answers every unit, so the one request
    # played is the model listing that names the model in the cache key
    with recorded(request.config, f"test_pipeline/{seed.name[:3]}.yaml", mode="none") as cassette:
        with Runtime.open(replay_settings(cache)) as runtime:
            again = summarize_file(seed, runtime)
        played = [cassette.requests[i].path for i, n in cassette.play_counts.items() if n]
        assert played == ["/v1/models"]
    first = seed_summaries[seed.name[:3]]
    assert again.usage.calls == 0 and again.usage.cached_units == len(first.usage.units)
    assert again.achievements == first.achievements and again.tasks == first.tasks


def test_a_request_without_a_recording_fails_loudly(request, tmp_path):
    with recorded(request.config, "test_pipeline/none.yaml", mode="none"):
        with Runtime.open(replay_settings(tmp_path)) as runtime:
            with pytest.raises(EndpointUnreachable) as info:
                summarize_file(SEED_FILES[0], runtime)
    cause = info.value.__cause__
    while cause is not None and not isinstance(cause, vcr.errors.CannotOverwriteExistingCassetteException):
        cause = cause.__cause__
    assert cause is not None
