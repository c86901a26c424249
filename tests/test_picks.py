"""The rule picks, the figure labels, the picks scorer over the gold of tests/corpus/picks/, and
the strategies behind their one protocol (no model: answers are built by hand here; recorded
model answers are replayed in test_pipeline_guided)."""

from __future__ import annotations

import pytest

from schemas.document import SectionKind
from schemas.responses import choices_response
from summarizer.model.areas import Area
from summarizer.model.extract import Items, Unit, UnitAnswer
from summarizer.model.strategies import RULES_ONLY, STRATEGIES, get_strategy
from summarizer.model.prompts import load_prompt
from summarizer.parse.document import parse_bytes, parse_document
from summarizer.rules.labels import labelled_metrics
from summarizer.rules.picks import rank_sentences
from summarizer.score.picks import Tally, GoldArea, load_gold, same_sentence, score_report
from summarizer.settings import STYLES
from schemas.summary import SectionUsage

from bench.picks import lead_picks

TEXT = (
    "2025年某某省政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作。\n一、2024年工作回顾\n"
    "（一）经济平稳运行。坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，统筹推进各项工作。地区生产总值增长5%，完成投资300亿元。"
    "我们深刻体会到，必须坚持发展第一要务。\n"
    "（二）生态持续改善。深入实施生态优先战略。建成污水处理厂3座，空气质量优良天数比例达到90%。\n"
    "二、2025年工作安排\n（一）扩大内需。坚持扩大内需战略基点。新建幼儿园7所，年底前完成老旧小区改造200个。\n"
    "（二）科技创新。加快建设创新强省。办好第三届科技大会，建设实验室3个。\n"
)


def _area(doc, section):
    from summarizer.model.areas import area_texts

    return area_texts(doc, section)[0]


def _areas(kind):
    from summarizer.parse.document import areas

    doc = parse_bytes(TEXT.encode(), "x.txt")
    return doc, [_area(doc, s) for s in areas(doc.tree, kind)]


def test_rule_ranks_results_over_policy_lines_and_never_picks_lessons():
    doc, (economy, ecology) = _areas(SectionKind.REVIEW)
    ranked = [economy.sentence(s.index) for s in rank_sentences(economy.text, economy.sentences, economy.title, True)]
    assert ranked[0] == "地区生产总值增长5%，完成投资300亿元。"
    assert not any("深刻体会" in s for s in ranked)  # a lesson is no result
    assert ranked[-1].startswith("坚持稳中求进")  # a policy line comes last, if at all
    ranked = [ecology.sentence(s.index) for s in rank_sentences(ecology.text, ecology.sentences, ecology.title, True)]
    assert ranked[0] == "建成污水处理厂3座，空气质量优良天数比例达到90%。"


def test_rule_ranks_concrete_commitments_first():
    doc, (demand, science) = _areas(SectionKind.TASKS)
    top = demand.sentence(rank_sentences(demand.text, demand.sentences, demand.title, False)[0].index)
    assert top == "新建幼儿园7所，年底前完成老旧小区改造200个。"
    top = science.sentence(rank_sentences(science.text, science.sentences, science.title, False)[0].index)
    assert top == "办好第三届科技大会，建设实验室3个。"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("全年推出119个改革举措。", [("改革举措", "119个", None)]),
        ("提供就业岗位11.2万个，精准帮扶7.2万名困难群众。", [("就业岗位", "11.2万个", None), ("困难群众", "7.2万名", None)]),
        ("优良天数比例首次突破80%。", [("优良天数比例", "突破80%", None)]),
        ("适龄儿童入园率和普惠率分别达96%、92%。", [("适龄儿童入园率", "达96%", None), ("普惠率", "92%", None)]),
        ("粮食播种面积和产量分别增长1.2%和2.3%。", [("粮食播种面积", None, "增长1.2%"), ("产量", None, "2.3%")]),
        ("地区生产总值增长5%，完成投资300亿元，增长8%。", [("地区生产总值", None, "增长5%"), ("投资", "300亿元", "增长8%")]),
        ("新增城镇就业12万人。", [("新增城镇就业", "12万人", None)]),
        ("全区27个生态文明考核河流断面均达Ⅳ类。", [("生态文明考核河流断面", "27个", None)]),
    ],
)
def test_figures_are_labelled_by_what_they_measure_and_respectively_lists_keep_every_value(text, expected):
    got = [(m.indicator, m.value, m.change) for m in labelled_metrics(text, 0, len(text))]
    assert got == expected


def test_same_sentence_and_a_missing_pick_counts_as_wrong():
    assert same_sentence("新建幼儿园7所。", " 新建幼儿园7所。")
    assert same_sentence("推进某某重大工程建设，完成投资300亿元……", "推进某某重大工程建设，完成投资300亿元，新建学校12所。")
    assert not same_sentence("新建幼儿园7所。", "新建幼儿园7所，新增学位1万个，改造校舍20所，建成体育馆3座。")
    gold = GoldArea("review", "（一）", best=["甲增长5%。"], acceptable=["乙增长6%。"])
    t = Tally()
    t.add(["乙增长6%。", "甲增长5%。"], gold)
    t.add([], gold)
    assert (t.right[1], t.fine[1], t.shown[1]) == (0, 1, 2)
    assert (t.right[2], t.fine[2], t.shown[2]) == (1, 2, 3)


def _gold_or_skip():
    gold = load_gold()
    missing = [r.path for r in gold if not r.path.exists()]
    if missing:
        pytest.skip(f"corpus not here: {missing[0]}")
    return gold


def test_every_gold_area_is_found_and_the_rule_beats_lead_1_by_15_points():
    gold = _gold_or_skip()
    tallies = {"lead": {}, "rules": {}}
    matched = {}
    rules = get_strategy("rules")
    for report in gold:
        doc = parse_document(report.path)
        items = Items()
        for kind in (SectionKind.REVIEW, SectionKind.TASKS):
            rules.direct(doc, kind, items)
        for how, n in score_report(doc, report, items.picks, tallies["rules"]).items():
            matched[how] = matched.get(how, 0) + n
        score_report(doc, report, lead_picks(doc), tallies["lead"])
    assert matched.get("none", 0) == 0 and sum(matched.values()) == 116
    rules_review, lead_review = tallies["rules"]["review"], tallies["lead"]["review"]
    assert rules_review.areas == 71 and tallies["rules"]["tasks"].areas == 45
    assert rules_review.precision(3) >= lead_review.precision(3) + 0.15
    assert rules_review.precision(1) >= 0.55 and tallies["rules"]["tasks"].precision(1) >= 0.75


def test_every_strategy_loads_names_itself_and_its_prompts_exist():
    for name in STRATEGIES:
        s = get_strategy(name)
        assert s.name == name
        for prompt in s.prompt_names():
            assert load_prompt(prompt).id.startswith(prompt + "@")
    assert set(STYLES) == {"auto", *STRATEGIES} - {RULES_ONLY}


def _guided_unit():
    doc, areas = _areas(SectionKind.REVIEW)
    return doc, Unit(SectionKind.REVIEW, areas, get_strategy("guided"))


def test_guided_shows_only_candidates_and_builds_the_models_choice_first():
    doc, unit = _guided_unit()
    shown = unit.rendered()
    assert "深刻体会" not in shown and "【2】生态持续改善" in shown
    answer = choices_response(2).model_validate({"best": [1, 9]})  # 9 names no candidate: the rule's order
    out = Items()
    unit.strategy.build(doc, UnitAnswer(unit, answer, SectionUsage(section_paths=unit.paths, prompt="p")), False, out)
    economy, ecology = out.achievements
    assert economy.summary.startswith("坚持稳中求进")  # candidate 1 in the order of the text: the model's choice
    assert ecology.summary == "建成污水处理厂3座，空气质量优良天数比例达到90%。"  # the rule's first
    assert [m.indicator for m in economy.metrics] == ["地区生产总值", "投资"]
    assert all(a.source.quote and a.source.quote in TEXT for a in out.achievements)


def test_guided_shows_the_rules_picks_when_the_model_gives_no_valid_answer():
    doc, unit = _guided_unit()
    out = Items()
    assert unit.strategy.fallback(doc, unit, out)
    assert [a.summary for a in out.achievements] == ["地区生产总值增长5%，完成投资300亿元。", "建成污水处理厂3座，空气质量优良天数比例达到90%。"]
    assert all(a.origin == "rule" for a in out.achievements)


def test_an_area_is_an_area_of_its_section(tmp_path):
    doc, areas = _areas(SectionKind.TASKS)
    assert isinstance(areas[0], Area) and areas[0].title == "扩大内需"
