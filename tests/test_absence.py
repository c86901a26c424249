"""Honest absence: "no result printed" only where the later report has no sentence naming the
indicator with a figure of the year; otherwise `track` says it could not decide and shows the
sentences. `summarize` warns where a targets or results sentence exists but nothing was read."""

from __future__ import annotations

from schemas.summary import DocumentSource, DocumentSummary
from schemas.track import Verdict
from summarizer.aggregate.track import track
from summarizer.parse.document import parse_bytes
from summarizer.rules.headline import extract_headline_metrics
from summarizer.rules.mentions import absence_warnings, indicator_mentions
from summarizer.rules.targets import extract_targets

TARGETS_2025 = (
    "某某省2025年政府工作报告\n一、2024年工作回顾\n过去一年，全省地区生产总值增长5.1%。\n"
    "二、2025年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，居民消费价格涨幅2%左右。\n"
)


def _summary(text: str, name: str) -> DocumentSummary:
    doc = parse_bytes(text.encode("utf-8"), name)
    metrics = extract_headline_metrics(doc)
    return DocumentSummary(
        source=DocumentSource(path=name, sha256=doc.raw.sha256, chars=len(doc.raw.text), encoding="utf-8"),
        metadata=doc.tree.metadata, headline_metrics=metrics, targets=extract_targets(doc), mentions=indicator_mentions(doc, metrics),
    )


def _pairs(results_2026: str) -> dict:
    later = "某某省2026年政府工作报告\n一、2025年工作回顾\n" + results_2026 + "\n二、2026年工作安排\n今年要继续努力。\n"
    t = track([_summary(TARGETS_2025, "某某省_2025.txt"), _summary(later, "某某省_2026.txt")])
    return {p.canonical: p for p in t.pairs}


def test_a_result_the_rules_cannot_read_is_undecided_with_its_sentence():
    pairs = _pairs("过去一年，全省地区生产总值按可比价格计算比上年增长的幅度为5.2%，居民消费价格总体平稳。")
    gdp = pairs["地区生产总值"]
    assert gdp.verdict == Verdict.UNDECIDED and gdp.result is None
    assert gdp.candidates and "5.2%" in gdp.candidates[0].quote
    # words without a figure are no result: 居民消费价格总体平稳
    assert pairs["居民消费价格"].verdict == Verdict.NO_RESULT and not pairs["居民消费价格"].candidates


def test_a_result_read_is_judged_and_no_figure_is_no_result():
    pairs = _pairs("过去一年，全省地区生产总值增长5.3%。")
    assert pairs["地区生产总值"].verdict == Verdict.MET
    assert pairs["居民消费价格"].verdict == Verdict.NO_RESULT


def test_a_target_sentence_from_which_nothing_was_read_is_warned_of():
    text = "某某省2025年政府工作报告\n一、2024年工作回顾\n过去一年，全省经济稳中有进。\n二、2025年工作安排\n今年经济社会发展的主要预期目标是：保持经济稳定增长。\n"
    doc = parse_bytes(text.encode("utf-8"), "a.txt")
    metrics, targets = extract_headline_metrics(doc), extract_targets(doc)
    warnings = absence_warnings(doc, targets, metrics, indicator_mentions(doc, metrics))
    assert any("no target was read" in w for w in warnings), warnings


def test_figures_named_but_no_result_read_is_warned_of():
    text = "某某省2025年政府工作报告\n一、2024年工作回顾\n过去一年，全省地区生产总值按可比价格计算比上年增长的幅度为5.2%。\n二、2025年工作安排\n今年要继续努力。\n"
    doc = parse_bytes(text.encode("utf-8"), "a.txt")
    metrics = extract_headline_metrics(doc)
    assert not metrics
    warnings = absence_warnings(doc, extract_targets(doc), metrics, indicator_mentions(doc, metrics))
    assert any("地区生产总值" in w and "no result" in w for w in warnings), warnings
