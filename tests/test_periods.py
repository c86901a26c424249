"""Headline metrics of the review year in a report that also reviews five years (the reports that
close a plan period), and the forms of results that the year's review prints."""

from __future__ import annotations

from summarizer.parse.document import parse_bytes
from summarizer.parse.periods import opening, paragraph_scope
from summarizer.rules.headline import extract_headline_metrics

HEAD = "2026年某某省政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n"
PLAN = "\n三、2026年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n（一）扩大内需。要加快推进。\n（二）科技创新。要加快推进。\n"


def _metrics(review: str, title: str = "一、2025年和“十四五”时期工作回顾"):
    doc = parse_bytes((HEAD + title + "\n" + review + PLAN).encode("utf-8"), "某某省_2026.txt")
    return {m.canonical: m for m in extract_headline_metrics(doc)}


FIVE_YEARS = (
    "这五年，我们全力推动高质量发展，经济实力迈上新台阶。\n"
    "地区生产总值突破3万亿元、年均增长4.7%，一般公共预算收入年均增长7.8%。\n"
)
THE_YEAR = "刚刚过去的2025年，全省经济稳中有进。地区生产总值增长4.1%，居民消费价格指数持平。\n"


def test_a_five_year_figure_yields_to_the_years_own():
    got = _metrics(FIVE_YEARS + THE_YEAR)
    assert got["地区生产总值"].change == "增长4.1%" and got["地区生产总值"].period is None


def test_a_figure_printed_only_for_the_five_years_is_labelled_so():
    got = _metrics(FIVE_YEARS + THE_YEAR)
    assert got["一般公共预算收入"].period == "五年"


def test_the_year_first_then_the_five_years():
    got = _metrics(THE_YEAR + "各位代表！2025年目标任务顺利完成，标志着“十四五”圆满收官。五年来，一般公共预算收入年均增长7.8%。\n")
    assert got["地区生产总值"].period is None and got["一般公共预算收入"].period == "五年"


def test_a_part_titled_only_by_the_period_starts_in_it():
    got = _metrics("——经济运行稳中有进。地区生产总值超过2.5万亿元、年均增长5%。\n", title="一、“十四五”时期工作回顾")
    assert got["地区生产总值"].period == "五年"


def test_a_future_period_named_in_passing_is_no_five_year_passage():
    assert not paragraph_scope("（二）抢抓机遇。制定2024年、2025年、“十五五”期间实施重大项目清单，社会消费品零售总额增长3.7%。", False)
    assert paragraph_scope("各位代表！“十四五”以来，面对疫情冲击，GDP年均增长4.4%。", False)
    assert not paragraph_scope("2025年是“十四五”收官之年。习近平总书记再次亲临视察。", True)
    assert paragraph_scope("2025年是“十四五”规划收官之年。过去五年，发展历程极不寻常。", False)
    assert opening("一。二。三。四。") == "一。二。三。"


def test_flat_is_a_change_of_zero_and_nearly_flat_is_no_figure():
    got = _metrics(THE_YEAR)
    assert (got["居民消费价格"].change, got["居民消费价格"].change_number) == ("持平", 0.0)
    assert "居民消费价格" not in _metrics("过去一年，居民消费价格涨幅基本持平。\n")


def test_a_slight_fall_is_a_fall():
    m = _metrics("过去一年，地区生产总值增长4%。CPI微降0.1%，城镇调查失业率5.2%。\n")["居民消费价格"]
    assert (m.change, m.change_number) == ("微降0.1%", -0.1)


def test_a_rank_between_the_level_and_the_change():
    m = _metrics("过去一年，全省地区生产总值达到5.53万亿元、稳居全国前十强、增长4.8%。\n")["地区生产总值"]
    assert (m.value, m.change) == ("5.53万亿元", "增长4.8%")


def test_a_figure_by_another_definition_stays_in_the_quote():
    m = _metrics("过去一年，地方一般公共预算收入达3507.6亿元、增长1.7%（同口径增长2.5%以上），居民收入增长5%。\n")["一般公共预算收入"]
    assert m.change == "增长1.7%" and m.source.quote.endswith("（同口径增长2.5%以上）")
