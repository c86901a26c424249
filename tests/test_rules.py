"""Rules on the five seeds: every gold target (with its comparator) and every gold headline
metric (value and change as printed) is found without a model; problems match gold."""

from __future__ import annotations

import pytest

from summarizer.parse.document import parse_document
from summarizer.score.evaluate import metric_found, target_found
from summarizer.rules.figures import comparator_of
from summarizer.rules.headline import extract_headline_metrics
from summarizer.rules.problems import extract_problems
from summarizer.rules.targets import extract_targets, parse_target
from schemas.summary import DocumentSummary, DocumentSource

from tests.conftest import SEED_FILES, SEED_IDS, gold


def _summary(doc):
    return DocumentSummary(
        source=DocumentSource(path=doc.raw.path, sha256=doc.raw.sha256, chars=len(doc.raw.text), encoding="utf-8"),
        metadata=doc.tree.metadata,
        headline_metrics=extract_headline_metrics(doc),
        problems=extract_problems(doc),
        targets=extract_targets(doc),
    )


@pytest.mark.parametrize("seed", SEED_FILES, ids=SEED_IDS)
def test_rules_find_every_gold_target_metric_and_problem(seed):
    g = gold(seed)
    doc = parse_document(seed)
    s = _summary(doc)
    for t in g["targets"]:
        assert target_found(t, s), t
    for m in g["review_metrics"]:
        assert metric_found(m, s.headline_metrics), m
    assert len(s.problems) == len(g["problems"])


@pytest.mark.parametrize("seed", SEED_FILES, ids=SEED_IDS)
def test_rule_items_quote_the_original(seed):
    doc = parse_document(seed)
    s = _summary(doc)
    original = doc.raw.text
    for item in [*s.headline_metrics, *s.targets, *s.problems]:
        span = item.source
        assert 0 <= span.start < span.end <= len(original)
        if span.quote:
            # the quote is the cleaned form of original[start:end] (only whitespace differs)
            squeezed = "".join(original[span.start : span.end].split()).replace("\u3000", "")
            assert "".join(span.quote.split()) == squeezed


@pytest.mark.parametrize(
    "clause,indicator,target,comparator",
    [
        ("地区生产总值(GDP)增长8%", "地区生产总值(GDP)", "增长8%", None),
        ("固定资产投资总额完成900亿元以上", "固定资产投资总额", "900亿元以上", "以上"),
        ("城镇登记失业率控制在3%以内", "城镇登记失业率", "3%以内", "以内"),
        ("力争GDP增长7%左右", "GDP", "增长7%左右", "左右"),
        ("固定资产投资完成额超2000亿元", "固定资产投资完成额", "超2000亿元", "超"),
        ("固定资产投资额突破千亿元", "固定资产投资额", "突破千亿元", "突破"),
        ("外贸进出口总额实现正增长", "外贸进出口总额", "正增长", None),
        ("一般公共预算收入同口径增长1%", "一般公共预算收入", "同口径增长1%", None),
    ],
)
def test_parse_target(clause, indicator, target, comparator):
    got = parse_target(clause)
    assert len(got) == 1 and got[0][:2] == (indicator, target)
    assert comparator_of(got[0][1]) == comparator


def test_targets_carry_binding_and_numbers():
    s = _summary(parse_document(SEED_FILES[0]))
    unemployment = next(t for t in s.targets if t.indicator == "城镇登记失业率")
    assert unemployment.binding is True and (unemployment.number, unemployment.unit) == (3.0, "%")
    invest = next(t for t in s.targets if t.indicator == "固定资产投资总额")
    assert invest.binding is False and (invest.number, invest.unit, invest.comparator) == (900.0, "亿元", "以上")


def test_headline_metrics_keep_partial_year_periods():
    s = _summary(parse_document(SEED_FILES[2]))
    by = {m.canonical: m for m in s.headline_metrics}
    assert (by["地区生产总值"].period, by["地区生产总值"].value, by["地区生产总值"].change) == ("前三季度", "3695.93亿元", "同比增长8.9%")
    assert by["规上工业总产值"].period == "1-11月"
    assert by["社会消费品零售总额"].period == "预计全年"


def test_a_bare_mention_loses_to_a_stated_figure():
    s = _summary(parse_document(SEED_FILES[4]))  # 004 says 突破千亿元大关 before 1080亿元
    gdp = next(m for m in s.headline_metrics if m.canonical == "地区生产总值")
    assert gdp.value == "1080亿元" and gdp.change_number == 14.0
