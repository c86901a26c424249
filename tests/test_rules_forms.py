"""The rules on the ways real reports print targets, metrics and problems (without a model),
table-driven on small texts written the way the provincial reports write them."""

from __future__ import annotations

import pytest

from summarizer.parse.document import parse_bytes
from summarizer.parse.problems import split_items
from summarizer.rules.figures import canonical_indicator
from summarizer.rules.headline import extract_headline_metrics
from summarizer.rules.problems import extract_problems
from summarizer.rules.targets import extract_targets

HEAD = "2025年某某省政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n"


def _doc(review: str, plan: str = "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。"):
    text = HEAD + "一、2024年工作回顾\n" + review + "\n二、2025年工作安排\n" + plan + "\n（一）扩大内需。要加快推进。\n（二）科技创新。要加快推进。\n"
    return parse_bytes(text.encode("utf-8"), "某某省_2025.txt")


def _metrics(review: str) -> dict[str, tuple]:
    return {m.canonical: (m.value, m.change, m.qualifier) for m in extract_headline_metrics(_doc(review))}


def test_a_value_is_never_paired_with_the_next_indicators_change():
    got = _metrics("过去一年，城镇调查失业率4.1%左右，居民人均可支配收入增长4.5%左右。")
    assert got["城镇调查失业率"] == ("4.1%左右", None, None)
    assert got["居民人均可支配收入"] == (None, "增长4.5%左右", None)


def test_a_change_in_the_next_clause_that_opens_with_it_belongs_to_the_indicator():
    assert _metrics("地区生产总值5.3万亿元，增长4.8%。")["地区生产总值"][:2] == ("5.3万亿元", "增长4.8%")


def test_a_total_after_the_change_is_the_indicators_level():
    assert _metrics("全省地区生产总值同比增长6.1%、突破2万亿元大关。")["地区生产总值"][:2] == ("突破2万亿元", "同比增长6.1%")
    # a full-width figure is read as its ASCII form (the quote keeps the original's characters)
    assert _metrics("地区生产总值增长5.8％、增速全国第3，总量达到60013亿元。")["地区生产总值"][:2] == ("60013亿元", "增长5.8%")


def test_a_date_in_the_names_clause_does_not_stop_the_figure_of_the_next():
    """"从7月份开始" is a date, not another figure: the next clause's 全年达到…… is the indicator's."""
    assert _metrics("外贸出口从7月份开始大幅度回升，全年达到1949亿美元，比上年增长6.1%。")["出口"][:2] == ("1949亿美元", "增长6.1%")


def test_unnamed_gdp_in_the_results_sentence():
    assert _metrics("经济回升向好，全年增长4.8%、总量达5.3万亿元。")["地区生产总值"][:2] == ("5.3万亿元", "增长4.8%")


@pytest.mark.parametrize(
    "review, urban, rural",
    [
        ("城乡居民人均可支配收入分别增长4.7%、6.6%。", ("城镇居民人均可支配收入", "增长4.7%"), ("农村居民人均可支配收入", "增长6.6%")),
        ("城镇、农村居民人均可支配收入分别增长4.8%和7%。", ("城镇居民人均可支配收入", "增长4.8%"), ("农村居民人均可支配收入", "增长7%")),
        ("城镇居民、农村居民人均可支配收入分别增长4.6%、6.7%。", ("城镇居民人均可支配收入", "增长4.6%"), ("农村居民人均可支配收入", "增长6.7%")),
        ("城镇和农村常住居民人均可支配收入分别增长3.9%、5.7%。", ("城镇常住居民人均可支配收入", "增长3.9%"), ("农村常住居民人均可支配收入", "增长5.7%")),
    ],
)
def test_urban_and_rural_incomes_are_two_metrics_each_named_by_its_own_subject(review, urban, rural):
    """A 分别 pair is two figures, each labelled by its own side (never twice the name of both)."""
    metrics = {m.canonical: (m.indicator, m.change) for m in extract_headline_metrics(_doc(review))}
    assert "居民人均可支配收入" not in metrics
    assert (metrics["城镇居民人均可支配收入"], metrics["农村居民人均可支配收入"]) == (urban, rural)


@pytest.mark.parametrize(
    "review, canonical",
    [
        ("人均地区生产总值达到5.28万元。", "地区生产总值"),
        ("海洋生产总值突破2万亿元。", "地区生产总值"),
        ("低收入农户人均可支配收入增长11.1%。", "居民人均可支配收入"),
    ],
)
def test_a_part_or_a_ratio_of_an_indicator_is_not_the_indicator(review, canonical):
    assert canonical not in _metrics(review)


def test_qualifiers_are_kept():
    assert _metrics("城镇调查失业率平均为4.2%。")["城镇调查失业率"] == ("4.2%", None, "平均")
    assert _metrics("预计全省地区生产总值迈上14万亿元新台阶。")["地区生产总值"][2] == "预计"


@pytest.mark.parametrize(
    "name, canonical",
    [
        ("城镇调查失业率", "城镇调查失业率"),
        ("城镇登记失业率", "城镇登记失业率"),
        ("人均地区生产总值", None),
        ("单位地区生产总值能耗", None),
        ("经济", "地区生产总值"),
        ("居民消费价格", "居民消费价格"),
    ],
)
def test_canonical_names_keep_indicators_apart(name, canonical):
    assert canonical_indicator(name) == canonical


def _targets(plan: str) -> list[tuple]:
    return [(t.indicator, t.target, t.comparator, t.number, t.upper, t.note) for t in extract_targets(_doc("经济平稳。", plan))]


def test_targets_from_a_comma_list_with_a_stretch_goal():
    got = _targets("今年经济社会发展主要预期目标是：地区生产总值增长5%左右、努力争取更好结果，一般公共预算收入增长4%左右，城镇调查失业率控制在5%以内，居民消费价格涨幅2%左右，居民收入增长与经济增长同步。")
    assert got[0][:3] == ("地区生产总值", "增长5%左右", "左右") and got[0][5] == "努力争取更好结果"
    assert ("城镇调查失业率", "5%以内", "以内") == got[2][:3]
    assert ("居民消费价格", "涨幅2%左右", "左右") == got[3][:3]
    assert got[4][:2] == ("居民收入增长与经济增长同步", "居民收入增长与经济增长同步") and got[4][3] is None


def test_ranges_units_and_stretch_after_a_comma_list():
    got = _targets("主要预期目标是：全省地区生产总值增长5.0%—5.5%，粮食产量476亿斤以上，地区生产总值增长7%以上、力争达到8%。")
    assert got[0][1:5] == ("增长5.0%—5.5%", None, 5.0, 5.5)
    assert got[1][:3] == ("粮食产量", "476亿斤以上", "以上")
    assert got[2][5] == "力争达到8%"


def test_a_shared_comparator_is_given_to_every_number():
    got = _targets("主要预期目标是：城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内。")
    assert [(g[0], g[1]) for g in got] == [("城镇调查失业率", "5%以内"), ("居民消费价格涨幅", "3%以内")]


def test_problems_split_at_semicolons_and_at_commas_between_problems_of_their_own():
    review = "经济平稳。\n同时，我们也清醒看到面临的困难和挑战，主要是：有效需求不足，部分企业生产经营困难，需要加力解决；科技创新能力不强。对此，我们将高度重视。"
    problems = [p.summary + ("，" + p.detail if p.detail else "") for p in extract_problems(_doc(review))]
    assert problems == ["有效需求不足", "部分企业生产经营困难，需要加力解决", "科技创新能力不强"]


@pytest.mark.parametrize(
    "passage, first, last",
    [
        # the lead runs on over a line's "和挑战" and the list's "主要是："
        ("同时，我省经济社会发展还面临一些困难和挑战，主要是：产业转型任务依然紧迫，创新能力不够强。", "产业转型任务依然紧迫", "创新能力不够强"),
        ("同时，我们也清醒认识到，经济社会发展中老问题、新挑战仍然不少，主要是：经济总量不大，人均水平相对偏低；市场预期偏弱。", "经济总量不大", "市场预期偏弱"),
        # a clause that only frames the next is no summary of its own
        ("同时，我们也清醒认识到，有效需求不足；同先进地区相比，营商环境存在差距。", "有效需求不足", "同先进地区相比，营商环境存在差距"),
        ("我们也清醒地看到，有效需求不足；受国际金融危机影响，部分企业经营困难。", "有效需求不足", "受国际金融危机影响，部分企业经营困难"),
        # a sentence about "these problems" (their causes, the answer to them) ends the list
        ("我们也清醒地看到，有效需求不足；有的地方社会治安状况不好。对于这些问题，我们要切实加以解决。", "有效需求不足", "有的地方社会治安状况不好"),
        ("我们也清醒地看到，有效需求不足；市场预期偏弱。这些问题，有的是长期积累下来的，有的是工作中的缺点造成的。", "有效需求不足", "市场预期偏弱"),
    ],
)
def test_problem_summaries_are_self_contained_first_clauses(passage, first, last):
    problems = extract_problems(_doc("经济平稳。\n" + passage))
    assert (problems[0].summary, problems[-1].summary) == (first, last)
    assert all(len(p.summary) > 4 and not p.summary.startswith(("和", "主要是")) for p in problems)


def test_numbered_problems_stay_as_the_report_groups_them():
    text = "一是产业生态不够完善，龙头企业缺乏；二是公共服务短板突出。"
    assert [text[s:e] for s, e in split_items(text, 0, len(text))] == ["产业生态不够完善，龙头企业缺乏", "公共服务短板突出"]


def test_the_brief_says_a_qualitative_target_once_and_names_unnamed_gdp():
    import io

    from rich.console import Console

    from schemas.summary import DocumentSource, DocumentSummary
    from summarizer.render.summary import print_brief

    doc = _doc("经济回升向好，全年增长4.8%、总量达5.3万亿元。", "主要预期目标是：地区生产总值增长5%左右、力争达到6%，居民收入增长与经济增长同步。")
    summary = DocumentSummary(
        source=DocumentSource(path="x", sha256="0", chars=1, encoding="utf-8"),
        metadata=doc.tree.metadata,
        headline_metrics=extract_headline_metrics(doc),
        targets=extract_targets(doc),
    )
    out = io.StringIO()
    print_brief(summary, Console(file=out, width=120))
    text = out.getvalue()
    assert "地区生产总值（全年）" in text
    assert "增长5%左右（力争达到6%）" in text
    assert text.count("居民收入增长与经济增长同步") == 1 and "定性" in text
    assert "no problems passage found" in text


def test_a_five_year_average_is_not_the_years_change():
    got = _metrics("过去五年，地区生产总值年均增长6%。过去一年，地区生产总值增长5.2%。")
    assert got["地区生产总值"][:2] == (None, "增长5.2%")


@pytest.mark.parametrize(
    "review",
    [
        "新能源汽车、光伏产品、锂电池“新三样”出口增长69.4%。",  # a quoted product group's exports
        "电动汽车、锂电池、太阳能电池「新三样」出口总额增长85.8%。",
        "猕猴桃综合产值增长8.5%、出口增长53.6%。",  # the kiwis' exports: a list item of another subject
        "汽车、手机出口实现两位数增长，对东盟进出口增长13.8%。",  # a partner's trade
        "中欧班列开行6037列、增长21.1%，带动全省进出口415.4亿元、增长11.7%。",  # the amount a channel brought
        "新动能拉动地区生产总值增长1.2个百分点。",  # a share of the growth, not the growth
    ],
)
def test_a_part_of_an_indicator_is_no_headline_figure(review):
    """A headline figure is the government's whole indicator, never a product's, a partner's or a
    channel's: these sentences give no headline metric at all."""
    assert _metrics(review) == {}


@pytest.mark.parametrize(
    "review, canonical, change",
    [
        ("外贸进出口总额增长9.4%，其中，出口增长20.3%。", "出口", "增长20.3%"),
        ("社会消费品零售总额增长4.2%、出口增长5.3%。", "出口", "增长5.3%"),
        ("推动外贸扩大规模、优化结构，出口总值增长6.3%。", "出口", "增长6.3%"),
        ("盘活国有资产3708亿元，带动一般公共预算收入增长6.6%。", "一般公共预算收入", "增长6.6%"),
        ("全省进出口总额实现翻番，外贸出口增长8%。", "出口", "增长8%"),
        ("全年对外贸易进出口总额增长5.2%。", "外贸进出口总额", "增长5.2%"),  # 对外 is no partner
    ],
)
def test_the_whole_indicator_is_read_beside_such_words(review, canonical, change):
    """The same words around a whole indicator: a list after a headline figure, an effort that
    drove the indicator's own growth."""
    assert _metrics(review)[canonical][1] == change


def test_a_first_crossing_gives_the_level_and_the_exact_figure_after_it_wins():
    """首次 stands between a name and its value like 达到 does; where the threshold crossed is
    followed by the exact level (首次突破2万元、达到20793元), the exact level is the value."""
    assert _metrics("外经外贸持续提升，出口首次突破2万亿元。")["出口"][0] == "突破2万亿元"
    assert _metrics("粮食产量首次突破1.4万亿斤。")["粮食产量"][0] == "突破1.4万亿斤"
    got = _metrics("农村居民人均可支配收入首次突破2万元、达到20793元。")
    assert got["农村居民人均可支配收入"][0] == "20793元"


@pytest.mark.parametrize(
    "review, value",
    [
        ("粮食生产再获丰收，总产达到557亿斤，连续12年稳定在500亿斤以上。", "557亿斤"),
        ("全国粮食连续四年增产，2024年产量达到50150万吨。", "50150万吨"),
        ("全疆粮食播种面积4440万亩、新增202.9万亩，粮食增产42.2亿斤，总产466亿斤、全国排名上升到第1。", "466亿斤"),
        ("——粮食生产再创新高。播种面积达到8780.7万亩，单产连续3年居第1位，总产量达到853.2亿斤。", "853.2亿斤"),
    ],
)
def test_a_name_printed_in_two_clauses_is_read_whole(review, value):
    """The head opens a clause (or a short topic sentence) and the property opens a later clause
    of the sentence: 粮食……，总产达到557亿斤 is the grain output; the quote names the head."""
    metric = next(m for m in extract_headline_metrics(_doc(review)) if m.canonical == "粮食产量")
    assert metric.value == value and metric.source.quote.lstrip("—").startswith(("粮食", "全国粮食", "全疆粮食"))


@pytest.mark.parametrize(
    "review",
    [
        "棉花种植面积稳定，产量增长5%，总产达到50万吨。",  # no head: another crop's output
        "全省粮食播种面积稳定，油料产量达到300万吨。",  # the property does not open its clause
        "推进粮食安全，总产量达到300万吨。",  # the clause does not open with the head
        "粮食加工业加快发展，总产值达到300亿元。",  # 总产值 is a value, not the output
    ],
)
def test_a_property_without_its_head_is_no_headline_name(review):
    assert "粮食产量" not in _metrics(review)


def test_through_the_command_line_pairs_carry_their_own_names_and_problem_headlines_say_something(tmp_path):
    """summarize --no-model --json: the urban and rural figures of a 分别 pair under their own
    names, and problem headlines that are whole first clauses (no 和挑战, no 主要是)."""
    import json

    from typer.testing import CliRunner

    from summarizer.cli import app

    report = tmp_path / "某某省_2025.txt"
    review = (
        "过去一年，全省地区生产总值增长5.7%，城乡居民人均可支配收入分别增长4.7%、6.6%。\n"
        "同时，我省经济社会发展还面临一些困难和挑战，主要是：产业转型任务依然紧迫；同先进地区相比，营商环境存在差距。对于这些问题，我们将切实加以解决。"
    )
    report.write_text(HEAD + "一、2024年工作回顾\n" + review + "\n二、2025年工作安排\n今年主要预期目标是：地区生产总值增长5%左右。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["summarize", str(report), "--no-model", "--json", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    incomes = {m["indicator"]: m["change"] for m in data["headline_metrics"] if "收入" in m["indicator"]}
    assert incomes == {"城镇居民人均可支配收入": "增长4.7%", "农村居民人均可支配收入": "增长6.6%"}
    assert [p["summary"] for p in data["problems"]] == ["产业转型任务依然紧迫", "同先进地区相比，营商环境存在差距"]


def test_a_targets_sentence_in_prose_is_read_where_the_tree_cuts_a_targets_section_around_it():
    """Headings without numbers: the tree cuts a derived 目标 section around "……预期目标为7%左右，
    既考虑了……"; the trigger is read there as anywhere else (it was skipped as its section's)."""
    text = (
        "各位代表：\n现在，我代表国务院，向大会作政府工作报告，请予审议。\n一年来工作回顾\n过去一年，国内生产总值增长9.1%。\n"
        "2004年主要任务\n今年政府工作的总体要求是，坚持稳中求进。\n加强和改善宏观调控，保持经济平稳较快发展\n"
        "今年经济工作的基本着眼点，是实现经济平稳较快发展。中央提出今年经济增长预期目标为7%左右，既考虑了保持宏观调控目标的连续性，也考虑了经济增长的潜力。\n"
        "加强政府自身建设\n要转变政府职能。\n"
    )
    doc = parse_bytes(text.encode("utf-8"), "report.txt")
    assert [(t.canonical, t.target) for t in extract_targets(doc)] == [("地区生产总值", "增长7%左右")]


def test_in_a_report_without_parts_what_stands_before_the_plan_is_its_review():
    """No heading numbers, so no parts: a results sentence that does not name its year still
    counts where it stands before the plan begins."""
    text = (
        "2022年，全区上下坚持稳中求进，经济社会发展重点工作任务基本顺利完成。\n"
        "全力以赴稳增长，发展见效能\n聚焦稳增长要求，统筹经济社会发展和疫情防控取得积极成果。经济指标回稳向好，地区生产总值达2952亿元，同比增长3.1%。\n"
        "2023年国民经济和社会发展计划安排\n2023年是全面贯彻党的二十大精神的开局之年。主要预期目标是：地区生产总值增长6%。\n"
    )
    doc = parse_bytes(text.encode("utf-8"), "某某区_2023.txt")
    assert {m.canonical: (m.value, m.change) for m in extract_headline_metrics(doc)} == {"地区生产总值": ("2952亿元", "同比增长3.1%")}
    assert [(t.canonical, t.target) for t in extract_targets(doc)] == [("地区生产总值", "增长6%")]


def test_a_list_of_how_the_indicators_went_is_results_whatever_its_part_is_called():
    """主要经济指标情况如下 introduces results: under a title without a keyword its part is still the
    review, and its list gives headline metrics, not targets."""
    text = (
        "深圳市某某区2023年国民经济和社会发展计划\n一、砥砺奋进开新局\n"
        "2022年以来，全区经济社会各项事业取得新进展新成效。主要经济指标情况如下：\n"
        "——地区生产总值1080亿元，增长14.0%。\n——规模以上工业增加值691亿元，增长27.0%。\n"
        "二、乘势而上谱新篇\n2023年经济社会发展主要目标如下：\n——地区生产总值增长8%。\n"
    )
    doc = parse_bytes(text.encode("utf-8"), "某某区_2023.txt")
    assert doc.tree.sections[1].kind.value == "review"
    assert [(t.canonical, t.target) for t in extract_targets(doc)] == [("地区生产总值", "增长8%")]
    assert {m.canonical: m.value for m in extract_headline_metrics(doc)} == {"地区生产总值": "1080亿元", "规上工业增加值": "691亿元"}


def test_problems_stated_plainly_where_the_report_weighs_the_year_ahead_are_found():
    """No admission in the review: the plan part weighs the year ahead and says plainly
    "但是，……仍然存在一些突出矛盾和问题。", then lists them. That sentence only announces them."""
    plan = (
        "今年发展环境虽然有可能好于去年，但是面临的形势极为复杂。\n"
        "但是，经济社会发展中仍然存在一些突出矛盾和问题。经济增长内生动力不足，自主创新能力不强；财政金融领域潜在风险增加。\n"
        "今年经济社会发展的主要预期目标是：国内生产总值增长8%左右。"
    )
    summaries = [p.summary for p in extract_problems(_doc("过去一年，国内生产总值增长8.7%。", plan))]
    assert summaries == ["经济增长内生动力不足", "自主创新能力不强", "财政金融领域潜在风险增加"]


def test_a_problems_list_goes_on_after_a_lone_lead_line_and_a_paragraph_that_states_more():
    review = (
        "过去一年，国内生产总值增长9.2%。\n我们也清醒地看到，经济运行中又出现不少新情况新问题。\n主要是：\n"
        "经济增长存在下行压力，物价水平仍然偏高。\n政府工作仍存在一些缺点和不足，廉政建设亟需加强。\n"
        "我们一定要采取更加有力的措施，切实解决存在的问题。"
    )
    summaries = [p.summary for p in extract_problems(_doc(review))]
    assert summaries[-4:] == ["经济增长存在下行压力", "物价水平仍然偏高", "政府工作仍存在一些缺点和不足", "廉政建设亟需加强"]
    assert not any("措施" in s for s in summaries)


def test_a_lists_lead_at_the_start_of_the_next_paragraph_is_no_part_of_its_first_item():
    """"主要是：" joined to its list (as a wrapped page prints it) in the paragraph after the
    admission: the list goes on there, and its first item is the problem, not "主要是"."""
    review = (
        "过去一年，国内生产总值增长9.2%。\n我们也清醒地看到，经济运行中又出现不少新情况新问题。\n"
        "主要是：经济增长存在下行压力，物价水平仍然偏高。\n我们一定要采取更加有力的措施，切实解决存在的问题。"
    )
    summaries = [p.summary for p in extract_problems(_doc(review))]
    assert summaries[-2:] == ["经济增长存在下行压力", "物价水平仍然偏高"] and "主要是" not in summaries
