"""The gold-free quality measure and the extractive building blocks, without a model."""

from __future__ import annotations

from schemas.summary import Achievement, DocumentSource, DocumentSummary, Metric, SourceSpan, Task
from summarizer.parse.document import parse_bytes
from summarizer.model.areas import Area
from summarizer.model.items import trim_clauses
from summarizer.rules.picks import is_heading_echo
from summarizer.score.quality import aggregate_quality, quality_of

TEXT = (
    "2025年某某省政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作。\n一、2024年工作回顾\n"
    "（一）经济平稳运行。地区生产总值增长5%，完成投资300亿元。\n"
    "（二）生态持续改善。空气质量优良天数比例达到90%，新增造林10万亩。\n"
    "二、2025年工作安排\n（一）扩大内需。要新建幼儿园7所。\n（二）科技创新。要建设实验室3个。\n"
)
SPAN = SourceSpan(section_path="一", start=0, end=1)


def _summary(achievements, tasks=()):
    return DocumentSummary(
        source=DocumentSource(path="x.txt", sha256="0", chars=1, encoding="utf-8"),
        metadata=parse_bytes(TEXT.encode(), "x.txt").tree.metadata,
        achievements=achievements,
        tasks=list(tasks),
    )


def test_heading_echo():
    assert is_heading_echo("经济平稳运行。", "经济平稳运行")
    assert not is_heading_echo("地区生产总值增长5%，完成投资300亿元。", "经济平稳运行")


def test_quality_counts_echoes_foreign_answers_and_metric_coverage():
    doc = parse_bytes(TEXT.encode(), "x.txt")
    metric = Metric(indicator="地区生产总值", change="增长5%", source=SPAN)
    s = _summary(
        [
            Achievement(area="经济平稳运行", summary="经济平稳运行。", metrics=[metric], source=SPAN),
            Achievement(area="生态持续改善", summary="地区生产总值增长5%，完成投资300亿元。", source=SPAN),
        ],
        [Task(area="扩大内需", summary="要新建幼儿园7所。", source=SPAN)],
    )
    q = quality_of(s, doc)
    assert (q.summaries, q.heading_echoes, q.foreign) == (3, 1, 1)
    assert (q.number_areas, q.number_areas_with_metric) == (2, 1)
    report = aggregate_quality([q])
    assert report.heading_echo_rate == round(1 / 3, 4) and report.metric_coverage == 0.5


def test_sentences_and_trimming_keep_the_source_words():
    text = "（一）经济平稳运行\n地区生产总值增长5%；完成投资300亿元。新增造林10万亩"
    area = Area(section=None, spans=[(0, len(text))], text=text)  # type: ignore[arg-type]
    assert [text[a:b] for a, b in area.sentences] == ["（一）经济平稳运行", "地区生产总值增长5%；", "完成投资300亿元。", "新增造林10万亩"]
    long = "推进某某重大工程建设，完成投资300亿元，新建学校12所，新增学位1.5万个，改造老旧小区200个"
    assert trim_clauses(long, 30) == "推进某某重大工程建设，完成投资300亿元，新建学校12所……"


def test_weak_abstractive_summaries_are_found_for_a_second_ask():
    from schemas.document import SectionKind
    from schemas.responses import review_response
    from summarizer.model.extract import Unit
    from summarizer.model.strategies import get_strategy
    from summarizer.model.strategies.abstractive import weak_summaries

    def area(text):
        return Area(section=type("S", (), {"title": text.split("\n")[0], "path": "p"})(), spans=[(0, len(text))], text=text)  # type: ignore[arg-type]

    unit = Unit(SectionKind.REVIEW, [area("经济平稳运行\n地区生产总值增长5%，完成投资300亿元。"), area("生态持续改善\n新增造林10万亩，空气质量优良。")], get_strategy("abstractive"))
    answer = review_response(2).model_validate(
        {"areas": [{"summary": "经济平稳运行。", "metrics": []}, {"summary": "地区生产总值增长5%，完成投资300亿元。", "metrics": []}]}
    )
    assert weak_summaries(unit, answer) == [0, 1]
    good = review_response(2).model_validate(
        {"areas": [{"summary": "地区生产总值增长5%。", "metrics": []}, {"summary": "新增造林10万亩。", "metrics": []}]}
    )
    assert weak_summaries(unit, good) == []
