"""Who and what a report is when its title, date and speaker lines are gone (as reposts print
it): from what the body says, and unknown rather than wrong."""

from __future__ import annotations

from summarizer.parse.classify import years_named
from summarizer.parse.document import parse_bytes

REVIEW = "一、工作回顾\n过去一年，全省地区生产总值增长5%，省委、省政府团结带领全省人民攻坚克难。\n"
PLAN = "二、今年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n"


def _metadata(text: str):
    return parse_bytes(text.encode("utf-8"), "report.txt").tree.metadata


def test_i_report_for_the_provincial_government_makes_a_work_report_also_without_人民():
    md = _metadata("各位代表：\n现在，我代表省政府，向大会报告工作，请予审议。\n" + REVIEW + PLAN)
    assert md.doc_type == "政府工作报告"


def test_a_province_is_known_by_its_other_names_and_by_how_it_speaks_of_itself():
    body = "“六个龙江”建设稳步推进，龙江振兴迈出新步伐，黑龙江粮食产量再创新高，我省龙江制造加快升级，龙江文旅持续火热。"
    md = _metadata("各位代表：\n现在，我代表省人民政府向大会报告工作。\n" + REVIEW + body + "\n" + PLAN)
    assert md.region == "黑龙江省"
    # named as often, but never speaking of itself as a province: unknown, not a guess
    assert _metadata("各位代表：\n" + body + "\n" + PLAN).region is None


def test_a_document_the_body_names_in_book_marks_is_not_what_the_report_is():
    text = (
        "2022年，全区认真执行区人大会议审议批准的《政府工作报告》和2022年国民经济和社会发展计划，经济平稳运行。\n"
        "一、2022年计划执行情况\n地区生产总值增长5%。\n二、2023年计划安排\n地区生产总值增长6%。\n"
    )
    assert _metadata(text).doc_type == "计划执行情况与计划"


def test_deadlines_and_events_ahead_are_not_the_years_a_report_speaks_of():
    # one mention each: 2003 (the review), 2004 (the plan), and years ahead that must not win
    text = "2003年，经济平稳较快增长。到2007年使西部地区基本普及九年义务教育。继续做好2008年北京奥运会筹备工作。2004年要坚持稳中求进。确保完成2005年前裁减军队员额任务。"
    assert years_named(text) == (2003, 2004)
    # a span of years is no deadline: 由1997年的……增加到2002年的……
    assert years_named("由1997年的3252亿美元增加到2002年的6208亿美元。2002年财政收入增长。2003年要继续努力。") == (2002, 2003)


def test_a_text_whose_line_breaks_were_lost_is_named_by_its_opening_words():
    text = (
        "深圳市光明区2022年国民经济和社会发展计划执行情况与2023年计划草案的报告 各位代表：受区人民政府委托，现将计划执行情况报告如下。"
        "一、2022年计划执行情况 地区生产总值增长5%。二、2023年计划安排 地区生产总值增长6%。"
    )
    md = _metadata(text)
    assert (md.region, md.doc_type, md.review_year, md.plan_year) == ("光明区", "计划执行情况与计划", 2022, 2023)


def test_the_plan_year_follows_the_year_reviewed_even_where_a_plan_part_names_that_year():
    text = "一、1999年国内工作回顾\n1999年，经济增长7.1%。\n二、1999年主要任务\n今年要继续扩大内需，预期目标是经济增长7%左右。\n"
    md = _metadata(text)
    assert (md.review_year, md.plan_year) == (1999, 2000)
